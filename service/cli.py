"""`python -m service …`: extract, annotate, serve, build, train, evaluate, review.

Each area registers its own sub-commands (`register(subparsers)`), so this file only
assembles them.
"""
import argparse
import json
import sys

from . import __version__


def _cmd_extract(args) -> int:
    from .engine import ExtractionError, extract
    text = open(args.file, encoding="utf-8").read() if args.file else sys.stdin.read()
    try:
        result = extract(text, date=args.date, id=args.id)
    except ExtractionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result.model_dump(), ensure_ascii=False, indent=None if args.compact else 2))
    return 0


def _cmd_build(args) -> int:
    from .build import build
    print(f"built {build(args.output) if args.output else build()}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    from .api import command as api_command
    from .bulk import command as bulk_command
    from .review import command as review_command
    from .train import command as train_command

    ap = argparse.ArgumentParser(prog="python -m service", description=__doc__.splitlines()[0])
    ap.add_argument("--version", action="version", version=f"export-facts {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the entities and facts of one article as JSON")
    p.add_argument("file", nargs="?", help="article text file (default: standard input)")
    p.add_argument("--date", help="publication date YYYY-MM-DD (default: the text's `date` marker)")
    p.add_argument("--id", help="an id to echo in the output")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("build", help="build the packaged pipeline under models/ from config and data")
    p.add_argument("--output", help="where to write it (default: models/export_facts_tr)")
    p.set_defaults(func=_cmd_build)

    bulk_command.register(sub)
    api_command.register(sub)
    train_command.register(sub)
    review_command.register(sub)
    return ap


def main(argv=None) -> int:
    args = make_parser().parse_args(argv)
    return args.func(args) or 0
