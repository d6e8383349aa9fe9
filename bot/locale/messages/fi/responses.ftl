### Responses: the bot's replies that Rasa sends by name (utter_*), through
### rasa_addons/nlg.py. Buttons and their payloads: bot/locale/responses.yml;
### a button's title is an attribute of its response.

responses-welcome = Moi! Olen DigiPoint, chatbot. Autan sinua löytämään töitä, kursseja ja koulutusta digialalta. Kysyn ensin muutaman lyhyen kysymyksen. Sitten ehdotan kursseja ja työpaikkoja, ja mietitään yhdessä, mitä teet seuraavaksi. Voit olla nimettömänä: en tarvitse nimeäsi. Tallennan vastauksesi, jotta voin auttaa sinua. Ohjaaja näkee yhteenvedon vain, jos annat luvan. Voit kirjoittaa milloin vain "poista tietoni". Aloitetaan!
    .finnish = Suomeksi
    .swedish = På svenska
    .english = In English
    .privacy = Mitä tallennat?
responses-help = Autan löytämään kursseja ja töitä digialalta. Kysyn tavoitteistasi, itseluottamuksestasi ja siitä, mistä tykkäät. Sitten ehdotan kursseja ja työpaikkoja, ja valitaan seuraavat askeleet. Voit aina kirjoittaa: "ohita", "aloita alusta", "haluan puhua ihmiselle", "mitä tallennat", "poista tietoni", "in English" tai "på svenska".
    .introduction = Kirjoita esittelyni
    .interview = Harjoittele työhaastattelua
    .next_steps = Valitse seuraavat askeleet
    .coach = Puhu ohjaajan kanssa
responses-goodbye = Moikka ja onnea matkaan! Kun tulet takaisin, jatketaan siitä mihin jäätiin.
responses-thank = Ole hyvä! Autan mielelläni.
responses-bot_challenge = Olen chatbot, en ihminen. Jos haluat jutella ihmisen kanssa, kirjoita "haluan puhua ohjaajalle".
responses-feel_discouraged = Se kuulostaa tosi raskaalta. Työnhaku voi väsyttää kenet tahansa. Se ei kerro mitään sinun arvostasi. Voimme edetä pienin askelin. Jos haluat jutella ihmisen kanssa, kirjoita "haluan puhua ohjaajalle". Jos mietit itsesi satuttamista, kerro minulle, niin kerron, mistä saat apua heti.
responses-application_help = En voi kirjoittaa CV:tä tai hakemusta puolestasi täällä. Kolme vinkkiä: Kerro ensin, mitä osaat, älä vain tehtävänimikkeitä. Käytä samoja sanoja kuin työpaikkailmoituksessa. Pidä CV yhden sivun mittaisena. Ohjaaja voi käydä CV:si läpi kanssasi: kirjoita "haluan puhua ohjaajalle".
    .introduction = Kirjoita esittelyni
    .interview = Harjoittele työhaastattelua
responses-out_of_scope = Anteeksi, tässä en osaa auttaa. Osaan auttaa digialan töissä, kursseissa ja koulutuksessa.
responses-privacy = Tallennan vastauksesi tässä chatissa: tavoitteet, kaupungin, taustasi ja lyhyiden testien tulokset. En tarvitse nimeäsi. Ohjaaja näkee yhteenvedon vain, jos annat luvan. Kirjoita "poista tietoni", niin poistan kaiken.
responses-default = Anteeksi, en ymmärtänyt. Voisitko sanoa sen toisin? Voit myös kirjoittaa "apua".
responses-message_too_long = Viestisi on tosi pitkä. Voisitko kirjoittaa sen lyhyemmin, muutamalla lauseella?
responses-ask_goal_type = Mitä etsit?
    .job = Työpaikkaa
    .study = Opiskelua tai koulutusta
    .both = Molempia
    .unsure = En ole vielä varma
    .skip = Ohita
