"""The `periods` component in the packaged pipeline: DATE spans and their periods."""
import pytest
from spacy.tokens import Span

from service.engine import make_doc


def upto_periods(nlp, text, pub=None):
    """The packaged pipeline's components through `periods`: later ones read DATE spans
    but never change them, so their state does not decide these tests."""
    doc = make_doc(nlp, text, pub)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "periods":
            return doc
    raise AssertionError("the packaged pipeline has no `periods` component")


def dates(doc):
    return [(e.text, e._.period, e._.code, e._.norm) for e in doc.ents if e.label_ == "DATE"]


# (text, publication date, DATE spans as (text, period, code, norm))
ARTICLES = [
    ("TİM verilerine göre Ekim ayında otomotiv ihracatı 3,6 milyar dolar oldu. "
     "Ocak-Ekim döneminde ise ihracat geçen yılın aynı dönemine göre yüzde 5 arttı.",
     "2024-11-04",
     [("Ekim ayında", "2024-10", "inferred", None),
      ("Ocak-Ekim döneminde", "2024-01/2024-10", "inferred", None),
      ("geçen yılın aynı dönemine", None, "relative", "same_prev_year")]),
    ("Kent, geçen yıl 18 milyar dolarlık ihracat yaptı. 2024'te bu rakam 16 milyar dolardı.",
     "2026-01-07",
     [("geçen yıl", "2025", "relative", None), ("2024'te", "2024", "explicit", None)]),
    ("Türkiye'nin 2020-2024 döneminde bu ülkelere ihracatı 60 milyar dolar oldu. "
     "Bu dönemde en fazla ihracat Azerbaycan'a yapıldı.",
     "2025-10-03",
     [("2020-2024 döneminde", "2020-01/2024-12", "explicit", None),
      ("Bu dönemde", None, "relative", "same")]),
    ("Yılın ilk çeyreğinde Irak'a ihracat 3 milyar dolar oldu; 2023’ün aynı dönemine göre arttı.",
     "2024-04-05",
     [("Yılın ilk çeyreğinde", "2024-01/2024-03", "inferred", None),
      ("2023’ün aynı dönemine", None, "relative", "same_period_of_year")]),
    ("Yıllıklandırılmış ihracat 250 milyar dolara ulaştı. Son 12 aylık ithalat ise 300 milyar dolar.",
     "2023-03-05",
     [("Yıllıklandırılmış", "2022-03/2023-02", "relative", "trailing:12"),
      ("Son 12 aylık", "2022-03/2023-02", "relative", "trailing:12")]),
    ("Fındık ihracatı 2024/25 sezonunda 2,5 milyar dolar oldu. Ocak - Haziran arasında ise 900 milyon dolar.",
     "2025-09-10",
     [("2024/25 sezonunda", "2024-09/2025-08", "explicit", None),
      ("Ocak - Haziran arasında", "2025-01/2025-06", "inferred", None)]),
    ("6 Şubat 2023 depremlerinden etkilenen kent, Haziran’da 900 milyon dolar ihracat yaptı.",
     "2023-07-04",
     [("6 Şubat 2023", "2023-02", "day", None), ("Haziran’da", "2023-06", "inferred", None)]),
    ("Sektör 2025 milyon dolarlık sipariş aldı ve 1500 ton ürün sattı.", "2025-05-05", []),
]


@pytest.mark.parametrize("text,pub,expected", ARTICLES)
def test_periods_date_spans(nlp, text, pub, expected):
    doc = upto_periods(nlp, text, pub)
    assert dates(doc) == expected


def test_periods_year_of_same_period_is_its_value(nlp):
    doc = upto_periods(nlp, "Birim değer 2022’nin aynı dönemine göre düştü.", "2023-07-04")
    (span,) = [e for e in doc.ents if e.label_ == "DATE"]
    assert (span._.norm, span._.value, span._.period) == ("same_period_of_year", 2022, None)


def test_periods_skip_archive_marker_and_use_its_date(nlp):
    doc = upto_periods(nlp, "date 2024-11-04\nEkim ayında ihracat 22 milyar dolar oldu.")
    assert dates(doc) == [("Ekim ayında", "2024-10", "inferred", None)]
    assert doc.ents[0].start_char > doc._.body_start - 1


def test_periods_without_date_only_explicit_resolve(nlp):
    doc = upto_periods(nlp, "Sektör 2024'te büyüdü; geçen yıl ve ilk çeyrekte de büyümüştü.")
    assert dates(doc) == [("2024'te", "2024", "explicit", None),
                          ("geçen yıl", None, "relative", None),
                          ("ilk çeyrekte", None, "inferred", None)]


def test_periods_keep_entities_already_placed(nlp):
    # An entity the gazetteer placed over a month word stays, and no DATE overlaps it.
    doc = make_doc(nlp, "Mart ayında ihracat arttı, Nisan ayında da sürdü.", "2024-05-02")
    for name, proc in nlp.pipeline:
        if name == "periods":
            break
        doc = proc(doc)
    doc.ents = list(doc.ents) + [Span(doc, 0, 1, label="SECTOR")]
    doc = nlp.get_pipe("periods")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Mart", "SECTOR"), ("Nisan ayında", "DATE")]


def test_periods_apostrophes_and_capitals_are_folded(nlp):
    doc = upto_periods(nlp, "İHRACAT 2021 YILINDA ARTTI. Ocak-Şubat 2023’te ve Mart 2023'te de arttı.",
                       "2023-04-03")
    assert [(t, p) for t, p, _, _ in dates(doc)] == [
        ("2021 YILINDA", "2021"), ("Ocak-Şubat 2023’te", "2023-01/2023-02"), ("Mart 2023'te", "2023-03")]


def test_periods_table_is_saved_with_the_pipeline(nlp, tmp_path):
    nlp.get_pipe("periods").to_disk(tmp_path / "periods")
    assert (tmp_path / "periods" / "periods.json").exists()
    restored = type(nlp.get_pipe("periods"))(nlp, "periods").from_disk(tmp_path / "periods")
    assert restored.data == nlp.get_pipe("periods").data
