### Confidence check (self-efficacy): question frame, buttons, feedback.

confidence-progress = Question { $n } of { $total }
confidence-skip_button = Skip this part
confidence-invalid = Please choose a number from 1 to 5. 1 means not at all sure, 5 means completely sure. You can also skip this part.
confidence-score = Your answers give { $score } out of 5.
confidence-feedback_high = You trust your own skills. That will help you a lot.
confidence-feedback_mid = You have a good base to build on.
confidence-feedback_low = Many people feel unsure at this point, and that is OK. Confidence grows with small steps, and we will find some together.
confidence-strength = You feel most sure that { $strength }. That is a real strength.
confidence-strength_low = Of these, you feel surest that { $strength }. That is a good place to start.
confidence-and_word = {" "}and{" "}
confidence-all_skipped = That is fine. We can talk about this another time. Coming here was already a good step.
confidence-trend_up = That is higher than last time ({ $previous }). Well done!
confidence-trend_same = That is about the same as last time ({ $previous }).
confidence-trend_down = It is a bit lower than last time ({ $previous }). That happens, and it can change again.
confidence-not_saved = I could not save this right now, but we can go on.
confidence-unsure = Thank you for telling me. I'm not quite sure which number fits best, so I won't guess. Could you pick one of the buttons?
confidence-section_skipped = OK, I skipped the rest of these questions.
