"""Command line: ``python -m bot.catalogue load-sample [--database-url URL] [--create-tables] [--quiet]``.

Also ``load --courses FILE --jobs FILE`` for other files of the same format.
Prints a load report (added / updated / unchanged / skipped with reasons,
and how far the dates of a file with relative dates moved, see
:mod:`bot.catalogue.loader`; with ``--quiet`` one line of counts plus the
skipped rows and the date lines) and exits 0,
also when rows were skipped; exits 1 when the database cannot be reached.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot import db
from bot.catalogue.loader import SAMPLE_DIR, load_files


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot.catalogue")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("load-sample", "load the shipped sample catalogue"),
        ("load", "load catalogue YAML files"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--database-url", default=None, help="SQLAlchemy URL (default: settings)")
        sub.add_argument(
            "--create-tables",
            action="store_true",
            help="create the courses and jobs tables (and their titles) when missing (tests, demos)",
        )
        sub.add_argument("--quiet", action="store_true", help="one line of counts (plus skipped rows)")
        if name == "load":
            sub.add_argument("--courses", type=Path, default=None)
            sub.add_argument("--jobs", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.command == "load-sample":
        courses, jobs = SAMPLE_DIR / "courses.yml", SAMPLE_DIR / "jobs.yml"
    else:
        courses, jobs = args.courses, args.jobs
    try:
        if args.create_tables:
            from bot.catalogue.models import Course, CourseTitle, Job, JobTitle
            from bot.catalogue.revision import CatalogueRevision

            engine = db.make_engine(args.database_url or db.get_settings().database_url)
            models = (Course, CourseTitle, Job, JobTitle, CatalogueRevision)
            tables = [db.Base.metadata.tables[model.__tablename__] for model in models]
            db.Base.metadata.create_all(engine, tables=tables)
            engine.dispose()
        with db.session_scope(args.database_url) as session:
            report = load_files(session, courses, jobs)
    except SQLAlchemyError as exc:
        print(f"database error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    if args.quiet:
        lines = report.lines()
        counts = ", ".join(line for line in lines if not line.startswith(("  ", "dates: ")))
        print(f"catalogue: {counts}")
        print("".join(f"{line}\n" for line in lines if line.startswith(("  ", "dates: "))), end="")
    else:
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
