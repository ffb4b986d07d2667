"""Measure roles: what each MONEY and PERCENT of a training record does in its facts.

The role of a figure is read off the record's facts, never annotated by hand: a MONEY
whose value is a fact's `value` inside the fact's quote is a `value`; one that is a
fact's `change_abs` is a `change_abs`; a PERCENT is a `change_pct` or a `share_pct`
the same way; every other figure ("1 milyar doları aştı", a target, a company's sales,
a unit price) is `other`. These labels train `export_facts_measure_roles`
(service/pipeline/trained_roles.py) from `doc.spans["measure_roles"]`.
"""
from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .convert import record_to_doc

ROLES_KEY = "measure_roles"
ROLES = ("value", "change_abs", "change_pct", "share_pct", "other")
MEASURE_LABELS = ("MONEY", "PERCENT")
# The corpus validator compares figures at this tolerance too.
_EPS = 1e-6


def _same(a, b) -> bool:
    """Equal up to sign (prose writes changes unsigned) at the validator's tolerance."""
    if a is None or b is None:
        return False
    return abs(abs(float(a)) - abs(float(b))) <= _EPS * max(1.0, abs(float(b)))


def _holds(fact: dict, ent: dict) -> bool:
    q, at = fact.get("quote"), fact.get("quote_start")
    return bool(q) and isinstance(at, int) and at <= ent["start"] and ent["end"] <= at + len(q)


def entity_role(ent: dict, facts: list[dict]) -> str:
    """The role of one MONEY/PERCENT entity: first among the facts whose quote holds it,
    then among all the record's facts (a headline restating a figure of the body)."""
    money = ent["label"] == "MONEY"
    fields = ("value", "change_abs") if money else ("change_pct", "share_pct")
    for pool in ([f for f in facts if _holds(f, ent)], facts):
        for field in fields:
            if any(_same(f.get(field), ent["value"]) and (not money or f.get("currency") == ent.get("currency"))
                   for f in pool):
                return field
    return "other"


def record_roles(rec: dict) -> list[tuple[dict, str]]:
    """Each MONEY/PERCENT entity of a record with its role, in text order."""
    return [(e, entity_role(e, rec["facts"])) for e in rec["entities"] if e["label"] in MEASURE_LABELS]


def record_to_role_doc(nlp: Language, rec: dict) -> Doc:
    """`record_to_doc`, plus the record's measures labelled by role under `doc.spans["measure_roles"]`."""
    doc = record_to_doc(nlp, rec)
    spans = []
    for ent, role in record_roles(rec):
        span = doc.char_span(ent["start"], ent["end"], label=role, alignment_mode="strict")
        spans.append(span)   # record_to_doc has already checked every entity's boundaries
    doc.spans[ROLES_KEY] = spans
    return doc


def convert_roles(records: Iterable[dict], nlp: Language) -> DocBin:
    """Pack records into a `DocBin` for `spacy train` with models/train.cfg."""
    db = DocBin(store_user_data=True)
    for rec in records:
        db.add(record_to_role_doc(nlp, rec))
    return db


def role_counts(records: Iterable[dict]) -> Counter:
    """How many measures of each role the records hold (for the report and the tests)."""
    return Counter(role for rec in records for _, role in record_roles(rec))
