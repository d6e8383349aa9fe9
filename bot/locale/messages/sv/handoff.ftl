### What the bot says around a handoff to a coach (actions/handoff*.py, via bot.handoff.chat_text.say).
### Words follow docs/glossary.yml: coach = ohjaaja (fi), handledare (sv).

handoff-queued = Jag har bett en handledare att komma in i chatten. Du kan skriva medan du väntar: handledaren ser dina meddelanden. Jag svarar inte förrän handledaren är klar.
handoff-queue_next = Du är näst på tur i kön. En handledare kommer oftast in om ungefär { $minutes } minuter.
handoff-queue_place = Du är nummer { $position } i kön. En handledare kommer oftast in om ungefär { $minutes } minuter.
handoff-joined_named = Handledaren { $name } har kommit in i chatten.
handoff-joined = En handledare har kommit in i chatten.
handoff-left = Handledaren har lämnat chatten. Du chattar med DigiPoint, chattboten, igen. Vi kan fortsätta där vi slutade.
handoff-timeout = Tyvärr är ingen handledare ledig just nu.
handoff-closed = Handledarna svarar i chatten { $hours }. Just nu finns ingen handledare här.
handoff-offer = En handledare kan kontakta dig senare per telefon eller e-post. Eller så kontaktar du själv { $service }: { $contacts }
handoff-offer_button = Ja, kontakta mig
handoff-ask_consent = En handledare i { $city } ser ditt telefonnummer eller din e-postadress. Den används bara för att kontakta dig om det här. Den raderas när du skriver "radera mina uppgifter", eller efter { $days } dagar. Är det okej?
handoff-consent_unclear = Välj Ja eller Nej. Du kan också skriva ja eller nej.
handoff-consent_yes = Ja, det är okej
handoff-consent_no = Nej tack
handoff-ask_detail = Skriv ditt telefonnummer eller din e-postadress.
handoff-bad_phone = Det ser inte ut som ett telefonnummer. Skriv det så här: 040 123 4567, eller skriv din e-postadress.
handoff-bad_email = E-postadressen ser inte rätt ut. Kontrollera den, till exempel namn@exempel.fi.
handoff-saved = Tack. En handledare kontaktar dig på { $contact } en vardag ({ $hours }). Du kan skriva "radera mina uppgifter" när som helst.
handoff-not_saved = Det går bra. Jag sparade inget telefonnummer och ingen e-postadress. Du kan själv kontakta { $service }: { $contacts }
handoff-save_failed = Tyvärr kunde jag inte spara det just nu. Kontakta själv { $service }: { $contacts }
# A time of day in the office hours (bot/handoff/office_hours.py): $minute is two digits.
handoff-clock = { $hour }:{ $minute }
