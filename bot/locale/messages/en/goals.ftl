### Goal form: help when an answer was not understood, job family names.

goals-invalid_goal_type = Sorry, I did not catch that. Are you looking for a job, studies or training, both, or are you not sure yet?
goals-invalid_field = I did not recognise that field. You can choose for example software, data, UX and content, IT support, marketing and sales, or testing. "Not sure" is fine too.
goals-invalid_city = I don't have information about that place yet. I can help with { $cities }, or with online options. Which one suits you?
goals-invalid_timeframe = When would you like to start? For example: now, in a few months, or later this year.
goals-invalid_education_level = What is your highest education? For example: basic school, upper secondary or vocational school, bachelor's degree, master's degree, or something else.
goals-invalid_background = Please tell me in your own words about your work, studies or skills. A few words is enough. You can also say "skip".
goals-background_terms = Thank you. I noticed these skills and roles: { $terms }.
goals-background_thanks = Thank you for telling me.
goals-field_software = software development
goals-field_data = data analysis
goals-field_ux_content = UX and content
goals-field_it_support = IT support
goals-field_marketing_sales = digital marketing and sales
goals-field_testing_quality = testing and quality
# After an off-topic or unreadable answer at the city question: the served cities.
goals-served_cities_hint = I can help with { $cities }, or with online options.
goals-unserved_city = DigiPoint's services are in { $cities }, not in { $place }. From anywhere you can still take online courses, and search for jobs all over Finland at Job Market Finland (tyomarkkinatori.fi). I'll look for online options for you.
