### Coach dashboard, contact requests page (bot/coach/views_contact.py, templates/contacts.html).

coach_contacts-contacts = Kontaktförfrågningar
coach_contacts-intro = De här personerna bad en handledare att kontakta dem, utanför tjänstetid eller när ingen handledare var ledig. De godkände att en handledare i den här staden ser numret eller adressen. Kontakta dem och markera sedan förfrågan som klar.
coach_contacts-when = Frågade
coach_contacts-why = Varför
coach_contacts-closed = utanför tjänstetid
coach_contacts-timeout = ingen handledare var ledig
coach_contacts-language = Språk
coach_contacts-contact = Kontakt
coach_contacts-phone = Telefon
coach_contacts-email = E-post
coach_contacts-action = Åtgärd
coach_contacts-done = Markera som klar
coach_contacts-done_label = Markera som klar: { $contact }
coach_contacts-marked = Förfrågan markerades som klar.
coach_contacts-none = Inga öppna kontaktförfrågningar.
