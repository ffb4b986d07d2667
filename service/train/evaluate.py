"""`python -m service evaluate GOLD`: run the packaged pipeline on gold articles and score it.

GOLD is a folder of one JSON file per article (`{"id", "date", "text", "facts"}`, the
format of ../shared/eval/dev/) or a JSONL file of such records (training_data/dev.jsonl).
"""
import json
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from .corpus import CorpusError, read_jsonl
from .metrics import ATTRIBUTES, FactError, score


class EvaluationError(ValueError):
    """E51x errors: gold or prediction files that cannot be read, with what to do."""


def load_gold(path: str | Path) -> list[dict]:
    """Read gold articles from a folder of *.json files or a .jsonl file, in file order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise EvaluationError(f"E511 no *.json gold files in {path}: point GOLD at a folder of gold articles "
                                  "({id, text, date, facts} each) or a .jsonl file such as training_data/dev.jsonl")
        docs = []
        for f in files:
            try:
                docs.append(json.loads(f.read_text(encoding="utf-8")))
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"E512 {f} is not JSON ({exc.msg}): fix or remove it") from None
    elif path.is_file():
        try:
            docs = list(read_jsonl(path))
        except CorpusError as exc:
            raise EvaluationError(str(exc)) from None
    else:
        raise EvaluationError(f"E513 gold {path} does not exist: give a folder of *.json gold articles or a "
                              ".jsonl file of them, e.g. training_data/dev.jsonl (in the repository)")
    for i, d in enumerate(docs):
        if not isinstance(d.get("text"), str) or not isinstance(d.get("facts"), list) or d.get("id") is None:
            raise EvaluationError(f"E514 gold article {i} in {path} lacks `id`, `text` or `facts`")
        d["id"] = str(d["id"])
    return docs


def load_predictions(path: str | Path) -> dict[str, list[dict]]:
    """Read `{"id", "facts"}` lines (the output of `python -m service annotate`)."""
    try:
        return {str(rec.get("id")): rec.get("facts") or [] for rec in read_jsonl(path)}
    except CorpusError as exc:
        raise EvaluationError(f"E515 {exc}") from None


def predict(docs: Iterable[dict], nlp=None) -> dict[str, list[dict]]:
    """Run the pipeline on gold articles; returns each article's predicted facts (with evidence)."""
    from ..engine import extract_many
    records = ({"id": d["id"], "text": d["text"], "date": d.get("date")} for d in docs)
    return {r.id: [f.model_dump() for f in r.facts] for r in extract_many(records, nlp=nlp)}


# A sentence ends at . ! ? before white space, or at a line break (headlines, table rows).
_BOUNDARY = re.compile(r"[.!?](?=\s)|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` holding the span start..end."""
    begin = 0
    for m in _BOUNDARY.finditer(text, 0, max(start, 0)):
        begin = m.end()
    m = _BOUNDARY.search(text, max(start, end - 1))
    return text[begin:m.end() if m else len(text)].strip()


def where_stated(fact: dict, text: str) -> tuple[int, int] | None:
    """Where a fact is stated: its first evidence span, else its quote (at `quote_start` if given)."""
    ev = fact.get("evidence") or []
    if ev:
        first = ev[0]
        return (first["start"], first["end"]) if isinstance(first, dict) else tuple(first)
    quote = fact.get("quote")
    if quote:
        at = fact.get("quote_start")
        if not (isinstance(at, int) and text[at:at + len(quote)] == quote):
            at = text.find(quote)
        if at >= 0:
            return at, at + len(quote)
    return None


def _short(fact: dict) -> str:
    return json.dumps({k: v for k, v in fact.items() if v is not None and k not in ("evidence", "quote", "quote_start")},
                      ensure_ascii=False)


def format_errors(errors: list[FactError], texts: dict[str, str]) -> str:
    """One block per missed or spurious fact: the fact, then the sentence that states it."""
    lines = []
    for e in errors:
        side = " (side)" if e.part == "side" else ""
        lines.append(f"{e.kind:8} {e.doc_id}{side}: {_short(dict(e.fact))}")
        text = texts.get(e.doc_id, "")
        span = where_stated(dict(e.fact), text)
        if span:
            lines.append(f"         » {sentence_around(text, *span)}")
    return "\n".join(lines)


def format_scores(res: dict) -> str:
    """The report: documents, fact P/R/F1, attribute accuracy on matched facts, side facts."""
    m, s = res["main"], res["side"]

    def attrs(part):
        out = []
        for a in ATTRIBUTES:
            ok, n = part["attribute_counts"][a]
            out.append(f"{a} {ok / n:.3f} ({ok}/{n})" if n else f"{a} - (0/0)")
        return "  ".join(out)
    return "\n".join([
        f"documents {res['documents']} (predicted {res['predicted_documents']})",
        f"facts  P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
        f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})",
        f"attributes on matched facts: {attrs(m)}",
        f"side facts (regions, products)  P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})",
    ])


def run(args) -> int:
    """The `evaluate` sub-command."""
    from ..engine import ExtractionError, load_nlp
    try:
        docs = load_gold(args.gold)
        if args.predictions:
            preds, seconds = load_predictions(args.predictions), None
        else:
            nlp = load_nlp(args.model) if args.model else load_nlp()
            t0 = time.perf_counter()
            preds = predict(docs, nlp)
            seconds = time.perf_counter() - t0
    except (EvaluationError, ExtractionError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.write_predictions:
        with open(args.write_predictions, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["id"], "facts": preds.get(d["id"], [])}, ensure_ascii=False) + "\n")
    res, errors = score({d["id"]: d["facts"] for d in docs}, preds)
    if args.json:
        if args.errors:
            res["errors"] = [{"kind": e.kind, "id": e.doc_id, "part": e.part, "fact": dict(e.fact)} for e in errors]
        print(json.dumps(res, ensure_ascii=False))
        return 0
    if args.errors and errors:
        print(format_errors(errors, {d["id"]: d["text"] for d in docs}))
        print()
    print(format_scores(res))
    if seconds is not None:
        print(f"pipeline: {len(docs)} documents in {seconds:.2f} s")
    return 0


def register(sub) -> None:
    p = sub.add_parser("evaluate", help="score the pipeline on gold articles with the metric of FACTS.md")
    p.add_argument("gold", help="folder of gold *.json articles, or a .jsonl file of them (training_data/dev.jsonl)")
    p.add_argument("--errors", action="store_true", help="list each missed and spurious fact with its sentence")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--model", help="pipeline directory to evaluate (default: the packaged one)")
    p.add_argument("--predictions", help="score these {id, facts} JSONL predictions instead of running the pipeline")
    p.add_argument("--write-predictions", metavar="PATH", help="also write the predictions as {id, facts} JSONL")
    p.set_defaults(func=run)
