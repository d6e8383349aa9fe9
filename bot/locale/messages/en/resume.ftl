### Resume code: given at the end of a conversation, typed in a later one.
### Keys are addressed as "resume.<key>".

resume-given = Your resume code is { $code }. It works for { $days } days. Next time, write "I have a code" and the code. Then we go on from here. Keep the code to yourself.
resume-ask_code = Good! Please type your code. It looks like ABCD-EFGH.
resume-not_found = I could not find that code. Maybe a letter is mistyped, or the code is too old. You can try again, or we can simply start fresh.
resume-too_many = That code did not work several times. Let's start fresh together instead. A coach can help you too.
resume-welcome_back = Welcome back! I found your plan from last time.
resume-no_plan = Welcome back! Your code works, but I have no plan saved from last time. Let's make one.
resume-still_valid = Your code keeps working until { $date }. If you close this page, the same code brings you back.
resume-trend_kept = Your confidence so far: { $trend }. When you answer the questions again, today's answer is added.
resume-go_on = What would you like to do now?
resume-courses_button = Courses for me
resume-jobs_button = Jobs for me
resume-failed = Sorry, I cannot check codes right now. Please try again in a moment.
resume-trend_line = Your confidence over time: { $trend }.
