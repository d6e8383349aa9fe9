### Self-introduction builder ("Tell me about yourself"): questions, sentence templates, buttons, replies.
### Keys are addressed as "introduction.<key>"; bot/practice/introduction.py builds the sentences.
### Sentence templates get the person's own words ($strengths, $experience, $wish) unchanged.

## The questions of introduction_form
introduction-start = Let's write a short introduction about you. You can use it when someone says "Tell me about yourself", or in your CV. I ask three short questions. You can skip any of them.
introduction-ask_did = What have you done so far? For example work, studies, volunteering, hobbies or caring for family. A few words are enough.
introduction-ask_good_at = What are you good at? Think of what other people thank you for, or what comes easily to you.
introduction-ask_want_next = What would you like to do next?
introduction-skip_button = Skip this question
introduction-reframe = Everyone has things they are still learning. Here we write what you can do, so I leave that part out.

## Sentence templates (first person, the person's words in the variables)
introduction-present_field = I am interested in { $field }.
introduction-present_general = I am looking for my next step in working life.
introduction-strengths = I am good at { $strengths }.
introduction-strengths_verb = I can { $strengths }.
introduction-skills = My skills include { $skills }.
introduction-past = My experience includes { $experience }.
introduction-past_occupations = I have experience as { $occupations }.
introduction-future = Next, I am looking for { $wish }.
introduction-future_verb = Next, I would like to { $wish }.
introduction-future_goal_job = Next, I would like to find a job where I can use my skills.
introduction-future_goal_study = Next, I would like to study and learn new skills.
introduction-future_goal_both = Next, I would like to work and keep learning.
introduction-future_goal_unsure = Next, I want to find out which path suits me best.
introduction-closing = I am happy to tell you more.
introduction-list_and = { $head } and { $last }

## Showing, changing, copying
introduction-shown = Here is your introduction. You can change any sentence, copy it, or add it to your summary for a coach.
introduction-edit_hint = To change a sentence, tap its button, or write its number and the new text, for example: 2: I like helping people.
introduction-change_button = Change sentence { $number }
introduction-copy_button = Copy or download
introduction-summary_button = Add to my summary
introduction-done_button = Done
introduction-ask_new_sentence = Write the new text for sentence { $number }. Now it says: { $sentence }
introduction-ask_which = Which sentence would you like to change? Write its number and the new text, for example: 2: I like helping people.
introduction-no_such_sentence = Your introduction has sentences 1 to { $count }. Which one would you like to change?
introduction-edit_empty = I did not find a sentence there. Write it in a few words: what you can do, or what you want.
introduction-changed = Sentence { $number } is changed.
introduction-plain = Here is your introduction as plain text. You can copy it or save it as a file.
introduction-filename = my-introduction.txt
introduction-added_to_summary = Added. Your introduction is now part of your summary. A coach sees it only if you agree to share the summary.
introduction-added_shared = Added. Your introduction is now in the summary you shared, so a coach can read it.
introduction-added_private = Added. Your introduction is now in your summary. It stays private unless you share the summary.
introduction-save_failed = Sorry, I could not add it to your saved summary right now. It is still here, and it will be in your next summary.
introduction-none_yet = We have not written your introduction yet. Shall we write it now?
introduction-start_button = Write my introduction
introduction-skills_heading = Skills for my CV:
introduction-summary_heading = Introduction:
