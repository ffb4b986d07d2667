"""`python -m service annotate`: a news archive in, one JSON line per article and/or database rows out.

Only argparse is imported here: `python -m service --help` stays fast, and the heavy parts
(SQLAlchemy, Dask, tqdm) load only when a run needs them.
"""
import argparse

DESCRIPTION = """\
Annotate an archive: JSONL files ({"id", "text", "date", ...}, plain or .gz), folders of
.txt articles (a `date YYYY-MM-DD` line, then the article; the id is the file name) and
glob patterns, in any mix. Other keys of a record (url, source, title, ...) travel to the
output. Bad records go to the errors file and the run goes on. Killed at any moment,
the same command finishes the rest, writing nothing twice."""

EPILOG = """\
exit status: 0 done (bad records are listed, not fatal); 1 bad records with --strict, or
articles a dead worker could not extract (run again); 2 nothing could be read, or the
outputs cannot be used.  Details: the README (Bulk annotation)"""


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return n


def run(args) -> int:
    from .job import Job, run as run_job

    job = Job(inputs=args.inputs, output=args.output, db=args.db, engine=args.engine,
              scheduler=args.scheduler, errors=args.errors, strict=args.strict,
              max_chars=args.max_chars, batch_size=args.batch_size, commit_every=args.commit_every,
              part_size=args.part_size, parts_dir=args.parts)
    if args.workers:
        job.workers = args.workers
    return run_job(job)


def register(sub) -> None:
    """Add `annotate` to the `python -m service` sub-commands."""
    from .job import default_workers

    p = sub.add_parser("annotate", help="annotate an archive (JSONL, .gz, folders of .txt, globs) "
                                        "into JSONL and/or a database",
                       description=DESCRIPTION, epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a JSONL file (.jsonl, .jsonl.gz), a folder (searched recursively) or a glob pattern")
    p.add_argument("-o", "--output", metavar="OUT.jsonl",
                   help="write one JSON line per article here; `-` is standard output (the default "
                        "when there is no --db)")
    p.add_argument("--db", metavar="URL",
                   help="also write documents, facts and entities to this database: "
                        "sqlite:///facts.db or postgresql+psycopg://user@host/dbname")
    p.add_argument("--workers", type=_positive, metavar="N",
                   help=f"worker processes (default: every core, here {default_workers()}); with "
                        "--engine dask and no --scheduler, the LocalCluster's workers")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine's cores (default); dask: a dask.distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster)")
    p.add_argument("--parts", metavar="DIR",
                   help="where Dask tasks write their parts; on a cluster a folder every worker and "
                        "this machine share (default: OUT.jsonl.parts)")
    p.add_argument("--errors", metavar="ERRORS.jsonl",
                   help="bad records as JSON lines {input, line, id, reason} (default: OUT.errors.jsonl "
                        "beside -o, else standard error)")
    p.add_argument("--strict", action="store_true", help="exit with status 1 when any record was bad")
    p.add_argument("--max-chars", type=_positive, default=200_000, metavar="N",
                   help="longest article accepted, in characters (default: 200000, as the API)")
    p.add_argument("--batch-size", type=_positive, default=64, metavar="N",
                   help="articles a worker takes at a time through nlp.pipe (default: 64)")
    p.add_argument("--commit-every", type=_positive, default=256, metavar="N",
                   help="articles per committed batch (default: 256, or every 5 seconds)")
    p.add_argument("--part-size", type=_positive, default=256, metavar="N",
                   help="articles per Dask task (default: 256)")
    p.set_defaults(func=run)
