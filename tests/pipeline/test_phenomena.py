"""The relation step over a corpus of phenomena (tests/pipeline/data/phenomena.jsonl).

Each line is a text with its publication date and every fact it states; the whole fact
list must come out, no more and no less, so a doubled fact, a sign flip or an
export/import swap fails the case. Cells are compared with their headline measures and
attributes (value, change, share, rank).

A case the pipeline does not yet get right carries a `gap` field naming the missing
mechanism; it runs as a strict xfail, so the day the mechanism lands the case passes,
the test fails, and the `gap` field has to be removed.
"""
import json
from pathlib import Path

import pytest

from service.engine import extract

DATA = Path(__file__).parent / "data" / "phenomena.jsonl"
KEYS = ("flow", "province", "country", "sector", "product", "period",
        "value", "change_pct", "change_abs", "share_pct", "rank")
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
# Issue 9's ten phenomena, each by the `phenomenon` names its cases use.
GROUPS = {
    "lists and coordination": {"list", "rank"},
    "periods as a running frame": {"frame", "period"},
    "the article's subject": {"subject"},
    "scope": {"scope"},
    "tables written as text": {"table"},
    "prior-period figures": {"prior"},
    "organisation names": {"org"},
    "not facts": {"notfact", "region"},
    "products and trade categories": {"product"},
    "smaller: change, mirror, flow, sign, share": {"change", "mirror", "flow", "sign", "share"},
}
MIN_CASES_PER_GROUP = 8


def _fact(f: dict) -> tuple:
    return tuple((k, f.get(k)) for k in KEYS)


def _param(case: dict):
    marks = [pytest.mark.xfail(strict=True, reason=case["gap"])] if case.get("gap") else []
    return pytest.param(case, marks=marks, id=f"{case['phenomenon']}-{case['text'][:40]}")


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_phenomena_text_states_exactly_its_facts(nlp, case):
    got = [f.model_dump() for f in extract(case["text"], date=case["date"], nlp=nlp).facts]
    assert sorted(map(_fact, got), key=repr) == sorted(map(_fact, case["facts"]), key=repr)


def test_phenomena_corpus_covers_every_mechanism():
    kinds = {c["phenomenon"] for c in CASES}
    assert set().union(*GROUPS.values()) == kinds, "every phenomenon name belongs to one group"
    counts = {group: sum(c["phenomenon"] in names for c in CASES) for group, names in GROUPS.items()}
    assert all(n >= MIN_CASES_PER_GROUP for n in counts.values()), counts
    assert all(c.get("gap", "x").strip() for c in CASES), "a gap names its missing mechanism"
