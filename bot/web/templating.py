"""Jinja2 templates of the web app and the widget's versioned asset URL."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from fastapi.templating import Jinja2Templates

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


@lru_cache(maxsize=1)
def widget_version() -> str:
    """Short content hash of the built widget, used to bust browser caches."""
    path = STATIC_DIR / "widget.js"
    if not path.exists():
        return "missing"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def widget_src() -> str:
    """URL path of the widget script, with its content version."""
    return f"/static/widget.js?v={widget_version()}"
