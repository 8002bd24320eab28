"""The `viewer` command line: the window, import, listing visits, search, PDFs.

Qt is imported only by the commands that need it (the window and PDFs), so importing,
listing and searching work on a machine without a display.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from viewer import __version__
from viewer.core.archive import Archive, ArchiveError, VisitDetail, VisitFilter
from viewer.core.export import visit_to_dict

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_date(text: str) -> dt.date:
    """ISO (2025-12-12) or Vietnamese day-first (12/12/2025) dates."""
    text = text.strip()
    found = _DMY.match(text)
    try:
        if found:
            day, month, year = map(int, found.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write 2025-12-12 or 12/12/2025"
        ) from None


def _add_db(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    # Subcommands must not reset a --db given before the command name.
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="archive file (default: your archive)",
        default=None if top_level else argparse.SUPPRESS,
    )


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--official",
        action="append",
        default=[],
        metavar="NAME",
        help="visits with this official (part of a name, tones optional)",
    )
    parser.add_argument(
        "--commune",
        action="append",
        default=[],
        metavar="NAME",
        help="visits to this commune (part of a name, tones optional)",
    )
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="NAME",
        help="visits about this topic (id, Vietnamese or English label)",
    )
    parser.add_argument(
        "--query",
        default="",
        metavar="TEXT",
        help="free text in the article, with or without tones",
    )
    parser.add_argument("--from", dest="date_from", type=parse_date, metavar="DATE")
    parser.add_argument("--to", dest="date_to", type=parse_date, metavar="DATE")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="viewer",
        description="Archive of news reports of officials' working visits to communes. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"viewer {__version__}")
    _add_db(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import article files, folders and zip archives")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _add_db(p)
    p.add_argument(
        "--province",
        default="Thanh Hóa",
        help="province of communes whose province the text does not name",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = commands.add_parser("visits", help="list visits, newest first")
    _add_db(p)
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="print JSON (see docs/cli.md)")

    p = commands.add_parser("search", help="full-text search of the articles")
    p.add_argument("text")
    _add_db(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")

    p = commands.add_parser("summary", help="write one visit's summary as a PDF")
    p.add_argument("visit_id", type=int, metavar="VISIT_ID")
    _add_db(p)
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")

    p = commands.add_parser("report", help="write a PDF report of the visits matching filters")
    _add_db(p)
    _add_filters(p)
    p.add_argument("--pdf", type=Path, required=True, metavar="OUT")

    p = commands.add_parser("stats", help="what the archive holds")
    _add_db(p)
    return parser


def _archive_path(args: argparse.Namespace) -> Path:
    if args.db:
        return Path(args.db)
    from viewer.core.default_archive import ensure_default_archive

    path, report = ensure_default_archive()
    if report is not None:
        print(
            f"Created your archive at {path} with the sample articles ({report.summary}).",
            file=sys.stderr,
        )
    return path


def _filter(archive: Archive, args: argparse.Namespace) -> VisitFilter | None:
    """The filter the options ask for, or None (after a message) when a name matches nothing."""
    wanted: dict[str, frozenset] = {}  # type: ignore[type-arg]
    for facet, names, find in (
        ("officials", args.official, archive.find_officials),
        ("communes", args.commune, archive.find_communes),
        ("topics", args.topic, archive.find_topics),
    ):
        found: set = set()  # type: ignore[type-arg]
        for name in names:
            matches = find(name)
            if not matches:
                print(f"No {facet[:-1]} in the archive matches {name!r}.", file=sys.stderr)
                return None
            found |= matches
        wanted[facet] = frozenset(found)
    return VisitFilter(text=args.query, date_from=args.date_from, date_to=args.date_to, **wanted)


def _details(archive: Archive, ids: Sequence[int]) -> list[VisitDetail]:
    return archive.visit_details(list(ids))


def _print_visit(visit: VisitDetail) -> None:
    d = visit_to_dict(visit)
    date = d["date"] or "date unknown"
    inferred = "year inferred" if d["date_inferred"] else ""
    when = ", ".join(filter(None, [d["time_of_day"], inferred]))
    lead = d["lead"]
    lead_text = f"{lead['name']}, {', '.join(lead['titles'])}" if lead else "lead official unknown"
    print(f"#{d['id']}  {date}{f' ({when})' if when else ''}  {lead_text}")
    others = [o for o in d["officials"] if o["role"] != "lead"]
    visited = [c for c in d["communes"] if c["visited"]]
    lines = [
        (
            "Communes",
            "; ".join(
                f"{c['unit']} {c['name']}{'' if c['current'] else ' (former)'}, {c['province']}"
                for c in visited
            ),
        ),
        (
            "With",
            "; ".join(
                f"{o['name']} ({', '.join(o['titles'])})" if o["titles"] else o["name"]
                for o in others
            ),
        ),
        ("Sites", "; ".join(s["name"] for s in d["sites"])),
        ("Topics", ", ".join(t["label_vi"] for t in d["topics"])),
        ("Article", f"{d['article']['title']} — {'; '.join(d['article']['files'])}"),
    ]
    for label, value in lines:
        if value:
            print(f"    {label + ':':<9} {value}")
    print()


def _say_waiting(waiting: bool) -> None:
    if waiting:
        print("another program is writing to this archive; waiting…", file=sys.stderr, flush=True)


def cmd_import(args: argparse.Namespace) -> int:
    # Loaded per command: the readers and extractor take most of a second to import, which
    # `viewer --version` or `viewer visits` should not pay.
    from viewer.core.importer import Progress, import_paths

    with Archive(_archive_path(args)) as archive:
        # A window importing into the same archive holds the lock for half a second at a
        # time; wait for it as long as it takes, and say so, rather than fail after 10 s.
        archive.wait_for_other_writers(_say_waiting, cancelled=lambda: False)
        events = import_paths(archive, args.paths, default_province=args.province)
        report = None
        while True:
            try:
                event: Progress = next(events)
            except StopIteration as stop:
                report = stop.value
                break
            if not args.json and event.outcome and sys.stderr.isatty():
                print(f"\r{event.done}/{event.total}", end="", file=sys.stderr, flush=True)
    if args.json:
        print(
            json.dumps(
                {
                    "imported": [
                        {"file": o.name, "article_id": o.article_id, "visit_id": o.visit_id}
                        for o in report.imported
                    ],
                    "duplicates": [
                        {"file": o.name, "article_id": o.article_id, "reason": o.reason}
                        for o in report.duplicates
                    ],
                    "failed": [{"file": o.name, "reason": o.reason} for o in report.failed],
                    "cancelled": report.cancelled,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        for o in report.imported:
            print(f"imported   {o.name}")
        for o in report.duplicates:
            print(f"duplicate  {o.name}: {o.reason}")
        for o in report.failed:
            print(f"FAILED     {o.name}: {o.reason}")
        print(report.summary)
    return 1 if report.failed and not (report.imported or report.duplicates) else 0


def cmd_visits(args: argparse.Namespace) -> int:
    with Archive(_archive_path(args)) as archive:
        filter_ = _filter(archive, args)
        visits = _details(archive, archive.visit_ids(filter_)) if filter_ else []
        if args.json:
            print(json.dumps([visit_to_dict(v) for v in visits], ensure_ascii=False, indent=2))
        elif not visits:
            print("No visit matches.", file=sys.stderr)
        else:
            for visit in visits:
                _print_visit(visit)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with Archive(_archive_path(args)) as archive:
        hits = archive.search_articles(args.text, args.limit)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "article_id": h.article_id,
                        "title": h.title,
                        "exact": h.exact,
                        "published": h.published.isoformat() if h.published else None,
                    }
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    elif not hits:
        print("No article matches.", file=sys.stderr)
    for h in hits if not args.json else []:
        print(f"{h.article_id:>6}  {'=' if h.exact else '~'}  {h.title}")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from viewer.qt.printing import export_pdf  # Qt lays the pages out

    with Archive(_archive_path(args)) as archive:
        if args.command == "summary":
            visits = _details(archive, [args.visit_id])
            if not visits:
                print(f"No visit with id {args.visit_id} in {archive.path}.", file=sys.stderr)
                return 1
        else:
            filter_ = _filter(archive, args)
            visits = _details(archive, archive.visit_ids(filter_)) if filter_ else []
            if not visits:
                print("No visit matches: nothing to report.", file=sys.stderr)
                return 1
        pages = export_pdf(
            visits, args.pdf, report=args.command == "report", filter_text=_describe(args)
        )
    print(f"Wrote {args.pdf} ({pages} page{'s' if pages != 1 else ''}).")
    return 0


def _describe(args: argparse.Namespace) -> str:
    parts = [
        f"{label}: {', '.join(values)}"
        for label, values in (
            ("official", getattr(args, "official", [])),
            ("commune", getattr(args, "commune", [])),
            ("topic", getattr(args, "topic", [])),
        )
        if values
    ]
    if getattr(args, "query", ""):
        parts.append(f"text: {args.query}")
    if getattr(args, "date_from", None) or getattr(args, "date_to", None):
        parts.append(f"dates: {args.date_from or '…'} to {args.date_to or '…'}")
    return "; ".join(parts)


def cmd_stats(args: argparse.Namespace) -> int:
    with Archive(_archive_path(args)) as archive:
        s = archive.stats()
    print(
        f"{s.path}\n{s.articles} articles, {s.visits} visits, {s.officials} officials, "
        f"{s.communes} communes; visits from {s.first_visit or '—'} to {s.last_visit or '—'}; "
        f"schema version {s.schema_version}"
    )
    return 0


def cmd_window(args: argparse.Namespace, files: Sequence[Path] = ()) -> int:
    from viewer.qt.app import run_app

    return run_app(args.db, import_on_start=files)


COMMANDS = {
    "import": cmd_import,
    "visits": cmd_visits,
    "search": cmd_search,
    "summary": cmd_pdf,
    "report": cmd_pdf,
    "stats": cmd_stats,
    None: cmd_window,
}


def _files_to_open(argv: list[str]) -> list[Path]:
    """Files given without a command, as a desktop's "Open with" passes them (Exec=… %F)."""
    words = [a for a in argv if not a.startswith("-")]
    if not words or words[0] in COMMANDS or "--db" in argv:
        return []
    paths = [Path(w) for w in words]
    return paths if all(p.exists() for p in paths) else []


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    files = _files_to_open(arguments)
    if files:
        arguments = [a for a in arguments if a.startswith("-")]
    args = build_parser().parse_args(arguments)
    try:
        if files:
            return cmd_window(args, files)
        return COMMANDS[args.command](args)
    except ArchiveError as error:
        print(f"viewer: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `viewer visits | head`: the reader left; say nothing more, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stdout stays open until exit
        return 1
