"""Resume codes: an anonymous person continues their profile, plan and confidence trend later.

See :mod:`bot.resume.codes` (issue, redeem, the person's conversations) and
:mod:`bot.resume.models` (tables ``person_links`` and ``resume_codes``).
"""
