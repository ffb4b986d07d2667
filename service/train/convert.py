"""Training records (training_data/*.jsonl) → spaCy `DocBin`, the input of `spacy train`.

Each record becomes a `Doc` tokenized by the pipeline it will train with, carrying
- `doc.ents` and `doc.spans["sc"]`: the annotated entities (NER and span categorizer),
  with `span._.norm/code/value/currency/unit/period` set from the record;
- `doc._.facts`: the record's facts; `doc._.doc_id`; and its publication date under
  `doc.user_data["date"]` (ISO text: DocBin cannot store a `date`; `read_docbin`
  puts it back on `doc._.pub_date`).

    python -m service.train.convert training_data/train.jsonl corpus/train.spacy
"""
import argparse
import sys
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .. import pipeline  # noqa: F401  (declares the Span/Doc extensions)
from .corpus import load_examples

SPANS_KEY = "sc"
SPAN_ATTRS = ("norm", "code", "value", "currency", "unit", "period")


class ConversionError(ValueError):
    """E52x errors: a record that cannot become a training `Doc`, with what to do."""


def record_to_doc(nlp: Language, rec: dict, spans_key: str = SPANS_KEY) -> Doc:
    """Tokenize one record with `nlp` and attach its entities, facts, id and date.

    Raises E521 when an entity does not fall on token boundaries of this tokenizer.
    """
    doc = nlp.make_doc(rec["text"])
    spans = []
    for e in rec["entities"]:
        span = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="strict")
        if span is None:
            raise ConversionError(
                f"E521 {rec['id']}: entity {e['label']} {rec['text'][e['start']:e['end']]!r} at "
                f"{e['start']}..{e['end']} does not start and end on token boundaries: move its offsets "
                f"to whole tokens (suffixes after an apostrophe belong to the token)")
        for a in SPAN_ATTRS:
            if e.get(a) is not None:
                setattr(span._, a, e[a])
        spans.append(span)
    doc.ents = spans
    doc.spans[spans_key] = list(spans)
    doc._.facts = [dict(f) for f in rec["facts"]]
    doc._.doc_id = rec["id"]
    doc.user_data["date"] = rec["date"]
    return doc


def convert(records: Iterable[dict], nlp: Language) -> DocBin:
    """Pack records into a `DocBin` that keeps entities, span attributes and facts."""
    db = DocBin(store_user_data=True)
    for rec in records:
        db.add(record_to_doc(nlp, rec))
    return db


def read_docbin(path: str | Path, nlp: Language) -> Iterator[Doc]:
    """Read a converted file back, restoring `doc._.pub_date` from its ISO text."""
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        if doc.user_data.get("date"):
            doc._.pub_date = Date.fromisoformat(doc.user_data["date"])
        yield doc


def convert_file(src: str | Path, dest: str | Path, nlp: Language) -> int:
    """Validate and convert one JSONL file; returns the number of documents written."""
    recs = load_examples(src)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    convert(recs, nlp).to_disk(dest)
    return len(recs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m service.train.convert", description=__doc__.splitlines()[0])
    ap.add_argument("src", help="training JSONL (training_data/train.jsonl)")
    ap.add_argument("dest", help="output .spacy file")
    ap.add_argument("--model", help="pipeline whose tokenizer to use (default: the packaged one)")
    a = ap.parse_args(argv)
    from ..engine import ExtractionError, load_nlp
    from .corpus import CorpusError
    try:
        n = convert_file(a.src, a.dest, load_nlp(a.model) if a.model else load_nlp())
    except (CorpusError, ConversionError, ExtractionError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {n} documents to {a.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
