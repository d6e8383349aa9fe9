### Summary shown at the end of the conversation, and the consent question.
### Keys are addressed as "summary.<key>".

summary-heading = Here is a short summary of our talk.
summary-goal_job = You are looking for a job.
summary-goal_study = You want to study or train.
summary-goal_both = You want a job and to study.
summary-goal_unsure = You are not sure yet what you want. That is fine.
summary-field = Field: { $field }.
summary-place = Place: { $city }.
summary-place_online = Place: online.
summary-confidence = Your confidence: { $score } out of 5.
summary-interests = You like: { $interests }.
summary-kept = Options we looked at: { $items }.
summary-rejected = Not for you: { $items }.
summary-next_steps = Your next steps:
summary-step_due = { $label } (by { $date })
summary-no_next_steps = You did not choose next steps yet.
summary-ask_share = May a coach read this summary? It helps them help you. You decide.
summary-yes_button = Yes, a coach may read it
summary-no_button = No, keep it private
summary-shared = Thank you. A coach may now read your summary.
summary-not_shared = That is fine. Your summary stays private. No coach will read it.
summary-offer_coach = If you want, you can talk with a person too.
summary-coach_button = Talk with a coach
summary-no_summary = I have not saved a summary yet. We can make one when you have chosen your next steps.
summary-save_failed = Sorry, I could not save the summary right now. Nothing is lost. Please try again in a moment.
summary-consent_failed = Sorry, I could not save your answer right now. Please try again in a moment.
summary-handoff_already_shared = The coach can read the summary you shared.
summary-handoff_already_private = Your summary stays private. The coach does not see it.
summary-ask_share_handoff = This is what I can pass on to the coach. May the coach read it? You decide. Nothing is shared without your yes.
summary-handoff_shared = Thank you. The coach can read your summary now.
summary-handoff_private = That is fine. Your summary stays private. The coach does not see it.
summary-ask_share_handoff_again = Please answer with a button: may the coach read your summary?
