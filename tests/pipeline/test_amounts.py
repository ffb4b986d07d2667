"""The `amounts` component of the packaged pipeline, on sentences written in the style of
Turkish trade news.

The helpers run the packaged pipeline's own components in order and stop after
`amounts`: what is tested is the entities `amounts` leaves for `relations`.
"""
import pytest
from spacy.tokens import Span

from service.lang import load_table
from service.lang.numbers import NumberGrammar
from service.pipeline.amounts import MAX_NUMBER_TOKENS, AmountRecognizer

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
    # A number with no scale before a conjunction takes the scale and measure of the amount it is joined to.
    ("Kentin ihracatı ocak ve şubatta sırasıyla 1,2 ve 1,4 milyar dolar oldu.",
     [("1,2", "MONEY", 1200000000, "USD"), ("1,4 milyar dolar", "MONEY", 1400000000, "USD")]),
    ("Üç ayda sırasıyla 96, 104 ve 121 milyon dolar ihracat yapıldı.",
     [("96", "MONEY", 96000000, "USD"), ("104", "MONEY", 104000000, "USD"),
      ("121 milyon dolar", "MONEY", 121000000, "USD")]),
    ("Irak'a 42, Suriye'ye 31 ve Mısır'a 19 milyon dolarlık ihracat yapıldı.",
     [("42", "MONEY", 42000000, "USD"), ("31", "MONEY", 31000000, "USD"),
      ("19 milyon dolarlık", "MONEY", 19000000, "USD")]),
    ("Firmalar 3 ve 4 ülkeye toplam 2 milyar dolarlık ihracat yaptı.",
     [("2 milyar dolarlık", "MONEY", 2000000000, "USD")]),
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
    # signs written as words, apart, and before the percent marker
    ("Dış ticaret dengesi eksi 1.200.000 dolar olarak açıklandı.",
     [("eksi 1.200.000 dolar", "MONEY", -1200000, "USD")]),
    ("Cari denge negatif 1200000 TL oldu.",
     [("negatif 1200000 TL", "MONEY", -1200000, "TRY")]),
    ("Bakiye:\n- 1.200.000 dolar",
     [("- 1.200.000 dolar", "MONEY", -1200000, "USD")]),
    ("Denge (- 3 milyar dolar) olarak gerçekleşti.",
     [("- 3 milyar dolar", "MONEY", -3000000000, "USD")]),
    ("Satışlar 5 milyar dolar - 4 milyar dolar aralığında kaldı.",
     [("5 milyar dolar", "MONEY", 5000000000, "USD"), ("4 milyar dolar", "MONEY", 4000000000, "USD")]),
    ("Değişim yüzde eksi 3,5 oldu, bir önceki ay eksi yüzde 2,1 idi.",
     [("yüzde eksi 3,5", "PERCENT", -3.5, None), ("eksi yüzde 2,1", "PERCENT", -2.1, None)]),
    ("Oran - yüzde 4 oldu.", [("yüzde 4", "PERCENT", 4, None)]),
    # decimals read aloud, "buçuk", "yarım"
    ("İhracat iki virgül iki milyon dolar, ithalat iki nokta iki milyon dolar oldu.",
     [("iki virgül iki milyon dolar", "MONEY", 2200000, "USD"),
      ("iki nokta iki milyon dolar", "MONEY", 2200000, "USD")]),
    ("Sektör bir virgül bir milyar dolarlık satış yaptı, pay yüzde sıfır virgül yetmiş yedi oldu.",
     [("bir virgül bir milyar dolarlık", "MONEY", 1100000000, "USD"),
      ("yüzde sıfır virgül yetmiş yedi", "PERCENT", 0.77, None)]),
    ("Fuarda bir buçuk milyar dolarlık anlaşma ve yarım milyon ton ürün konuşuldu.",
     [("bir buçuk milyar dolarlık", "MONEY", 1500000000, "USD"),
      ("yarım milyon ton", "QUANTITY", 500000, "t")]),
    # currencies glued, spaced, before and after
    ("Ekmek 10tl oldu, simit 1tl'ye indi.",
     [("10tl", "MONEY", 10, "TRY"), ("1tl'ye", "MONEY", 1, "TRY")]),
    ("Hisse US$ 3,14 seviyesine, tahvil $5 milyon düzeyine çıktı.",
     [("US$ 3,14", "MONEY", 3.14, "USD"), ("$5 milyon", "MONEY", 5000000, "USD")]),
    ("Şirket 5 milyon TL ve 2,5 milyon EUR kazandı.",
     [("5 milyon TL", "MONEY", 5000000, "TRY"), ("2,5 milyon EUR", "MONEY", 2500000, "EUR")]),
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


# --- bounded work ---------------------------------------------------------------------

class CountingGrammar(NumberGrammar):
    """The real grammar, counting how many times a word is looked up: the unit of work
    of the amounts scan (every step of `read_number` and of the measure search is one)."""

    def __init__(self):
        super().__init__(load_table("numbers"))
        self.lookups = 0

    def word(self, text):
        self.lookups += 1
        return super().word(text)


LONG_RUNS = [
    "yüzde 5,5 ",
    "1 2 3 4 5 6 7 8 9 10 ",
    "20 milyar 156 milyon 213 bin 500 ",
    "bir iki üç dört beş altı yedi sekiz dokuz on ",
    "iki virgül iki milyon eksi 1.200.000 ",
    "1,3 ve 1,2 ve ",
    "- 5 - 5 - 5 ",
    "yirmiikimilyar ",
]


@pytest.mark.parametrize("unit", LONG_RUNS)
def test_amounts_work_is_linear_in_length(nlp, unit):
    # Steps, not seconds: doubling the text doubles the lookups, and each token costs at
    # most a window's worth of them, however the numbers follow one another.
    counts = []
    for chars in (10_000, 20_000):
        grammar = CountingGrammar()
        amounts = AmountRecognizer(nlp, "amounts", 4, grammar=grammar)
        doc = amounts(nlp.make_doc(unit * (chars // len(unit))))
        counts.append((grammar.lookups, len(doc)))
        assert grammar.lookups <= 3 * MAX_NUMBER_TOKENS * len(doc)
    (small, small_tokens), (large, large_tokens) = counts
    assert large <= 1.1 * small * large_tokens / small_tokens


def test_amounts_gate_skips_words_that_start_no_number(nlp):
    grammar = CountingGrammar()
    amounts = AmountRecognizer(nlp, "amounts", 4, grammar=grammar)
    amounts(nlp.make_doc("Sektörün yeni yatırım alanları bu yıl dolar bazında büyüdü. " * 50))
    assert grammar.lookups == 0


def test_amounts_same_entities_in_one_long_doc(nlp):
    # The gate's answers are remembered across docs by word form: reading all the cases
    # as one doc after reading them one by one finds the same entities.
    text = " ".join(t for t, _ in CASES)
    assert measures(run(nlp, text)) == [m for t, expected in CASES for m in measures(run(nlp, t))]
