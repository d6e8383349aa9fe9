"""Command line: ``python -m bot.catalogue.importers {studyinfo,jobmarket,esco} [options]``.

Common options: ``--database-url URL`` (default: settings), ``--fixtures
DIR`` (answer requests from files instead of the network: the layout of
``tests/fixtures/importers/<source>/``), ``--create-tables`` (create missing
tables without Alembic; demos and tests), ``--no-progress``.

- ``studyinfo [--keyword W ...] [--lang fi|sv|en] [--type amk,yo,...]
  [--labour-market-training] [--continuing-education] [--open-application]``;
  with ``--fixtures`` only the first keyword is searched and pages hold 2 hits.
- ``jobmarket [--municipality 091 ...] [--full] [--state FILE]``; the key is
  read from ``JOBMARKET_SUBSCRIPTION_KEY`` (any value will do with ``--fixtures``).
- ``esco [--csv DIR | --api URI ...]`` (``--fixtures DIR`` reads the CSV
  package from DIR).

Prints a progress bar on stderr and a closing report (added / updated /
unchanged / skipped with reasons / flagged / hidden) on stdout. Exit codes:
0 done (rows may have been skipped), 1 database error, 2 bad usage or
missing key, 3 a source request failed for good (what was read is kept).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from tqdm import tqdm

from bot import db
from bot.catalogue.importers import esco, jobmarket, studyinfo
from bot.catalogue.importers.common import ImportReport
from bot.catalogue.importers.http import FixtureAdapter, make_session


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.catalogue.importers")
    commands = parser.add_subparsers(dest="source", required=True)
    subs = {
        "studyinfo": commands.add_parser("studyinfo", help="courses from Studyinfo (Opintopolku)"),
        "jobmarket": commands.add_parser("jobmarket", help="job postings from Job Market Finland"),
        "esco": commands.add_parser("esco", help="ESCO occupations, skills and relations"),
    }
    for sub in subs.values():
        sub.add_argument("--database-url", default=None)
        sub.add_argument("--fixtures", type=Path, default=None, help="serve requests from this directory")
        sub.add_argument("--create-tables", action="store_true")
        sub.add_argument("--no-progress", action="store_true")
    s = subs["studyinfo"]
    s.add_argument("--keyword", action="append", default=None, help="search word (repeatable)")
    s.add_argument("--lang", choices=("fi", "sv", "en"), default="fi")
    s.add_argument("--type", dest="koulutustyyppi", default=None, help="konfo koulutustyyppi list")
    s.add_argument("--labour-market-training", action="store_true")
    s.add_argument("--continuing-education", action="store_true")
    s.add_argument("--open-application", action="store_true")
    s.add_argument("--page-size", type=int, default=None, help="hits per page (20; 2 with --fixtures)")
    j = subs["jobmarket"]
    j.add_argument("--municipality", action="append", default=[], help="3-digit code (repeatable)")
    j.add_argument("--full", action="store_true", help="ignore the watermark, fetch everything")
    j.add_argument("--state", type=Path, default=jobmarket.DEFAULT_STATE)
    e = subs["esco"].add_mutually_exclusive_group()
    e.add_argument("--csv", type=Path, default=None, help="directory of the ESCO CSV package")
    e.add_argument("--api", action="append", default=None, metavar="URI", help="occupation URI (repeatable)")
    return parser


def _run(args: argparse.Namespace, session: Session, bar: tqdm) -> ImportReport:
    if args.source == "studyinfo":
        fixtures = FixtureAdapter(args.fixtures, studyinfo.fixture_path) if args.fixtures else None
        options = studyinfo.StudyinfoOptions(
            keywords=tuple(args.keyword or studyinfo.DEFAULT_KEYWORDS), lng=args.lang,
            koulutustyyppi=args.koulutustyyppi, labour_market_training=args.labour_market_training,
            continuing_education=args.continuing_education, open_application=args.open_application,
            page_size=args.page_size or (2 if args.fixtures else 20))
        if args.fixtures:  # every keyword would get the same fixture pages
            options.keywords = options.keywords[:1]
        return studyinfo.import_studyinfo(session, make_session("studyinfo", fixtures=fixtures), options, bar)
    if args.source == "jobmarket":
        key = jobmarket.subscription_key(os.environ if not args.fixtures else {
            jobmarket.KEY_VARIABLE: os.environ.get(jobmarket.KEY_VARIABLE) or "fixtures"})
        fixtures = FixtureAdapter(args.fixtures, jobmarket.fixture_path) if args.fixtures else None
        job_options = jobmarket.JobmarketOptions(municipalities=tuple(args.municipality), full=args.full,
                                                 state_path=args.state)
        http = make_session("jobmarket", fixtures=fixtures)
        return jobmarket.import_jobmarket(session, http, key, job_options, bar)
    if args.api:
        return esco.import_esco_api(session, make_session("esco"), args.api, progress=bar)
    directory = args.csv or args.fixtures
    if directory is None:
        raise SystemExit("esco: give --csv DIR (the ESCO CSV package), --fixtures DIR or --api URI")
    return esco.import_esco_csv(session, directory, bar)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (see the module docstring)."""
    args = _parser().parse_args(argv)
    url = args.database_url or db.get_settings().database_url
    try:
        if args.create_tables:
            import bot.models  # noqa: F401  (registers every table)

            engine = db.make_engine(url)
            db.Base.metadata.create_all(engine)
            engine.dispose()
        with tqdm(desc=args.source, unit="row", total=0, disable=args.no_progress, file=sys.stderr) as bar:
            with db.session_scope(url) as session:
                report = _run(args, session, bar)
    except jobmarket.MissingKeyError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"database error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"{args.source} import report")
    print("\n".join(report.lines()))
    return 3 if report.fatal else 0


if __name__ == "__main__":
    sys.exit(main())
