### Interview practice: the questions, the feedback sentences, buttons and replies.
### Keys are addressed as "interview.<key>"; bot/practice/interview.py chooses the
### feedback (one thing that was good, at most one thing to add), never a score.

## Start, the confidence item before and after, the closing
interview-start = Let's practise a job interview. I ask five common questions, one at a time. You answer in your own words, and I tell you what was good and one thing you could add. You can try again, skip a question or stop at any time.
interview-se_before = First a quick question before we start:
interview-se_after = One more quick question, the same as at the start:
interview-done = Well done for practising! Every answer you try makes the real interview easier. You can come back and practise again any time.
interview-done_none = That's fine, we can practise another time. The questions will be here when you want them.
# $before, $after: the ratings 1-5 the person gave before and after the practice.
interview-confidence_up = Before the practice you said { $before } out of 5, now { $after }. Practising seems to help you.
interview-confidence_same = Before and after the practice you said { $before } out of 5. Feeling steady is good too.
interview-confidence_down = Before you said { $before } out of 5, now { $after }. Thinking about interviews can feel harder at first. That is normal, and it gets easier with practice. A coach can practise with you too: write "talk to a coach".
interview-not_saved = (I could not save this right now.)
interview-go_on_button = Courses and jobs

## Questions ($number of $total above each)
interview-progress = Question { $number } of { $total }
interview-q_about_you = Tell me about yourself.
interview-q_why_this_job_work = Why would you like this job?
interview-q_why_this_job_work_field = Why would you like to work in { $field }?
interview-q_why_this_job_study = Why would you like this job or training place?
interview-q_why_this_job_study_field = Why would you like to work or study in { $field }?
interview-q_problem_solved_everyday = Tell me about a time when you solved a problem. It can be at work, in school or at home.
interview-q_problem_solved_project = Tell me about a time at work, in your studies or in a project when you solved a problem.
interview-q_strengths_learning = What are your strengths, and what are you learning right now?
interview-q_questions_for_employer = Do you have any questions for us?
interview-field_software = software development
interview-field_data = data analysis
interview-field_ux_content = design and content
interview-field_it_support = IT support
interview-field_marketing_sales = digital marketing and sales
interview-field_testing_quality = software testing

## Feedback: what was good
interview-good_star = Good: you told a real example, and how it ended.
interview-good_example = Good: you told a real example.
interview-good_result = Good: you said what came of it.
interview-good_first_person = Good: you spoke about what you do yourself.
interview-good_relevant = Good: your answer is about the question.
interview-good_question = Good: asking a question shows you are interested.
interview-good_effort = Thank you for answering. Trying is how you get better.

## Feedback: one thing to add
interview-add_more = Next time, say a little more: two or three sentences are good.
interview-add_question_more = You could add a question about the work, for example "What does a usual day look like?"
interview-add_example = You could add an example: what was the situation, what did you do, and how did it end?
interview-add_result = You could add how it ended: what changed thanks to you?
interview-add_first_person = You could say what you did yourself: "I ..."
interview-add_shorter = You could make it shorter: your main point and one example are enough.
interview-add_relevance_about_you = You could talk about your work, studies or skills, and what you want next.
interview-add_relevance_why_this_job = You could say what interests you in this work, and why.
interview-add_relevance_problem_solved = You could tell about one problem and how you solved it.
interview-add_relevance_strengths_learning = You could name one thing you are good at, and one thing you are learning.
interview-add_relevance_questions_for_employer = You could ask the employer something, for example "What does a usual day look like?"

## Buttons
interview-retry_button = Try again
interview-next_button = Next question
interview-stop_button = Stop practice
interview-skip_button = Skip this question
interview-retry = Sure, try again:
interview-choose = You can try again, go to the next question or stop.
interview-empty = Write your answer in your own words. A few sentences are enough.
interview-coach_hint = If you would like to talk to a coach, tap "Stop practice" and then write "talk to a coach".

## The trend the person and the coach see (summary)
interview-trend_before = before practice
interview-trend_after = after practice
interview-trend_line = Interview practice, how sure you felt (1-5): { $trend }.
