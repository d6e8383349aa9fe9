"""Write or check a file generated from the locale sources (the widget's locales.js and strings.js).

Used by scripts/widget_locales.py and scripts/widget_strings.py, which
widget/build.mjs runs before every bundle and tests run with ``--check``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def write_or_check(target: Path, text: str, *, root: Path, source: str, command: str,
                   description: str, argv: list[str] | None = None) -> int:
    """Parse ``--check`` from ``argv``; then check ``target`` against ``text`` or write it.

    Args:
        target: the generated file.
        text: its expected content.
        root: the repository root (paths are printed relative to it).
        source: what the file is generated from, for the failure message.
        command: how to regenerate it, for the failure message.
        description: the script's one-line description (``--help``).
        argv: the arguments (None: ``sys.argv[1:]``).

    Returns:
        0 when written or up to date, 1 when ``--check`` finds it stale
        (one line on stderr naming the file, its source and the command).
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args(argv)
    current = target.read_text(encoding="utf-8") if target.is_file() else ""
    if args.check:
        if current != text:
            print(f"FAIL: {target.relative_to(root)} differs from {source}; run {command}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(root)}")
    return 0
