"""The fact metric of FACTS.md ("How extraction is scored"), on facts held in memory.

It gives the same numbers as ../shared/eval/score.py: a predicted fact matches a gold
fact of the same article when flow, province, country, sector, product and period are
equal and the headline measure agrees (value within 0.5 % in the same currency; else
change_pct within 0.05; else share_pct within 0.05; else change_abs within 0.5 %).
Facts with none of those four measures are not counted; facts whose country starts
with "@" or that name a product are scored apart ("side"). Matching is greedy and
one-to-one, gold facts in order, each taking the first unused prediction that matches.
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

KEY = ("flow", "province", "country", "sector", "product", "period")
MEASURES = ("value", "change_pct", "share_pct", "change_abs")
ATTRIBUTES = ("change_pct", "share_pct", "rank")
PARTS = ("main", "side")


def _norm(v):
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def key_of(fact: Mapping) -> tuple:
    """The cell a fact is about: its values of `KEY`, blank strings read as null."""
    return tuple(_norm(fact.get(k)) for k in KEY)


def is_side(fact: Mapping) -> bool:
    """Facts scored apart: region partners ("@Afrika") and product-level facts."""
    return (fact.get("country") or "").startswith("@") or bool(_norm(fact.get("product")))


def scorable(fact: Mapping) -> bool:
    """True when the fact states at least one of value, change_pct, share_pct, change_abs."""
    return any(fact.get(k) is not None for k in MEASURES)


def close_rel(a, b, tol: float = 0.005) -> bool:
    """`a` within `tol` (relative) of `b`; False when either is missing."""
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= tol * max(abs(float(b)), 1e-9)


def close_abs(a, b, tol: float = 0.05) -> bool:
    """`a` within `tol` (absolute, in percentage points) of `b`; False when either is missing."""
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= tol + 1e-9


def headline_agrees(pred: Mapping, gold: Mapping) -> bool:
    """Compare the gold fact's first stated measure of value, change_pct, share_pct, change_abs."""
    if gold.get("value") is not None:
        # A missing currency is read as dollars on both sides, as the gold set does.
        return close_rel(pred.get("value"), gold["value"]) and (
            (pred.get("currency") or "USD") == (gold.get("currency") or "USD"))
    if gold.get("change_pct") is not None:
        return close_abs(pred.get("change_pct"), gold["change_pct"])
    if gold.get("share_pct") is not None:
        return close_abs(pred.get("share_pct"), gold["share_pct"])
    if gold.get("change_abs") is not None:
        return close_rel(pred.get("change_abs"), gold["change_abs"])
    return False


def match_doc(preds: list[Mapping], golds: list[Mapping]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; returns (prediction index, gold index) pairs."""
    pairs, used = [], set()
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi in used or key_of(p) != key_of(g):
                continue
            if headline_agrees(p, g):
                pairs.append((pi, gi))
                used.add(pi)
                break
    return pairs


@dataclass(frozen=True)
class FactError:
    """A gold fact no prediction matched ("MISSED") or a prediction matching no gold ("SPURIOUS")."""
    kind: str
    doc_id: str
    part: str
    fact: Mapping


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def score(golds: Mapping[str, Iterable[Mapping]],
          preds: Mapping[str, Iterable[Mapping]]) -> tuple[dict, list[FactError]]:
    """Score predicted facts against gold facts, both keyed by article id.

    An article missing from `preds` predicts no facts; predictions for articles not in
    `golds` are ignored. Returns the scores (the JSON of score.py, plus the raw counts of
    each attribute under "attribute_counts") and every missed and spurious fact.
    """
    out: dict = {}
    errors: list[FactError] = []
    for part in PARTS:
        tp = fp = fn = 0
        attr = {a: [0, 0] for a in ATTRIBUTES}
        for doc_id, gold_facts in golds.items():
            g = [x for x in gold_facts if is_side(x) == (part == "side") and scorable(x)]
            p = [x for x in preds.get(doc_id, []) if is_side(x) == (part == "side") and scorable(x)]
            pairs = match_doc(p, g)
            tp += len(pairs)
            fp += len(p) - len(pairs)
            fn += len(g) - len(pairs)
            for pi, gi in pairs:
                for a in ("change_pct", "share_pct"):
                    gv, pv = g[gi].get(a), p[pi].get(a)
                    if gv is None and pv is None:
                        continue
                    attr[a][1] += 1
                    if gv is not None and close_abs(pv, gv):
                        attr[a][0] += 1
                if g[gi].get("rank") is not None:
                    attr["rank"][1] += 1
                    attr["rank"][0] += int(p[pi].get("rank") == g[gi]["rank"])
            matched_p = {pi for pi, _ in pairs}
            matched_g = {gi for _, gi in pairs}
            errors += [FactError("MISSED", doc_id, part, x) for gi, x in enumerate(g) if gi not in matched_g]
            errors += [FactError("SPURIOUS", doc_id, part, x) for pi, x in enumerate(p) if pi not in matched_p]
        prec, rec, f1 = _prf(tp, fp, fn)
        out[part] = {
            "tp": tp, "fp": fp, "fn": fn,
            "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "attributes": {k: (round(v[0] / v[1], 4) if v[1] else None) for k, v in attr.items()},
            "attribute_counts": {k: list(v) for k, v in attr.items()},
        }
    out["documents"] = len(golds)
    out["predicted_documents"] = len(set(preds) & set(golds))
    return out, errors
