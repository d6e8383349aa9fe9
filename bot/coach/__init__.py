"""Coach dashboard: accounts and roles, approved summaries, transcripts, notes, handoff, retention.

Mount the web app with ``app.mount("/coach", bot.coach.web.create_coach_app())``.
CLI: ``python -m bot.coach create-account|purge|delete|expire-handoffs`` (see ``__main__``).
"""
