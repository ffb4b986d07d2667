"""How the consistency checks (service/pipeline/checks.py) do on a gold set.

    python bench/checks_dev.py GOLD_DIR PREDICTIONS.jsonl [--show]

GOLD_DIR: gold articles (../shared/eval/dev); PREDICTIONS.jsonl: what
`python -m service annotate` wrote for them (its lines carry `warnings`).
Prints (1) the gold facts the checks flag when run over the gold facts themselves
(false alarms, unless the article really disagrees with itself) and (2) among the
predictions, how many wrong ones (spurious, or matched with a wrong change, share or
rank) and how many right ones are flagged.
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.pipeline.checks import check_facts  # noqa: E402
from service.train.evaluate import load_gold, load_predictions  # noqa: E402
from service.train.metrics import close_abs, is_side, match_doc, scorable  # noqa: E402

TOLERANCES = Path(__file__).resolve().parents[1] / "models" / "checks" / "tolerances.json"


def flagged(warnings: list[dict]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for w in warnings:
        for i in w["facts"]:
            out.setdefault(i, set()).add(w["code"])
    return out


def wrong_predictions(preds: list[dict], golds: list[dict]) -> set[int]:
    """Indices of scorable predictions that match no gold fact or carry a wrong attribute."""
    wrong = set()
    for side in (False, True):
        p = [i for i, f in enumerate(preds) if scorable(f) and is_side(f) == side]
        g = [f for f in golds if scorable(f) and is_side(f) == side]
        pairs = dict(match_doc([preds[i] for i in p], g))
        for k, i in enumerate(p):
            if k not in pairs:
                wrong.add(i)
                continue
            gold = g[pairs[k]]
            for a in ("change_pct", "share_pct"):
                if (gold.get(a) is not None or preds[i].get(a) is not None) and not close_abs(preds[i].get(a), gold.get(a)):
                    wrong.add(i)
            if gold.get("rank") is not None and preds[i].get("rank") != gold["rank"]:
                wrong.add(i)
    return wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("predictions")
    ap.add_argument("--show", action="store_true", help="print every warning")
    args = ap.parse_args()
    data = json.loads(TOLERANCES.read_text(encoding="utf-8"))
    golds = {d["id"]: d for d in load_gold(args.gold)}
    lines = {}
    with open(args.predictions, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                lines[str(rec["id"])] = rec
    g_total = g_flag = 0
    g_codes, g_warn = Counter(), Counter()
    for doc_id, d in golds.items():
        ws = check_facts(d["facts"], data)
        g_total += len(d["facts"])
        g_flag += len(flagged(ws))
        g_warn.update(w["code"] for w in ws)
        for codes in flagged(ws).values():
            g_codes.update(codes)
        if args.show:
            for w in ws:
                print(f"GOLD {doc_id}: {w['message']}")
    print(f"gold: {g_flag} of {g_total} gold facts flagged in {sum(g_warn.values())} warnings {dict(g_warn)}")
    p_total = p_wrong = wrong_flag = right_flag = 0
    p_codes = Counter()
    w_total = w_catch = 0
    for doc_id, d in golds.items():
        rec = lines.get(doc_id, {"facts": [], "warnings": []})
        preds = rec["facts"]
        fl = flagged(rec.get("warnings") or [])
        wrong = wrong_predictions(preds, d["facts"])
        counted = [i for i, f in enumerate(preds) if scorable(f)]
        p_total += len(counted)
        p_wrong += len(wrong)
        wrong_flag += len(wrong & set(fl))
        right_flag += len((set(counted) - wrong) & set(fl))
        p_codes.update(w["code"] for w in rec.get("warnings") or [])
        w_total += len(rec.get("warnings") or [])
        w_catch += sum(1 for w in rec.get("warnings") or [] if set(w["facts"]) & wrong)
        if args.show:
            for w in rec.get("warnings") or []:
                tags = ["wrong" if i in wrong else "right" for i in w["facts"]]
                print(f"PRED {doc_id}: {w['message']} [{', '.join(tags)}]")
    print(f"predictions: {p_total} scorable, {p_wrong} wrong; flagged: {wrong_flag} wrong "
          f"({wrong_flag / max(p_wrong, 1):.1%} of the wrong), {right_flag} right "
          f"({right_flag / max(p_total - p_wrong, 1):.1%} of the right); {w_catch} of {w_total} warnings "
          f"involve a wrong prediction {dict(p_codes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
