### One-tap feedback (bot/feedback, actions/feedback.py): buttons, questions, thanks.

feedback-useful_button = Användbar
feedback-not_useful_button = Inte användbar
feedback-yes_button = Ja
feedback-no_button = Nej
feedback-ask_chat = En snabb fråga till: var den här chatten till nytta för dig? Ditt svar är anonymt.
feedback-ask_handoff = Var handledarens hjälp till nytta för dig? Ditt svar är anonymt.
feedback-thanks_useful = Tack! Vad roligt att höra.
feedback-thanks_not_useful = Tack för att du berättar. Det hjälper oss att bli bättre.
feedback-thanks_changed = Tack, jag ändrade ditt svar.
feedback-not_understood = Förlåt, jag kunde inte läsa svaret. Du kan fortsätta där vi var.
feedback-save_failed = Tack! Jag kunde inte spara ditt svar just nu. Du kan fortsätta där vi var.
