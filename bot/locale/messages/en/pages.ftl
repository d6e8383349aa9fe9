### The demo city pages and the demo front page (bot/web/templates, read by bot.web.page_text).

pages-skip_link = Skip to main content
pages-nav_label = Main menu
# The city site's main menu (nav_<n>: the n-th item).
pages-nav_1 = Work and enterprise
pages-nav_2 = Education
pages-nav_3 = Health and social services
pages-nav_4 = Housing
pages-nav_5 = Culture and leisure
pages-lang_nav_label = Language
pages-breadcrumb = Work and enterprise › Employment services
pages-page_title = Employment services
# $city_in: the city as a place ("Turussa", "in Turku"): locative: in bot/contract/cities/<slug>.yml; "" on the front page.
pages-lead = Looking for work, studies or a new direction { $city_in }? Our services help you find a path into jobs and training in the digital industries.
# The page's sections in order (sections_<n>: heading and body of the n-th).
pages-sections_1 =
    .heading = Talk to our digital guide
    .body = The DigiPoint guide asks about your goals, strengths and interests and suggests courses and jobs that fit you. It takes about ten minutes. You can stay anonymous, skip any question and start over at any time. Open the chat from the button at the bottom of the page.
pages-sections_2 =
    .heading = Find work
    .body = Browse open positions, get help with your CV and job applications, and meet employers at recruitment events.
pages-sections_3 =
    .heading = Study and training
    .body = Labour market training, vocational studies and courses at universities of applied sciences are often free for jobseekers. Skills you have gained at work can be recognised as prior learning.
pages-sections_4 =
    .heading = Personal coaching
    .body = A coach can meet you in person, by phone or online. The coach can also continue from a summary of your chat if you agree to share it.
pages-contact_title = Contact
pages-phone_label = Phone
pages-visit_label = Visit us
pages-web_label = Web
pages-footer_note = This is a demonstration page of the DigiPoint guidance chatbot. It is not an official page of the city.
pages-widget_title = DigiPoint career guide
pages-index_title = DigiPoint demo: career guidance chat for city websites
pages-index_lead = DigiPoint is an open-source guidance chatbot for jobseekers. Choose a city page below to see the chat box embedded in a city website, or try it on this page with the button at the bottom right.
pages-index_cities = City pages
pages-index_coach = Coach dashboard
pages-not_found_title = Page not found
pages-not_found_text = We could not find the page you were looking for.
pages-not_found_back = Back to the demo front page
