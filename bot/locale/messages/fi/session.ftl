### Session: language switch and restart.

session-language_changed = Selvä, jatketaan suomeksi.
session-choose_language = Millä kielellä haluat jutella?
session-button_fi = Suomi
session-button_sv = Svenska
session-button_en = English
session-restarted = Selvä, aloitetaan alusta.
session-go_on = Hyvä, jatketaan. Kysyn vielä muutaman kysymyksen. Sitten ehdotan kursseja ja työpaikkoja.
