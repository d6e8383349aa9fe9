"""Start ``rasa run`` with its secret and CORS origins taken from the environment.

Run by .venv-rasa's Python (under supervisord, see deploy/supervisord.conf.j2)::

    .venv-rasa/bin/python scripts/rasa_launch.py run --model ... --port 5006 ...

The arguments are those of ``rasa`` itself. This launcher appends
``--auth-token $RASA_TOKEN`` and ``--cors <origins of $ALLOWED_ORIGINS>`` to
``sys.argv`` and calls Rasa's command line in the same process, so the token
never appears on a command line (``ps``, ``/proc/<pid>/cmdline``).

Environment:
    RASA_TOKEN: token of Rasa's HTTP API; required, non-empty.
    ALLOWED_ORIGINS: comma-separated origins (``https://www.espoo.fi``).
    DIGIPOINT_ENV: ``production`` refuses ``*`` and an empty origin list.
    DIGIPOINT_ENCODER_THREADS: OpenMP threads of the sentence encoder
        (rasa_addons/sentence_encoder.py). When unset and the production
        profile runs ``RASA_REPLICAS`` Rasa processes, it is set to
        ``cores // RASA_REPLICAS`` (at least 1), so the processes share the
        cores instead of each taking all of them.

Exits with status 2 and one line on stderr when a setting is refused.
It lives outside rasa_addons/ so that it is not part of the model fingerprint
(scripts/train_if_needed.sh).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping


class LaunchRefused(SystemExit):
    """A setting makes the start unsafe; the message says which and why."""


def allowed_origins(environ: Mapping[str, str]) -> list[str]:
    """The CORS origins from ``ALLOWED_ORIGINS`` (comma separated, blanks dropped).

    Raises:
        LaunchRefused: ``DIGIPOINT_ENV=production`` and the list is empty or has ``*``.
    """
    origins = [o.strip().rstrip("/") for o in environ.get("ALLOWED_ORIGINS", "").split(",") if o.strip()]
    if environ.get("DIGIPOINT_ENV", "").strip().lower() == "production":
        if not origins or "*" in origins:
            raise LaunchRefused(
                "DigiPoint refuses to start: DIGIPOINT_ENV=production needs ALLOWED_ORIGINS to list "
                "the city pages' origins (e.g. https://www.espoo.fi); '*' or an empty list lets any "
                "web site use the chat."
            )
    return origins


def rasa_argv(argv: list[str], environ: Mapping[str, str]) -> list[str]:
    """``argv`` plus ``--auth-token`` and ``--cors`` from the environment.

    Raises:
        LaunchRefused: RASA_TOKEN is missing, or the origins are refused.
    """
    token = environ.get("RASA_TOKEN", "")
    if not token:
        raise LaunchRefused("DigiPoint refuses to start Rasa: RASA_TOKEN is not set.")
    if any(arg in ("-t", "--auth-token") or arg.startswith("--auth-token=") for arg in argv):
        raise LaunchRefused("Pass the Rasa token in RASA_TOKEN, not on the command line.")
    extra = ["--auth-token", token]
    origins = allowed_origins(environ)
    if origins:
        extra += ["--cors", *origins]
    return [*argv, *extra]


def encoder_threads(environ: Mapping[str, str], cores: int | None) -> str | None:
    """``DIGIPOINT_ENCODER_THREADS`` to set for this process, or ``None`` to leave it as it is.

    Production only, and only when unset: ``cores // RASA_REPLICAS`` (default
    2 replicas, at least 1 thread). An unusable ``RASA_REPLICAS`` counts as 2;
    deploy/topology.py refuses it before any process starts.
    """
    if environ.get("DIGIPOINT_ENCODER_THREADS", "").strip():
        return None
    if (environ.get("DIGIPOINT_PROFILE") or "embedded").strip().lower() != "production":
        return None
    try:
        replicas = max(1, int(environ.get("RASA_REPLICAS") or 2))
    except ValueError:
        replicas = 2
    return str(max(1, (cores or 1) // replicas))


def main() -> None:
    """Rewrite ``sys.argv`` and hand over to Rasa's own ``main``."""
    threads = encoder_threads(os.environ, os.cpu_count())
    if threads is not None:
        os.environ["DIGIPOINT_ENCODER_THREADS"] = threads
    try:
        sys.argv = ["rasa", *rasa_argv(sys.argv[1:], os.environ)]
    except LaunchRefused as refused:
        print(refused.code, file=sys.stderr)
        sys.exit(2)
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
