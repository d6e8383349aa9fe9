### Responses: the bot's replies that Rasa sends by name (utter_*), through
### rasa_addons/nlg.py. Buttons and their payloads: bot/locale/responses.yml;
### a button's title is an attribute of its response.

responses-welcome = Hi! I'm DigiPoint, a chatbot. I help you find jobs, courses and training in the digital field. I ask a few short questions. Then I suggest courses and jobs, and we plan your next steps together. You can stay anonymous: I don't need your name. I keep your answers so I can help you, and a coach sees your summary only if you say yes. You can write "delete my data" at any time. Let's start!
    .finnish = Suomeksi
    .swedish = På svenska
    .english = In English
    .privacy = What do you keep?
responses-help = I help you find courses and jobs in the digital field. I ask about your goals, how confident you feel and what you like to do. Then I suggest courses and jobs, and we choose your next steps. You can always write: "skip", "start over", "talk to a person", "what do you keep", "delete my data", "suomeksi" or "på svenska".
    .introduction = Write my introduction
    .interview = Practise a job interview
    .next_steps = Choose next steps
    .coach = Talk to a coach
responses-goodbye = Bye for now, and good luck! If you come back, we go on where we stopped.
responses-thank = You're welcome! I'm glad to help.
responses-bot_challenge = I'm a chatbot, not a person. If you want to talk to a person, write "talk to a coach".
responses-feel_discouraged = That sounds really hard. Looking for work can wear anyone down. It says nothing about your worth. We can go one small step at a time. If you want to talk with a person, write "talk to a coach". If you ever think of hurting yourself, tell me, and I will tell you where to get help now.
responses-application_help = I can't write your CV or application for you here. Three tips: Start with what you can do, not only job titles. Use the same words as the job ad. Keep your CV to one page. A coach can go through your CV with you: write "talk to a coach".
    .introduction = Write my introduction
    .interview = Practise a job interview
responses-out_of_scope = Sorry, I can't help with that. I know about jobs, courses and training in the digital field.
responses-privacy = I keep your answers in this chat: your goals, city, background and the results of the short tests. I don't need your name. A coach sees your summary only if you say yes. Write "delete my data" and I delete everything.
responses-default = Sorry, I didn't understand. Could you say it in another way? You can also write "help".
responses-message_too_long = Your message is very long. Could you write it shorter, in a few sentences?
responses-ask_goal_type = What are you looking for?
    .job = A job
    .study = Studies or training
    .both = Both
    .unsure = Not sure yet
    .skip = Skip
responses-ask_field = What kind of work interests you?
    .software = Software
    .data = Data
    .ux_content = UX and content
    .it_support = IT support
    .marketing_sales = Marketing and sales
    .testing_quality = Testing and quality
    .unsure = Not sure
    .skip = Skip
responses-ask_city = Where would you like to work or study?
    .online = Online
    .skip = Skip
responses-ask_timeframe = When would you like to start?
    .now = Right away
    .three_months = In about 3 months
    .this_year = This year
    .unsure = Not sure
    .skip = Skip
responses-ask_education_level = What is the highest school or degree you have finished?
    .basic = Basic education
    .secondary = Upper secondary or vocational
    .bachelor = Bachelor's degree
    .master = Master's degree
    .other = Something else
    .skip = Skip
responses-ask_background = Tell me a little about your work experience and skills, in your own words. For example: "I worked in a shop and I know Excel." Everything counts, also hobbies and volunteering. You can also skip this.
    .skip = Skip
responses-confidence_intro = Thank you! Next come 5 short questions about how you feel about finding work or studies. There are no wrong answers. Choose from 1 (not at all sure) to 5 (completely sure).
# $interests_restored: the slot, "true" after a resume code kept all 12 answers.
responses-interest_intro = { $interests_restored ->
        [true] Good. I kept your interest answers from last time, so there are no more questions now.
       *[false] Good. Now 12 quick questions about tasks you might enjoy. Answer Like, Not sure or Dislike. This helps me find work that suits you.
    }
responses-offer_next_steps = Shall we choose your next steps now? We pick one to three together.
    .choose = Yes, let's choose
    .no = Not now
    .coach = Talk to a coach
    .introduction = Write my introduction
    .interview = Practise a job interview
responses-no_next_steps_now = That's fine. The suggestions stay here. Write "next steps" or "talk to a coach" whenever you like.
responses-resume_form = Let's continue.
responses-greet_again = Hi! Good to have you here.
responses-confirm_delete = Do you want me to delete everything I've saved about you? This cannot be undone.
    .yes = Yes, delete
    .no = No, keep it
responses-ask_share_again = Sorry, I did not understand. May a coach read your summary? Choose Yes or No. You decide.
responses-suggestions_coming = Good! I'll show you courses and jobs right after these questions.
responses-nothing_to_skip = There's nothing to skip right now. Write "jobs" or "courses" to go on, or "help" to see what I can do.

## Issue 15: fixed replies of the practice flows
responses-finish_introduction = Well done! Try saying it out loud a few times. It gets easier every time. When you want to go on, tap "Courses and jobs" or write "jobs".
    .go_on = Courses and jobs
responses-introduction_later = Good idea! Let's finish this question first. Then write "introduction", and we write it together.
responses-interview_later = Good idea! Let's finish this question first. Then you can practise an interview from the menu.
