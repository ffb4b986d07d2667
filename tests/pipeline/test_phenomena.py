"""The relation step over a corpus of phenomena (tests/pipeline/data/phenomena.jsonl).

Each line is a text with its publication date and every fact it states; the whole fact
list must come out, no more and no less, so a doubled fact, a sign flip or an
export/import swap fails the case. Cells are compared with their headline measures and
attributes (value, change, share, rank).
"""
import json
from pathlib import Path

import pytest

from service.engine import extract

DATA = Path(__file__).parent / "data" / "phenomena.jsonl"
KEYS = ("flow", "province", "country", "sector", "product", "period",
        "value", "change_pct", "change_abs", "share_pct", "rank")
CASES = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def _fact(f: dict) -> tuple:
    return tuple((k, f.get(k)) for k in KEYS)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['phenomenon']}-{c['text'][:40]}" for c in CASES])
def test_phenomena_text_states_exactly_its_facts(nlp, case):
    got = [f.model_dump() for f in extract(case["text"], date=case["date"], nlp=nlp).facts]
    assert sorted(map(_fact, got), key=repr) == sorted(map(_fact, case["facts"]), key=repr)


def test_phenomena_corpus_covers_every_mechanism():
    kinds = {c["phenomenon"] for c in CASES}
    assert {"subject", "scope", "region", "product", "prior", "frame", "table", "list", "mirror", "change", "period", "notfact", "flow", "sign"} <= kinds
