"""Throughput of the pipeline with and without the trained `measure_roles`, in one process.

    .venv/bin/python bench/bench_trained.py RULES_DIR WITH_DIR [CORPUS.jsonl] [--repeat N]

RULES_DIR and WITH_DIR are pipelines built by `python -m service train --without-trained`
and `--with-trained`. The tokenizer, the rules pipeline and the pipeline with the
classifier run in turn over the same texts, N rounds (best time of each), so a busy
machine slows all three alike. Reports tokens/s and the ratios: with/without, each/tokenizer.
Nothing is asserted: the figures go in the README (Training data and evaluation) and the notes.
"""
import argparse
import json
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import SHARED_CORPUS, corpus_path, read_texts  # noqa: E402  (bench/corpus.py)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rules_dir")
    ap.add_argument("with_dir")
    ap.add_argument("corpus", nargs="?", help=f"JSONL articles (default: {SHARED_CORPUS})")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    from service.pipeline import trained_roles  # noqa: F401  (the classifier's factory)
    texts = read_texts(corpus_path(args.corpus))
    blank = spacy.blank("tr")
    n_tokens = sum(len(blank.make_doc(t)) for t in texts)
    pipes = {"without": spacy.load(args.rules_dir), "with": spacy.load(args.with_dir)}

    def run_tokenizer():
        for t in texts:
            blank.make_doc(t)

    def runner(nlp):
        def run():
            with nlp.memory_zone():
                for _ in nlp.pipe(texts, batch_size=64):
                    pass
        return run

    jobs = {"tokenizer": run_tokenizer, **{k: runner(v) for k, v in pipes.items()}}
    best = {k: float("inf") for k in jobs}
    for _ in range(args.repeat):
        for name, fn in jobs.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    report = {
        "articles": len(texts),
        "tokens": n_tokens,
        **{f"{k}_tokens_per_s": round(n_tokens / v) for k, v in best.items()},
        "ratio_with_to_without": round(best["without"] / best["with"], 3),
        "ratio_without_to_tokenizer": round(best["tokenizer"] / best["without"], 3),
        "ratio_with_to_tokenizer": round(best["tokenizer"] / best["with"], 3),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
