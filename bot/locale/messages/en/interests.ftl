### Interest profiler (RIASEC): question frame, buttons, explanation.

interests-progress = Question { $n } of { $total }
interests-question = Would you like this kind of task?
interests-like = Like
interests-unsure = Not sure
interests-dislike = Dislike
interests-skip_button = Skip this part
interests-invalid = Please answer Like, Not sure or Dislike. You can also skip this part.
interests-explanation = Your interest code is { $code }: you like { $enjoys } most, and this points to { $families }.
interests-and_word = {" "}and{" "}
interests-no_code = Thank you. Your interests did not point one way this time, and that is fine: I will show you a mix of options.
interests-not_saved = I could not save this right now, but we can go on.
interests-section_skipped = OK, I skipped the rest of these questions.
