"""Prodigy / doccano-style JSONL: one line an article with `text`, `tokens`, `spans`,
`relations` (Prodigy's rel format: head and child token indices with their spans) and the
run's `facts`, each pointing at its FACT span by index (`span`).

Correct a fact by editing its fields in `facts`, add or delete facts in that list; the
import reads `facts` (and `answer`: "reject" or "ignore" leaves the article out).
"""
import json
from pathlib import Path

from .facts import ENTITY_LABELS, FACT_LABEL, Article, ReviewError, check_fact, fact_span, gold_fact, links


def _tokens(nlp, text: str) -> list[dict]:
    doc = nlp.make_doc(text)
    return [{"text": t.text, "start": t.idx, "end": t.idx + len(t), "id": t.i, "ws": bool(t.whitespace_)}
            for t in doc]


def _span(tokens: list[dict], start: int, end: int, label: str, text: str) -> dict:
    inside = [t["id"] for t in tokens if t["end"] > start and t["start"] < end] or [0]
    return {"start": start, "end": end, "text": text[start:end], "label": label,
            "token_start": inside[0], "token_end": inside[-1]}


def line(article: Article, nlp) -> dict:
    """The JSONL record of one article."""
    text = article.text
    tokens = _tokens(nlp, text)
    spans, index = [], {}
    for i, e in enumerate(article.entities):
        if e["label"] in ENTITY_LABELS:
            index[i] = len(spans)
            spans.append(_span(tokens, e["start"], e["end"], e["label"], text))
    facts, relations = [], []
    for fact in article.facts:
        start, end = fact_span(fact, text)
        head = len(spans)
        spans.append(_span(tokens, start, end, FACT_LABEL, text))
        facts.append({**{k: v for k, v in fact.items() if k not in ("evidence", "sources")}, "span": head})
        for i, fld in links(fact, article.entities):
            if i in index:
                child = spans[index[i]]
                relations.append({"head": spans[head]["token_end"], "child": child["token_end"],
                                  "head_span": spans[head], "child_span": child, "label": fld})
    return {"text": text, "meta": {"id": article.id, "date": article.date, **article.extras},
            "tokens": tokens, "spans": spans, "relations": relations, "facts": facts, "answer": "accept"}


def export(articles, out: Path, nlp) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(line(a, nlp), ensure_ascii=False) + "\n")
            n += 1
    return n


def gold(rec, n: int, sectors: frozenset[str]) -> dict | None:
    """The gold article of line `n`; None when the reviewer rejected or ignored it."""
    if not isinstance(rec, dict):
        raise ReviewError(f"E152 line {n} is not a JSON object: keep one task object a line")
    meta = rec.get("meta") if isinstance(rec.get("meta"), dict) else {}
    name = f"line {n} (id {meta.get('id')!r})"
    if rec.get("answer") in ("reject", "ignore"):
        return None
    text, spans, facts = rec.get("text"), rec.get("spans") or [], rec.get("facts")
    if not isinstance(text, str) or not isinstance(meta.get("id"), str):
        raise ReviewError(f"E152 {name} has no `text` or `meta.id`: keep the fields the export wrote")
    if not isinstance(facts, list) or not isinstance(spans, list):
        raise ReviewError(f"E152 {name}: `facts` and `spans` must be lists")
    out = []
    for k, raw in enumerate(facts):
        where = f"{name}, fact {k}"
        span = raw.get("span") if isinstance(raw, dict) else None
        if span is None:
            start, end = 0, len(text)
        elif isinstance(span, int) and 0 <= span < len(spans) and isinstance(spans[span], dict):
            start, end = spans[span].get("start"), spans[span].get("end")
        else:
            raise ReviewError(f"E152 {where}: `span` {span!r} is no index into `spans`")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise ReviewError(f"E152 {where}: its span {start!r}..{end!r} is outside the text")
        out.append(gold_fact(check_fact(raw, where, sectors), text, start, end))
    extras = {k: v for k, v in meta.items() if k not in ("id", "date")}
    return {"id": meta["id"], "date": meta.get("date"), "text": text, "facts": out, **extras}


def read_lines(path: Path) -> list:
    """Each line's JSON, or the ReviewError that names the line (the others are still read)."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ReviewError(f"E152 cannot read {path} ({exc})") from None
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            out.append((n, json.loads(raw)))
        except json.JSONDecodeError as exc:
            out.append((n, ReviewError(f"E152 line {n} of {path} is not JSON ({exc.msg}): fix or delete it")))
    return out
