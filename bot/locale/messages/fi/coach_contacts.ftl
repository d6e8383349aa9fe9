### Coach dashboard, contact requests page (bot/coach/views_contact.py, templates/contacts.html).

coach_contacts-contacts = Yhteydenottopyynnöt
coach_contacts-intro = Nämä ihmiset pyysivät ohjaajaa ottamaan yhteyttä, virka-ajan ulkopuolella tai kun yksikään ohjaaja ei ollut vapaana. He hyväksyivät, että tämän kaupungin ohjaaja näkee numeron tai osoitteen. Ota yhteyttä ja merkitse pyyntö sitten hoidetuksi.
coach_contacts-when = Pyydetty
coach_contacts-why = Syy
coach_contacts-closed = virka-ajan ulkopuolella
coach_contacts-timeout = yksikään ohjaaja ei ollut vapaana
coach_contacts-language = Kieli
coach_contacts-contact = Yhteystieto
coach_contacts-phone = Puhelin
coach_contacts-email = Sähköposti
coach_contacts-action = Toiminto
coach_contacts-done = Merkitse hoidetuksi
coach_contacts-done_label = Merkitse hoidetuksi: { $contact }
coach_contacts-marked = Pyyntö merkittiin hoidetuksi.
coach_contacts-none = Ei avoimia yhteydenottopyyntöjä.
