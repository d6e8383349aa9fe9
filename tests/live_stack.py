"""The real DigiPoint stack for end-to-end tests: supervisord running Rasa, the
action server, the web app, the worker and nginx.

``live_stack`` (session scope) starts bench.stack.running_stack once per test
session: fresh SQLite files (migrated, sample catalogue loaded), the trained
model, every port (public and internal) moved by an offset so a developer's
own ``make run`` keeps working: DIGIPOINT_TEST_PORT_OFFSET when set, else a
free one picked per run (two runs on one machine do not collide).
``make test`` trains the model before these tests run. Coaches are on duty
around the clock there (``HANDOFF_OFFICE_HOURS=always`` unless set), so handoff
tests do not depend on the time of day.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink

from bench.stack import LiveStack, StackError, running_stack

__all__ = ["LiveStack", "live_stack"]


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    """Start the whole stack once per test session; yield its addresses."""
    try:
        configured = os.environ.get("DIGIPOINT_TEST_PORT_OFFSET")
        offset = int(configured) if configured else None
        # Coaches on duty whatever the clock says, unless the caller chose otherwise:
        # outside office hours "talk to a person" offers contact-me instead of a queue.
        hours = {"HANDOFF_OFFICE_HOURS": os.environ.get("HANDOFF_OFFICE_HOURS", "always")}
        # A real local mail server (aiosmtpd), so the follow-up reminders are offered
        # and the worker's mails have somewhere to go; mails are kept in memory.
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            mail_port = probe.getsockname()[1]
        mail = Controller(Sink(), hostname="127.0.0.1", port=mail_port)
        mail.start()
        smtp = {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(mail.port), "SMTP_FROM": "digipoint@test.invalid"}
        try:
            with running_stack(
                tmp_path_factory.mktemp("stack"), port_offset=offset, extra_env={**hours, **smtp}
            ) as stack:
                yield stack
        finally:
            mail.stop()
    except StackError as error:
        pytest.fail(str(error))
