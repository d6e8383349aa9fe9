"""Texts of the demo city pages in Finnish, Swedish and English.

Strings may contain ``{city}`` (the city's name in the page language, in the
form the sentence needs: ``city_in`` gives "in Helsinki" / "Helsingissä").
"""

from __future__ import annotations

# Locative forms for Finnish sentences ("in Helsinki").
CITY_IN: dict[str, dict[str, str]] = {
    "fi": {"helsinki": "Helsingissä", "espoo": "Espoossa", "turku": "Turussa", "vantaa": "Vantaalla"},
    "sv": {"helsinki": "i Helsingfors", "espoo": "i Esbo", "turku": "i Åbo", "vantaa": "i Vanda"},
    "en": {"helsinki": "in Helsinki", "espoo": "in Espoo", "turku": "in Turku", "vantaa": "in Vantaa"},
}

LANGUAGE_NAMES: dict[str, str] = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

TEXT: dict[str, dict[str, object]] = {
    "en": {
        "skip_link": "Skip to main content",
        "nav_label": "Main menu",
        "nav": ["Work and enterprise", "Education", "Health and social services", "Housing", "Culture and leisure"],
        "lang_nav_label": "Language",
        "breadcrumb": "Work and enterprise › Employment services",
        "page_title": "Employment services",
        "lead": "Looking for work, studies or a new direction {city_in}? Our services help you find a path into jobs and training in the digital industries.",
        "sections": [
            ("Talk to our digital guide", "The DigiPoint guide asks about your goals, strengths and interests and suggests courses and jobs that fit you. It takes about ten minutes. You can stay anonymous, skip any question and start over at any time. Open the chat from the button at the bottom of the page."),
            ("Find work", "Browse open positions, get help with your CV and job applications, and meet employers at recruitment events."),
            ("Study and training", "Labour market training, vocational studies and courses at universities of applied sciences are often free for jobseekers. Skills you have gained at work can be recognised as prior learning."),
            ("Personal coaching", "A career coach can meet you in person, by phone or online. Coaches can also continue from a summary of your chat if you agree to share it."),
        ],
        "contact_title": "Contact",
        "phone_label": "Phone",
        "footer_note": "This is a demonstration page of the DigiPoint guidance chatbot. It is not an official page of the city.",
        "widget_title": "DigiPoint career guide",
        "index_title": "DigiPoint demo: career guidance chat for city websites",
        "index_lead": "DigiPoint is an open-source guidance chatbot for jobseekers. Choose a city page below to see the chat box embedded in a city website, or try it on this page with the button at the bottom right.",
        "index_cities": "City pages",
        "index_coach": "Coach dashboard",
        "not_found_title": "Page not found",
        "not_found_text": "We could not find the page you were looking for.",
        "not_found_back": "Back to the demo front page",
    },
    "fi": {
        "skip_link": "Siirry pääsisältöön",
        "nav_label": "Päävalikko",
        "nav": ["Työ ja yrittäminen", "Kasvatus ja koulutus", "Sosiaali- ja terveyspalvelut", "Asuminen", "Kulttuuri ja vapaa-aika"],
        "lang_nav_label": "Kieli",
        "breadcrumb": "Työ ja yrittäminen › Työllisyyspalvelut",
        "page_title": "Työllisyyspalvelut",
        "lead": "Etsitkö työtä, opiskelupaikkaa tai uutta suuntaa {city_in}? Palvelumme auttavat sinua löytämään polun digialan töihin ja koulutuksiin.",
        "sections": [
            ("Keskustele digitaalisen oppaan kanssa", "DigiPoint-opas kysyy tavoitteistasi, vahvuuksistasi ja kiinnostuksen kohteistasi ja ehdottaa sinulle sopivia koulutuksia ja työpaikkoja. Keskustelu kestää noin kymmenen minuuttia. Voit asioida nimettömänä, ohittaa kysymyksiä ja aloittaa alusta milloin tahansa. Avaa chat sivun alareunan painikkeesta."),
            ("Etsi työtä", "Selaa avoimia työpaikkoja, saa apua ansioluetteloon ja hakemuksiin ja tapaa työnantajia rekrytointitapahtumissa."),
            ("Opiskelu ja koulutus", "Työvoimakoulutus, ammatilliset opinnot ja ammattikorkeakoulujen kurssit ovat usein maksuttomia työnhakijoille. Työssä hankitun osaamisen voi saada tunnustetuksi (AHOT)."),
            ("Henkilökohtainen valmennus", "Uravalmentaja voi tavata sinut paikan päällä, puhelimessa tai verkossa. Valmentaja voi jatkaa keskustelusi yhteenvedosta, jos annat siihen luvan."),
        ],
        "contact_title": "Yhteystiedot",
        "phone_label": "Puhelin",
        "footer_note": "Tämä on DigiPoint-ohjausbotin esittelysivu. Se ei ole kaupungin virallinen sivu.",
        "widget_title": "DigiPoint-uraopas",
        "index_title": "DigiPoint-demo: uraohjauksen chat kaupunkien verkkosivuille",
        "index_lead": "DigiPoint on avoimen lähdekoodin ohjausbotti työnhakijoille.",
        "index_cities": "Kaupunkien sivut",
        "index_coach": "Valmentajan näkymä",
        "not_found_title": "Sivua ei löytynyt",
        "not_found_text": "Etsimääsi sivua ei löytynyt.",
        "not_found_back": "Takaisin esittelyn etusivulle",
    },
    "sv": {
        "skip_link": "Hoppa till huvudinnehållet",
        "nav_label": "Huvudmeny",
        "nav": ["Arbete och företagande", "Fostran och utbildning", "Social- och hälsovård", "Boende", "Kultur och fritid"],
        "lang_nav_label": "Språk",
        "breadcrumb": "Arbete och företagande › Sysselsättningstjänster",
        "page_title": "Sysselsättningstjänster",
        "lead": "Söker du arbete, studier eller en ny riktning {city_in}? Våra tjänster hjälper dig att hitta en väg till jobb och utbildning inom de digitala branscherna.",
        "sections": [
            ("Prata med vår digitala guide", "DigiPoint-guiden frågar om dina mål, styrkor och intressen och föreslår kurser och jobb som passar dig. Det tar ungefär tio minuter. Du kan vara anonym, hoppa över frågor och börja om när som helst. Öppna chatten med knappen längst ner på sidan."),
            ("Hitta arbete", "Bläddra bland lediga jobb, få hjälp med cv och ansökningar och träffa arbetsgivare på rekryteringsevenemang."),
            ("Studier och utbildning", "Arbetskraftsutbildning, yrkesstudier och kurser vid yrkeshögskolor är ofta avgiftsfria för arbetssökande. Kunnande från arbetslivet kan erkännas som tidigare förvärvat kunnande."),
            ("Personlig coachning", "En karriärcoach kan träffa dig på plats, per telefon eller på nätet. Coachen kan fortsätta från en sammanfattning av din chatt om du samtycker."),
        ],
        "contact_title": "Kontakt",
        "phone_label": "Telefon",
        "footer_note": "Detta är en demonstrationssida för DigiPoint-guidningsboten. Den är inte stadens officiella sida.",
        "widget_title": "DigiPoint karriärguide",
        "index_title": "DigiPoint-demo: karriärvägledning i chatt för städernas webbplatser",
        "index_lead": "DigiPoint är en vägledningsbot med öppen källkod för arbetssökande.",
        "index_cities": "Städernas sidor",
        "index_coach": "Coachens vy",
        "not_found_title": "Sidan hittades inte",
        "not_found_text": "Vi hittade inte sidan du sökte.",
        "not_found_back": "Tillbaka till demons startsida",
    },
}


def page_text(language: str, city_slug: str | None = None) -> dict[str, object]:
    """Return the page texts of ``language`` with ``{city_in}`` filled for ``city_slug``."""
    city_in = CITY_IN[language].get(city_slug or "", "")
    filled: dict[str, object] = {}
    for key, value in TEXT[language].items():
        filled[key] = value.replace("{city_in}", city_in) if isinstance(value, str) else value
    return filled
