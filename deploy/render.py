"""Write one run's supervisord and nginx configuration from the templates beside this file.

Usage (scripts/run_stack.sh does this)::

    .venv/bin/python deploy/render.py

Reads the settings from the environment (defaults as in .env.example):
RUN_DIR (generated files, sockets, pid files; default var/run), LOG_DIR
(default var/log), PUBLIC_HOST (nginx's listen address, 127.0.0.1), RASA_PORT
(public, 5005), RASA_INTERNAL_PORT (5006), WEB_PORT (public, 8080),
WEB_INTERNAL_PORT (8081), ACTION_PORT (5055), RASA_MODEL
(models/digipoint.tar.gz), NGINX (path of the nginx binary), and the profile
(deploy/topology.py): DIGIPOINT_PROFILE, RASA_REPLICAS, ACTION_REPLICAS,
ACTION_LB_PORT (5054), RASA_API_LB_PORT (5004).

Writes ``$RUN_DIR/supervisord.conf`` and ``$RUN_DIR/nginx.conf`` (mode 0600)
and prints the path of the supervisord one. The programs are rasa, actions,
web (uvicorn), worker (``python -m bot.worker``) and nginx, the action server
being ``python -m actions.server``; in the production profile rasa-1, rasa-2,
... and actions-1, actions-2, ... instead of rasa and actions (each with its
own log files: rasa-1.log and rasa-1.out, actions-1.log). The event listener
deploy/reaper.py ends what a crashed program left behind.

Raises SystemExit with one line when nginx is not installed or a profile
setting is unusable.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:  # run as a script: deploy/ is on the path, the repository is not
    sys.path.insert(0, str(ROOT))
from bot.locale import catalogue  # noqa: E402
from deploy.topology import Topology, from_env  # noqa: E402


@dataclass(frozen=True)
class Program:
    """One supervisord program: its command (a list, quoted on output) and log file name."""

    name: str
    argv: tuple[str, ...]
    log: str
    priority: int
    startsecs: int = 5
    startretries: int = 10
    stopsignal: str = "TERM"
    stopwaitsecs: int = 20

    @property
    def command(self) -> str:
        """The command line as supervisord reads it (shell quoting; ``%`` doubled)."""
        return shlex.join(self.argv).replace("%", "%%")


def _path(name: str, default: str) -> Path:
    path = Path(os.environ.get(name) or default)
    return path if path.is_absolute() else ROOT / path


def _port(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


def programs(run_dir: Path, log_dir: Path, topology: Topology | None = None) -> list[Program]:
    """The programs of one run, in start order."""
    topology = topology or from_env()
    venv = str(ROOT / ".venv" / "bin" / "python")
    model = str(_path("RASA_MODEL", "models/digipoint.tar.gz"))
    result = [
        Program(
            name,
            (
                str(ROOT / ".venv-rasa" / "bin" / "python"), str(ROOT / "scripts" / "rasa_launch.py"), "run",
                "--model", model, "--interface", "127.0.0.1", "--port", str(port),
                "--enable-api", "--credentials", str(ROOT / "credentials.yml"),
                "--endpoints", str(ROOT / "endpoints.yml"), "--log-file", str(log_dir / f"{name}.log"),
            ),
            f"{name}.out", priority=10, startsecs=10, startretries=5, stopwaitsecs=30,
        )
        for name, port in zip(topology.rasa_programs, topology.rasa_ports, strict=True)
    ]
    result += [
        Program(name, (venv, "-m", "actions.server", "--port", str(port)), f"{name}.log", 20)
        for name, port in zip(topology.action_programs, topology.action_ports, strict=True)
    ]
    web = (
        str(ROOT / ".venv" / "bin" / "uvicorn"), "bot.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(_port("WEB_INTERNAL_PORT", 8081)),
        "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1", "--no-server-header",
    )
    result += [
        Program("web", web, "web.log", 30),
        Program("worker", (venv, "-m", "bot.worker"), "worker.log", 40),
    ]
    nginx = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is not installed: run scripts/nginx.sh (make setup does)")
    result.append(Program("nginx", (nginx, "-c", str(run_dir / "nginx.conf")), "nginx.out", 50, startsecs=2))
    return result


def rasa_down_body() -> str:
    """The JSON nginx answers (HTTP 503) on the chat port when Rasa cannot be reached.

    ``{"error": "chat_unavailable", "messages": {"<locale>": "<faults.try_again>"}}``,
    with the texts of the catalogue's faults topic (bot/locale/messages), so a REST client can show the
    person the apology in their language instead of nginx's HTML error page.

    Raises:
        ValueError: a text holds a character nginx's quoted string cannot (' or $).
    """
    faults = catalogue.topic_texts("faults")
    body = json.dumps({"error": "chat_unavailable", "messages": faults["try_again"]}, ensure_ascii=False)
    if "'" in body or "$" in body or "\\" in body:
        raise ValueError("faults.try_again holds ' or $ or a backslash, which nginx's return string cannot")
    return body


def render() -> Path:
    """Write both files for this run; return the supervisord config's path."""
    run_dir = _path("RUN_DIR", "var/run")
    log_dir = _path("LOG_DIR", "var/log")
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "nginx" / sub).mkdir(parents=True, exist_ok=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    # Configuration files, not HTML: nothing to escape.
    env = Environment(  # noqa: S701
        loader=FileSystemLoader(HERE), undefined=StrictUndefined, keep_trailing_newline=True
    )
    topology = from_env()
    values = {
        "root": ROOT,
        "run_dir": run_dir,
        "log_dir": log_dir,
        "as_root": os.geteuid() == 0,
        "control_password": secrets.token_urlsafe(18),
        "public_host": os.environ.get("PUBLIC_HOST") or "127.0.0.1",
        "rasa_port": _port("RASA_PORT", 5005),
        "topology": topology,
        "web_port": _port("WEB_PORT", 8080),
        "web_internal_port": _port("WEB_INTERNAL_PORT", 8081),
        "programs": programs(run_dir, log_dir, topology),
        "rasa_down_body": rasa_down_body(),
        "reaper_command": shlex.join([str(ROOT / ".venv" / "bin" / "python"), str(HERE / "reaper.py")]),
    }
    for template, name in (("supervisord.conf.j2", "supervisord.conf"), ("nginx.conf.j2", "nginx.conf")):
        fd = os.open(run_dir / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as target:
            target.write(env.get_template(template).render(**values))
    return run_dir / "supervisord.conf"


if __name__ == "__main__":
    print(render())
    sys.exit(0)
