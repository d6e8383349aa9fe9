"""The conversation contract: the forms table and the served cities.

``bot/contract/forms.yml`` and ``bot/contract/cities/*.yml`` hold the facts
once; :mod:`scripts.generate_contract` writes the Rasa files from them and
the Python readers (:mod:`bot.contract.forms`, :mod:`bot.contract.cities`)
load them. ``docs/contract.md`` maps each fact to its file.
"""

from pathlib import Path

CONTRACT_DIR = Path(__file__).resolve().parent


class ContractError(ValueError):
    """A contract file is missing, not YAML, or not in the documented shape.

    The message starts with the file's path, so the fix is one open away.
    """
