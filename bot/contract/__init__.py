"""The conversation contract: the forms table, the served cities, the answer values.

``bot/contract/forms.yml``, ``bot/contract/cities/*.yml`` and
``bot/contract/values.yml`` hold the facts once; :mod:`scripts.generate_contract`
writes the Rasa files from them and the Python readers
(:mod:`bot.contract.forms`, :mod:`bot.contract.cities`,
:mod:`bot.contract.values`) load them. ``docs/contract.md`` maps each fact to its file.
"""

from pathlib import Path
from typing import Any

import yaml

CONTRACT_DIR = Path(__file__).resolve().parent


class ContractError(ValueError):
    """A contract file is missing, not YAML, or not in the documented shape.

    The message starts with the file's path, so the fix is one open away.
    """


def read_mapping(path: Path, what: str) -> dict[str, Any]:
    """The YAML mapping in ``path``; ``what`` names the file in errors ("the forms table").

    Raises:
        ContractError: the file cannot be read, is not YAML, or is not a
            mapping; the message starts with the path.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ContractError(f"{path}: cannot read {what} ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise ContractError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ContractError(f"{path}: {what} must be a mapping of keys, got {type(raw).__name__}")
    return raw
