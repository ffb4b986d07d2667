"""`python -m service review export|import` on a real bulk run of articles written for these tests."""
import json
import xml.etree.ElementTree as ET

import pytest

from service.cli import main

from ..bulk.conftest import annotate, make_articles, read_jsonl, write_jsonl

# Written for these tests: a sector share, a country rank and a from-to period next to the
# templated articles of the bulk tests.
EXTRA = [
    {"id": "ege/2025:1", "date": "2026-01-10",
     "text": "Denizli'nin 2025 yılı ihracatı yüzde 6 artışla 5 milyar 120 milyon dolar oldu. "
             "Kentin ihracatında ilk sırada Almanya yer aldı; bu ülkeye 812 milyon dolarlık ihracat yapıldı."},
    {"id": "ege/2025:2", "date": "2025-10-04",
     "text": "Manisa ocak-eylül döneminde 4 milyar 300 milyon dolar ihracat yaptı. Kentin ihracatının "
             "yüzde 41'ini oluşturan elektrik-elektronik sektörü 1 milyar 763 milyon dolara ulaştı."},
]
EXT = {"label-studio": "json", "prodigy": "jsonl"}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """(inputs, OUT.jsonl) of `python -m service annotate` over the test articles."""
    tmp = tmp_path_factory.mktemp("review")
    src = write_jsonl(tmp / "in.jsonl", make_articles(12) + EXTRA)
    out = tmp / "out.jsonl"
    assert annotate(src, "-o", out, "--workers", "1")[0] == 0
    assert sum(len(r["facts"]) for r in read_jsonl(out)) >= 15
    return src, out


def _export(run, fmt, tmp_path):
    src, out = run
    tasks = tmp_path / f"tasks.{EXT[fmt]}"
    assert main(["review", "export", str(out), "--texts", str(src), "--format", fmt, "-o", str(tasks)]) == 0
    return tasks


def _score(gold, predictions, capsys) -> dict:
    capsys.readouterr()
    assert main(["evaluate", str(gold), "--predictions", str(predictions), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("fmt", list(EXT))
def test_review_round_trip_without_edits_scores_f1_one(run, fmt, tmp_path, capsys):
    tasks = _export(run, fmt, tmp_path)
    assert main(["review", "import", str(tasks), "-o", str(tmp_path / "gold")]) == 0
    gold = sorted((tmp_path / "gold").glob("*.json"))
    assert len(gold) == 14
    scores = _score(tmp_path / "gold", run[1], capsys)
    assert scores["main"]["tp"] >= 15
    assert (scores["main"]["f1"], scores["main"]["fp"], scores["main"]["fn"]) == (1.0, 0, 0)
    doc = json.loads((tmp_path / "gold" / "ege_2025_2.json").read_text(encoding="utf-8"))
    assert set(doc) >= {"id", "date", "text", "facts"} and doc["id"] == "ege/2025:2"
    for f in doc["facts"]:
        assert doc["text"][f["quote_start"]:f["quote_start"] + len(f["quote"])] == f["quote"]


def test_review_label_studio_tasks_link_fields_to_spans(run, tmp_path):
    tasks = json.loads(_export(run, "label-studio", tmp_path).read_text(encoding="utf-8"))
    manisa = next(t for t in tasks if t["data"]["doc_id"] == "ege/2025:2")
    result = manisa["predictions"][0]["result"]
    spans = {r["id"]: r["value"]["text"] for r in result if r["type"] == "labels"}
    rels = {(r["labels"][0], spans[r["to_id"]]) for r in result if r["type"] == "relation"}
    assert ("share_pct", "yüzde 41'ini") in rels
    assert ("value", "1 milyar 763 milyon dolara") in rels
    config = ET.fromstring((tmp_path / "tasks.label_config.xml").read_text(encoding="utf-8"))
    names = {el.get("name") for el in config.iter() if el.get("name")}
    assert {r["from_name"] for r in result if "from_name" in r} <= names
    labels = {el.get("value") for el in config.iter("Label")}
    assert {r["value"]["labels"][0] for r in result if r["type"] == "labels"} <= labels


def test_review_label_studio_corrections_become_gold(run, tmp_path, capsys):
    path = _export(run, "label-studio", tmp_path)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    denizli = next(t for t in tasks if t["data"]["doc_id"] == "ege/2025:1")
    result = [dict(r) for r in denizli["predictions"][0]["result"]]
    # The reviewer changes the first fact's value and deletes the second fact's region.
    for r in result:
        if r.get("id") == "f0" and r.get("from_name") == "value":
            r["value"] = {**r["value"], "text": ["6130000000"]}
    result = [r for r in result if r.get("id") != "f1" and r.get("from_id") != "f1"]
    denizli["annotations"] = [{"result": result, "was_cancelled": False}]
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert main(["review", "import", str(path), "-o", str(tmp_path / "gold")]) == 0
    doc = json.loads((tmp_path / "gold" / "ege_2025_1.json").read_text(encoding="utf-8"))
    assert [f["value"] for f in doc["facts"]] == [6130000000]
    scores = _score(tmp_path / "gold", run[1], capsys)["main"]
    assert (scores["fp"], scores["fn"]) == (2, 1)  # the old value and the deleted fact no longer match


def test_review_malformed_task_is_named_and_the_rest_imported(run, tmp_path, capsys):
    path = _export(run, "label-studio", tmp_path)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    bad = next(t for t in tasks if t["data"]["doc_id"] == "ege/2025:2")
    for r in bad["predictions"][0]["result"]:
        if r.get("id") == "f0" and r.get("from_name") == "value":
            r["value"]["text"] = ["dört milyar"]
    tasks.append({"id": 99, "nodata": True})
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["review", "import", str(path), "-o", str(tmp_path / "gold")]) == 1
    err = capsys.readouterr().err
    assert "E153" in err and "'ege/2025:2'" in err and "dört milyar" in err and "`value`" in err
    assert "E152 task 15" in err
    assert len(list((tmp_path / "gold").glob("*.json"))) == 13


def test_review_prodigy_edits_and_bad_lines(run, tmp_path, capsys):
    path = _export(run, "prodigy", tmp_path)
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    first = lines[0]
    assert first["spans"] and first["tokens"] and first["answer"] == "accept"
    for s in first["spans"]:
        assert first["text"][s["start"]:s["end"]] == s["text"]
        assert first["tokens"][s["token_start"]]["start"] <= s["start"] < first["tokens"][s["token_end"]]["end"]
    first["facts"][0]["period"] = "2020-13"
    lines[1]["answer"] = "reject"
    raw = [json.dumps(x, ensure_ascii=False) for x in lines]
    raw.insert(3, "{not json")
    path.write_text("\n".join(raw) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["review", "import", str(path), "-o", str(tmp_path / "gold")]) == 1
    err = capsys.readouterr().err
    assert f"line 1 (id {first['meta']['id']!r}), fact 0: period '2020-13'" in err
    assert "E152 line 4 of" in err
    assert "12 gold articles" in err and "1 rejected or ignored" in err


def test_review_export_needs_the_run_texts(run, tmp_path, capsys):
    other = write_jsonl(tmp_path / "other.jsonl", EXTRA)
    capsys.readouterr()
    assert main(["review", "export", str(run[1]), "--texts", str(other), "--format", "prodigy",
                 "-o", str(tmp_path / "t.jsonl")]) == 2
    assert "E151" in capsys.readouterr().err
