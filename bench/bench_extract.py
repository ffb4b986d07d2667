"""Extraction throughput, output and memory, as ratios to the bare spaCy tokenizer in the same run.

    .venv/bin/python bench/bench_extract.py [CORPUS.jsonl ...] [--repeat N] [--write-reference]
        [--reference PATH] [--components] [--memory 2000,20000] [--profile N]

Reads articles (JSONL with "text", "date"?, "id"?; default the 200 articles of
../shared/corpora/tr-financial-news-200.jsonl and the dev articles of ../shared/eval/dev.jsonl)
and, in one process, over the same texts, in interleaved rounds (best of N each, so a noisy
machine hurts all alike):
  - `spacy.blank("tr")` tokenization (the yardstick, ratio 1);
  - `service.extract`, one article at a time, as the HTTP endpoint calls it (a memory zone each);
  - `service.extract_many`, the bulk path (nlp.pipe inside one memory zone, as `annotate` runs it).
It then compares the entities and facts of every article, by both paths, with the stored
reference (bench/reference.jsonl.gz) and names each article that differs. `--write-reference`
writes the reference from the current code instead (run it when the output is meant to change).
`--memory` calls `extract` over the articles in a loop and reads the process's resident
memory and vocabulary size at each given count; `--profile N` prints a cProfile of N calls.
Nothing here is asserted: the figures go in the README.
"""
import argparse
import cProfile
import gzip
import json
import pstats
import resource
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import SHARED_CORPUS, corpus_path  # noqa: E402  (bench/corpus.py)

SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
REFERENCE = ROOT / "bench" / "reference.jsonl.gz"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """Resident memory now (not the peak), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def read_records(paths: list[Path]) -> list[dict]:
    """`{"key", "text", "date", "id"}` for every article; `key` names it in reports (file:id or file:line)."""
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    text = row["text"]
                except (ValueError, KeyError, TypeError):
                    sys.exit(f"bench: {path} line {n} is not a JSON object with a \"text\"")
                records.append({"key": f"{path.stem}:{row.get('id') or n}", "text": text,
                                "date": row.get("date"), "id": row.get("id")})
    if not records:
        sys.exit("bench: the corpora hold no article")
    return records


def output_of(result) -> dict:
    """What must not change: the entities and facts of one article."""
    dumped = result.model_dump(mode="json")
    return {"entities": dumped["entities"], "facts": dumped["facts"]}


def compare(reference: dict[str, dict], current: dict[str, dict]) -> list[str]:
    """One line per article whose output differs from the reference (or is missing on a side)."""
    lines = []
    for key in sorted(set(reference) | set(current)):
        ref, cur = reference.get(key), current.get(key)
        if ref is None or cur is None:
            lines.append(f"{key}: {'not in the reference' if ref is None else 'not read this time'}")
            continue
        for part in ("entities", "facts"):
            if ref[part] != cur[part]:
                first = next((i for i, (a, b) in enumerate(zip(ref[part], cur[part])) if a != b),
                             min(len(ref[part]), len(cur[part])))
                lines.append(f"{key}: {part} differ ({len(ref[part])} in the reference, {len(cur[part])} now; "
                             f"first difference at #{first})")
    return lines


def read_reference(path: Path) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {row["key"]: row["output"] for row in map(json.loads, fh)}


def write_reference(path: Path, outputs: dict[str, dict]) -> None:
    # mtime=0: the same output gives the same bytes, so git shows a change only when one happened.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for key, out in outputs.items():
            gz.write((json.dumps({"key": key, "output": out}, ensure_ascii=False, sort_keys=True) + "\n").encode())


def time_components(nlp, texts, repeat: int) -> dict[str, float]:
    """Best-of-`repeat` seconds each component spends on all `texts`, run in pipeline order."""
    best = {name: float("inf") for name in ["tokenizer", *nlp.pipe_names]}
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        with nlp.memory_zone():
            for text in texts:
                t0 = time.perf_counter()
                doc = nlp.make_doc(text)
                spent["tokenizer"] += time.perf_counter() - t0
                for name, proc in nlp.pipeline:
                    t0 = time.perf_counter()
                    doc = proc(doc)
                    spent[name] += time.perf_counter() - t0
        best = {name: min(best[name], spent[name]) for name in best}
    return best


def memory_run(nlp, records: list[dict], counts: list[int]) -> dict:
    """Resident memory and vocabulary size after each count of `extract` calls (articles in a loop)."""
    from service.engine import extract
    out, done = {}, 0
    for target in sorted(counts):
        while done < target:
            r = records[done % len(records)]
            extract(r["text"], date=r["date"], id=r["id"], nlp=nlp)
            done += 1
        # (Not len(nlp.vocab): spaCy counts the lexemes a zone adds and never uncounts those it frees.)
        out[str(target)] = {"rss_mb": round(rss_mb(), 1), "strings": len(nlp.vocab.strings)}
    first, last = out[str(min(counts))], out[str(max(counts))]
    out["rss_growth_pct"] = round(100 * (last["rss_mb"] / first["rss_mb"] - 1), 2)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*",
                    help=f"JSONL articles (default: {SHARED_CORPUS} and {SHARED_DEV})")
    ap.add_argument("--repeat", type=int, default=5, help="interleaved timing rounds (best of each)")
    ap.add_argument("--reference", type=Path, default=REFERENCE, help="stored output to compare with")
    ap.add_argument("--write-reference", action="store_true",
                    help="write the current output as the reference instead of comparing")
    ap.add_argument("--components", action="store_true",
                    help="also time each pipeline component, as a multiple of the bare tokenizer's time")
    ap.add_argument("--memory", default="", help="extract-call counts at which to read memory, e.g. 2000,20000")
    ap.add_argument("--profile", type=int, default=0, help="cProfile this many extract calls and print the top")
    ap.add_argument("--no-timing", action="store_true", help="only check (or write) the output")
    args = ap.parse_args(argv)

    if args.corpus:
        paths = [corpus_path(p) for p in args.corpus]
    else:
        paths = [corpus_path(None)] + ([SHARED_DEV] if SHARED_DEV.is_file() else [])
    records = read_records(paths)
    texts = [r["text"] for r in records]
    rss_start = peak_rss_mb()
    blank = spacy.blank("tr")
    n_tokens = sum(len(blank.make_doc(t)) for t in texts)

    from service.engine import extract, extract_many, load_nlp
    nlp = load_nlp()
    rss_loaded = peak_rss_mb()
    report: dict = {"corpora": [str(p) for p in paths], "articles": len(records), "tokens": n_tokens}

    # Output first, untimed: by both paths, against each other and against the reference.
    single = {r["key"]: output_of(extract(r["text"], date=r["date"], id=r["id"], nlp=nlp)) for r in records}
    with nlp.memory_zone():
        bulk = {r["key"]: output_of(res) for r, res in zip(records, extract_many(records, nlp=nlp))}
    path_diffs = compare(single, bulk)
    if path_diffs:
        report["extract_vs_extract_many_differ"] = path_diffs
    if args.write_reference:
        write_reference(args.reference, single)
        report["reference_written"] = str(args.reference)
    elif args.reference.is_file():
        diffs = compare(read_reference(args.reference), single)
        report["output_vs_reference"] = "identical" if not diffs else diffs
    else:
        report["output_vs_reference"] = f"no reference at {args.reference}: write one with --write-reference"
    report["facts_found"] = sum(len(o["facts"]) for o in single.values())
    report["entities_found"] = sum(len(o["entities"]) for o in single.values())

    if not args.no_timing:
        def run_tokenizer():
            for t in texts:
                blank.make_doc(t)

        def run_extract():
            for r in records:
                extract(r["text"], date=r["date"], id=r["id"], nlp=nlp)

        def run_extract_many():
            with nlp.memory_zone():
                for _ in extract_many(records, nlp=nlp):
                    pass

        jobs = {"tokenizer": run_tokenizer, "extract": run_extract, "extract_many": run_extract_many}
        best = dict.fromkeys(jobs, float("inf"))
        for _ in range(args.repeat):
            for name, fn in jobs.items():
                t0 = time.perf_counter()
                fn()
                best[name] = min(best[name], time.perf_counter() - t0)
        n = len(records)
        report["articles_per_s"] = {k: round(n / v, 1) for k, v in best.items()}
        report["tokens_per_s"] = {k: round(n_tokens / v) for k, v in best.items()}
        report["ratio_to_tokenizer"] = {k: round(best["tokenizer"] / v, 3) for k, v in best.items()
                                        if k != "tokenizer"}
        if args.components:
            per = time_components(nlp, texts, args.repeat)
            report["component_time_in_tokenizer_times"] = {k: round(v / best["tokenizer"], 3)
                                                           for k, v in per.items()}
    if args.memory:
        report["memory"] = memory_run(nlp, records, [int(x) for x in args.memory.split(",") if x])
    report.update(peak_rss_mb_before_pipeline=round(rss_start, 1), peak_rss_mb_with_pipeline=round(rss_loaded, 1),
                  peak_rss_mb_end=round(peak_rss_mb(), 1))
    print(json.dumps(report, indent=2, ensure_ascii=False))

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for i in range(args.profile):
            r = records[i % len(records)]
            extract(r["text"], date=r["date"], id=r["id"], nlp=nlp)
        prof.disable()
        stats = pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative")
        stats.print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
    return 1 if (path_diffs or isinstance(report.get("output_vs_reference"), list)) else 0


if __name__ == "__main__":
    sys.exit(main())
