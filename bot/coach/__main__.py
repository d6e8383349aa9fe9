"""Command line of the coach package.

    python -m bot.coach create-account --email a@b.fi --city Turku --role coach|admin
        (password from COACH_PASSWORD or a hidden prompt, asked twice)
    python -m bot.coach purge [--days N]      retention purge (default RETENTION_DAYS, 90)
    python -m bot.coach delete CONVERSATION_ID
    python -m bot.coach expire-handoffs [--loop SECONDS]

Exit status 0 on success, 2 on bad input.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time

from bot.config import get_settings
from bot.db import session_scope


def _password() -> str:
    from_env = os.environ.get("COACH_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise SystemExit("passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bot.coach")
    sub = parser.add_subparsers(dest="command", required=True)
    create = sub.add_parser("create-account", help="create a coach or city admin account")
    create.add_argument("--email", required=True)
    create.add_argument("--city", required=True)
    create.add_argument("--role", choices=("coach", "admin"), default="coach")
    purge = sub.add_parser("purge", help="delete conversations inactive for N days")
    purge.add_argument("--days", type=int, default=None)
    delete = sub.add_parser("delete", help="delete everything of one conversation now")
    delete.add_argument("conversation_id")
    expire = sub.add_parser("expire-handoffs", help="time out handoff requests nobody took")
    expire.add_argument("--loop", type=float, default=0.0, help="repeat every SECONDS (0: once)")
    args = parser.parse_args(argv)

    from bot.coach import accounts, handoff, retention

    if args.command == "create-account":
        try:
            with session_scope() as session:
                account = accounts.create_account(session, args.email, _password(), args.city, args.role)
                print(f"created {account.role} {account.email} for {account.city}")
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
            counts = retention.delete_conversation(session, args.conversation_id)
        print(f"deleted {sum(counts.values())} row(s)")
    else:
        while True:
            with session_scope() as session:
                expired = handoff.expire_waiting(session)
            if expired:
                print(f"timed out {len(expired)} handoff request(s)")
            if args.loop <= 0:
                break
            time.sleep(args.loop)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
