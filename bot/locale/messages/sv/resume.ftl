### Resume code: given at the end of a conversation, typed in a later one.
### Keys are addressed as "resume.<key>".

resume-given = Din fortsättningskod är { $code }. Den gäller i { $days } dagar. Skriv nästa gång "jag har en kod" och koden. Då fortsätter vi härifrån. Håll koden för dig själv.
resume-ask_code = Bra! Skriv din kod, tack. Den ser ut så här: ABCD-EFGH.
resume-not_found = Jag hittade inte koden. Kanske blev en bokstav fel, eller så är koden för gammal. Du kan försöka igen, eller så börjar vi från början.
resume-too_many = Koden fungerade inte flera gånger. Vi börjar från början tillsammans. En handledare kan också hjälpa dig.
resume-welcome_back = Välkommen tillbaka! Jag hittade din plan från förra gången.
resume-no_plan = Välkommen tillbaka! Koden fungerar, men jag har ingen sparad plan från förra gången. Vi gör en.
resume-still_valid = Din kod fungerar till och med { $date }, och om du stänger sidan kommer du tillbaka med samma kod.
resume-trend_kept = Ditt självförtroende hittills: { $trend }. När du svarar på frågorna igen läggs dagens svar till.
resume-go_on = Vad vill du göra nu?
resume-courses_button = Kurser för mig
resume-jobs_button = Jobb för mig
resume-failed = Förlåt, jag kan inte kontrollera koder just nu. Försök igen om en stund.
resume-trend_line = Ditt självförtroende över tid: { $trend }.
