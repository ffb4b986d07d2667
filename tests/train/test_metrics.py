"""The fact metric of FACTS.md on hand-made gold/prediction pairs."""
import pytest

from service.train.metrics import FactError, headline_agrees, is_side, score

CELL = {"flow": "export", "province": "Kocaeli", "country": None, "sector": None, "product": None,
        "period": "2024"}


def fact(**kw):
    f = dict(CELL, value=None, currency=None, change_pct=None, change_abs=None, share_pct=None, rank=None)
    f.update(kw)
    return f


def counts(golds, preds, part="main"):
    res, _ = score({"a": golds}, {"a": preds})
    return res[part]["tp"], res[part]["fp"], res[part]["fn"]


@pytest.mark.parametrize("gold,pred,agrees", [
    # value: within 0.5 % of the gold value, same currency (missing currency reads as USD)
    (fact(value=1_000_000_000, currency="USD"), fact(value=1_000_000_000, currency="USD"), True),
    (fact(value=1_000_000_000, currency="USD"), fact(value=1_005_000_000, currency="USD"), True),
    (fact(value=1_000_000_000, currency="USD"), fact(value=995_000_000, currency="USD"), True),
    (fact(value=1_000_000_000, currency="USD"), fact(value=1_005_000_001, currency="USD"), False),
    (fact(value=1_000_000_000, currency="USD"), fact(value=1_000_000_000, currency="EUR"), False),
    (fact(value=1_000_000_000, currency="USD"), fact(value=1_000_000_000, currency=None), True),
    (fact(value=1_000_000_000, currency="TRY"), fact(value=1_000_000_000, currency=None), False),
    (fact(value=1_000_000_000, currency="USD"), fact(change_pct=12.0), False),
    # no gold value: change_pct within 0.05 points
    (fact(change_pct=-10.0), fact(change_pct=-10.05), True),
    (fact(change_pct=-10.0), fact(change_pct=-10.06), False),
    (fact(change_pct=-10.0), fact(change_pct=10.0), False),
    (fact(change_pct=-10.0), fact(value=5, currency="USD", change_pct=-10.0), True),
    # then share_pct within 0.05 points, then change_abs within 0.5 %
    (fact(share_pct=8.3), fact(share_pct=8.35), True),
    (fact(share_pct=8.3), fact(share_pct=8.36), False),
    (fact(change_abs=-101_000_000, currency="USD"), fact(change_abs=-101_500_000), True),
    (fact(change_abs=-101_000_000, currency="USD"), fact(change_abs=101_000_000), False),
    # a rank alone is never a headline
    (fact(rank=2), fact(rank=2), False),
])
def test_metrics_headline_tolerance_edges(gold, pred, agrees):
    assert headline_agrees(pred, gold) is agrees


def test_metrics_exact_match_counts_one_true_positive():
    g = fact(value=22_928_716_000, currency="USD", change_pct=14.0)
    res, errors = score({"a": [g]}, {"a": [dict(g)]})
    assert (res["main"]["tp"], res["main"]["fp"], res["main"]["fn"]) == (1, 0, 0)
    assert (res["main"]["precision"], res["main"]["recall"], res["main"]["f1"]) == (1.0, 1.0, 1.0)
    assert errors == []


@pytest.mark.parametrize("field,other", [
    ("flow", "import"), ("province", "Bursa"), ("country", "DE"), ("sector", "otomotiv"), ("period", "2023"),
])
def test_metrics_cell_must_be_equal(field, other):
    g = fact(value=100, currency="USD")
    p = dict(g, **{field: other})
    assert counts([g], [p]) == (0, 1, 1)


def test_metrics_blank_strings_read_as_null():
    g = fact(value=100, currency="USD", province=None)
    assert counts([g], [dict(g, province="  ")]) == (1, 0, 0)


@pytest.mark.parametrize("side_fact", [
    fact(country="@Afrika", value=21_000_000_000, currency="USD"),
    fact(product="kiraz", sector="yas_meyve_sebze", value=85_000_000, currency="USD"),
])
def test_metrics_side_facts_scored_apart(side_fact):
    assert is_side(side_fact)
    res, _ = score({"a": [side_fact]}, {"a": [side_fact]})
    assert (res["side"]["tp"], res["main"]["tp"], res["main"]["fp"], res["main"]["fn"]) == (1, 0, 0, 0)
    res, errors = score({"a": [side_fact]}, {"a": []})
    assert res["side"]["fn"] == 1 and res["main"]["fn"] == 0
    assert errors == [FactError("MISSED", "a", "side", side_fact)]


def test_metrics_unscorable_facts_not_counted_on_either_side():
    rank_only, tonnage_only = fact(rank=1), fact(quantity=51779, unit="t")
    assert counts([rank_only, tonnage_only], []) == (0, 0, 0)
    assert counts([], [rank_only, tonnage_only]) == (0, 0, 0)


def test_metrics_greedy_one_to_one():
    g = fact(value=100_000_000, currency="USD")
    # one prediction cannot match two gold facts, nor two predictions one gold fact
    assert counts([g, dict(g)], [dict(g)]) == (1, 0, 1)
    assert counts([g], [dict(g), dict(g)]) == (1, 1, 0)
    # gold facts take predictions in order: the first gold fact takes the only close one
    g1, g2 = fact(value=100_000_000, currency="USD"), fact(value=100_400_000, currency="USD")
    p = fact(value=100_300_000, currency="USD")
    res, errors = score({"a": [g1, g2]}, {"a": [p]})
    assert (res["main"]["tp"], res["main"]["fn"]) == (1, 1)
    assert [e.fact for e in errors] == [g2]


def test_metrics_attributes_checked_on_matched_facts():
    golds = [fact(value=100, currency="USD", change_pct=14.0, rank=2),
             fact(value=200, currency="USD", period="2023", share_pct=None),
             fact(value=300, currency="USD", period="2022", change_pct=-5.0)]
    preds = [fact(value=100, currency="USD", change_pct=14.04, rank=3),
             fact(value=200, currency="USD", period="2023", share_pct=8.3),  # gold states none: counted wrong
             fact(value=300, currency="USD", period="2022", change_pct=5.0)]
    res, _ = score({"a": golds}, {"a": preds})
    m = res["main"]
    assert m["attribute_counts"] == {"change_pct": [1, 2], "share_pct": [0, 1], "rank": [0, 1]}
    assert m["attributes"] == {"change_pct": 0.5, "share_pct": 0.0, "rank": 0.0}


def test_metrics_precision_recall_f1_over_articles():
    a = [fact(value=100, currency="USD"), fact(value=200, currency="USD", period="2023")]
    b = [fact(value=300, currency="USD", flow="import")]
    preds = {"a": [dict(a[0]), fact(value=999, currency="USD", period="2021")], "x": [dict(b[0])]}
    res, errors = score({"a": a, "b": b}, preds)
    m = res["main"]
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 2)
    assert (m["precision"], m["recall"], m["f1"]) == (0.5, 0.3333, 0.4)
    assert (res["documents"], res["predicted_documents"]) == (2, 1)
    assert sorted((e.kind, e.doc_id) for e in errors) == [("MISSED", "a"), ("MISSED", "b"), ("SPURIOUS", "a")]


def test_metrics_nothing_to_score_gives_zeros():
    res, _ = score({"a": []}, {"a": []})
    assert (res["main"]["precision"], res["main"]["recall"], res["main"]["f1"]) == (0.0, 0.0, 0.0)
    assert res["main"]["attributes"] == {"change_pct": None, "share_pct": None, "rank": None}
