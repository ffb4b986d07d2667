"""The training data: every record sound, the files what the generator writes, the coverage promised."""
import copy
import importlib.util
import re

import pytest

from service.train.corpus import DATA_DIR, FACT_KEYS, CorpusError, load_examples, sector_ids, validate_record


def _generator():
    spec = importlib.util.spec_from_file_location("make_examples", DATA_DIR / "make_examples.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def generator():
    return _generator()


@pytest.fixture(scope="module")
def examples():
    return {name: load_examples(DATA_DIR / f"{name}.jsonl") for name in ("train", "dev")}


def _fact(**kw):
    f = dict.fromkeys(FACT_KEYS)
    f.update(flow="export", province="Kocaeli", period="2024", value=22500000000, currency="USD",
             quote="22,5 milyar dolar", quote_start=31)
    f.update(kw)
    return f


TEXT = "Kocaeli'nin 2024 yılı ihracatı 22,5 milyar dolar oldu."
GOOD = {
    "id": "t1", "date": "2025-01-20", "text": TEXT,
    "entities": [
        {"start": 0, "end": 11, "label": "PROVINCE", "text": "Kocaeli'nin", "norm": "Kocaeli", "code": "41"},
        {"start": 12, "end": 21, "label": "DATE", "text": "2024 yılı", "period": "2024"},
        {"start": 31, "end": 48, "label": "MONEY", "text": "22,5 milyar dolar", "value": 22500000000,
         "currency": "USD"},
    ],
    "facts": [_fact()],
}


def test_corpus_validator_accepts_a_sound_record():
    assert validate_record(GOOD) == []


def _broken(path, value):
    rec = copy.deepcopy(GOOD)
    *where, last = path
    target = rec
    for p in where:
        target = target[p]
    target[last] = value
    return rec


@pytest.mark.parametrize("path,value,message", [
    (("entities", 0, "start"), 1, "text[1:11]"),
    (("entities", 0, "end"), 99, "outside the text"),
    (("entities", 2, "end"), 49, "white space"),
    (("entities", 1, "start"), 5, "overlaps"),
    (("entities", 0, "label"), "CITY", "label must be one of"),
    (("entities", 0, "code"), None, "needs `norm`"),
    (("entities", 2, "currency"), "TL", "needs a numeric `value`"),
    (("entities", 1, "period"), "2024-13", "is not YYYY"),
    (("facts", 0, "quote_start"), 30, "`quote` is not the text"),
    (("facts", 0, "quote"), "22,5 milyar dolarX", "`quote` is not the text"),
    (("facts", 0, "value"), 22000000000, "no MONEY entity of value"),
    (("facts", 0, "change_pct"), 12.0, "no PERCENT entity"),
    (("facts", 0, "province"), "Bursa", "not named by any PROVINCE"),
    (("facts", 0, "sector"), "oto", "not a sector id"),
    (("facts", 0, "flow"), "exports", "flow must be one of"),
    (("facts", 0, "period"), "2024-05/2024-02", "is not YYYY"),
    (("date",), "2025-02-30", "not a YYYY-MM-DD date"),
])
def test_corpus_validator_names_each_defect(path, value, message):
    errors = validate_record(_broken(path, value))
    assert errors and any(message in e for e in errors), errors


def test_corpus_validator_rejects_unscorable_and_duplicate_facts():
    rec = copy.deepcopy(GOOD)
    rec["facts"].append(_fact())
    assert any("same cell" in e for e in validate_record(rec))
    rec["facts"] = [_fact(value=None, currency=None, rank=1)]
    assert any("not scorable" in e for e in validate_record(rec))
    rec["facts"] = [{k: v for k, v in _fact().items() if k != "unit"}]
    assert any("missing keys ['unit']" in e for e in validate_record(rec))


def test_corpus_load_examples_raises_named_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="E501 .*bad.jsonl:2"):
        load_examples(bad)
    bad.write_text('{"id": "x", "date": "2025-01-01", "text": "a", "entities": [], "facts": []}\n' * 2,
                   encoding="utf-8")
    with pytest.raises(CorpusError, match="(?s)E502 .*x: id used twice"):
        load_examples(bad)


def test_corpus_files_are_what_the_generator_writes(generator, tmp_path):
    assert generator.main(["--out", str(tmp_path)]) == 0
    for name in ("train", "dev"):
        assert (tmp_path / f"{name}.jsonl").read_text(encoding="utf-8") == \
            (DATA_DIR / f"{name}.jsonl").read_text(encoding="utf-8"), \
            f"training_data/{name}.jsonl is stale: run `python training_data/make_examples.py`"


def test_corpus_split_is_fixed_by_template(generator, examples):
    for name, recs in examples.items():
        for rec in recs:
            template = rec["id"].rsplit("_", 1)[0]
            assert generator.in_dev(template) == (name == "dev"), rec["id"]
    assert not {r["id"] for r in examples["train"]} & {r["id"] for r in examples["dev"]}


def test_corpus_covers_the_promised_cases(examples):
    recs = examples["train"] + examples["dev"]
    facts = [f for r in recs for f in r["facts"]]
    assert 120 <= len(recs) <= 200
    assert {f["sector"] for f in facts} >= sector_ids()
    assert {f["flow"] for f in facts} == {"export", "import", "balance", "volume"}
    assert any(f["flow"] == "balance" and f["value"] < 0 for f in facts)
    assert {"EUR", "TRY", "GBP", "USD"} <= {f["currency"] for f in facts}
    assert any(f["country"] and f["country"].startswith("@") for f in facts)
    assert any(f["product"] for f in facts) and any(f["rank"] for f in facts)
    assert any(f["share_pct"] for f in facts) and any(f["change_abs"] for f in facts)
    assert any(f["change_pct"] and f["change_pct"] < 0 for f in facts)
    periods = {f["period"] for f in facts}
    assert any(re.fullmatch(r"\d{4}", p) for p in periods)
    assert any(re.fullmatch(r"\d{4}-\d\d", p) for p in periods)
    assert any(re.fullmatch(r"\d{4}-01/\d{4}-\d\d", p) for p in periods)
    dates = " ".join(e["text"].lower() for r in recs for e in r["entities"] if e["label"] == "DATE")
    for form in ("ilk çeyre", "ilk 10 ay", "9 aylık", "geçen yıl", "geçen ay", "son 12 ay", "ocak-aralık",
                 "sezon", "yıllıklandırılmış"):
        assert form in dates, form
    texts = " ".join(r["text"] for r in recs)
    for cue in (" | ", "takip etti", "aştı", "üzerinde", "yaklaştı", "hedef", "bekleniyor", "birim değeri",
                "A.Ş.", "Serbest Bölgesi", "enflasyon", "faiz", "BIST", "ülkeye", "’"):
        assert cue in texts, cue
    assert sum(1 for r in recs if not r["facts"]) >= 20
    assert any(e["text"].isupper() and e["label"] == "PROVINCE" for r in recs for e in r["entities"])
