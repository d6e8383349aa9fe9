### The questionnaires' texts: the self-efficacy check (bot/guidance/self_efficacy.yml:
### 5 items, 1-5 scale) and the RIASEC interest check (bot/guidance/riasec.yml: 12 items, 6 types).
### The .yml files keep the structure and the sources; the words are here.

# Self-efficacy scale points (questionnaires-se_scale.point_<n>).
questionnaires-se_scale =
    .point_1 = Not at all sure
    .point_2 = A little sure
    .point_3 = Somewhat sure
    .point_4 = Quite sure
    .point_5 = Completely sure
# Self-efficacy items; .strength completes "You feel most sure that ...".
questionnaires-se_1 = How sure are you that you can find jobs or courses that suit you?
    .strength = you can find jobs or courses that suit you
questionnaires-se_2 = How sure are you that you can learn new digital skills, like a new computer program?
    .strength = you can learn new digital skills
questionnaires-se_3 = How sure are you that you can write a job application or CV that shows what you can do?
    .strength = you can write an application that shows what you can do
questionnaires-se_4 = How sure are you that you can talk about your skills in a job interview?
    .strength = you can talk about your skills
questionnaires-se_5 = How sure are you that you can keep going when you get a "no" or things feel hard?
    .strength = you can keep going when things are hard
# RIASEC types: the plain name, .enjoys completes "you like ... most".
questionnaires-riasec_R = Hands-on
    .enjoys = hands-on work with devices
questionnaires-riasec_I = Investigating
    .enjoys = solving problems
questionnaires-riasec_A = Creative
    .enjoys = creating and designing
questionnaires-riasec_S = Helping
    .enjoys = helping people
questionnaires-riasec_E = Enterprising
    .enjoys = leading and selling
questionnaires-riasec_C = Organised
    .enjoys = careful and orderly work
# RIASEC items (activities the person likes, is unsure about or dislikes).
questionnaires-ri_1 = Setting up computers, cables and devices at a workplace
questionnaires-ri_2 = Finding out why a program or a website does not work
questionnaires-ri_3 = Designing how an app or a website looks
questionnaires-ri_4 = Helping someone who has a problem with their phone or computer
questionnaires-ri_5 = Selling a digital service to a company
questionnaires-ri_6 = Keeping the data in a spreadsheet in order and up to date
questionnaires-ri_7 = Fixing or building devices, like a computer or a small robot
questionnaires-ri_8 = Looking at numbers and data to find out what they tell us
questionnaires-ri_9 = Writing texts or making videos for social media
questionnaires-ri_10 = Teaching someone to use a new app or program
questionnaires-ri_11 = Leading a small team that builds a website
questionnaires-ri_12 = Testing an app step by step and writing down every error