responses-ask_field = Millainen työ sinua kiinnostaa?
    .software = Ohjelmointi
    .data = Data
    .ux_content = UX ja sisällöt
    .it_support = IT-tuki
    .marketing_sales = Markkinointi ja myynti
    .testing_quality = Testaus ja laatu
    .unsure = En tiedä vielä
    .skip = Ohita
responses-ask_city = Missä haluaisit tehdä töitä tai opiskella?
    .online = Verkossa
    .skip = Ohita
responses-ask_timeframe = Milloin haluaisit aloittaa?
    .now = Heti
    .three_months = Noin 3 kuukauden päästä
    .this_year = Tänä vuonna
    .unsure = En tiedä vielä
    .skip = Ohita
responses-ask_education_level = Mikä on korkein koulutus, jonka olet suorittanut?
    .basic = Peruskoulu
    .secondary = Lukio tai ammattikoulu
    .bachelor = AMK tai kandi
    .master = Maisteri tai ylempi AMK
    .other = Jokin muu
    .skip = Ohita
responses-ask_background = Kerro vähän työkokemuksestasi ja taidoistasi omin sanoin. Esimerkiksi: "Olin kaupassa töissä ja osaan Excelin." Kaikki käy, myös harrastukset ja vapaaehtoistyö. Voit myös ohittaa tämän.
    .skip = Ohita
responses-confidence_intro = Kiitos! Seuraavaksi 5 lyhyttä kysymystä siitä, miltä työn tai opiskelupaikan etsiminen sinusta tuntuu. Vääriä vastauksia ei ole. Valitse 1 (en lainkaan varma) – 5 (täysin varma).
# $interests_restored: the slot, "true" after a resume code kept all 12 answers.
responses-interest_intro = { $interests_restored ->
        [true] Hyvä. Säilytin kiinnostusvastauksesi viime kerralta, joten kysymyksiä ei tule nyt enempää.
       *[false] Hyvä. Nyt 12 nopeaa kysymystä tehtävistä, joista saattaisit tykätä. Vastaa Tykkään, En ole varma tai En tykkää. Näin löydän sinulle sopivaa työtä.
    }
responses-offer_next_steps = Valitaanko nyt seuraavat askeleet? Valitaan yhdestä kolmeen yhdessä.
    .choose = Joo, valitaan
    .no = Ei nyt
    .coach = Puhu ohjaajan kanssa
    .introduction = Kirjoita esittelyni
    .interview = Harjoittele työhaastattelua
responses-no_next_steps_now = Ihan ok. Ehdotukset pysyvät tässä. Kirjoita "seuraavat askeleet" tai "ohjaaja", kun haluat.
responses-resume_form = Jatketaan.
responses-greet_again = Moi! Kiva, että olet täällä.
responses-confirm_delete = Haluatko, että poistan kaiken, mitä olen sinusta tallentanut? Tätä ei voi perua.
    .yes = Kyllä, poista
    .no = Ei, säilytä
responses-ask_share_again = Anteeksi, en ymmärtänyt. Saako ohjaaja lukea yhteenvetosi? Valitse Kyllä tai Ei. Sinä päätät.
responses-suggestions_coming = Hyvä! Näytän kursseja ja työpaikkoja heti näiden kysymysten jälkeen.
responses-nothing_to_skip = Nyt ei ole mitään ohitettavaa. Kirjoita "työt" tai "kurssit", niin jatketaan, tai "apua", niin kerron mitä osaan.

## Issue 15: fixed replies of the practice flows
responses-finish_introduction = Hienoa! Kokeile sanoa se ääneen muutaman kerran. Se helpottuu joka kerralla. Kun haluat jatkaa, valitse "Kurssit ja työpaikat" tai kirjoita "työt".
    .go_on = Kurssit ja työpaikat
responses-introduction_later = Hyvä ajatus! Vastataan ensin tähän kysymykseen. Kirjoita sitten "esittely", niin teemme sen yhdessä.
responses-interview_later = Hyvä idea! Vastataan ensin tähän kysymykseen. Sen jälkeen voit harjoitella haastattelua valikosta.
