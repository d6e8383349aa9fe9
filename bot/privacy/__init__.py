"""Personal data: the one erasure rule, "delete my data", the retention purge and the erasure audit.

Core package: the action server (``actions/privacy.py``), the coach dashboard
and CLI (``bot.coach``) and the worker (``bot.worker``) call it; it imports none
of them.

Modules: ``erasure`` (which rows are a conversation's, deleting them),
``person`` (erasure on request, with its audit row), ``retention`` (purge after
``RETENTION_DAYS``), ``audit`` and ``models`` (the ``erasure_audit`` table:
time, city, counts; no personal data).
"""
