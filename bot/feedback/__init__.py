"""One-tap feedback: "was this useful?" on suggestions, at the end of a chat and after a handoff.

- :mod:`bot.feedback.models`: the ``feedback`` table (city, target kind, item,
  useful, day; no conversation id, so nothing in it points to a person).
- :mod:`bot.feedback.taps`: the button payloads and how a tap is read.
- :mod:`bot.feedback.store`: recording a tap and counting them per city.
"""
