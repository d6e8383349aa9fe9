"""The conversation contract: the forms table, the served cities, the answer values.

``bot/contract/forms.yml``, ``bot/contract/cities/*.yml`` and
``bot/contract/values.yml`` hold the facts once; :mod:`scripts.generate_contract`
writes the Rasa files from them and the Python readers
(:mod:`bot.contract.forms`, :mod:`bot.contract.cities`,
:mod:`bot.contract.values`) load them. ``docs/contract.md`` maps each fact to its file.
"""

from pathlib import Path

CONTRACT_DIR = Path(__file__).resolve().parent


class ContractError(ValueError):
    """A contract file is missing, not YAML, or not in the documented shape.

    The message starts with the file's path, so the fix is one open away.
    """
