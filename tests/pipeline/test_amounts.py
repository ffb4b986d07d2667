"""The `amounts` component of the packaged pipeline, on sentences written in the style of
Turkish trade news.

The helpers run the packaged pipeline's own components in order and stop after
`amounts`: what is tested is the entities `amounts` leaves for `relations`.
"""
import pytest
from spacy.tokens import Span

MEASURES = ("MONEY", "PERCENT", "QUANTITY")


def run(nlp, text, until="amounts"):
    """The packaged pipeline on `text`, up to and including the component `until`."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == until:
            break
    return doc


def measures(doc):
    return [(e.text, e.label_, e._.value, e._.currency or e._.unit)
            for e in doc.ents if e.label_ in MEASURES]


CASES = [
    ("Kocaeli'nin ihracatı geçen yıl 20 milyar 156 milyon 213 bin dolara ulaştı.",
     [("20 milyar 156 milyon 213 bin dolara", "MONEY", 20156213000, "USD")]),
    ("Kentin ihracatı 1 milyar 79 milyon 414 bin dolar olarak gerçekleşti.",
     [("1 milyar 79 milyon 414 bin dolar", "MONEY", 1079414000, "USD")]),
    ("Türkiye'nin ihracatı 22,9 milyar dolarla rekor kırdı.",
     [("22,9 milyar dolarla", "MONEY", 22900000000, "USD")]),
    ("İl, Türkiye ihracatının yüzde 8,3’ünü tek başına gerçekleştirdi.",
     [("yüzde 8,3’ünü", "PERCENT", 8.3, None)]),
    ("Otomotiv ihracatı bir önceki yılın aynı dönemine göre %14 arttı.",
     [("%14", "PERCENT", 14, None)]),
    ("Hazır giyimde % 14,5 oranında düşüş yaşandı.",
     [("% 14,5", "PERCENT", 14.5, None)]),
    ("Kimya sektörü yüzde 30'luk bir artış kaydetti.",
     [("yüzde 30'luk", "PERCENT", 30, None)]),
    ("Almanya'ya ihracat yüzde 20 ve yüzde 40,6 oranlarında yükseldi.",
     [("yüzde 20", "PERCENT", 20, None), ("yüzde 40,6", "PERCENT", 40.6, None)]),
    ("Sektörün ihracatı 2,5 milyar $ seviyesinde gerçekleşti.",
     [("2,5 milyar $", "MONEY", 2500000000, "USD")]),
    ("Firmaların dış satışı $2,5 milyar oldu.",
     [("$2,5 milyar", "MONEY", 2500000000, "USD")]),
    ("Avrupa Birliği'ne satışlar €1,5 milyar ile sınırlı kaldı.",
     [("€1,5 milyar", "MONEY", 1500000000, "EUR")]),
    ("İki ülkeye sırasıyla 1,3 milyar ve 1,2 milyar dolarla ihracat yapıldı.",
     [("1,3 milyar", "MONEY", 1300000000, "USD"), ("1,2 milyar dolarla", "MONEY", 1200000000, "USD")]),
    ("Almanya'ya 2,1 milyar dolar, İngiltere'ye 1,5 milyar ihracat yapıldı.",
     [("2,1 milyar dolar", "MONEY", 2100000000, "USD"), ("1,5 milyar", "MONEY", 1500000000, "USD")]),
    ("Sektör geçen yıl yaklaşık 3,6 milyar dolarlık ihracat yaptı.",
     [("3,6 milyar dolarlık", "MONEY", 3600000000, "USD")]),
    ("Şirket kente 130 milyarlık yatırım yaptı ve 170 ülkeye ihracat gerçekleştirdi.", []),
    ("Kentte 1374 firma ihracat yaptı, firmalar 85 ülkeye ulaştı.", []),
    ("Fındık ihracatı 250 bin ton ve 1,2 milyar dolar olarak kayıtlara geçti.",
     [("250 bin ton", "QUANTITY", 250000, "t"), ("1,2 milyar dolar", "MONEY", 1200000000, "USD")]),
    ("Kiraz ihracatı 1,2 milyon tonluk rekor seviyeye çıktı.",
     [("1,2 milyon tonluk", "QUANTITY", 1200000, "t")]),
    ("Hububatta 250 bin ve 300 bin ton ihracat yapıldı.",
     [("250 bin", "QUANTITY", 250000, "t"), ("300 bin ton", "QUANTITY", 300000, "t")]),
    ("Ülke | 2022 (Bin dolar) | 2023 (Bin dolar) | Değişim (Yüzde) |", []),
    ("| Almanya | 1.234.567 | 1.300.500 | 5,3 |", []),
    ("İhracat yüzde 12 artışla 250 milyon TL'ye yükseldi.",
     [("yüzde 12", "PERCENT", 12, None), ("250 milyon TL'ye", "MONEY", 250000000, "TRY")]),
    ("Avrupa'ya 1,5 milyon avroluk sevkiyat yapıldı.",
     [("1,5 milyon avroluk", "MONEY", 1500000, "EUR")]),
    ("Birleşik Krallık'a satışlar 3 milyon sterlin artarak 10 milyar liraya ulaştı.",
     [("3 milyon sterlin", "MONEY", 3000000, "GBP"), ("10 milyar liraya", "MONEY", 10000000000, "TRY")]),
    ("Kentin ihracatı 5 milyar Amerikan doları oldu.",
     [("5 milyar Amerikan doları", "MONEY", 5000000000, "USD")]),
    ("Satışlar 2 milyon Türk lirası ve 500 milyon İngiliz sterlini oldu.",
     [("2 milyon Türk lirası", "MONEY", 2000000, "TRY"),
      ("500 milyon İngiliz sterlini", "MONEY", 500000000, "GBP")]),
    ("İlçenin ihracatı yirmi iki milyar dolar, ithalatı bir milyar dolarlık oldu.",
     [("yirmi iki milyar dolar", "MONEY", 22000000000, "USD"),
      ("bir milyar dolarlık", "MONEY", 1000000000, "USD")]),
    ("Sektör ihracatı 12.344.307 dolar ile sınırlı kaldı.",
     [("12.344.307 dolar", "MONEY", 12344307, "USD")]),
    ("Kilogram birim değeri 1,56 dolar oldu.",
     [("1,56 dolar", "MONEY", 1.56, "USD")]),
    ("Kent ihracatta 5'inci sırada yer aldı, ikinci sırada Bursa var.", []),
    ("İhracat bir önceki yıla göre yüzde 5.", [("yüzde 5.", "PERCENT", 5, None)]),
    ("KOCAELİ'NİN İHRACATI YÜZDE 14 ARTTI", [("YÜZDE 14", "PERCENT", 14, None)]),
    ("Milyarlarca dolarlık ihracat ve binlerce ton ürün hedefleniyor.", []),
    ("Bin dolar üzerindeki satışlar milyon dolar düzeyine ulaşmadı.", []),
    ("İhracat 2023 yılında 14 milyar 500 milyon dolar, 2024 yılında 15 milyar dolar oldu.",
     [("14 milyar 500 milyon dolar", "MONEY", 14500000000, "USD"),
      ("15 milyar dolar", "MONEY", 15000000000, "USD")]),
    ("Toplam ihracat 26 milyar 747,6 milyon dolara ulaştı.",
     [("26 milyar 747,6 milyon dolara", "MONEY", 26747600000, "USD")]),
    ("Piyasada daha güvercin bir ton hakim oldu, endeks 8 yeni zirve gördü.", []),
    ("Hazır giyim 940 milyon sterlin (-%3,2), otomobil 1,5 milyar sterlin (+%37,1) oldu.",
     [("940 milyon sterlin", "MONEY", 940000000, "GBP"), ("-%3,2", "PERCENT", -3.2, None),
      ("1,5 milyar sterlin", "MONEY", 1500000000, "GBP"), ("%37,1", "PERCENT", 37.1, None)]),
    ("Dış ticaret açığı -1,2 milyar dolar, değişim yüzde -3,5 oldu.",
     [("-1,2 milyar dolar", "MONEY", -1200000000, "USD"), ("yüzde -3,5", "PERCENT", -3.5, None)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[t[:40] for t, _ in CASES])
def test_amounts_entities(nlp, text, expected):
    assert measures(run(nlp, text)) == expected


@pytest.mark.parametrize("text,expected", [c for c in CASES if c[1]][:12], ids=lambda x: str(x)[:30])
def test_amounts_whole_values_are_int(nlp, text, expected):
    for ent in run(nlp, text).ents:
        if ent.label_ in MEASURES:
            assert isinstance(ent._.value, int) == float(ent._.value).is_integer()


@pytest.mark.parametrize("text", [t for t, _ in CASES])
def test_amounts_keep_earlier_entities(nlp, text):
    before = {(e.start, e.end, e.label_) for e in run(nlp, text, until="periods").ents}
    after = run(nlp, text).ents
    assert before <= {(e.start, e.end, e.label_) for e in after}
    assert all(e.label_ in MEASURES for e in after if (e.start, e.end, e.label_) not in before)


def _with_entity(nlp, text, start, end, label):
    doc = run(nlp, text, until="periods")
    doc.set_ents([Span(doc, start, end, label=label)], default="unmodified")
    return nlp.get_pipe("amounts")(doc)


def test_amounts_stop_before_a_country_inside_the_currency(nlp):
    # "ABD" already a COUNTRY: the money span stops before it, its currency still counts.
    doc = _with_entity(nlp, "İhracat 5 milyar ABD doları oldu.", 3, 4, "COUNTRY")
    assert [(e.text, e.label_, e._.value, e._.currency) for e in doc.ents] == [
        ("5 milyar", "MONEY", 5000000000, "USD"), ("ABD", "COUNTRY", None, None)]


def test_amounts_never_overlap_an_earlier_entity(nlp):
    # An earlier component claimed "156 milyon": amounts reads around it, never over it.
    doc = _with_entity(nlp, "İhracat 20 milyar 156 milyon 213 bin dolara ulaştı.", 3, 5, "DATE")
    assert [(e.text, e.label_) for e in doc.ents] == [("156 milyon", "DATE"), ("213 bin dolara", "MONEY")]


def test_amounts_coordination_needs_a_conjunction(nlp):
    text = "Kent 1,3 milyar yatırım aldı ve ihracatı 1,2 milyar dolar oldu."
    assert measures(run(nlp, text)) == [("1,2 milyar dolar", "MONEY", 1200000000, "USD")]
