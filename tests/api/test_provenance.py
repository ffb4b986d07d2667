"""Provenance (`sources`): where each filled field of a fact came from.

Two kinds of test:
- the plumbing (schema, engine, `/extract` with and without `"explain": true`, the
  database column, the query API), driven by a real spaCy component added after
  `relations` that records the entity each field agrees with: these pass today;
- the relation step's own provenance on real extraction of sentences written here.
"""
import json
import uuid

import pytest
import sqlalchemy as sa

from service.bulk.db import DbSink
from service.bulk.sources import Record, content_hash
from service.engine import extract
from service.schemas import How

from ..bulk.conftest import PG_BASE, annotate, read_jsonl, write_jsonl
from .conftest import make_client

HOWS = set(How.__args__)
ARTICLE = "Kocaeli'nin 2025 yılında Almanya'ya ihracatı yüzde 12 artarak 3 milyar 105 milyon dolar oldu."
DATE = "2026-01-07"


def _span(text, src):
    return text[src["start"]:src["end"]]


def test_provenance_engine_carries_sources(explained_model):
    nlp, _ = explained_model
    fact = extract(ARTICLE, date=DATE, nlp=nlp).facts[0]
    got = {k: (_span(ARTICLE, s.model_dump()), s.how) for k, s in fact.sources.items()}
    assert got == {"province": ("Kocaeli'nin", "clause"), "country": ("Almanya'ya", "clause"),
                   "period": ("2025 yılında", "clause"), "change_pct": ("yüzde 12", "clause"),
                   "value": ("3 milyar 105 milyon dolar", "clause")}


def test_provenance_extract_answers_sources_only_when_asked(explained_model):
    _, path = explained_model
    with make_client(model=path) as c:
        plain = c.post("/extract", json={"text": ARTICLE, "date": DATE}).json()
        asked = c.post("/extract", json={"text": ARTICLE, "date": DATE, "explain": True}).json()
        batch = c.post("/extract/batch", json={"documents": [{"text": ARTICLE, "explain": True},
                                                             {"text": ARTICLE}]}).json()["results"]
        bad = c.post("/extract", json={"text": ARTICLE, "explain": "yes"})
    assert "sources" not in plain["facts"][0]
    start = ARTICLE.index("Almanya")
    assert asked["facts"][0]["sources"]["country"] == {"start": start, "end": start + 10, "how": "clause"}
    assert {k: v for k, v in asked["facts"][0].items() if k != "sources"} == plain["facts"][0]
    assert "sources" in batch[0]["facts"][0] and "sources" not in batch[1]["facts"][0]
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "explain"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'facts.db'}"
        return
    schema = f"prov_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_BASE)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_provenance_is_stored_and_queried(explained_model, empty_db):
    nlp, _ = explained_model
    result = extract(ARTICLE, date=DATE, id="kocaeli-de", nlp=nlp)
    sink = DbSink(empty_db, "test-version")
    rec = Record("kocaeli-de", ARTICLE, DATE, {}, "test", 1, content_hash(ARTICLE, DATE), (0,))
    sink.write([(rec, result.model_dump_json())])
    sink.close()
    with make_client(db=empty_db) as c:
        item = c.get("/facts", params={"document": "kocaeli-de"}).json()["items"][0]
        doc = c.get("/documents/kocaeli-de").json()
    assert item["sources"] == json.loads(result.model_dump_json())["facts"][0]["sources"]
    assert doc["facts"][0]["sources"]["value"]["how"] == "clause"


# --- awaiting the new relation step -------------------------------------------------------

@pytest.fixture(scope="module")
def shipped(nlp):
    """The shipped pipeline: its relation step records provenance on every fact."""
    return nlp


def _sources(nlp, text, date=DATE):
    return [{k: (_span(text, s.model_dump()), s.how) for k, s in (f.sources or {}).items()}
            for f in extract(text, date=date, nlp=nlp).facts]


def test_provenance_same_clause(shipped):
    [fact] = _sources(shipped, ARTICLE)
    assert fact == {"province": ("Kocaeli'nin", "clause"), "country": ("Almanya'ya", "clause"),
                    "period": ("2025 yılında", "clause"), "change_pct": ("yüzde 12", "clause"),
                    "value": ("3 milyar 105 milyon dolar", "clause"), "flow": ("ihracatı", "clause")}


def test_provenance_subject_and_running_period(shipped):
    text = ("Denizli'nin ihracatı 2025 yılında 5 milyar dolar oldu. "
            "Kentin Almanya'ya ihracatı 900 milyon dolar oldu.")
    first, second = _sources(shipped, text)
    assert first["province"] == ("Denizli'nin", "clause") and first["period"] == ("2025 yılında", "clause")
    assert second["country"] == ("Almanya'ya", "clause") and second["value"][1] == "clause"
    assert second["province"][1] == "subject" and second["province"][0] in ("Denizli'nin", "Kentin")
    assert second["period"] == ("2025 yılında", "frame")


def test_provenance_table_rows(shipped):
    text = ("Manisa'nın ülkelere göre ihracatı:\nÜlke | 2024 (Bin dolar) | 2025 (Bin dolar) |\n"
            "Almanya | 1.200.000 | 1.350.000 |\nİtalya | 800.000 | 760.000 |")
    facts = _sources(shipped, text)
    assert len(facts) == 4
    for f in facts:
        assert f["country"][1] == "table" and f["value"][1] == "table" and f["period"][1] == "table"
    assert {f["country"][0] for f in facts} == {"Almanya", "İtalya"}
    assert {f["value"][0] for f in facts} == {"1.200.000", "1.350.000", "800.000", "760.000"}


def test_provenance_every_filled_field_has_a_valid_source(shipped):
    text = ("Bursa'nın ihracatı 2025'te yüzde 4 artışla 17 milyar dolar oldu. "
            "Kentin otomotiv ihracatı 6 milyar dolara ulaştı.")
    for fact in extract(text, date=DATE, nlp=shipped).facts:
        filled = {k for k in ("province", "country", "sector", "product", "period", "value", "change_pct",
                              "share_pct", "change_abs", "rank") if getattr(fact, k) is not None}
        assert filled <= set(fact.sources or {}), fact
        for k, s in fact.sources.items():
            assert s.how in HOWS and 0 <= s.start <= s.end <= len(text)
            assert (s.start == s.end == 0) == (s.how == "date")


def test_provenance_reaches_the_database_through_the_bulk_sink(shipped, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "k", "date": DATE, "text": ARTICLE}])
    url = f"sqlite:///{tmp_path / 'f.db'}"
    assert annotate(src, "--db", url, "-o", tmp_path / "out.jsonl", "--workers", "1")[0] == 0
    assert read_jsonl(tmp_path / "out.jsonl")[0]["facts"][0]["sources"]
    with make_client(db=url) as c:
        assert c.get("/facts").json()["items"][0]["sources"]["country"]["how"] == "clause"
