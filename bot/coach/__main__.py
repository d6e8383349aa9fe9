"""Command line of the coach package (administrators).

    python -m bot.coach create-account --email a@b.fi --city Turku --role coach|admin [--name Anna]
        (password from COACH_PASSWORD or a hidden prompt, asked twice; --name: the first
        name people see in the chat)
    python -m bot.coach set-name --email a@b.fi --name Anna   (an empty --name removes it)
    python -m bot.coach purge [--days N]      retention purge now (default RETENTION_DAYS, 90)
    python -m bot.coach delete CONVERSATION_ID
        delete the person's data now (the "delete my data" rule, audited)
    python -m bot.coach expire-handoffs       time out due handoff requests now, once
    python -m bot.coach erasures [--city C] [--limit N]   the erasure log, newest first

Timed runs of purge and expiry are the worker's (``python -m bot.worker``);
these commands call the same services (``bot.privacy``, the worker's
``handoff_timeout`` job with its claims), so running one beside the worker is safe.

Exit status 0 on success, 1 when a step failed (logged), 2 on bad input.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from bot.config import get_settings
from bot.db import get_sessionmaker, session_scope


def _password() -> str:
    from_env = os.environ.get("COACH_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise SystemExit("passwords differ")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.coach")
    sub = parser.add_subparsers(dest="command", required=True)
    create = sub.add_parser("create-account", help="create a coach or city admin account")
    create.add_argument("--email", required=True)
    create.add_argument("--city", required=True)
    create.add_argument("--role", choices=("coach", "admin"), default="coach")
    create.add_argument("--name", default=None, help="first name shown to people in the chat")
    set_name = sub.add_parser("set-name", help="set the first name people see in the chat")
    set_name.add_argument("--email", required=True)
    set_name.add_argument("--name", required=True, help="empty to show only 'coach'")
    purge = sub.add_parser("purge", help="delete conversations inactive for N days")
    purge.add_argument("--days", type=int, default=None)
    delete = sub.add_parser("delete", help="delete everything of one person now")
    delete.add_argument("conversation_id")
    sub.add_parser("expire-handoffs", help="time out handoff requests nobody took (once)")
    erasures = sub.add_parser("erasures", help="show the erasure log (no personal data)")
    erasures.add_argument("--city", default=None, help="only this city (and rows with no city)")
    erasures.add_argument("--limit", type=int, default=200)
    return parser


def _expire_handoffs() -> int:
    import logging

    from bot.worker.jobs import HANDOFF_TIMEOUT
    from bot.worker.runner import Worker

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    outcomes = Worker(get_sessionmaker(), jobs=[HANDOFF_TIMEOUT], worker_id=f"cli-{os.getpid()}").run_once()
    done = [o for o in outcomes if o.ok and o.conversation_id]
    print(f"timed out {len(done)} handoff request(s)")
    return 0 if all(o.ok for o in outcomes) else 1


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns the exit status."""
    args = _parser().parse_args(argv)

    from bot.coach import accounts
    from bot.privacy import audit, person, retention

    if args.command == "create-account":
        try:
            with session_scope() as session:
                account = accounts.create_account(
                    session, args.email, _password(), args.city, args.role, display_name=args.name
                )
                print(f"created {account.role} {account.email} for {account.city}")
        except accounts.AccountError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    elif args.command == "set-name":
        try:
            with session_scope() as session:
                account = accounts.set_display_name(session, args.email, args.name)
                shown = account.display_name or "(no name: people read 'coach')"
                print(f"{account.email} is shown in the chat as {shown}")
        except accounts.AccountError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    elif args.command == "purge":
        days = args.days if args.days is not None else get_settings().retention_days
        with session_scope() as session:
            removed = retention.purge(session, days)
        print(f"purged {len(removed)} conversation(s) inactive for more than {days} days")
    elif args.command == "delete":
        with session_scope() as session:
            row = person.erase_person(session, args.conversation_id, "admin")
            print(f"deleted {sum(row.counts.values())} row(s) of {row.conversations} conversation(s)")
    elif args.command == "expire-handoffs":
        return _expire_handoffs()
    else:
        with session_scope() as session:
            rows = audit.recent(session, args.city, args.limit)
            for row in rows:
                print(audit.as_line(row))
            if not rows:
                print("no erasures recorded")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
