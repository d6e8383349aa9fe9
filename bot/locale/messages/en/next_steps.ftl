### Next steps: options, questions and replies of the next_steps_form.
### Keys are addressed as "next_steps.<key>".

next_steps-option_apply = Apply to { $title }
next_steps-option_look = Look at the job { $title }
next_steps-option_coach = Talk with a coach
next_steps-option_cv = Update my CV
next_steps-option_employment_services = Visit the city's employment services
next_steps-done_button = That's all
next_steps-ask_first = What would you like to do next? Pick one step. You can pick up to 3.
next_steps-ask_more = Good choice. Would you like to add another step?
next_steps-added = Added: { $label }.
next_steps-already_picked = You already picked that one. You can pick another, or say that's all.
next_steps-need_one = Please pick at least one small step. Any one is fine.
next_steps-not_understood = Sorry, I did not get that. Please tap one of the buttons, or write its number.
next_steps-max_reached = That makes 3 steps. Well done!
next_steps-after_questions = We choose your next steps after a few more questions. Then I suggest courses and jobs too.
