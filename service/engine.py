"""Load the packaged pipeline once and turn texts into `ExtractResult`s.

Everything that serves extraction (the API, the CLI, the bulk runners) goes through
`extract` or `extract_many`; none of them touches the components directly.
"""
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .lang.layout import unwrap
from . import pipeline  # noqa: F401  (registers the factories)
from .pipeline.budget import Budget, BudgetExceeded, check_deadline  # noqa: F401  (BudgetExceeded: for callers)
from .pipeline.user_data import span_value
from .schemas import ExtractResult

ROOT = Path(__file__).resolve().parent.parent
# In a checkout (or an editable install) the pipeline is read from models/, where `train` and
# `build` write it; an installed wheel carries a copy inside the package (see setup.py).
_CHECKOUT_MODEL = ROOT / "models" / "export_facts_tr"
_INSTALLED_MODEL = Path(__file__).resolve().parent / "_model" / "export_facts_tr"
MODEL_DIR = _CHECKOUT_MODEL if (_CHECKOUT_MODEL / "config.cfg").exists() or not _INSTALLED_MODEL.exists() \
    else _INSTALLED_MODEL
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ExtractionError(ValueError):
    """E001-style errors: bad input to the extractor, with what to do about it."""


@lru_cache(maxsize=4)
def load_nlp(path: str | os.PathLike | None = None) -> Language:
    """Load the packaged pipeline (default: $EXPORT_FACTS_MODEL or models/export_facts_tr)."""
    path = Path(path or os.environ.get("EXPORT_FACTS_MODEL") or MODEL_DIR)
    if not (path / "config.cfg").exists():
        raise ExtractionError(
            f"E001 no packaged pipeline at {path}: build it with `python -m service build`")
    return spacy.load(path)


def parse_date(value: str | Date | None) -> Date | None:
    """Accept None, a `date`, or an ISO 'YYYY-MM-DD' string; raise E002 on anything else."""
    if value is None or isinstance(value, Date):
        return value
    text = str(value).strip()
    # Only the calendar form: Python's fromisoformat also takes "20250107" and week dates.
    if not _ISO_DATE.fullmatch(text):
        raise ExtractionError(f"E002 date {value!r} is not a YYYY-MM-DD date")
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise ExtractionError(f"E002 date {value!r} is not a real YYYY-MM-DD date") from None


def make_doc(nlp: Language, text: str, date: str | Date | None = None, doc_id: str | None = None,
             budget: Budget | None = None) -> Doc:
    """Tokenize `text` and attach its publication date (and time budget); the components run later."""
    if not isinstance(text, str):
        raise ExtractionError(f"E003 text must be a string, got {type(text).__name__}")
    if budget is not None:
        budget.check()  # spent while waiting for its turn: do not even tokenize
    # A text wrapped at a fixed width is read as the sentences it breaks (offsets unchanged).
    doc = _tokenize(nlp, unwrap(text), budget)
    doc._.pub_date = parse_date(date)
    doc._.doc_id = doc_id
    doc._.deadline = budget
    return doc


# spaCy's tokenizer is one call that holds the GIL, and inside a memory zone it caches
# nothing: a 5-million-character text takes it ~9 s, during which neither the budget nor the
# server's event loop gets a turn. Long texts are tokenized in pieces cut after a single
# space between two words; spaCy splits on whitespace before anything else, so the pieces
# join into exactly the tokens of the whole (a test compares them).
TOKENIZE_PIECE_CHARS = 20_000


def text_pieces(text: str, size: int = TOKENIZE_PIECE_CHARS):
    """Consecutive slices of `text`, each about `size` long, ending just after a lone space."""
    i, n = 0, len(text)
    while i < n:
        j = i + size
        if j >= n:
            yield text[i:]
            return
        k = text.find(" ", j)
        while k != -1 and (k + 1 >= n or text[k + 1].isspace() or text[k - 1].isspace()):
            k = text.find(" ", k + 1)
        j = n if k == -1 else k + 1
        yield text[i:j]
        i = j


