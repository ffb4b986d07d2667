"""`python -m service evaluate` on a tiny gold folder written for these tests."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli import main
from service.train.evaluate import load_gold, sentence_around, where_stated

GOLD = Path(__file__).parent / "gold"
ROOT = Path(__file__).resolve().parents[2]
PRF = re.compile(r"facts  P (\d\.\d{3})  R (\d\.\d{3})  F1 (\d\.\d{3})")


@pytest.mark.parametrize("text,span,sentence", [
    ("İhracat 3,6 milyar dolar oldu. İthalat 4,1 milyar dolar oldu.", (39, 55), "İthalat 4,1 milyar dolar oldu."),
    ("İhracat 3,6 milyar dolar oldu. İthalat arttı.", (0, 30), "İhracat 3,6 milyar dolar oldu."),
    ("BAŞLIK\nAlmanya | 1.234.567 | 9,0 |\nFransa | 2 |", (17, 26), "Almanya | 1.234.567 | 9,0 |"),
    ("Yüzde 8,3'ünü karşıladı", (6, 13), "Yüzde 8,3'ünü karşıladı"),
])
def test_evaluate_sentence_around_a_span(text, span, sentence):
    assert sentence_around(text, *span) == sentence


def test_evaluate_where_stated_prefers_evidence_then_quote():
    text = "Kent 5 milyar dolar ihracat yaptı; 5 milyar dolar da ithalat."
    assert where_stated({"evidence": [{"start": 5, "end": 19}], "quote": "x"}, text) == (5, 19)
    assert where_stated({"quote": "5 milyar dolar", "quote_start": 35}, text) == (35, 49)
    assert where_stated({"quote": "5 milyar dolar"}, text) == (5, 19)
    assert where_stated({"quote": "yok"}, text) is None


def _predictions(tmp_path, facts_by_id):
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps({"id": i, "facts": f}, ensure_ascii=False) + "\n"
                            for i, f in facts_by_id.items()), encoding="utf-8")
    return str(path)


def test_evaluate_scores_given_predictions_exactly(tmp_path, capsys):
    gold = {d["id"]: d for d in load_gold(GOLD)}["kocaeli_2024"]["facts"]
    right = dict(gold[0], change_pct=11.0)
    wrong = dict(gold[1], value=19_000_000_000)
    spurious = {"flow": "export", "period": "2024", "value": 45, "currency": "USD",
                "evidence": [{"start": 0, "end": 10}]}
    pred = _predictions(tmp_path, {"kocaeli_2024": [right, wrong], "faiz": [spurious]})
    assert main(["evaluate", str(GOLD), "--predictions", pred, "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert (res["main"]["tp"], res["main"]["fp"], res["main"]["fn"]) == (1, 2, 2)
    assert res["main"]["attribute_counts"]["change_pct"] == [0, 1]
    assert res["documents"] == 2

    assert main(["evaluate", str(GOLD), "--predictions", pred, "--errors"]) == 0
    out = capsys.readouterr().out
    assert PRF.search(out).groups() == ("0.333", "0.333", "0.333")
    assert out.count("MISSED") == 2 and out.count("SPURIOUS") == 2
    assert "» Kentin ithalatı ise 18 milyar dolar olarak gerçekleşti." in out
    assert "» Kentten en fazla ihracat 2,1 milyar dolarla Almanya'ya yapıldı." in out
    assert "» Merkez Bankası politika faizini yüzde 47,5'ten yüzde 45'e indirdi." in out


def test_evaluate_accepts_a_jsonl_gold(tmp_path, capsys):
    docs = load_gold(GOLD)
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    pred = _predictions(tmp_path, {d["id"]: d["facts"] for d in docs})
    assert main(["evaluate", str(path), "--predictions", pred]) == 0
    assert PRF.search(capsys.readouterr().out).groups() == ("1.000", "1.000", "1.000")


@pytest.mark.parametrize("gold,code", [("missing_dir", "E513"), ("empty", "E511")])
def test_evaluate_bad_gold_is_a_named_error(tmp_path, capsys, gold, code):
    (tmp_path / "empty").mkdir()
    assert main(["evaluate", str(tmp_path / gold)]) == 2
    assert code in capsys.readouterr().err


def test_evaluate_runs_the_pipeline_end_to_end(tmp_path):
    """The real command on the packaged pipeline: it runs and reports; quality is not asserted here."""
    out = subprocess.run([sys.executable, "-m", "service", "evaluate", str(GOLD), "--errors",
                          "--write-predictions", str(tmp_path / "p.jsonl")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert PRF.search(out.stdout), out.stdout
    assert "documents 2 (predicted 2)" in out.stdout
    assert "attributes on matched facts: change_pct" in out.stdout
    lines = (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["faiz", "kocaeli_2024"]


def test_evaluate_training_dev_split_in_process(capsys):
    assert main(["evaluate", str(ROOT / "training_data" / "dev.jsonl"), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["documents"] == res["predicted_documents"] > 0


def test_train_placeholder_rebuilds_the_pipeline(tmp_path, capsys):
    assert main(["train", "--output", str(tmp_path / "model")]) == 0
    assert (tmp_path / "model" / "config.cfg").exists() and (tmp_path / "model" / "meta.json").exists()
    assert "built" in capsys.readouterr().out
