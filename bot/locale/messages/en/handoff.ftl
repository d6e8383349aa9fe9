### What the bot says around a handoff to a coach (actions/handoff*.py, via bot.handoff.chat_text.say).
### Words follow docs/glossary.yml: coach = ohjaaja (fi), handledare (sv).

handoff-queued = I have asked a coach to join this chat. You can keep writing while you wait: the coach sees your messages. I will not answer until the coach is done.
handoff-queue_next = You are next in the queue. A coach usually joins in about { $minutes } minutes.
handoff-queue_place = You are number { $position } in the queue. A coach usually joins in about { $minutes } minutes.
handoff-joined_named = { $name }, a coach, has joined the chat.
handoff-joined = A coach has joined the chat.
handoff-left = The coach has left the chat. You are with DigiPoint, the chatbot, again. We can carry on where we left off.
handoff-timeout = I'm sorry, no coach is free right now.
handoff-closed = Coaches answer in this chat { $hours }. Right now no coach is here.
handoff-offer = A coach can contact you later by phone or e-mail. Or you can contact { $service } yourself: { $contacts }
handoff-offer_button = Yes, contact me
handoff-ask_consent = A coach of { $city } will see your phone number or e-mail address. They use it only to contact you about this. It is deleted when you write "delete my data", or after { $days } days. Is that OK?
handoff-consent_unclear = Please choose Yes or No. You can also write yes or no.
handoff-consent_yes = Yes, that's OK
handoff-consent_no = No, thanks
handoff-ask_detail = Please write your phone number or your e-mail address.
handoff-bad_phone = That doesn't look like a phone number. Please write it like 040 123 4567, or write your e-mail address.
handoff-bad_email = That e-mail address doesn't look right. Please check it, like name@example.fi.
handoff-saved = Thank you. A coach will contact you at { $contact } on a working day ({ $hours }). You can write "delete my data" at any time.
handoff-not_saved = That's fine. I did not keep a phone number or an e-mail address. You can contact { $service } yourself: { $contacts }
handoff-save_failed = I'm sorry, I could not save it just now. Please contact { $service } yourself: { $contacts }
# A time of day in the office hours (bot/handoff/office_hours.py): $minute is two digits.
handoff-clock = { $hour }:{ $minute }
