"""The worker: ``python -m bot.worker`` runs every timed job (handoff timeouts, retention purge).

One process under supervisord; several may run at once safely, because every
job row is claimed before it runs (:mod:`bot.worker.claims`). Add a job kind in
:mod:`bot.worker.jobs`. Depends on the core packages (``bot.handoff``,
``bot.privacy``); nothing imports the worker except ``python -m bot.coach
expire-handoffs``, the admins' one-shot run of the same job.
"""
