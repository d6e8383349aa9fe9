### The demo city pages and the demo front page (bot/web/templates, read by bot.web.page_text).

pages-skip_link = Siirry pääsisältöön
pages-nav_label = Päävalikko
# The city site's main menu (nav_<n>: the n-th item).
pages-nav_1 = Työ ja yrittäminen
pages-nav_2 = Kasvatus ja koulutus
pages-nav_3 = Sosiaali- ja terveyspalvelut
pages-nav_4 = Asuminen
pages-nav_5 = Kulttuuri ja vapaa-aika
pages-lang_nav_label = Kieli
pages-breadcrumb = Työ ja yrittäminen › Työllisyyspalvelut
pages-page_title = Työllisyyspalvelut
# $city_in: the city as a place ("Turussa", "in Turku"): locative: in bot/contract/cities/<slug>.yml; "" on the front page.
pages-lead = Etsitkö työtä, opiskelupaikkaa tai uutta suuntaa { $city_in }? Palvelumme auttavat sinua löytämään polun digialan töihin ja koulutuksiin.
# The page's sections in order (sections_<n>: heading and body of the n-th).
pages-sections_1 =
    .heading = Keskustele digitaalisen oppaan kanssa
    .body = DigiPoint-opas kysyy tavoitteistasi, vahvuuksistasi ja kiinnostuksen kohteistasi ja ehdottaa sinulle sopivia koulutuksia ja työpaikkoja. Keskustelu kestää noin kymmenen minuuttia. Voit asioida nimettömänä, ohittaa kysymyksiä ja aloittaa alusta milloin tahansa. Avaa chat sivun alareunan painikkeesta.
pages-sections_2 =
    .heading = Etsi työtä
    .body = Selaa avoimia työpaikkoja, saa apua ansioluetteloon ja hakemuksiin ja tapaa työnantajia rekrytointitapahtumissa.
pages-sections_3 =
    .heading = Opiskelu ja koulutus
    .body = Työvoimakoulutus, ammatilliset opinnot ja ammattikorkeakoulujen kurssit ovat usein maksuttomia työnhakijoille. Työssä hankitun osaamisen voi saada tunnustetuksi (AHOT).
pages-sections_4 =
    .heading = Henkilökohtainen ohjaus
    .body = Ohjaaja voi tavata sinut paikan päällä, puhelimessa tai verkossa. Ohjaaja voi jatkaa keskustelusi yhteenvedosta, jos annat siihen luvan.
pages-contact_title = Yhteystiedot
pages-phone_label = Puhelin
pages-visit_label = Käyntiosoite
pages-web_label = Verkossa
pages-footer_note = Tämä on DigiPoint-oppaan esittelysivu. Se ei ole kaupungin virallinen sivu.
pages-widget_title = DigiPoint-uraopas
pages-index_title = DigiPoint-demo: uraohjauksen chat kaupunkien verkkosivuille
pages-index_lead = DigiPoint on avoimen lähdekoodin opas työnhakijoille. Se on chatbot.
pages-index_cities = Kaupunkien sivut
pages-index_coach = Ohjaajan näkymä
pages-not_found_title = Sivua ei löytynyt
pages-not_found_text = Etsimääsi sivua ei löytynyt.
pages-not_found_back = Takaisin esittelyn etusivulle
