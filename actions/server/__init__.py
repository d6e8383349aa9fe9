"""DigiPoint's action server: rasa-sdk's webhook, locked down and never stalled.

Start it with ``python -m actions.server --port 5055`` (see ``__main__``).
Parts, one module each:

- :mod:`actions.server.pool`: a bounded set of worker threads, each running its
  own asyncio event loop, so a blocking action never holds up the Sanic loop.
- :mod:`actions.server.executor`: rasa-sdk's ``ActionExecutor`` running every
  action call in that pool under a time limit, answering with an apology (and
  the events that keep a form in place) when the limit passes or the action fails.
- :mod:`actions.server.app`: the Sanic app: bearer-token check on every route
  but ``GET /health``, which checks the product database.

Importing any of these modules has no side effects and defines no actions
(rasa-sdk imports every module of the ``actions`` package when it registers
the actions).
"""
