"""``python -m actions.server``: run DigiPoint's action server (see :mod:`actions.server`).

Usage::

    ACTION_SERVER_TOKEN=... python -m actions.server [--port 5055] [--actions actions]
                                                     [--log-file FILE] [-vv | --quiet]

Environment: ``ACTION_SERVER_TOKEN`` (required; the process exits with status 2
and says how to set it when it is missing), ``ACTION_TIMEOUT_SECONDS`` (7),
``ACTION_WORKER_THREADS`` (8), ``SANIC_HOST`` (127.0.0.1), ``ACTION_PORT``
(5055, when ``--port`` is not given), ``DATABASE_URL``. The token is never
taken from the command line, so it does not show in the process list.

Unlike ``python -m rasa_sdk``, the server runs in one process (Sanic's single
process mode): with a Sanic worker process under a primary one, a killed
worker left the primary alive and the port dead, and supervisord saw nothing
to restart. The warm-up (``actions/warmup.py``) starts here before serving.
"""

from __future__ import annotations

import argparse
import os
import sys
from functools import partial

from rasa_sdk import utils
from rasa_sdk.constants import DEFAULT_SERVER_PORT
from sanic import Sanic
from sanic.worker.loader import AppLoader

from actions import warmup
from actions.server.app import ConfigError, ServerConfig, configure_logging, create_server_app
from actions.server.executor import GuardedActionExecutor


def argument_parser() -> argparse.ArgumentParser:
    """The command-line options (no secrets: those come from the environment)."""
    parser = argparse.ArgumentParser(prog="python -m actions.server", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("ACTION_PORT") or DEFAULT_SERVER_PORT),
        help="port to listen on (default: $ACTION_PORT or 5055)",
    )
    parser.add_argument("--actions", default="actions", help="package with the actions (default: actions)")
    utils.add_logging_level_option_arguments(parser)
    parser.add_argument("--log-file", default=None, help="also write the log to this file")
    return parser


def main(argv: list[str] | None = None) -> None:
    """Check the settings, register the actions, serve until stopped.

    Raises:
        SystemExit: 2 when a setting is missing or wrong (message on stderr).
    """
    args = argument_parser().parse_args(argv)
    try:
        config = ServerConfig.from_env()
    except ConfigError as exc:
        print(f"The action server did not start: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    configure_logging(args.loglevel, args.log_file)
    executor = GuardedActionExecutor(config.timeout_seconds, config.worker_threads)
    executor.register_package(args.actions)
    loader = AppLoader(
        factory=partial(
            create_server_app, executor, config.token, log_level=args.loglevel, log_file=args.log_file
        )
    )
    app = loader.load()
    app.prepare(host=config.host, port=args.port, single_process=True)
    warmup.start()
    Sanic.serve_single(primary=app)


if __name__ == "__main__":
    main()
