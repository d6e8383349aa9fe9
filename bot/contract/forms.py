"""Load and check ``bot/contract/forms.yml``, the forms table.

The table's shape is documented in the file itself. :func:`load_forms` returns
a :class:`FormsContract`; :meth:`FormsContract.not_intent` gives one slot's
list, in the order base list, form extras, slot extras, minus what the slot
accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.contract import CONTRACT_DIR, ContractError, read_mapping

FORMS_PATH = CONTRACT_DIR / "forms.yml"


@dataclass(frozen=True)
class Digression:
    """One row of the digression table.

    Attributes:
        intent: the intent answered inside the form.
        actions: what answers it, in order; then the form asks again.
        restart: True if the row ends the form, runs ``then`` and starts the start form afresh.
        then: actions after the form ended (restart rows only).
        forms: the forms the row applies to; empty means every generated form.
        comment: text written as a comment above the rule ("" for none).
    """

    intent: str
    actions: tuple[str, ...]
    restart: bool = False
    then: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    comment: str = ""


@dataclass(frozen=True)
class Form:
    """One form: its slots in asking order, its rules file, its not_intent list."""

    name: str
    required_slots: tuple[str, ...]
    rules_file: str | None
    not_intent: str
    extra_not_intent: tuple[str, ...] = ()


@dataclass(frozen=True)
class FormsContract:
    """The whole forms table (see ``forms.yml`` for the meaning of each part)."""

    rules_header: str
    start_form: str
    forms: dict[str, Form]
    digressions: tuple[Digression, ...]
    not_intent_lists: dict[str, tuple[str, ...]]
    slots: dict[str, dict[str, tuple[str, ...]]]

    def form_of(self, slot: str) -> Form | None:
        """The form that asks ``slot``, or None when no form does."""
        for form in self.forms.values():
            if slot in form.required_slots:
                return form
        return None

    def not_intent(self, slot: str) -> list[str]:
        """The ``not_intent`` list of ``slot``'s from_text mapping.

        Raises:
            KeyError: no form in the table asks ``slot``.
        """
        form = self.form_of(slot)
        if form is None:
            raise KeyError(f"no form in {FORMS_PATH} asks the slot {slot!r}")
        rules = self.slots.get(slot, {})
        accepts = set(rules.get("accepts", ()))
        names = [
            *rules.get("extra_not_intent", ()),
            *self.not_intent_lists[form.not_intent],
            *form.extra_not_intent,
        ]
        seen: list[str] = []
        for name in names:
            if name not in accepts and name not in seen:
                seen.append(name)
        return seen

    def rows_for(self, form: str) -> list[Digression]:
        """The digression rows that apply to ``form``, in rule order."""
        return [row for row in self.digressions if not row.forms or form in row.forms]


def _names(value: Any, where: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ContractError(f"{path}: {where} must be a list of names, got {value!r}")
    return tuple(value)


def _mapping(value: Any, where: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ContractError(f"{path}: {where} must be a mapping, got {type(value).__name__}")
    return value


def load_forms(path: Path = FORMS_PATH) -> FormsContract:
    """Read and check the forms table.

    Raises:
        ContractError: the file is missing, is not YAML, lacks a part, or
            refers to a form, list or slot it does not define; the message
            names ``path`` and the part.
    """
    raw = read_mapping(path, "the forms table")
    for key in ("rules_header", "start_form", "forms", "digressions", "not_intent"):
        if key not in raw:
            raise ContractError(f"{path}: the part {key!r} is missing")
    lists = {
        name: _names(value, f"not_intent.{name}", path)
        for name, value in _mapping(raw["not_intent"], "not_intent", path).items()
    }
    forms: dict[str, Form] = {}
    for name, entry in _mapping(raw["forms"], "forms", path).items():
        entry = _mapping(entry, f"forms.{name}", path)
        list_name = entry.get("not_intent")
        if list_name not in lists:
            raise ContractError(
                f"{path}: forms.{name}.not_intent names {list_name!r}, not one of not_intent: {sorted(lists)}"
            )
        forms[name] = Form(
            name=name,
            required_slots=_names(entry.get("required_slots"), f"forms.{name}.required_slots", path),
            rules_file=entry.get("rules_file"),
            not_intent=list_name,
            extra_not_intent=_names(
                entry.get("extra_not_intent", []), f"forms.{name}.extra_not_intent", path
            ),
        )
    if raw["start_form"] not in forms:
        raise ContractError(f"{path}: start_form {raw['start_form']!r} is not in forms:")
    rows: list[Digression] = []
    if not isinstance(raw["digressions"], list):
        raise ContractError(f"{path}: digressions must be a list of rows")
    for index, row in enumerate(raw["digressions"]):
        row = _mapping(row, f"digressions[{index}]", path)
        if not isinstance(row.get("intent"), str):
            raise ContractError(f"{path}: digressions[{index}] has no intent")
        limited = _names(row.get("forms", []), f"digressions[{index}].forms", path)
        unknown = [name for name in limited if name not in forms]
        if unknown:
            raise ContractError(
                f"{path}: digressions[{index}] ({row['intent']}) names unknown forms {unknown}"
            )
        rows.append(
            Digression(
                intent=row["intent"],
                actions=_names(row.get("actions"), f"digressions[{index}].actions", path),
                restart=bool(row.get("restart", False)),
                then=_names(row.get("then", []), f"digressions[{index}].then", path),
                forms=limited,
                comment=str(row.get("comment") or ""),
            )
        )
    slots: dict[str, dict[str, tuple[str, ...]]] = {}
    asked = {slot for form in forms.values() for slot in form.required_slots}
    for slot, entry in _mapping(raw.get("slots") or {}, "slots", path).items():
        if slot not in asked:
            raise ContractError(f"{path}: slots.{slot}: no form asks this slot")
        entry = _mapping(entry, f"slots.{slot}", path)
        unknown_keys = set(entry) - {"accepts", "extra_not_intent"}
        if unknown_keys:
            raise ContractError(f"{path}: slots.{slot} has unknown keys {sorted(unknown_keys)}")
        slots[slot] = {key: _names(value, f"slots.{slot}.{key}", path) for key, value in entry.items()}
    return FormsContract(
        rules_header=str(raw["rules_header"]),
        start_form=raw["start_form"],
        forms=forms,
        digressions=tuple(rows),
        not_intent_lists=lists,
        slots=slots,
    )
