"""The consistency checks: on real extraction of articles written for these tests, and as a
table of fact lists (the same function runs over gold files)."""
import json

import pytest

from service.engine import ROOT, extract
from service.pipeline.checks import check_facts

TOLERANCES = json.loads((ROOT / "models" / "checks" / "tolerances.json").read_text(encoding="utf-8"))

# Kocaeli: 2024 → 2025 is +10 %, otomotiv is 27 % of 22 milyar, and 6 + 5 + 4 ≤ 22.
CONSISTENT = ("Kocaeli'nin 2024'te 20 milyar dolar olan ihracatı, 2025'te yüzde 10 artarak 22 milyar dolara "
              "ulaştı. Kentin ihracatının yüzde 27'sini oluşturan otomotiv sektörü 6 milyar dolar ihracat "
              "yaptı. Kimya sektörü 5 milyar dolar, makine sektörü 4 milyar dolar ihracat gerçekleştirdi.")
# The same figures with a change, a share and sector parts that cannot all be true.
INCONSISTENT = ("Kocaeli'nin 2024'te 20 milyar dolar olan ihracatı, 2025'te yüzde 30 artarak 22 milyar dolara "
                "ulaştı. Kentin ihracatının yüzde 54'ünü oluşturan otomotiv sektörü 6 milyar dolar ihracat "
                "yaptı. Kimya sektörü 9 milyar dolar, makine sektörü 8 milyar dolar ihracat gerçekleştirdi.")
RANKED = ("Bursa'nın 2025 yılı ihracatı 18 milyar dolar oldu. Kentin en fazla ihracat yaptığı ülke "
          "{de} milyar dolarla Almanya oldu; Fransa {fr} milyar dolarla ikinci sırada yer aldı.")


def _codes(result) -> list[str]:
    return sorted(w.code for w in result.warnings)


def test_checks_consistent_article_has_no_warnings(nlp):
    assert extract(CONSISTENT, date="2026-01-07", nlp=nlp).warnings == []


def test_checks_flag_share_change_and_parts(nlp):
    r = extract(INCONSISTENT, date="2026-01-07", nlp=nlp)
    assert _codes(r) == ["W201", "W202", "W203"]
    cells = [(f.sector, f.period) for f in r.facts]
    by_code = {w.code: {cells[i] for i in w.facts} for w in r.warnings}
    assert by_code["W201"] == {("otomotiv", "2025"), (None, "2025")}
    assert by_code["W202"] == {(None, "2025"), (None, "2024")}
    assert by_code["W203"] == {(None, "2025"), ("otomotiv", "2025"), ("kimya", "2025"), ("makine", "2025")}
    w201 = next(w for w in r.warnings if w.code == "W201")
    assert "54 %" in w201.message and "27.3 %" in w201.message


def test_checks_never_drop_a_fact(nlp):
    with nlp.select_pipes(disable=["checks"]):
        without = extract(INCONSISTENT, date="2026-01-07", nlp=nlp)
    with_checks = extract(INCONSISTENT, date="2026-01-07", nlp=nlp)
    assert without.facts == with_checks.facts and without.warnings == []


@pytest.mark.parametrize("de, fr, codes", [("2,6", "2,1", []), ("2,1", "2,6", ["W204"])])
def test_checks_rank_against_the_order_of_values(nlp, de, fr, codes):
    r = extract(RANKED.format(de=de, fr=fr), date="2026-01-07", nlp=nlp)
    assert [(f.country, f.rank) for f in r.facts if f.country] == [("DE", 1), ("FR", 2)]
    assert _codes(r) == codes


def _f(**kw) -> dict:
    return {"flow": "export", "province": "Bursa", "country": None, "sector": None, "product": None,
            "period": "2025", "currency": "USD", "value": None, "change_pct": None, "share_pct": None,
            "rank": None, **kw}


@pytest.mark.parametrize("facts, codes", [
    # share within rounding of the printed figures: no warning
    ([_f(value=100e9), _f(sector="otomotiv", value=54.4e9, share_pct=54)], []),
    ([_f(value=100e9), _f(sector="otomotiv", value=40e9, share_pct=54)], ["W201"]),
    # a share of the national total (province opened) agrees: no warning
    ([_f(value=100e9), _f(province=None, value=1000e9), _f(country="DE", value=10e9, share_pct=10)], []),
    # change against the same months a year before
    ([_f(period="2024-01/2024-06", value=10e9), _f(period="2025-01/2025-06", value=11e9, change_pct=10)], []),
    ([_f(period="2024-01/2024-06", value=10e9), _f(period="2025-01/2025-06", value=11e9, change_pct=-10)], ["W202"]),
    # another currency is another cell
    ([_f(value=10e9, currency="EUR", period="2024"), _f(value=11e9, change_pct=50)], []),
    # parts: EU overlaps its member countries and is not summed with them
    ([_f(value=10e9), _f(country="EU", value=5e9), _f(country="DE", value=3e9), _f(country="FR", value=2.5e9)], []),
    ([_f(value=10e9), _f(country="DE", value=6e9), _f(country="FR", value=5e9)], ["W203"]),
    # a cell stated twice counts once in the sum
    ([_f(value=10e9), _f(country="DE", value=6e9), _f(country="DE", value=6e9)], []),
    # rank: first must be the largest among the cells of the same total
    ([_f(country="DE", value=3e9, rank=1), _f(country="FR", value=2e9, rank=2)], []),
    ([_f(country="DE", value=3e9, rank=2), _f(country="FR", value=2e9, rank=1)], ["W204"]),
    ([_f(sector="otomotiv", value=3e9, rank=1), _f(country="DE", value=9e9)], []),
])
def test_checks_table(facts, codes):
    assert sorted(w["code"] for w in check_facts(facts, TOLERANCES)) == codes
