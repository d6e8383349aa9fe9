### Goal form: help when an answer was not understood, job family names.

goals-invalid_goal_type = Förlåt, jag förstod inte. Söker du jobb, studier eller utbildning, båda, eller vet du inte än?
goals-invalid_field = Jag kände inte igen området. Du kan välja till exempel mjukvara, data, UX och innehåll, IT-stöd, marknadsföring och försäljning eller testning. "Vet inte" går också bra.
goals-invalid_city = Jag har ingen information om den platsen än. Jag kan hjälpa till med { $cities } eller på distans. Vad passar dig?
goals-invalid_timeframe = När vill du börja? Till exempel: nu, om några månader eller senare i år.
goals-invalid_education_level = Vilken är din högsta utbildning? Till exempel: grundskola, gymnasium eller yrkesskola, kandidatexamen, masterexamen eller något annat.
goals-invalid_background = Berätta med egna ord om ditt arbete, dina studier eller färdigheter. Några ord räcker. Du kan också säga "hoppa över".
goals-background_terms = Tack. Jag lade märke till de här färdigheterna och rollerna: { $terms }.
goals-background_thanks = Tack för att du berättade.
goals-field_software = mjukvaruutveckling
goals-field_data = dataanalys
goals-field_ux_content = UX och innehåll
goals-field_it_support = IT-stöd
goals-field_marketing_sales = digital marknadsföring och försäljning
goals-field_testing_quality = testning och kvalitet
# After an off-topic or unreadable answer at the city question: the served cities.
goals-served_cities_hint = Jag kan hjälpa till med { $cities } eller på distans.
goals-unserved_city = DigiPoints tjänster finns i { $cities }, inte i { $place }. Var du än bor kan du gå kurser på nätet och söka jobb i hela Finland på Jobbmarknad Finland (tyomarkkinatori.fi). Jag letar efter alternativ på nätet åt dig.
