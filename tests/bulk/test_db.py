"""The database sink against SQLite and the real PostgreSQL: schema, contents, reruns, atomicity."""
import json
from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from service.bulk import db
from service.bulk.sources import Record, content_hash

from .conftest import annotate, make_articles, read_jsonl, write_jsonl

FACT_KEYS = ("flow", "province", "country", "sector", "product", "period", "value", "currency",
             "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit", "evidence")


def _rows(url: str, table: sa.Table, *columns: str) -> list[dict]:
    """The rows of `table` (typed by the sink's own definitions), in primary-key order."""
    engine = db.connect(url)
    cols = [table.c[c] for c in columns] or [table]
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(sa.select(*cols).order_by(*table.primary_key))]
    engine.dispose()
    return rows


def _facts_by_doc(url: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in _rows(url, db.facts):
        out.setdefault(r["document_id"], []).append({k: r[k] for k in FACT_KEYS})
    return out


def _record(rid: str, text: str, extras=None) -> Record:
    return Record(rid, text, "2025-10-01", extras or {}, "test", 1, content_hash(text, "2025-10-01"), (0,))


def _result(rid: str, facts: list[dict], entities=()) -> str:
    base = dict.fromkeys(FACT_KEYS)
    return json.dumps({"id": rid, "date": "2025-10-01", "entities": list(entities),
                       "facts": [{**base, "evidence": [{"start": 0, "end": 5}], **f} for f in facts]})


def test_db_migrations_build_exactly_the_tables_the_code_writes(db_url):
    engine = db.connect(db_url)
    db.migrate(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), db.metadata) == []
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        indexed = {tuple(i["column_names"]) for i in sa.inspect(conn).get_indexes("facts")}
    assert {("province", "period_start"), ("sector", "period_start"), ("country", "period_start"),
            ("period_start", "period_end")} <= indexed
    db.migrate(engine)  # a second run finds the schema current and changes nothing
    engine.dispose()


def test_db_holds_what_the_jsonl_output_says(db_url, tmp_path, capsys, articles):
    src = write_jsonl(tmp_path / "in.jsonl", articles)
    status, _ = annotate(src, "-o", tmp_path / "out.jsonl", "--db", db_url, capsys=capsys)
    assert status == 0
    out = {o["id"]: o for o in read_jsonl(tmp_path / "out.jsonl")}
    docs = {d["id"]: d for d in _rows(db_url, db.documents)}
    assert docs.keys() == out.keys()
    first = articles[0]
    d = docs[first["id"]]
    assert (d["url"], d["source"]) == (first["url"], first["source"])
    assert d["date"] == date.fromisoformat(first["date"])
    assert d["content_hash"] == content_hash(first["text"], first["date"]) and d["input"] == str(src)
    facts = _facts_by_doc(db_url)
    assert facts == {k: [{f: x[f] for f in FACT_KEYS} for x in o["facts"]] for k, o in out.items() if o["facts"]}
    stored = {(r["document_id"], r["value"]): r["sources"] for r in _rows(db_url, db.facts)}
    assert stored == {(k, x["value"]): x["sources"] for k, o in out.items() for x in o["facts"]}
    assert sum(map(len, facts.values())) >= len(articles)
    assert len(_rows(db_url, db.entities)) == sum(len(o["entities"]) for o in out.values())
    codes = {(r["province"], r["province_code"]) for r in _rows(db_url, db.facts) if r["province"]}
    assert ("Kocaeli", "41") in codes and all(c for _, c in codes)


