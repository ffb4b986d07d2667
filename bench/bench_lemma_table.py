"""Memory and size of spaCy's full Turkish lemma table against the reduced one the pipeline keeps.

    .venv/bin/python bench/bench_lemma_table.py

Loads `tr_lemma_lookup` from spacy-lookups-data as a dict, builds the normalize
component's reduced table from the same data the build reads (models/gazetteers,
models/patterns, service/lang/tr), and reports entries, Python heap (tracemalloc) and
serialized size of each, with the ratio reduced/full, plus the lemmatizer's speed on the
full table's forms against a plain dict lookup in the same run. Nothing is asserted.
"""
import gc
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.util import load_language_data, registry  # noqa: E402

from service.lang import TABLES, load_table  # noqa: E402
from service.pipeline.normalize import Lemmatizer, SuffixStripper, data_words  # noqa: E402


def measured(build):
    gc.collect()
    tracemalloc.start()
    obj = build()
    gc.collect()
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return obj, current


def main() -> None:
    path = registry.lookups.get("tr")["lemma_lookup"]
    full, full_bytes = measured(lambda: dict(load_language_data(path)))
    rules = load_table("lemma_suffixes")
    stripper = SuffixStripper(rules["suffixes"], rules["softening"], rules["max_suffixes"],
                              rules["min_stem"], rules.get("dropped_vowels", ()))
    words, proper = data_words([ROOT / "models" / "gazetteers", ROOT / "models" / "patterns", TABLES])
    t0 = time.perf_counter()
    reduced, reduced_bytes = measured(
        lambda: Lemmatizer.build(full, words, stripper, rules.get("lexicalized", ()), proper))
    build_s = time.perf_counter() - t0
    full_json = len(json.dumps(full, ensure_ascii=False).encode())
    reduced_json = len(json.dumps(reduced.to_dict(), ensure_ascii=False).encode())

    forms = list(full)[:200_000]
    t0 = time.perf_counter()
    for f in forms:
        full.get(f)
    dict_s = time.perf_counter() - t0
    reduced._cache.clear()
    t0 = time.perf_counter()
    for f in forms:
        reduced(f)
    reduced_s = time.perf_counter() - t0

    print(f"full table:    {len(full):>9,} forms  heap {full_bytes / 2**20:7.1f} MiB  json {full_json / 2**20:6.1f} MiB")
    print(f"reduced table: {len(reduced.lemmas):>9,} forms + {len(reduced.words):,} data words"
          f"  heap {reduced_bytes / 2**20:7.1f} MiB  json {reduced_json / 2**20:6.1f} MiB")
    print(f"ratio reduced/full: heap {reduced_bytes / full_bytes:.4f}  json {reduced_json / full_json:.4f}")
    print(f"build of the reduced table: {build_s:.1f} s")
    print(f"lookup of {len(forms):,} forms (cold cache): reduced/dict time ratio {reduced_s / dict_s:.1f}")


if __name__ == "__main__":
    main()
