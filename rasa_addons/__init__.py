"""Code that runs inside the Rasa server (Python 3.10 environment).

Kept apart from ``bot/`` because it imports Rasa itself, which lives only in
the Rasa environment. Referenced from ``config.yml`` and ``credentials.yml``.
"""
