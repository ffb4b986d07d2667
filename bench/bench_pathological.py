"""Extraction time on pathological texts, beside ordinary news, in seconds per 100k characters.

    .venv/bin/python bench/bench_pathological.py [CORPUS.jsonl] [--sizes 2000,8000,32000,200000]
                                                 [--timeout 60] [--json]

Work must grow at most linearly with the length of any text. Each kind of text below is
built at every size and read once through the packaged pipeline (in-process `extract`); a
flat "s per 100k chars" column across sizes is linear, a growing one is not. The ordinary
news is CORPUS (JSONL with "text"; default ../shared/corpora/tr-financial-news-200.jsonl,
else pass e.g. examples/archive.jsonl), its articles joined up to each size.

Each measurement runs in a forked child that is killed after --timeout seconds (reported as
"> timeout"), and once a kind overruns, its larger sizes are skipped: a superlinear
component would otherwise hold the benchmark for hours.
"""
import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import SHARED_CORPUS, corpus_path, read_texts  # noqa: E402  (bench/corpus.py)

# Pieces repeated up to the size; each is what a real table or list in a story looks like
# when it runs on and on.
PATTERNS = {
    "percentages": "yüzde 5,5 ",
    "amounts": "1,5 milyar dolar, ",
    "numbers": "1.234.567 ",
    "list separators": "Almanya, Fransa, İtalya ve ",
    "separators alone": ", ; - | ",
    "one sentence": "Kocaeli'nin ihracatı yüzde 14 artışla 22 milyar dolara ulaşırken sektörlerin payı arttı ve ",
    "table rows": "| Almanya | 1.250 | 1.310 | 4,8 |\n",
}


def repeat_to(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def news_to(texts: list[str], size: int) -> str:
    out, n = [], 0
    while n < size:
        for t in texts:
            out.append(t)
            n += len(t) + 2
            if n >= size:
                break
    return "\n\n".join(out)[:size]


def _child(conn, text: str) -> None:
    from service.engine import extract, load_nlp
    nlp = load_nlp()
    t0 = time.perf_counter()
    result = extract(text, date="2026-01-07", nlp=nlp)
    conn.send((time.perf_counter() - t0, len(result.facts)))


def measure(text: str, timeout: float) -> tuple[float | None, int | None]:
    """(seconds, facts) of one extraction in a forked child, or (None, None) past `timeout`."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, text), daemon=True)
    proc.start()
    child.close()
    if parent.poll(timeout):
        secs, facts = parent.recv()
        proc.join()
        return secs, facts
    proc.kill()
    proc.join()
    return None, None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help=f"ordinary news, JSONL with \"text\" (default: {SHARED_CORPUS})")
    ap.add_argument("--sizes", default="2000,8000,32000,200000", help="text lengths in characters")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds one extraction may take")
    ap.add_argument("--kinds", default="", help="comma-separated subset of: news, " + ", ".join(PATTERNS))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    news = read_texts(corpus_path(args.corpus))

    from service.engine import load_nlp
    nlp = load_nlp()  # before the forks: every child inherits it
    nlp.max_length = max(nlp.max_length, max(sizes) + 1)

    kinds = {"news": lambda n: news_to(news, n)}
    kinds.update({k: (lambda n, p=p: repeat_to(p, n)) for k, p in PATTERNS.items()})
    wanted = [k for k in args.kinds.split(",") if k] or list(kinds)
    unknown = set(wanted) - set(kinds)
    if unknown:
        sys.exit(f"bench: unknown kinds {sorted(unknown)}: choose from {', '.join(kinds)}")
    measure("Bursa ihracatı arttı.", args.timeout)  # warm-up: the first call pays for lazy tables

    rows = []
    for kind in wanted:
        for size in sizes:
            secs, facts = measure(kinds[kind](size), args.timeout)
            rows.append({"kind": kind, "chars": size, "seconds": None if secs is None else round(secs, 3),
                         "s_per_100k_chars": None if secs is None else round(secs / size * 100_000, 3),
                         "facts": facts})
            if not args.json:
                per = f"{secs / size * 100_000:10.2f}" if secs is not None else f"> {args.timeout:g} s".rjust(10)
                took = f"{secs:8.2f}" if secs is not None else "       -"
                print(f"{kind:18} {size:8d} chars {took} s {per} s/100k chars", flush=True)
            if secs is None:
                break  # larger sizes would only take longer
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
