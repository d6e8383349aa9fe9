"""rasa_addons.api_errors: refusals of Rasa's HTTP API are WARNING lines, server errors ERROR."""

from __future__ import annotations

import logging
from http import HTTPStatus

import pytest

pytest.importorskip("rasa")

from rasa import server  # noqa: E402

from rasa_addons import api_errors  # noqa: E402


def test_a_refused_request_is_one_warning_and_the_response_is_unchanged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api_errors.install()
    api_errors.install()  # idempotent
    caplog.set_level(logging.DEBUG)
    error = server.ErrorResponse(HTTPStatus.UNAUTHORIZED, "NotAuthenticated", "User is not authenticated.")
    assert error.status == HTTPStatus.UNAUTHORIZED
    assert error.error_info["message"] == "User is not authenticated."
    assert error.error_info["reason"] == "NotAuthenticated"
    records = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    expected = ("rasa_addons.api_errors", logging.WARNING, "HTTP API refused a request: 401 NotAuthenticated")
    assert records == [expected]


def test_a_server_error_stays_an_error_line(caplog: pytest.LogCaptureFixture) -> None:
    api_errors.install()
    caplog.set_level(logging.DEBUG)
    server.ErrorResponse(HTTPStatus.INTERNAL_SERVER_ERROR, "ConversationError", "could not store")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, "HTTP API error 500 ConversationError: could not store")
    ]
