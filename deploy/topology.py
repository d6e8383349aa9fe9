"""How many Rasa and action-server processes one run has, and on which ports.

Two profiles (``DIGIPOINT_PROFILE``):

- ``embedded`` (default, ``make run``): one Rasa process (program ``rasa``) on
  ``RASA_INTERNAL_PORT`` and one action server (``actions``) on ``ACTION_PORT``;
  Rasa calls the action server directly and keeps its conversation locks in
  its own memory.
- ``production`` (``make run-production``): ``RASA_REPLICAS`` (default 2) Rasa
  processes ``rasa-1``, ``rasa-2``, ... on ``RASA_INTERNAL_PORT``, +1, ... and
  ``ACTION_REPLICAS`` (default 2) action servers ``actions-1``, ... on
  ``ACTION_PORT``, +1, ...; nginx balances the action servers on
  127.0.0.1:``ACTION_LB_PORT`` (Rasa's action endpoint) and the Rasa HTTP APIs
  on 127.0.0.1:``RASA_API_LB_PORT`` (the web app's ``RASA_URL``).

Used by deploy/render.py (supervisord and nginx configuration) and
bench/stack.py (the test stacks), so both agree on names and ports.

Raises SystemExit with one line for a setting that is not a usable number.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

PROFILES = ("embedded", "production")
MAX_REPLICAS = 16
# Defaults of the ports (the internal balancers exist in production only).
DEFAULT_PORTS = {
    "RASA_PORT": 5005,
    "RASA_INTERNAL_PORT": 5006,
    "ACTION_PORT": 5055,
    "WEB_PORT": 8080,
    "WEB_INTERNAL_PORT": 8081,
    "ACTION_LB_PORT": 5054,
    "RASA_API_LB_PORT": 5004,
}


@dataclass(frozen=True)
class Topology:
    """Programs and ports of the Rasa and action-server processes of one run."""

    profile: str
    rasa_ports: tuple[int, ...]
    action_ports: tuple[int, ...]
    action_lb_port: int = 0  # 0: no balancer (embedded)
    rasa_api_lb_port: int = 0

    @property
    def production(self) -> bool:
        """Whether this is the production profile (numbered programs, internal balancers)."""
        return self.profile == "production"

    def _names(self, base: str, count: int) -> tuple[str, ...]:
        if not self.production:
            return (base,)
        return tuple(f"{base}-{i}" for i in range(1, count + 1))

    @property
    def rasa_programs(self) -> tuple[str, ...]:
        """supervisord names of the Rasa processes: ``rasa`` or ``rasa-1``, ``rasa-2``, ..."""
        return self._names("rasa", len(self.rasa_ports))

    @property
    def action_programs(self) -> tuple[str, ...]:
        """supervisord names of the action servers: ``actions`` or ``actions-1``, ..."""
        return self._names("actions", len(self.action_ports))

    @property
    def action_endpoint(self) -> str:
        """Where Rasa sends action calls: the balancer in production, else the one server."""
        port = self.action_lb_port or self.action_ports[0]
        return f"http://127.0.0.1:{port}/webhook"

    @property
    def rasa_api(self) -> str:
        """Rasa's HTTP API for the web app: the balancer in production, else the one process."""
        return f"http://127.0.0.1:{self.rasa_api_lb_port or self.rasa_ports[0]}"

    def internal_ports(self) -> dict[str, int]:
        """Every internal port by a name (``rasa-1``, ``actions-2``, ``action balancer``, ...)."""
        ports = dict(zip(self.rasa_programs, self.rasa_ports, strict=True))
        ports.update(zip(self.action_programs, self.action_ports, strict=True))
        if self.production:
            ports["action balancer"] = self.action_lb_port
            ports["Rasa API balancer"] = self.rasa_api_lb_port
        return ports


def _int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = (env.get(name) or "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise SystemExit(f"{name}={value} must be between {low} and {high}")
    return value


def profile_of(env: Mapping[str, str]) -> str:
    """``DIGIPOINT_PROFILE`` (embedded or production; default embedded)."""
    profile = (env.get("DIGIPOINT_PROFILE") or "embedded").strip().lower()
    if profile not in PROFILES:
        raise SystemExit(f"DIGIPOINT_PROFILE={profile!r}: use embedded or production")
    return profile


def from_env(env: Mapping[str, str] | None = None) -> Topology:
    """The topology the settings in ``env`` (default: the environment) describe.

    Embedded always has one Rasa process and one action server (its lock store
    is Rasa's memory); ``RASA_REPLICAS``/``ACTION_REPLICAS`` apply to production.
    """
    env = os.environ if env is None else env
    profile = profile_of(env)
    port = {name: _int(env, name, default, 1, 65535) for name, default in DEFAULT_PORTS.items()}
    if profile == "embedded":
        return Topology(profile, (port["RASA_INTERNAL_PORT"],), (port["ACTION_PORT"],))
    rasa = _int(env, "RASA_REPLICAS", 2, 1, MAX_REPLICAS)
    actions = _int(env, "ACTION_REPLICAS", 2, 1, MAX_REPLICAS)
    topology = Topology(
        profile,
        tuple(port["RASA_INTERNAL_PORT"] + i for i in range(rasa)),
        tuple(port["ACTION_PORT"] + i for i in range(actions)),
        port["ACTION_LB_PORT"],
        port["RASA_API_LB_PORT"],
    )
    used = [*topology.internal_ports().values(), port["RASA_PORT"], port["WEB_PORT"]]
    used.append(port["WEB_INTERNAL_PORT"])
    if len(set(used)) != len(used):
        raise SystemExit(
            "the production ports overlap: RASA_INTERNAL_PORT..+RASA_REPLICAS-1,"
            " ACTION_PORT..+ACTION_REPLICAS-1, ACTION_LB_PORT, RASA_API_LB_PORT, RASA_PORT, WEB_PORT"
            f" and WEB_INTERNAL_PORT must differ: {sorted(used)}"
        )
    return topology


if __name__ == "__main__":
    # scripts/run_stack.sh: one "name port" line per internal server.
    for name, number in from_env().internal_ports().items():
        print(f"{name.replace(' ', '_')} {number}")
