### Coach dashboard, the coach's own name in the chat (bot/coach/views_profile.py, templates/profile.html).

coach_profile-profile = Nimesi keskustelussa
coach_profile-intro = Ihmiset näkevät tämän etunimen, kun liityt heidän keskusteluunsa, ja vastauksissasi, esimerkiksi "Ohjaaja Anna". Jätä tyhjäksi, niin sinut näytetään nimellä "Ohjaaja".
coach_profile-name = Etunimi
coach_profile-save = Tallenna nimi
coach_profile-saved = Nimesi keskustelussa on tallennettu.
coach_profile-bad_name = Kirjoita etunimi kirjaimin, enintään 40 merkkiä.
