### Coach dashboard, the coach's own name in the chat (bot/coach/views_profile.py, templates/profile.html).

coach_profile-profile = Your name in the chat
coach_profile-intro = People see this first name when you join their chat and on your replies, for example "Coach Anna". Leave it empty to be shown as "Coach".
coach_profile-name = First name
coach_profile-save = Save name
coach_profile-saved = Your name in the chat is saved.
coach_profile-bad_name = Please write a first name in letters, at most 40 characters.
