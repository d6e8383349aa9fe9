### Session: language switch and restart.

session-language_changed = OK, let's continue in English.
session-choose_language = Which language would you like to use?
session-button_fi = Suomi
session-button_sv = Svenska
session-button_en = English
session-restarted = OK, let's start again from the beginning.
session-go_on = Good, let's go on. I have a few more questions. Then I suggest courses and jobs.
