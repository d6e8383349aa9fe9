### Coach dashboard, contact requests page (bot/coach/views_contact.py, templates/contacts.html).

coach_contacts-contacts = Contact requests
coach_contacts-intro = These people asked a coach to contact them, outside office hours or when no coach was free. They agreed that a coach of this city sees the number or address. Contact them, then mark the request done.
coach_contacts-when = Asked at
coach_contacts-why = Why
coach_contacts-closed = outside office hours
coach_contacts-timeout = no coach was free
coach_contacts-language = Language
coach_contacts-contact = Contact
coach_contacts-phone = Phone
coach_contacts-email = E-mail
coach_contacts-action = Action
coach_contacts-done = Mark done
coach_contacts-done_label = Mark done: { $contact }
coach_contacts-marked = Request marked done.
coach_contacts-none = No open contact requests.
