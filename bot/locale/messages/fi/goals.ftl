### Goal form: help when an answer was not understood, job family names.

goals-invalid_goal_type = Anteeksi, en ymmärtänyt. Etsitkö töitä, opiskelua tai koulutusta, molempia, vai et ole vielä varma?
goals-invalid_field = En tunnistanut alaa. Voit valita esimerkiksi ohjelmistot, data, UX ja sisällöt, IT-tuki, markkinointi ja myynti tai testaus. Myös "en ole varma" käy.
goals-invalid_city = Minulla ei ole vielä tietoa siitä paikasta. Voin auttaa { $cities_in } tai verkossa. Mikä sopii sinulle?
goals-invalid_timeframe = Milloin haluaisit aloittaa? Esimerkiksi: nyt, muutaman kuukauden päästä tai myöhemmin tänä vuonna.
goals-invalid_education_level = Mikä on korkein koulutuksesi? Esimerkiksi: peruskoulu, lukio tai ammattikoulu, AMK- tai kandidaatin tutkinto, maisterin tutkinto tai jokin muu.
goals-invalid_background = Kerro omin sanoin työstäsi, opinnoistasi tai taidoistasi. Muutama sana riittää. Voit myös sanoa "ohita".
goals-background_terms = Kiitos. Huomasin nämä taidot ja tehtävät: { $terms }.
goals-background_thanks = Kiitos, että kerroit.
goals-field_software = ohjelmistokehitys
goals-field_data = data-analyysi
goals-field_ux_content = UX ja sisällöt
goals-field_it_support = IT-tuki
goals-field_marketing_sales = digimarkkinointi ja myynti
goals-field_testing_quality = testaus ja laatu
# After an off-topic or unreadable answer at the city question: the served cities.
goals-served_cities_hint = Voin auttaa { $cities_in } tai verkossa.
goals-unserved_city = DigiPointin palvelut ovat { $cities_in }, eivät paikkakunnalla { $place }. Mistä tahansa voit silti opiskella verkkokursseilla ja etsiä töitä koko Suomesta Työmarkkinatorilla (tyomarkkinatori.fi). Etsin sinulle verkossa toimivia vaihtoehtoja.
