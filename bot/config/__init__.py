"""Settings for every DigiPoint process, read from the environment."""

from bot.config.settings import Settings, get_settings

__all__ = ["Settings", "get_settings"]
