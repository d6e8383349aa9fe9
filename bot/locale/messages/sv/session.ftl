### Session: language switch and restart.

session-language_changed = Okej, vi fortsätter på svenska.
session-choose_language = Vilket språk vill du använda?
session-button_fi = Suomi
session-button_sv = Svenska
session-button_en = English
session-restarted = Okej, vi börjar om från början.
session-go_on = Bra, vi fortsätter. Jag har några frågor till. Sedan föreslår jag kurser och jobb.