def test_db_only_run_prints_no_jsonl(db_url, tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", make_articles(3))
    status, _ = annotate(src, "--db", db_url, capsys=capsys)
    assert status == 0 and capsys.readouterr().out == ""
    assert len(_rows(db_url, db.documents)) == 3


def test_db_rerun_changes_nothing_and_changed_text_replaces_its_facts(db_url, tmp_path, capsys):
    recs = make_articles(8)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    annotate(src, "--db", db_url, capsys=capsys)
    before = _rows(db_url, db.documents, "id", "processed_at", "content_hash")
    facts_before = _facts_by_doc(db_url)

    _, err = annotate(src, "--db", db_url, capsys=capsys)
    assert "0 written, 8 already done" in err
    assert _rows(db_url, db.documents, "id", "processed_at", "content_hash") == before

    recs[0]["text"] = recs[0]["text"].replace("1,0 milyar", "7,5 milyar")
    write_jsonl(src, recs)
    _, err = annotate(src, "--db", db_url, capsys=capsys)
    assert "1 written, 7 already done" in err
    after = _facts_by_doc(db_url)
    changed = recs[0]["id"]
    # The article also ranks its partner ("en büyük pazarı"): a fact with a rank and no value.
    assert [f["value"] for f in after[changed] if f["value"] is not None] == [7_500_000_000]
    assert [(f["country"], f["rank"]) for f in after[changed] if f["value"] is None] == [("DE", 1)]
    assert facts_before[changed][0]["value"] == 1_000_000_000
    del after[changed], facts_before[changed]
    assert after == facts_before


@pytest.mark.parametrize("period, start, end", [
    ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2024-09/2025-08", date(2024, 9, 1), date(2025, 8, 31)),
    (None, None, None),
])
def test_db_fact_rows_carry_period_bounds_and_plate_codes(period, start, end):
    rec = _record("d1", "Kayseri ihracatı")
    entity = {"label": "PROVINCE", "text": "Kayseri", "start": 0, "end": 7, "norm": "Kayseri", "code": "38"}
    _, (row,), (ent,) = db.rows_for(rec, json.loads(_result("d1", [
        {"flow": "export", "province": "Kayseri", "period": period, "value": 5}], [entity])), "v1", None)
    assert (row["period_start"], row["period_end"], row["province_code"]) == (start, end, "38")
    assert (ent["start_char"], ent["end_char"], ent["norm"]) == (0, 7, "Kayseri")


def test_db_failed_batch_leaves_every_article_as_it_was(db_url):
    sink = db.DbSink(db_url, "v1")
    old = _record("eski", "Manisa ihracatı arttı.")
    sink.write([(old, _result("eski", [{"flow": "export", "province": "Manisa", "value": 10}]))])
    changed = _record("eski", "Manisa ihracatı azaldı.")
    new = _record("yeni", "Bursa ihracatı arttı.")
    broken = [(changed, _result("eski", [{"flow": "import", "value": 20}])),
              (new, _result("yeni", [{"flow": None, "value": 30}]))]  # flow is NOT NULL: the batch fails
    with pytest.raises(sa.exc.IntegrityError):
        sink.write(broken)
    sink.close()
    assert [d["id"] for d in _rows(db_url, db.documents)] == ["eski"]
    assert [(f["flow"], f["value"]) for f in _facts_by_doc(db_url)["eski"]] == [("export", 10)]


def test_db_schema_newer_than_this_release_is_refused(db_url, tmp_path, capsys):
    engine = db.connect(db_url)
    db.migrate(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(db.DatabaseError, match="E131"):
        db.DbSink(db_url, "v1")
    src = write_jsonl(tmp_path / "in.jsonl", make_articles(1))
    status, err = annotate(src, "--db", db_url, capsys=capsys)
    assert status == 2 and "E131" in err


def test_db_upgrade_from_0001_keeps_stored_rows(db_url):
    """A database written by the previous release: 0002 adds its columns and loses nothing."""
    engine = db.connect(db_url)
    db.migrate(engine, "0001")
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO documents (id, date, content_hash, pipeline_version, processed_at, n_facts) "
            "VALUES ('eski-1', '2025-10-01', 'h', 'v0', CURRENT_TIMESTAMP, 1)"))
        conn.execute(sa.text(
            "INSERT INTO facts (document_id, seq, flow, province, period, value, currency, evidence) "
            "VALUES ('eski-1', 0, 'export', 'Bursa', '2025', 1500000000, 'USD', :ev)"), {"ev": '[{"start": 0, "end": 9}]'})
    db.migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0002"
        doc = conn.execute(sa.select(db.documents)).one()._mapping
        fact = conn.execute(sa.select(db.facts)).one()._mapping
    assert (doc["id"], doc["n_facts"], doc["text"], doc["warnings"]) == ("eski-1", 1, None, None)
    assert (fact["province"], fact["value"], fact["evidence"], fact["sources"]) == (
        "Bursa", 1500000000, [{"start": 0, "end": 9}], None)
    engine.dispose()
