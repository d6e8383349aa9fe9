### Confidence check (self-efficacy): question frame, buttons, feedback.

confidence-progress = Fråga { $n } av { $total }
confidence-skip_button = Hoppa över den här delen
confidence-invalid = Välj en siffra från 1 till 5. 1 betyder inte alls säker och 5 helt säker. Du kan också hoppa över den här delen.
confidence-score = Dina svar ger { $score } av 5.
confidence-feedback_high = Du litar på din egen förmåga. Det hjälper dig mycket.
confidence-feedback_mid = Du har en bra grund att bygga på.
confidence-feedback_low = Många känner sig osäkra just nu, och det är helt okej. Självförtroendet växer med små steg, och vi hittar några tillsammans.
confidence-strength = Du är säkrast på att { $strength }. Det är en verklig styrka.
confidence-strength_low = Av de här är du säkrast på att { $strength }. Det är ett bra ställe att börja.
confidence-and_word = {" "}och{" "}
confidence-all_skipped = Det går bra. Vi kan prata om det här en annan gång. Att du kom hit var redan ett bra steg.
confidence-trend_up = Det är högre än förra gången ({ $previous }). Bra jobbat!
confidence-trend_same = Det är ungefär samma som förra gången ({ $previous }).
confidence-trend_down = Det är lite lägre än förra gången ({ $previous }). Det händer, och det kan ändras igen.
confidence-not_saved = Jag kunde inte spara det här just nu, men vi kan fortsätta.
confidence-unsure = Tack för att du berättade. Jag är inte helt säker på vilken siffra som passar bäst, så jag gissar inte. Kan du välja en av knapparna?
confidence-section_skipped = Okej, jag hoppade över resten av de här frågorna.
