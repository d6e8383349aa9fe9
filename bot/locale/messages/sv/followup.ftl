### Follow-up of agreed next steps (issue 15): due dates, the review when a person
### comes back with a resume code, the opt-in e-mail reminder and its mail.
### Keys are addressed as "followup.<key>".

## Due date of a step (asked in next_steps_form right after a pick)
followup-ask_due = När vill du göra det här: { $label }? Välj ett alternativ eller skriv ett datum (till exempel 15.1.).
followup-due_week = Om en vecka
followup-due_two_weeks = Om två veckor
followup-due_month = Om en månad
followup-due_none = Inget datum än
followup-due_set = Bra! { $date } är antecknat.
followup-due_not_set = Det gör inget, du behöver inget datum nu.
followup-due_not_understood = Förlåt, jag förstod inte datumet. Välj ett alternativ eller skriv ett datum, till exempel 15.1. (inom ett år).

## Opt-in reminder after the summary
followup-offer_reminder = Vill du få en påminnelse per e-post den dag du valde? Du bestämmer själv.
followup-reminder_yes_button = Ja, påminn mig
followup-reminder_no_button = Nej tack
followup-ask_email = Till vilken e-postadress ska påminnelsen skickas? Vi använder den bara för påminnelsen och raderar den när steget är klart.
followup-no_reminder_button = Ingen påminnelse
followup-email_invalid = Det ser inte ut som en e-postadress. Kontrollera den, eller välj "Ingen påminnelse".
followup-reminder_set = Tack. Vi skickar påminnelsen { $dates } till { $email }.
followup-reminder_declined = Okej, ingen påminnelse. Med din kod kommer du tillbaka till dina steg när du vill.
followup-reminder_failed = Förlåt, jag kunde inte spara påminnelsen just nu. Dina steg är sparade.

## Review of open steps when the person comes back
followup-review_intro = Förra gången planerade du några steg. Vi tittar på dem först.
followup-review_ask = { $label }. Hur gick det?
followup-review_ask_dated = { $label } (senast { $date }). Hur gick det?
followup-done_button = Klart
followup-not_yet_button = Inte än
followup-change_button = Byt steg
followup-celebrate = Toppen, du gjorde det! Det är ett riktigt steg framåt.
followup-kept_open = Det gör inget. Steget finns kvar på din lista. Varje litet steg räknas.
followup-changed = Okej, vi väljer ett annat steg i stället.
followup-new_step_button = Välj ett nytt steg
followup-offer_new_step = Vill du välja ett nytt steg?
followup-new_step_later = Du kan välja ett nytt steg när vi kommer till dina nästa steg, efter några frågor.
followup-review_done = Tack för att du berättade.
followup-review_closed = Det steget är redan avslutat.
followup-review_failed = Förlåt, jag kunde inte spara det just nu. Försök igen om en stund.

## The reminder mail (only the step and its date; no name, no code)
followup-mail_subject = Påminnelse: ditt nästa steg
followup-mail_hello = Hej,
followup-mail_step = I DigiPoint-chatten planerade du det här steget: { $label } (senast { $date }).
followup-mail_encourage = Du klarar det! Om du vill ha hjälp kan du öppna chatten igen och be om en handledare.
followup-mail_stop = Det här är den enda påminnelsen för steget, och din e-postadress raderas efter den. Vill du stoppa påminnelser för dina andra steg, öppna chatten, ge din kod och markera stegen som klara, eller skriv "radera mina uppgifter".
followup-answer_first = Berätta först hur det gick med steget. Sedan fortsätter vi med frågorna.
