"""supervisord event listener: end what a crashed program left behind.

A program killed with SIGKILL cannot stop its own children: the Sanic worker
processes of the action server or nginx's workers would keep the port, and
the restarted program could not bind it. supervisord starts every program in
its own process group (pgid = the program's pid), so on each
``PROCESS_STATE_EXITED`` event this listener sends SIGKILL to that group.
Stopping a program (``supervisorctl stop``) is already handled by
``stopasgroup``/``killasgroup``.

Run by supervisord (``[eventlistener:reaper]`` in deploy/supervisord.conf.j2);
speaks supervisor's listener protocol on stdin/stdout, logs one line per
reaped group on stderr.
"""

from __future__ import annotations

import os
import signal
import sys

from supervisor import childutils


def reap(payload: str) -> str | None:
    """Kill the process group of the exited program in ``payload``; a log line if any was left."""
    headers = childutils.get_headers(payload)
    try:
        pid = int(headers.get("pid", "0"))
    except ValueError:
        return None
    if pid <= 1:
        return None
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        return None
    name = headers.get("processname", "?")
    return f"reaper: {name} exited; killed what was left of its process group {pid}"


def main() -> None:
    """Serve events until supervisord closes stdin."""
    while True:
        headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
        if headers.get("eventname") == "PROCESS_STATE_EXITED":
            line = reap(payload)
            if line:
                print(line, file=sys.stderr, flush=True)
        childutils.listener.ok(sys.stdout)


if __name__ == "__main__":
    main()
