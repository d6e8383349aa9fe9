"""Write widget/src/locales.js from the locale registry (bot/locale/locales.yml).

Usage::

    python scripts/widget_locales.py          # (re)write the file
    python scripts/widget_locales.py --check  # exit 1 when the file differs from the registry

``widget/build.mjs`` runs it before every bundle, so the widget's list of
languages is the registry's; tests/unit/test_widget_locales.py fails when
the committed file is stale. Exit code 0 = written or up to date, 1 = stale
(``--check``), 2 = bad usage.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from any directory
from bot.locale import registry  # noqa: E402  (after the path line)
from bot.locale.generated import write_or_check  # noqa: E402

TARGET = ROOT / "widget" / "src" / "locales.js"


def render() -> str:
    """The JavaScript module text: codes, own names, directions, aliases, default."""
    locales = registry.locales()
    aliases = {alias: loc.code for loc in locales for alias in (loc.code.lower(), *loc.aliases)}

    def js(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    return "\n".join([
        "// Generated from bot/locale/locales.yml by scripts/widget_locales.py: do not edit.",
        "// widget/build.mjs regenerates it before every build.",
        "",
        "/** Registry codes, in display order. */",
        f"export const LANGUAGES = {js([loc.code for loc in locales])};",
        "",
        "/** Each language's name in itself (the language menu). */",
        f"export const LANGUAGE_NAMES = {js({loc.code: loc.name for loc in locales})};",
        "",
        '/** Writing direction per language: "ltr" or "rtl". */',
        f"export const DIRECTIONS = {js({loc.code: loc.direction for loc in locales})};",
        "",
        "/** Lower-case tags (codes and ISO 639-2 aliases) to registry codes. */",
        f"export const ALIASES = {js(aliases)};",
        "",
        "/** The language used when nothing else is known. */",
        f"export const DEFAULT_LANGUAGE = {js(registry.default_code())};",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    """Write or check widget/src/locales.js; returns the exit code."""
    return write_or_check(TARGET, render(), root=ROOT, source="bot/locale/locales.yml",
                          command="python scripts/widget_locales.py",
                          description=__doc__.split("\n", 1)[0], argv=argv)

if __name__ == "__main__":
    sys.exit(main())
