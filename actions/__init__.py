"""Custom Rasa actions, one module per feature; thin wrappers over ``bot/``."""

# The action server's worker process imports the package, not every module:
# this starts the warm-up there (actions/warmup.py says why).
from actions import warmup as _warmup  # noqa: E402, F401
