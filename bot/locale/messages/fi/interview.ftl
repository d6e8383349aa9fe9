### Haastatteluharjoitus: kysymykset, palautelauseet, napit ja vastaukset.
### Avaimet ovat muotoa "interview.<avain>"; bot/practice/interview.py valitsee
### palautteen (yksi hyvä asia, enintään yksi lisättävä), ei koskaan arvosanaa.

## Alku, varmuuskysymys ennen ja jälkeen, lopetus
interview-start = Harjoitellaan työhaastattelua. Kysyn viisi tavallista kysymystä, yksi kerrallaan. Vastaat omin sanoin, ja kerron, mikä oli hyvää ja yhden asian, jonka voisit lisätä. Voit yrittää uudestaan, ohittaa kysymyksen tai lopettaa milloin vain.
interview-se_before = Ensin yksi nopea kysymys ennen kuin aloitetaan:
interview-se_after = Vielä yksi nopea kysymys, sama kuin alussa:
interview-done = Hienoa, että harjoittelit! Jokainen vastaus, jota kokeilet, tekee oikeasta haastattelusta helpomman. Voit tulla harjoittelemaan uudestaan milloin vain.
interview-done_none = Ei haittaa, harjoitellaan toisella kertaa. Kysymykset odottavat täällä, kun haluat.
interview-confidence_up = Ennen harjoitusta sanoit { $before }/5, nyt { $after }/5. Harjoittelu näyttää auttavan sinua.
interview-confidence_same = Sanoit sekä ennen että jälkeen harjoituksen { $before }/5. Tasainen olo on myös hyvä.
interview-confidence_down = Ennen sanoit { $before }/5, nyt { $after }/5. Haastattelun miettiminen voi aluksi tuntua vaikeammalta. Se on ihan tavallista, ja harjoitellessa se helpottuu. Voit harjoitella myös ohjaajan kanssa: kirjoita "haluan puhua ohjaajalle".
interview-not_saved = (En pystynyt tallentamaan tätä juuri nyt.)
interview-go_on_button = Kurssit ja työpaikat

## Kysymykset (niiden yllä $number/$total)
interview-progress = Kysymys { $number }/{ $total }
interview-q_about_you = Kerro itsestäsi.
interview-q_why_this_job_work = Miksi haluaisit tämän työn?
interview-q_why_this_job_work_field = Miksi juuri { $field } kiinnostaa sinua työnä?
interview-q_why_this_job_study = Miksi haluaisit tämän työn tai koulutuspaikan?
interview-q_why_this_job_study_field = Miksi juuri { $field } kiinnostaa sinua työnä tai opiskelualana?
interview-q_problem_solved_everyday = Kerro tilanteesta, jossa ratkaisit jonkin ongelman. Se voi olla töissä, koulussa tai kotona.
interview-q_problem_solved_project = Kerro tilanteesta töissä, opinnoissa tai projektissa, jossa ratkaisit ongelman.
interview-q_strengths_learning = Mitkä ovat vahvuutesi, ja mitä opettelet juuri nyt?
interview-q_questions_for_employer = Onko sinulla kysyttävää meiltä?
interview-field_software = ohjelmistokehitys
interview-field_data = data-analytiikka
interview-field_ux_content = muotoilu ja sisällöntuotanto
interview-field_it_support = IT-tuki
interview-field_marketing_sales = digimarkkinointi ja myynti
interview-field_testing_quality = ohjelmistotestaus

## Palaute: mikä oli hyvää
interview-good_star = Hyvä: kerroit oikean esimerkin ja miten se päättyi.
interview-good_example = Hyvä: kerroit oikean esimerkin.
interview-good_result = Hyvä: kerroit, mitä siitä seurasi.
interview-good_first_person = Hyvä: kerroit siitä, mitä itse teet.
interview-good_relevant = Hyvä: vastauksesi vastaa kysymykseen.
interview-good_question = Hyvä: kysymys näyttää, että olet kiinnostunut.
interview-good_effort = Kiitos vastauksesta. Kokeilemalla oppii.

## Palaute: yksi lisättävä asia
interview-add_more = Ensi kerralla voit kertoa vähän enemmän: kaksi tai kolme lausetta on hyvä.
interview-add_question_more = Voisit kysyä jotain työstä, esimerkiksi "Millainen on tavallinen työpäivä?"
interview-add_example = Voisit lisätä esimerkin: mikä oli tilanne, mitä teit ja miten se päättyi?
interview-add_result = Voisit kertoa, miten se päättyi: mikä muuttui sinun ansiostasi?
interview-add_first_person = Voisit kertoa, mitä teit itse: "Minä ..."
interview-add_shorter = Voisit lyhentää: pääasia ja yksi esimerkki riittävät.
interview-add_relevance_about_you = Voisit kertoa työstäsi, opinnoistasi tai taidoistasi ja siitä, mitä haluat seuraavaksi.
interview-add_relevance_why_this_job = Voisit kertoa, mikä sinua kiinnostaa tässä työssä ja miksi.
interview-add_relevance_problem_solved = Voisit kertoa yhdestä ongelmasta ja siitä, miten ratkaisit sen.
interview-add_relevance_strengths_learning = Voisit kertoa yhden asian, jossa olet hyvä, ja yhden, jota opettelet.
interview-add_relevance_questions_for_employer = Voisit kysyä työnantajalta jotain, esimerkiksi "Millainen on tavallinen työpäivä?"

## Napit
interview-retry_button = Yritä uudestaan
interview-next_button = Seuraava kysymys
interview-stop_button = Lopeta harjoitus
interview-skip_button = Ohita kysymys
interview-retry = Selvä, kokeile uudestaan:
interview-choose = Voit yrittää uudestaan, siirtyä seuraavaan kysymykseen tai lopettaa.
interview-empty = Kirjoita vastauksesi omin sanoin. Muutama lause riittää.
interview-coach_hint = Jos haluat jutella ohjaajan kanssa, paina "Lopeta harjoitus" ja kirjoita sitten "haluan puhua ohjaajalle".

## Kehitys, jonka henkilö ja ohjaaja näkevät (yhteenveto)
interview-trend_before = ennen harjoitusta
interview-trend_after = harjoituksen jälkeen
interview-trend_line = Haastatteluharjoitus, kuinka varma olit (1–5): { $trend }.
