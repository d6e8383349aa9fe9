"""DigiPoint core package: guidance logic, catalogue, summaries, web app.

Sub-packages, one capability each (dependencies point one way: ``actions/``
and ``bot.web`` depend on the rest, never the reverse):

- ``bot.config``: one settings object read from the environment.
- ``bot.db``: SQLAlchemy engine and session factory, declarative base.
- ``bot.i18n``: fi/sv/en message catalogue for text composed in Python.
- ``bot.catalogue``: course and job tables, sample loader, search.
- ``bot.guidance``: answer parsing, self-efficacy and RIASEC scoring,
  ranking and "why this" explanations.
- ``bot.summaries``: structured conversation summaries for coaches.
- ``bot.web``: demo city pages and the chat widget.
"""
