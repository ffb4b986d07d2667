"""The training workflow: measure roles from facts, the classifier's suggester, and
`python -m service train` end to end on a small slice of training_data/."""
import json

import pytest
import spacy

from service.engine import MODEL_DIR, make_doc
from service.pipeline.trained_roles import DROPPED_KEY, measure_spans
from service.train.corpus import DATA_DIR, load_examples
from service.train.roles import ROLES, ROLES_KEY, entity_role, record_to_role_doc, role_counts
from service.train.workflow import TrainingError, fact_scores, train_pipeline


def _fact(quote_start, quote, **kw):
    base = {k: None for k in ("flow", "province", "country", "sector", "product", "period", "value", "currency",
                              "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit")}
    return {**base, "flow": "export", "quote": quote, "quote_start": quote_start, **kw}


TEXT = ("KENTİN İHRACATI YÜZDE 12 ARTTI\n"
        "Kentin ihracatı 2024 yılında yüzde 12 artarak 4,2 milyar dolara ulaştı. "
        "İhracat bir önceki yıla göre 450 milyon dolar arttı. Türkiye ihracatındaki payı yüzde 1,6 oldu. "
        "İhracatın 2025 yılında 5 milyar doları aşması bekleniyor.")
Q1 = "Kentin ihracatı 2024 yılında yüzde 12 artarak 4,2 milyar dolara ulaştı."
Q2 = "İhracat bir önceki yıla göre 450 milyon dolar arttı."
Q3 = "Türkiye ihracatındaki payı yüzde 1,6 oldu."
FACTS = [
    _fact(TEXT.index(Q1), Q1, period="2024", value=4_200_000_000, currency="USD", change_pct=12.0),
    _fact(TEXT.index(Q2), Q2, period="2024", change_abs=450_000_000, currency="USD"),
    _fact(TEXT.index(Q3), Q3, period="2024", share_pct=1.6),
]


@pytest.mark.parametrize("surface,label,value,currency,role", [
    ("4,2 milyar dolara", "MONEY", 4_200_000_000, "USD", "value"),
    ("450 milyon dolar", "MONEY", 450_000_000, "USD", "change_abs"),
    ("yüzde 1,6", "PERCENT", 1.6, None, "share_pct"),
    ("5 milyar doları", "MONEY", 5_000_000_000, "USD", "other"),          # a bound in a forecast
    ("YÜZDE 12", "PERCENT", 12.0, None, "change_pct"),                    # the headline restates the body
])
def test_workflow_role_of_a_measure_comes_from_the_facts(surface, label, value, currency, role):
    start = TEXT.index(surface)
    ent = {"start": start, "end": start + len(surface), "label": label, "text": surface, "value": value,
           "currency": currency}
    assert entity_role(ent, FACTS) == role


def test_workflow_roles_cover_the_training_data():
    counts = role_counts(load_examples(DATA_DIR / "train.jsonl"))
    assert counts["value"] > 100 and counts["change_pct"] > 30 and counts["other"] > 20


def test_workflow_role_doc_labels_every_measure(nlp):
    rec = load_examples(DATA_DIR / "train.jsonl")[0]
    doc = record_to_role_doc(nlp, rec)
    measures = [e for e in rec["entities"] if e["label"] in ("MONEY", "PERCENT")]
    assert [(s.start_char, s.end_char) for s in doc.spans[ROLES_KEY]] == [(e["start"], e["end"]) for e in measures]
    assert {s.label_ for s in doc.spans[ROLES_KEY]} <= {"value", "change_abs", "change_pct", "share_pct", "other"}


@pytest.mark.parametrize("text,expected", [
    ("Kentin ihracatı 2024 yılında yüzde 12 artarak 4,2 milyar dolara ulaştı.", ["yüzde 12", "4,2 milyar dolara"]),
    ("Kocaeli'den Almanya'ya ihracat yapıldı.", []),
])
def test_workflow_suggester_proposes_exactly_the_measures(nlp, text, expected):
    doc = nlp(make_doc(nlp, text, "2025-01-10"))
    spans = measure_spans([doc], ("MONEY", "PERCENT"))
    assert [doc[int(s):int(e)].text for s, e in spans.dataXd.tolist()] == expected
    assert list(spans.lengths) == [len(expected)]


@pytest.fixture(scope="module")
def data_slice(tmp_path_factory):
    """24 training and 8 dev documents: enough for every role, small enough for seconds."""
    folder = tmp_path_factory.mktemp("slice")
    for name, n in (("train", 24), ("dev", 8)):
        lines = (DATA_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()[:n]
        (folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _train(data_slice, out, with_trained):
    return train_pipeline(out, with_trained=with_trained, rules_dir=MODEL_DIR,
                          train_path=data_slice / "train.jsonl", dev_path=data_slice / "dev.jsonl",
                          overrides={"training.max_epochs": 3, "training.eval_frequency": 10})


def test_workflow_trains_end_to_end_reproducibly(data_slice, tmp_path):
    first = _train(data_slice, tmp_path / "a", with_trained=True)
    second = _train(data_slice, tmp_path / "b", with_trained=True)
    assert first == second
    meta = json.loads((tmp_path / "a" / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] and meta["performance"] == first
    assert meta["trained_components"] == ["measure_roles"]
    assert 0.0 <= first["training_dev"]["fact_f"] <= 1.0 and "spans_measure_roles_f" in first["measure_roles"]
    nlp = spacy.load(tmp_path / "a")
    assert nlp.pipe_names.index("measure_roles") == nlp.pipe_names.index("amounts") + 1
    # What was written is what was scored.
    assert fact_scores(nlp, data_slice / "dev.jsonl") == first["training_dev"]
    a = (tmp_path / "a" / "measure_roles" / "model").read_bytes()
    assert a == (tmp_path / "b" / "measure_roles" / "model").read_bytes()

    text = "Kentin ihracatı 2024 yılında yüzde 12 artarak 4,2 milyar dolara ulaştı."
    doc = nlp(make_doc(nlp, text, "2025-01-10"))
    measures = [e for e in doc.ents if e.label_ in ("MONEY", "PERCENT")]
    kept_or_dropped = measures + list(doc.spans.get(DROPPED_KEY, []))
    assert len(kept_or_dropped) == 2 and all(e._.role in ROLES for e in kept_or_dropped)
    # Every role dropped at any score: the measures leave doc.ents, and so no fact is made.
    roles = nlp.get_pipe("measure_roles")
    roles.cfg.update(drop_roles=list(ROLES), drop_threshold=0.0)
    doc = nlp(make_doc(nlp, text, "2025-01-10"))
    assert [e.text for e in doc.spans[DROPPED_KEY]] == ["yüzde 12", "4,2 milyar dolara"]
    assert not [e for e in doc.ents if e.label_ in ("MONEY", "PERCENT")] and doc._.facts == []


def test_workflow_without_trained_is_the_rules_pipeline(data_slice, tmp_path):
    perf = _train(data_slice, tmp_path / "rules", with_trained=False)
    nlp = spacy.load(tmp_path / "rules")
    assert nlp.pipe_names == [n for n in spacy.load(MODEL_DIR).pipe_names if n != "measure_roles"]
    assert "measure_roles" not in perf and perf["training_dev"]["documents"] == 8


def test_workflow_refuses_to_overwrite_a_folder_that_is_not_a_pipeline(data_slice, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(TrainingError, match="E532"):
        _train(data_slice, tmp_path, with_trained=False)
    assert (tmp_path / "notes.txt").exists()