def _tokenize(nlp: Language, text: str, budget: Budget | None) -> Doc:
    if len(text) <= TOKENIZE_PIECE_CHARS:
        return nlp.make_doc(text)
    # The pieces' words are joined into one Doc built from them, not with `Doc.from_docs`:
    # that took ~1 s for 600,000 tokens in one call the budget cannot interrupt, longer than
    # tokenizing them now that common words come from the tokenizer's cache. Only ORTH and
    # spacing carry over; the tokenizer's special cases set nothing else but NORM, which
    # `normalize` writes for every token.
    words: list[str] = []
    spaces: list[bool] = []
    for piece in text_pieces(text):
        if budget is not None:
            budget.check()
        doc = nlp.make_doc(piece)
        words += [t.text for t in doc]
        spaces += [bool(t.whitespace_) for t in doc]
    if budget is not None:
        budget.check()
    return Doc(nlp.vocab, words=words, spaces=spaces)


def run_pipeline(nlp: Language, doc: Doc) -> Doc:
    """`nlp(doc)`, one component at a time, looking at the Doc's time budget between them."""
    for _name, proc in nlp.pipeline:
        check_deadline(doc)
        doc = proc(doc)
    return doc


def _num(v):
    if isinstance(v, float) and v.is_integer() and abs(v) >= 1:
        return int(v)
    return v


def doc_to_result(doc: Doc) -> ExtractResult:
    """Read entities and facts off a processed `Doc` into the contract's model."""
    # Span attributes read from doc.user_data (see pipeline/user_data.py), not through `e._`.
    # The whole result is validated in one call from plain dicts: a model built per entity
    # and per fact cost a Python-level __init__ each; the same fields reach the same validators.
    ud = doc.user_data
    entities = [
        {"label": e.label_, "text": e.text, "start": e.start_char, "end": e.end_char,
         "norm": span_value(ud, e, "norm"), "code": span_value(ud, e, "code"),
         "value": _num(span_value(ud, e, "value")), "currency": span_value(ud, e, "currency"),
         "unit": span_value(ud, e, "unit"), "period": span_value(ud, e, "period")}
        for e in doc.ents
    ]
    facts = []
    for f in doc._.facts or []:
        f = dict(f)
        f["evidence"] = [{"start": s, "end": e} for s, e in f.get("evidence", [])]
        for k in ("value", "change_abs", "quantity"):
            f[k] = _num(f.get(k))
        facts.append(f)
    pub = doc._.pub_date
    return ExtractResult.model_validate({
        "id": doc._.doc_id, "date": pub.isoformat() if pub else None,
        "entities": entities, "facts": facts, "warnings": list(doc._.warnings or [])})


def extract(text: str, date: str | Date | None = None, id: str | None = None,
            nlp: Language | None = None, budget: Budget | None = None) -> ExtractResult:
    """Extract the entities and export facts of one article.

    `date` is the publication date (relative periods resolve against it); a text that
    begins with the archive marker `date YYYY-MM-DD` supplies it when `date` is None.
    With a `budget`, extraction stops with `BudgetExceeded` once it is spent or cancelled.
    """
    nlp = nlp or load_nlp()
    with nlp.memory_zone():
        return doc_to_result(run_pipeline(nlp, make_doc(nlp, text, date, id, budget)))


def extract_many(records: Iterable[dict], nlp: Language | None = None,
                 batch_size: int = 32) -> Iterator[ExtractResult]:
    """Extract a stream of `{"text", "date"?, "id"?}` records with `nlp.pipe`, in order.

    Records must already be valid (see `make_doc`); a bad one raises `ExtractionError`.
    """
    nlp = nlp or load_nlp()
    docs = (make_doc(nlp, r["text"], r.get("date"), r.get("id")) for r in records)
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield doc_to_result(doc)
