### Summary shown at the end of the conversation, and the consent question.
### Keys are addressed as "summary.<key>".

summary-heading = Här är en kort sammanfattning av vårt samtal.
summary-goal_job = Du söker jobb.
summary-goal_study = Du vill studera eller utbilda dig.
summary-goal_both = Du vill ha jobb och studera.
summary-goal_unsure = Du vet inte ännu vad du vill. Det är helt okej.
summary-field = Område: { $field }.
summary-place = Plats: { $city }.
summary-place_online = Plats: på nätet.
summary-confidence = Din tilltro till dig själv: { $score } av 5.
summary-interests = Du gillar: { $interests }.
summary-kept = Alternativ vi tittade på: { $items }.
summary-rejected = Inte för dig: { $items }.
summary-next_steps = Dina nästa steg:
summary-step_due = { $label } (senast { $date })
summary-no_next_steps = Du har inte valt nästa steg än.
summary-ask_share = Får en handledare läsa sammanfattningen? Det hjälper hen att hjälpa dig. Du bestämmer.
summary-yes_button = Ja, handledaren får läsa den
summary-no_button = Nej, håll den privat
summary-shared = Tack. En handledare kan nu läsa din sammanfattning.
summary-not_shared = Det går bra. Din sammanfattning förblir privat. Ingen handledare läser den.
summary-offer_coach = Om du vill kan du också prata med en människa.
summary-coach_button = Prata med en handledare
summary-no_summary = Jag har inte sparat någon sammanfattning än. Vi gör en när du har valt nästa steg.
summary-save_failed = Förlåt, jag kunde inte spara sammanfattningen just nu. Inget har försvunnit. Försök igen om en stund.
summary-consent_failed = Förlåt, jag kunde inte spara ditt svar just nu. Försök igen om en stund.
summary-handoff_already_shared = Handledaren kan läsa sammanfattningen som du delade.
summary-handoff_already_private = Din sammanfattning stannar hos dig. Handledaren ser den inte.
summary-ask_share_handoff = Det här kan jag ge vidare till handledaren. Får handledaren läsa det? Du bestämmer. Inget delas utan ditt ja.
summary-handoff_shared = Tack. Handledaren kan nu läsa sammanfattningen.
summary-handoff_private = Det går bra. Din sammanfattning stannar hos dig. Handledaren ser den inte.
summary-ask_share_handoff_again = Svara gärna med en knapp: får handledaren läsa sammanfattningen?
