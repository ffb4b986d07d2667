"""Provenance: every filled field of a fact says which span states it and how it was reached."""
import pytest

from service.engine import load_nlp, make_doc

CELL_FIELDS = ("flow", "province", "country", "sector", "product", "period")
MEASURES = ("value", "change_pct", "change_abs", "share_pct", "rank")

TEXTS = [
    ("Kırşehir'in 2024'te 90 milyon dolar olan ihracatı, 2025'te yüzde 11 artışla 99,9 milyon dolara çıktı. "
     "Kentin ihracatında mobilya sektörü 30 milyon dolarla ilk sırada yer aldı.", "2026-01-09"),
    ("Bilecik'ten mart ayında 41 milyon dolarlık ihracat yapıldı. Kentten en fazla ihracat yapılan ülke "
     "16 milyon dolarla Almanya oldu.", "2025-04-06"),
    ("Niğde'den ocak-haziran döneminde en fazla ihracat yapılan ülkeler şöyle:\n"
     "Ülke | 2024 (Bin dolar) | 2025 (Bin dolar) |\nIrak | 12.400 | 13.950 |\n", "2025-07-08"),
]


def _facts(nlp, text, date):
    doc = nlp(make_doc(nlp, text, date))
    return doc._.facts


@pytest.mark.parametrize("text,date", TEXTS, ids=[t[:30] for t, _ in TEXTS])
def test_provenance_every_filled_field_has_a_source_in_the_text(nlp, text, date):
    facts = _facts(nlp, text, date)
    assert facts
    for f in facts:
        filled = [k for k in CELL_FIELDS + MEASURES if f.get(k) is not None]
        assert sorted(f["sources"]) == sorted(filled), f
        for k, src in f["sources"].items():
            assert 0 <= src["start"] <= src["end"] <= len(text)
            assert src["how"] in ("clause", "sentence", "list", "table", "subject", "scope", "frame", "date", "share")


def test_provenance_value_points_at_its_amount_and_context_at_the_earlier_mention(nlp):
    text, date = TEXTS[0]
    by_value = {f["value"]: f for f in _facts(nlp, text, date)}
    later = by_value[30000000]
    src = later["sources"]
    assert text[src["value"]["start"]:src["value"]["end"]] == "30 milyon dolarla"
    assert src["value"]["how"] == "clause"
    # The province of the sector's figure is the article's, named in the first sentence.
    assert text[src["province"]["start"]:src["province"]["end"]] == "Kırşehir'in"
    assert src["province"]["how"] == "subject"
    assert src["period"]["how"] == "frame"
    assert text[src["period"]["start"]:src["period"]["end"]] == "2025'te"
    first = by_value[99900000]["sources"]
    assert first["change_pct"]["how"] == "clause" and text[first["change_pct"]["start"]:first["change_pct"]["end"]] == "yüzde 11"


def test_provenance_table_rows_say_table(nlp):
    text, date = TEXTS[2]
    facts = _facts(nlp, text, date)
    assert {f["period"] for f in facts} == {"2024-01/2024-06", "2025-01/2025-06"}
    for f in facts:
        assert f["sources"]["value"]["how"] == "table"
        assert f["sources"]["country"]["how"] == "table"


def test_provenance_a_part_moved_to_its_wholes_period_says_share(nlp):
    text = ("Tokat'tan yılın ilk çeyreğinde 96 milyon dolarlık ihracat yapıldı. Mart ayında kentin ihracatı "
            "35 milyon dolar oldu. Mobilya sektörü 48 milyon dolarla ilk sırada yer alarak kent ihracatının "
            "yüzde 50'sini oluşturdu.")
    part = next(f for f in _facts(nlp, text, "2025-04-09") if f["sector"] == "mobilya")
    assert part["period"] == "2025-01/2025-03"
    src = part["sources"]["period"]
    assert src["how"] == "share" and text[src["start"]:src["end"]] == "yılın ilk çeyreğinde"
