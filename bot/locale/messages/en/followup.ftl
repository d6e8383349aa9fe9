### Follow-up of agreed next steps (issue 15): due dates, the review when a person
### comes back with a resume code, the opt-in e-mail reminder and its mail.
### Keys are addressed as "followup.<key>".

## Due date of a step (asked in next_steps_form right after a pick)
followup-ask_due = When would you like to do this: { $label }? Tap a choice, or write a date (for example 15.1.).
followup-due_week = In a week
followup-due_two_weeks = In two weeks
followup-due_month = In a month
followup-due_none = No date yet
followup-due_set = Good. Your date: { $date }.
followup-due_not_set = That's fine, no date for now.
followup-due_not_understood = Sorry, I did not get the date. Tap a choice, or write a date like 15.1. (within a year).

## Opt-in reminder after the summary
followup-offer_reminder = Would you like a reminder by e-mail on the date you chose? It's up to you.
followup-reminder_yes_button = Yes, remind me
followup-reminder_no_button = No, thank you
followup-ask_email = Which e-mail address should the reminder go to? We use it only for this reminder and delete it when the step is done.
followup-no_reminder_button = No reminder
followup-email_invalid = That does not look like an e-mail address. Please check it, or tap "No reminder".
followup-reminder_set = Thank you. We will send the reminder to { $email } on { $dates }.
followup-reminder_declined = OK, no reminder. Your code brings you back to your steps at any time.
followup-reminder_failed = Sorry, I could not save the reminder right now. Your steps are saved.

## Review of open steps when the person comes back
followup-review_intro = Last time you planned some steps. Let's look at them first.
followup-review_ask = { $label }. How did it go?
followup-review_ask_dated = { $label } (by { $date }). How did it go?
followup-done_button = Done
followup-not_yet_button = Not yet
followup-change_button = Change it
followup-celebrate = Wonderful, you did it! That is a real step forward.
followup-kept_open = That's OK. The step stays on your list. Every small step counts.
followup-changed = Fine, let's choose another step instead.
followup-new_step_button = Choose a new step
followup-offer_new_step = Would you like to choose a new step?
followup-new_step_later = You can choose a new step when we get to your next steps, after a few questions.
followup-review_done = Thank you for telling me.
followup-review_closed = That step is already closed.
followup-review_failed = Sorry, I could not save that right now. Please try again in a moment.

## The reminder mail (only the step and its date; no name, no code)
followup-mail_subject = Reminder: your next step
followup-mail_hello = Hello,
followup-mail_step = In the DigiPoint chat you planned this step: { $label } (by { $date }).
followup-mail_encourage = You can do it! If you would like help, open the chat again and ask for a coach.
followup-mail_stop = This is the only reminder for this step, and your e-mail address is deleted after it. To stop reminders for your other steps, open the chat, give your code and mark the steps done, or say "delete my data".
followup-answer_first = First, tell me how your step went. Then we go on with the questions.
