"""Bulk annotation throughput and memory: `python -m service annotate` as a user runs it.

    .venv/bin/python bench/bench_bulk.py [--articles 20000] [--rate-articles 2000] [--repeat 3]
                                         [--memory-sizes 5000,20000] [--workers 2] [--pg URL]

Builds an archive of `--articles` articles from the real corpus (repeated, each copy with
its own id), then runs the command in a subprocess for each configuration:

- articles/s with 1 worker and with `--workers` workers (local engine, JSONL out),
  the same through Dask on a LocalCluster, into SQLite and into PostgreSQL
  (on the first `--rate-articles` articles; start-up is measured by a 1-article run of
  the same configuration and taken out, so the rate is the steady one; `--repeat`
  rounds over all configurations, each keeping its best);
- peak memory (the whole process tree: the command and its workers, sampled every
  0.1 s) at each of `--memory-sizes`, which must stay flat.

Figures are reported as ratios to the 1-worker run of the same invocation (the machine is
shared, so absolute rates move with its load). Nothing is asserted: the figures go in
the README (Bulk annotation) and the notes. Use small sizes for a quick look:
`--articles 2000 --rate-articles 300 --memory-sizes 500,2000`.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
from corpus import SHARED_CORPUS, corpus_path, read_texts  # noqa: E402  (bench/corpus.py)
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def build_archive(corpus: Path, n: int, path: Path) -> Path:
    """`n` articles: the corpus again and again, copy k of article X with id `X~k`."""
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row["id"] = f"{row.get('id', i % len(rows))}~{i // len(rows)}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def head(src: Path, n: int, path: Path) -> Path:
    with src.open(encoding="utf-8") as fin, path.open("w", encoding="utf-8") as fout:
        for i, line in enumerate(fin):
            if i >= n:
                break
            fout.write(line)
    return path


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run(args: list) -> dict:
    """Run `python -m service annotate ARGS`; wall seconds, peak RSS of the tree, its summary line."""
    t0 = time.perf_counter()
    popen = subprocess.Popen([sys.executable, "-m", "service", "annotate", *map(str, args)], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    proc, peak, main_peak = psutil.Process(popen.pid), 0, 0
    while popen.poll() is None:
        try:
            peak = max(peak, tree_rss(proc))
            main_peak = max(main_peak, proc.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    secs = time.perf_counter() - t0
    err = popen.stderr.read()
    if popen.returncode != 0:
        raise SystemExit(f"annotate {' '.join(map(str, args))} failed ({popen.returncode}):\n{err}")
    summary = [line for line in err.splitlines() if line.startswith("annotate: ") and "records in" in line]
    return {"seconds": secs, "peak_rss_mb": peak / 2**20, "main_peak_rss_mb": main_peak / 2**20,
            "summary": summary[-1] if summary else err.strip()[-300:]}


def steady_rate(n: int, small: Path, sample: Path, out_args: list, start_args: list) -> dict:
    """Articles/s of one configuration, its 1-article start-up (a run of its own) taken out."""
    start = run([small, *start_args])
    full = run([sample, *out_args])
    return {"articles": n, "seconds": round(full["seconds"], 1), "startup_seconds": round(start["seconds"], 1),
            "articles_per_s": round(n / max(full["seconds"] - start["seconds"], 1e-6), 1),
            "peak_rss_mb": round(full["peak_rss_mb"], 1), "summary": full["summary"]}


class PgSchemas:
    """A fresh PostgreSQL schema for every run, all dropped at the end."""

    def __init__(self, base: str):
        import sqlalchemy as sa

        self.sa, self.base, self.names = sa, base, []
        self.engine = sa.create_engine(base)
        with self.engine.connect():
            pass  # raises when PostgreSQL is not there

    def url(self) -> str:
        name = f"bench_{uuid.uuid4().hex[:10]}"
        with self.engine.begin() as conn:
            conn.execute(self.sa.text(f'CREATE SCHEMA "{name}"'))
        self.names.append(name)
        return f"{self.base}?options=-csearch_path%3D{name}"

    def drop(self) -> None:
        with self.engine.begin() as conn:
            for name in self.names:
                conn.execute(self.sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        self.engine.dispose()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", help=f"JSONL articles the archive is built from (default: {SHARED_CORPUS})")
    ap.add_argument("--articles", type=int, default=20_000, help="size of the archive built")
    ap.add_argument("--rate-articles", type=int, default=2_000, help="articles of each rate run")
    ap.add_argument("--memory-sizes", default="5000,20000", help="archive sizes whose peak memory is compared")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pg", default=os.environ.get("EXPORT_FACTS_TEST_PG", DEFAULT_PG))
    ap.add_argument("--only", default="rates,memory", help="rates, memory or both")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each rate configuration (the best counts)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.memory_sizes.split(",") if s]
    n_archive = max([args.articles, args.rate_articles, *sizes])

    report: dict = {"cpus": os.cpu_count(), "workers": args.workers, "archive_articles": n_archive}
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as d:
        tmp = Path(d)
        archive = build_archive(corpus_path(args.corpus), n_archive, tmp / "archive.jsonl")
        small = head(archive, 1, tmp / "one.jsonl")
        n = args.rate_articles
        sample = head(archive, n, tmp / "sample.jsonl")

        if "rates" in args.only:
            w = args.workers
            outputs = {  # configuration → a fresh output for each run
                "local_1_worker": lambda p: ["-o", f"{p}.jsonl", "--workers", 1],
                f"local_{w}_workers": lambda p: ["-o", f"{p}.jsonl", "--workers", w],
                f"dask_localcluster_{w}_workers": lambda p: ["-o", f"{p}.jsonl", "--engine", "dask",
                                                             "--workers", w],
                f"sqlite_{w}_workers": lambda p: ["--db", f"sqlite:///{p}.db", "--workers", w],
            }
            pg = None
            try:
                pg = PgSchemas(args.pg)
                outputs[f"postgresql_{w}_workers"] = lambda p: ["--db", pg.url(), "--workers", w]
            except Exception as exc:  # noqa: BLE001
                print(f"PostgreSQL skipped: {exc}", file=sys.stderr)
            rates = report["rates"] = {}
            try:
                # Round after round over every configuration, so a busy spell hits them alike;
                # each keeps its best round.
                for k in range(args.repeat):
                    for name, out in outputs.items():
                        r = steady_rate(n, small, sample, out(tmp / f"{name}-{k}"), out(tmp / f"{name}-{k}-s"))
                        if name not in rates or r["articles_per_s"] > rates[name]["articles_per_s"]:
                            rates[name] = r
                        print(json.dumps({name: r}), file=sys.stderr)
            finally:
                if pg:
                    pg.drop()
            base = rates["local_1_worker"]["articles_per_s"]
            report["rate_ratios_to_1_worker"] = {k: round(v["articles_per_s"] / base, 2) for k, v in rates.items()}
            print(json.dumps(report["rate_ratios_to_1_worker"]), file=sys.stderr)

        if "memory" in args.only:
            mem = report["memory"] = {}
            for size in sizes:
                part = head(archive, size, tmp / f"mem{size}.jsonl")
                r = run([part, "-o", tmp / f"mem{size}.out.jsonl", "--workers", args.workers])
                mem[str(size)] = {"peak_rss_mb_tree": round(r["peak_rss_mb"], 1),
                                  "peak_rss_mb_main": round(r["main_peak_rss_mb"], 1),
                                  "seconds": round(r["seconds"], 1),
                                  "articles_per_s": round(size / r["seconds"], 1), "summary": r["summary"]}
                print(json.dumps({size: mem[str(size)]}), file=sys.stderr)
            if len(sizes) >= 2:
                lo, hi = mem[str(sizes[0])], mem[str(sizes[-1])]
                report["memory_ratio_largest_to_smallest"] = {
                    "tree": round(hi["peak_rss_mb_tree"] / lo["peak_rss_mb_tree"], 3),
                    "main": round(hi["peak_rss_mb_main"] / lo["peak_rss_mb_main"], 3)}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
