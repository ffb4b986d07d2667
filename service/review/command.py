"""`python -m service review export|import`: the review loop with Label Studio or Prodigy.

Codes: E150 the run's OUT.jsonl is not JSON, E151 an article of the run is in no input,
E152 a task that cannot be read, E153 a corrected fact with a bad field. A bad task is
reported by its number and id and left out; every other task is still imported.
"""
import sys
from pathlib import Path

from . import labelstudio, prodigy
from .facts import ReviewError, read_run, write_gold

FORMATS = ("label-studio", "prodigy")


def _sectors() -> frozenset[str]:
    from ..api.store import sector_ids
    return sector_ids()


def _export(args) -> int:
    out = Path(args.output)
    try:
        articles = list(read_run(args.run, args.texts))
        if args.format == "label-studio":
            n, config = labelstudio.export(articles, out)
            print(f"review: {n} tasks → {out}; labelling config → {config}", file=sys.stderr)
        else:
            from ..engine import load_nlp
            n = prodigy.export(articles, out, load_nlp())
            print(f"review: {n} tasks → {out}", file=sys.stderr)
    except (ReviewError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _format(path: Path, given: str | None) -> str:
    if given:
        return given
    return "prodigy" if path.suffix in (".jsonl", ".ndjson") else "label-studio"


def _import(args) -> int:
    path, sectors = Path(args.tasks), _sectors()
    fmt = _format(path, args.format)
    good, bad, skipped = [], [], 0
    try:
        if fmt == "label-studio":
            items = list(enumerate(labelstudio.read_tasks(path), 1))
            read = labelstudio.gold
        else:
            items = prodigy.read_lines(path)
            read = prodigy.gold
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for n, item in items:
        try:
            if isinstance(item, ReviewError):
                raise item
            g = read(item, n, sectors)
        except ReviewError as exc:
            bad.append(str(exc))
            continue
        if g is None:
            skipped += 1
        else:
            good.append(g)
    write_gold(Path(args.output), good)
    for msg in bad:
        print(f"error: {msg}", file=sys.stderr)
    print(f"review: {len(good)} gold articles → {args.output}, {len(bad)} tasks refused, "
          f"{skipped} rejected or ignored", file=sys.stderr)
    return 1 if bad else 0


def register(sub) -> None:
    """Add `review export` and `review import` to the `python -m service` sub-commands."""
    p = sub.add_parser("review", help="export a bulk run as Label Studio / Prodigy tasks; import corrections as gold")
    rsub = p.add_subparsers(dest="review_command", required=True)
    e = rsub.add_parser("export", help="a bulk run's OUT.jsonl as annotation tasks")
    e.add_argument("run", metavar="OUT.jsonl", help="what `python -m service annotate … -o OUT.jsonl` wrote")
    e.add_argument("--texts", nargs="+", required=True, metavar="INPUT",
                   help="the inputs that run read (OUT.jsonl holds no texts): files, folders or globs")
    e.add_argument("--format", choices=FORMATS, required=True)
    e.add_argument("-o", "--output", required=True, metavar="TASKS",
                   help="tasks file: a JSON array (label-studio; its config goes beside it as "
                        "TASKS.label_config.xml) or JSONL (prodigy)")
    e.set_defaults(func=_export)
    i = rsub.add_parser("import", help="corrected tasks as gold files for `python -m service evaluate`")
    i.add_argument("tasks", metavar="TASKS", help="Label Studio JSON export, or Prodigy/doccano JSONL")
    i.add_argument("-o", "--output", required=True, metavar="GOLD_DIR", help="folder of <id>.json gold files")
    i.add_argument("--format", choices=FORMATS, help="default: prodigy for .jsonl, else label-studio")
    i.set_defaults(func=_import)
