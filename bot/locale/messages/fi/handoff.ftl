### What the bot says around a handoff to a coach (actions/handoff*.py, via bot.handoff.chat_text.say).
### Words follow docs/glossary.yml: coach = ohjaaja (fi), handledare (sv).

handoff-queued = Pyysin ohjaajaa liittymään tähän keskusteluun. Voit kirjoittaa odottaessasi: ohjaaja näkee viestisi. En vastaa itse, ennen kuin ohjaaja on valmis.
handoff-queue_next = Olet jonossa seuraavana. Ohjaaja liittyy yleensä noin { $minutes } minuutissa.
handoff-queue_place = Olet jonossa sijalla { $position }. Ohjaaja liittyy yleensä noin { $minutes } minuutissa.
handoff-joined_named = Ohjaaja { $name } liittyi keskusteluun.
handoff-joined = Ohjaaja liittyi keskusteluun.
handoff-left = Ohjaaja poistui keskustelusta. Olet taas DigiPoint-chatbotin kanssa. Voimme jatkaa siitä, mihin jäimme.
handoff-timeout = Valitettavasti yksikään ohjaaja ei ole juuri nyt vapaana.
handoff-closed = Ohjaajat vastaavat tässä keskustelussa { $hours }. Juuri nyt ohjaajia ei ole paikalla.
handoff-offer = Ohjaaja voi ottaa sinuun yhteyttä myöhemmin puhelimella tai sähköpostilla. Tai voit ottaa itse yhteyttä: { $service }, { $contacts }
handoff-offer_button = Kyllä, ottakaa yhteyttä
handoff-ask_consent = Ohjaaja ({ $city }) näkee puhelinnumerosi tai sähköpostiosoitteesi. Hän käyttää sitä vain, kun ottaa sinuun yhteyttä tästä asiasta. Tieto poistetaan, kun kirjoitat "poista tietoni", tai { $days } päivän kuluttua. Sopiiko tämä?
handoff-consent_unclear = Valitse Kyllä tai Ei. Voit myös kirjoittaa kyllä tai ei.
handoff-consent_yes = Kyllä, sopii
handoff-consent_no = Ei kiitos
handoff-ask_detail = Kirjoita puhelinnumerosi tai sähköpostiosoitteesi.
handoff-bad_phone = Tämä ei näytä puhelinnumerolta. Kirjoita se näin: 040 123 4567, tai kirjoita sähköpostiosoitteesi.
handoff-bad_email = Sähköpostiosoitteessa näyttää olevan virhe. Tarkista se, esimerkiksi nimi@esimerkki.fi.
handoff-saved = Kiitos. Ohjaaja ottaa sinuun yhteyttä ({ $contact }) arkipäivänä ({ $hours }). Voit kirjoittaa "poista tietoni" milloin tahansa.
handoff-not_saved = Selvä. En tallentanut puhelinnumeroa enkä sähköpostiosoitetta. Voit ottaa itse yhteyttä: { $service }, { $contacts }
handoff-save_failed = Valitettavasti en voinut tallentaa sitä juuri nyt. Ota itse yhteyttä: { $service }, { $contacts }
# A time of day in the office hours (bot/handoff/office_hours.py): $minute is two digits.
handoff-clock = { $hour }.{ $minute }
