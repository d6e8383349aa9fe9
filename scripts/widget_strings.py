"""Write widget/src/strings.js from the catalogue (bot/locale/messages/<locale>/widget.ftl).

Usage::

    python scripts/widget_strings.py          # (re)write the file
    python scripts/widget_strings.py --check  # exit 1 when the file differs from the catalogue

``widget/build.mjs`` runs it before every bundle, next to
scripts/widget_locales.py; tests/unit/test_widget_strings.py fails when the
committed file is stale. Every ``widget.<key>`` message is resolved for every
registry locale along its fallback chain (a new locale gets complete tables),
its variables written as ``{name}``, the placeholders the widget's ``t()``
fills. Exit code 0 = written or up to date, 1 = stale (``--check``), 2 = bad usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from any directory
from bot.locale import catalogue, registry  # noqa: E402  (after the path line)
from bot.locale.generated import write_or_check  # noqa: E402

TARGET = ROOT / "widget" / "src" / "strings.js"
TOPIC = "widget"


def strings() -> dict[str, dict[str, str]]:
    """``{code: {key: text}}`` of the widget messages, variables as ``{name}``, in registry and file order.

    Raises:
        bot.locale.catalogue.CatalogueError: a message no locale has (cannot happen for listed keys).
    """
    path = catalogue.MESSAGES_DIR / registry.default_code() / f"{TOPIC}.ftl"
    prefix = f"{TOPIC}."
    names = [key.split(".")[1] for key in catalogue.keys() if key.startswith(prefix) and key.count(".") == 1]
    order = path.read_text(encoding="utf-8") if path.is_file() else ""
    names.sort(key=lambda name: (order.find(f"\n{TOPIC}-{name} ="), name))
    table: dict[str, dict[str, str]] = {}
    for code in registry.codes():
        table[code] = {}
        for name in names:
            key = f"{TOPIC}.{name}"
            chain = registry.fallback_chain(code)
            holes = set().union(*(catalogue.variables(key, folder) for folder in chain))
            table[code][name] = catalogue.t(key, code, **{hole: "{" + hole + "}" for hole in holes})
    return table


def render() -> str:
    """The JavaScript module text: ``export const STRINGS = {...}``."""
    body = json.dumps(strings(), ensure_ascii=False, indent=2)
    return "\n".join([
        "// Generated from bot/locale/messages/<locale>/widget.ftl by scripts/widget_strings.py:",
        "// do not edit.",
        "// widget/build.mjs regenerates it before every build.",
        "",
        "/** The widget's own UI strings per registry language; {name} is a placeholder t() fills. */",
        f"export const STRINGS = {body};",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    """Write or check widget/src/strings.js; returns the exit code."""
    return write_or_check(TARGET, render(), root=ROOT, source="bot/locale/messages/*/widget.ftl",
                          command="python scripts/widget_strings.py",
                          description=__doc__.split("\n", 1)[0], argv=argv)

if __name__ == "__main__":
    sys.exit(main())
