"""Composition root of the web app.

Run with ``uvicorn bot.web.app:create_app --factory --host 127.0.0.1 --port 8080``.
Each feature is a router included here (the coach dashboard adds its own
under ``/coach/``); ``/healthz`` checks the database.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.coach.web import create_coach_app
from bot.db import get_sessionmaker
from bot.web import pages
from bot.web.errors import install_error_pages
from bot.web.templating import STATIC_DIR

logger = logging.getLogger(__name__)


def healthz() -> JSONResponse:
    """Health of the web app for run_stack.sh, nginx checks and the tests.

    Runs ``SELECT 1`` on the product database (settings.database_url).
    Returns 200 ``{"status": "ok"}``, or 503 ``{"status": "error", "reason":
    "database unavailable"}`` (and one log line with the error's class) when
    the database cannot be reached.
    """
    try:
        with get_sessionmaker()() as session:
            session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        logger.error("healthz: database unavailable (%s)", type(error).__name__)
        return JSONResponse({"status": "error", "reason": "database unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app() -> FastAPI:
    """Build the FastAPI app: static files, demo pages, coach dashboard, HTML error pages."""
    app = FastAPI(title="DigiPoint web", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_api_route("/healthz", healthz, methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(pages.router)
    coach = create_coach_app()
    install_error_pages(coach)  # an unknown /coach/... address gets the HTML 404 page too
    app.mount("/coach", coach)
    install_error_pages(app)
    return app
