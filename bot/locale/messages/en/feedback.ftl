### One-tap feedback (bot/feedback, actions/feedback.py): buttons, questions, thanks.

feedback-useful_button = Useful
feedback-not_useful_button = Not useful
feedback-yes_button = Yes
feedback-no_button = No
feedback-ask_chat = One quick question: was this chat useful to you? Your answer is anonymous.
feedback-ask_handoff = Was the coach's help useful to you? Your answer is anonymous.
feedback-thanks_useful = Thank you! Good to hear.
feedback-thanks_not_useful = Thank you for telling me. It helps us do better.
feedback-thanks_changed = Thank you, I changed your answer.
feedback-not_understood = Sorry, I could not read that answer. You can go on where we were.
feedback-save_failed = Thank you! I could not save your answer just now. You can go on where we were.
