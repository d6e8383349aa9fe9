"""Custom Rasa actions, one module per feature; thin wrappers over ``bot/``."""
