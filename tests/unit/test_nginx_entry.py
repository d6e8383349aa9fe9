"""The public entry (nginx, Debian's package) as rendered by deploy/render.py.

Real nginx on spare ports with nothing behind it: what a REST client gets on
the chat port when Rasa is down or restarting, and that Rasa's HTTP API is
not routed at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.stack import BASE_PORTS, free_port_offset
from bot.locale import catalogue

ROOT = Path(__file__).resolve().parents[2]
FAULTS = catalogue.topic_texts("faults")


@pytest.fixture()
def nginx_alone(tmp_path: Path) -> Iterator[dict[str, int]]:
    """nginx with this checkout's configuration; Rasa and the web app are not running."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is not installed (scripts/setup_env.sh installs Debian's nginx-light)")
    offset = free_port_offset()
    ports = {name: port + offset for name, port in BASE_PORTS.items()}
    run_dir = tmp_path / "run"
    # nginx's workers (www-data when run as root) must reach their temp folders.
    os.chmod(tmp_path, 0o755)  # noqa: S103  (a test's own folder: configuration, no secrets)
    env = {**os.environ, **{k: str(v) for k, v in ports.items()},
           "RUN_DIR": str(run_dir), "LOG_DIR": str(tmp_path / "log")}
    subprocess.run([str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "deploy" / "render.py")],
                   env=env, check=True, capture_output=True)
    server = subprocess.Popen([nginx, "-c", str(run_dir / "nginx.conf")], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{ports['RASA_PORT']}/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield ports
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_rest_channel_with_rasa_down_gets_the_apology_as_json(nginx_alone: dict[str, int]) -> None:
    """Not nginx's HTML 502 page: 503 JSON with the apology in every language."""
    response = httpx.post(
        f"http://127.0.0.1:{nginx_alone['RASA_PORT']}/webhooks/rest/webhook",
        json={"sender": "someone", "message": "hei"},
        timeout=10,
    )
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body == {"error": "chat_unavailable", "messages": FAULTS["try_again"]}
    assert set(body["messages"]) == {"en", "fi", "sv"}


def test_rasa_http_api_is_not_routed_even_when_rasa_is_down(nginx_alone: dict[str, int]) -> None:
    """/conversations and /status are 404 at nginx itself, never proxied."""
    for path in ("/conversations/someone/tracker", "/status"):
        response = httpx.get(f"http://127.0.0.1:{nginx_alone['RASA_PORT']}{path}", timeout=10)
        assert response.status_code == 404, path
        with pytest.raises(json.JSONDecodeError):
            json.loads(response.text)
