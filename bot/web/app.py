"""Composition root of the web app.

Run with ``uvicorn bot.web.app:create_app --factory --host 127.0.0.1 --port 8080``.
Each feature is a router included here (the coach dashboard adds its own
under ``/coach/``).
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bot.coach.web import create_coach_app
from bot.web import pages
from bot.web.errors import install_error_pages
from bot.web.templating import STATIC_DIR


def create_app() -> FastAPI:
    """Build the FastAPI app: static files, demo pages, coach dashboard, HTML error pages."""
    app = FastAPI(title="DigiPoint web", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(pages.router)
    app.mount("/coach", create_coach_app())
    install_error_pages(app)
    return app
