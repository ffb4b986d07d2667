"""Extraction throughput and memory, as ratios to the bare spaCy tokenizer in the same run.

    .venv/bin/python bench/bench_extract.py [CORPUS.jsonl] [--repeat N]

Reads articles (JSONL with "text", default ../shared/corpora/tr-financial-news-200.jsonl),
times `spacy.blank("tr")` tokenization and the full export-facts pipeline over the same
texts (best of N passes each, so a noisy machine hurts both alike), and reports
articles/s, tokens/s, the ratio pipeline/tokenizer, and the process's peak memory.
Nothing here is asserted: the figures go in the README and the notes.
"""
import argparse
import json
import resource
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import SHARED_CORPUS, corpus_path, read_texts  # noqa: E402  (bench/corpus.py)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def time_components(nlp, texts, repeat: int) -> dict[str, float]:
    """Best-of-`repeat` seconds each component spends on all `texts`, run in pipeline order."""
    best = {name: float("inf") for name in nlp.pipe_names}
    for _ in range(repeat):
        spent = dict.fromkeys(nlp.pipe_names, 0.0)
        with nlp.memory_zone():
            for text in texts:
                doc = nlp.make_doc(text)
                for name, proc in nlp.pipeline:
                    t0 = time.perf_counter()
                    doc = proc(doc)
                    spent[name] += time.perf_counter() - t0
        best = {name: min(best[name], spent[name]) for name in best}
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help=f"JSONL articles (default: {SHARED_CORPUS})")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--components", action="store_true",
                    help="also time each pipeline component, as a multiple of the tokenizer's time")
    args = ap.parse_args(argv)

    texts = read_texts(corpus_path(args.corpus))
    rss_start = peak_rss_mb()
    blank = spacy.blank("tr")
    n_tokens = sum(len(blank.make_doc(t)) for t in texts)

    t_tok = best_time(lambda: [blank.make_doc(t) for t in texts], args.repeat)

    from service.engine import load_nlp, doc_to_result
    nlp = load_nlp()
    rss_loaded = peak_rss_mb()
    n_facts = 0

    def run_pipeline():
        nonlocal n_facts
        n_facts = 0
        with nlp.memory_zone():
            for doc in nlp.pipe(texts, batch_size=64):
                n_facts += len(doc_to_result(doc).facts)

    t_pipe = best_time(run_pipeline, args.repeat)
    per_component = time_components(nlp, texts, args.repeat) if args.components else {}
    n = len(texts)
    report = {
        "articles": n,
        "tokens": n_tokens,
        "tokenizer_articles_per_s": round(n / t_tok, 1),
        "tokenizer_tokens_per_s": round(n_tokens / t_tok),
        "pipeline_articles_per_s": round(n / t_pipe, 1),
        "pipeline_tokens_per_s": round(n_tokens / t_pipe),
        "ratio_pipeline_to_tokenizer": round(t_tok / t_pipe, 3),
        "facts_found": n_facts,
        **({"component_time_in_tokenizer_times": {name: round(t / t_tok, 3) for name, t in per_component.items()}}
           if per_component else {}),
        "peak_rss_mb_before_pipeline": round(rss_start, 1),
        "peak_rss_mb_with_pipeline": round(rss_loaded, 1),
        "peak_rss_mb_end": round(peak_rss_mb(), 1),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
