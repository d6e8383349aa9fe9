### Coach dashboard, the coach's own name in the chat (bot/coach/views_profile.py, templates/profile.html).

coach_profile-profile = Ditt namn i chatten
coach_profile-intro = Personer ser det här förnamnet när du kommer in i deras chatt och på dina svar, till exempel "Handledare Anna". Lämna tomt för att visas som "Handledare".
coach_profile-name = Förnamn
coach_profile-save = Spara namnet
coach_profile-saved = Ditt namn i chatten är sparat.
coach_profile-bad_name = Skriv ett förnamn med bokstäver, högst 40 tecken.
