"""What the bot says around a handoff, in fi, sv and en (used by ``actions/handoff*.py``).

Words follow docs/glossary.yml: coach = ohjaaja (fi), handledare (sv).
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "queued": {
        "en": "I have asked a coach to join this chat. You can keep writing while you wait: "
        "the coach sees your messages. I will not answer until the coach is done.",
        "fi": "Pyysin ohjaajaa liittymään tähän keskusteluun. Voit kirjoittaa odottaessasi: "
        "ohjaaja näkee viestisi. En vastaa itse, ennen kuin ohjaaja on valmis.",
        "sv": "Jag har bett en handledare att komma in i chatten. Du kan skriva medan du väntar: "
        "handledaren ser dina meddelanden. Jag svarar inte förrän handledaren är klar.",
    },
    "queue_next": {
        "en": "You are next in the queue. A coach usually joins in about {minutes} minutes.",
        "fi": "Olet jonossa seuraavana. Ohjaaja liittyy yleensä noin {minutes} minuutissa.",
        "sv": "Du är näst på tur i kön. En handledare kommer oftast in om ungefär {minutes} minuter.",
    },
    "queue_place": {
        "en": "You are number {position} in the queue. A coach usually joins in about {minutes} minutes.",
        "fi": "Olet jonossa sijalla {position}. Ohjaaja liittyy yleensä noin {minutes} minuutissa.",
        "sv": "Du är nummer {position} i kön. En handledare kommer oftast in om ungefär {minutes} minuter.",
    },
    "joined_named": {
        "en": "{name}, a coach, has joined the chat.",
        "fi": "Ohjaaja {name} liittyi keskusteluun.",
        "sv": "Handledaren {name} har kommit in i chatten.",
    },
    "joined": {
        "en": "A coach has joined the chat.",
        "fi": "Ohjaaja liittyi keskusteluun.",
        "sv": "En handledare har kommit in i chatten.",
    },
    "left": {
        "en": "The coach has left the chat. You are with DigiPoint, the chatbot, again. "
        "We can carry on where we left off.",
        "fi": "Ohjaaja poistui keskustelusta. Olet taas DigiPoint-chatbotin kanssa. "
        "Voimme jatkaa siitä, mihin jäimme.",
        "sv": "Handledaren har lämnat chatten. Du chattar med DigiPoint, chattboten, igen. "
        "Vi kan fortsätta där vi slutade.",
    },
    "timeout": {
        "en": "I'm sorry, no coach is free right now.",
        "fi": "Valitettavasti yksikään ohjaaja ei ole juuri nyt vapaana.",
        "sv": "Tyvärr är ingen handledare ledig just nu.",
    },
    "closed": {
        "en": "Coaches answer in this chat {hours}. Right now no coach is here.",
        "fi": "Ohjaajat vastaavat tässä keskustelussa {hours}. Juuri nyt ohjaajia ei ole paikalla.",
        "sv": "Handledarna svarar i chatten {hours}. Just nu finns ingen handledare här.",
    },
    "offer": {
        "en": "A coach can contact you later by phone or e-mail. "
        "Or you can contact {service} yourself: {contacts}",
        "fi": "Ohjaaja voi ottaa sinuun yhteyttä myöhemmin puhelimella tai sähköpostilla. "
        "Tai voit ottaa itse yhteyttä: {service}, {contacts}",
        "sv": "En handledare kan kontakta dig senare per telefon eller e-post. "
        "Eller så kontaktar du själv {service}: {contacts}",
    },
    "offer_button": {
        "en": "Yes, contact me",
        "fi": "Kyllä, ottakaa yhteyttä",
        "sv": "Ja, kontakta mig",
    },
    "ask_consent": {
        "en": "A coach of {city} will see your phone number or e-mail address. They use it only to "
        "contact you about this. It is deleted when you write \"delete my data\", or after {days} days. "
        "Is that OK?",
        "fi": "Ohjaaja ({city}) näkee puhelinnumerosi tai sähköpostiosoitteesi. Hän käyttää sitä vain, "
        "kun ottaa sinuun yhteyttä tästä asiasta. Tieto poistetaan, kun kirjoitat \"poista tietoni\", "
        "tai {days} päivän kuluttua. Sopiiko tämä?",
        "sv": "En handledare i {city} ser ditt telefonnummer eller din e-postadress. Den används bara "
        "för att kontakta dig om det här. Den raderas när du skriver \"radera mina uppgifter\", "
        "eller efter {days} dagar. Är det okej?",
    },
    "consent_unclear": {
        "en": "Please choose Yes or No. You can also write yes or no.",
        "fi": "Valitse Kyllä tai Ei. Voit myös kirjoittaa kyllä tai ei.",
        "sv": "Välj Ja eller Nej. Du kan också skriva ja eller nej.",
    },
    "consent_yes": {"en": "Yes, that's OK", "fi": "Kyllä, sopii", "sv": "Ja, det är okej"},
    "consent_no": {"en": "No, thanks", "fi": "Ei kiitos", "sv": "Nej tack"},
    "ask_detail": {
        "en": "Please write your phone number or your e-mail address.",
        "fi": "Kirjoita puhelinnumerosi tai sähköpostiosoitteesi.",
        "sv": "Skriv ditt telefonnummer eller din e-postadress.",
    },
    "bad_phone": {
        "en": "That doesn't look like a phone number. Please write it like 040 123 4567, "
        "or write your e-mail address.",
        "fi": "Tämä ei näytä puhelinnumerolta. Kirjoita se näin: 040 123 4567, "
        "tai kirjoita sähköpostiosoitteesi.",
        "sv": "Det ser inte ut som ett telefonnummer. Skriv det så här: 040 123 4567, "
        "eller skriv din e-postadress.",
    },
    "bad_email": {
        "en": "That e-mail address doesn't look right. Please check it, like name@example.fi.",
        "fi": "Sähköpostiosoitteessa näyttää olevan virhe. Tarkista se, esimerkiksi nimi@esimerkki.fi.",
        "sv": "E-postadressen ser inte rätt ut. Kontrollera den, till exempel namn@exempel.fi.",
    },
    "saved": {
        "en": "Thank you. A coach will contact you at {contact} on a working day ({hours}). "
        "You can write \"delete my data\" at any time.",
        "fi": "Kiitos. Ohjaaja ottaa sinuun yhteyttä ({contact}) arkipäivänä ({hours}). "
        "Voit kirjoittaa \"poista tietoni\" milloin tahansa.",
        "sv": "Tack. En handledare kontaktar dig på {contact} en vardag ({hours}). "
        "Du kan skriva \"radera mina uppgifter\" när som helst.",
    },
    "not_saved": {
        "en": "That's fine. I did not keep a phone number or an e-mail address. "
        "You can contact {service} yourself: {contacts}",
        "fi": "Selvä. En tallentanut puhelinnumeroa enkä sähköpostiosoitetta. "
        "Voit ottaa itse yhteyttä: {service}, {contacts}",
        "sv": "Det går bra. Jag sparade inget telefonnummer och ingen e-postadress. "
        "Du kan själv kontakta {service}: {contacts}",
    },
    "save_failed": {
        "en": "I'm sorry, I could not save it just now. Please contact {service} yourself: {contacts}",
        "fi": "Valitettavasti en voinut tallentaa sitä juuri nyt. Ota itse yhteyttä: {service}, {contacts}",
        "sv": "Tyvärr kunde jag inte spara det just nu. Kontakta själv {service}: {contacts}",
    },
}


def say(key: str, lang: str, **values: object) -> str:
    """``TEXT[key]`` in ``lang`` (English when unknown), formatted with ``values``."""
    variants = TEXT[key]
    return variants.get(lang, variants["en"]).format(**values)
