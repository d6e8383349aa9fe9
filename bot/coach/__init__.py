"""Coach dashboard: accounts and roles, approved summaries, transcripts, notes, the handoff pages,
the city admin's audit and erasure logs.

Mount the web app with ``app.mount("/coach", bot.coach.web.create_coach_app())``.
CLI: ``python -m bot.coach create-account|purge|delete|expire-handoffs|erasures`` (see ``__main__``).
The handoff queue is :mod:`bot.handoff`, erasure and retention :mod:`bot.privacy`;
timed jobs run in the worker (:mod:`bot.worker`), never in the web app.
"""
