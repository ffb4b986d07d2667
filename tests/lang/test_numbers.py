"""The Turkish number grammar, tested as a corpus of surface forms (like Duckling's
Numeral/TR/Corpus.hs) plus property tests: numbers written out by two independent
verbalisers (num2words, and turkce-normalize's TTS normaliser) and by the test's own
speller must parse back exactly."""
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings, strategies as st
from num2words import num2words
from turkce_normalize import normalize as verbalise, sayi_oku

from service.lang import load_table
from service.lang.casing import tr_upper
from service.lang.numbers import (POINT, Amount, NumberGrammar, default_grammar, parse_amount, parse_number,
                                  parse_ordinal)


def num(value):
    """The surface form spells this cardinal number."""
    return ("number", value)


def money(value, currency, approx=False):
    return ("amount", Amount("MONEY", value, currency=currency, approx=approx))


def pct(value, approx=False):
    return ("amount", Amount("PERCENT", value, approx=approx))


def qty(value, unit, approx=False):
    return ("amount", Amount("QUANTITY", value, unit=unit, approx=approx))


def ordinal(value):
    return ("ordinal", value)


NOT_NUMBER = ("none", None)      # neither a number nor an amount
NOT_AMOUNT = ("no amount", None)  # may be a number, but states no money, percent or quantity


CORPUS = [
    # digits with Turkish separators
    ("0", num(0)),
    ("7", num(7)),
    ("170", num(170)),
    ("2025", num(2025)),
    ("22,9", num(22.9)),
    ("4,6", num(4.6)),
    ("0,5", num(0.5)),
    ("14,05", num(14.05)),
    ("1.250", num(1250)),
    ("1.250.000", num(1250000)),
    ("12.344.307", num(12344307)),
    ("22.928.716.000", num(22928716000)),
    ("3.5", num(3.5)),
    ("3.25", num(3.25)),
    ("0.500", num(0.5)),
    ("1.250.000,50", num(1250000.5)),
    ("1,250,000", num(1250000)),
    ("1,250.5", num(1250.5)),
    ("12344307", num(12344307)),
    ("-3,5", num(-3.5)),
    ("+2,4", num(2.4)),
    ("−1,2", num(-1.2)),
    # digits with scale words
    ("20 milyar 156 milyon 213 bin", num(20156213000)),
    ("1 milyar 79 milyon 414 bin", num(1079414000)),
    ("22 milyar 928 milyon 716 bin", num(22928716000)),
    ("2,7 milyar", num(2700000000)),
    ("22,9 milyar", num(22900000000)),
    ("4,05 milyon", num(4050000)),
    ("250 bin", num(250000)),
    ("3 bin 500", num(3500)),
    ("1.250 milyar", num(1250000000000)),
    ("1 trilyon", num(1000000000000)),
    ("5 mn", num(5000000)),
    ("1,2 mlr", num(1200000000)),
    ("2 buçuk milyar", num(2500000000)),
    ("26 milyar 747,6 milyon", num(26747600000)),
    ("1,5milyar", num(1500000000)),
    # numeral words, spaced
    ("sıfır", num(0)),
    ("bir", num(1)),
    ("on", num(10)),
    ("on beş", num(15)),
    ("yirmi iki", num(22)),
    ("doksan dokuz", num(99)),
    ("yüz", num(100)),
    ("yüz elli", num(150)),
    ("iki yüz", num(200)),
    ("dokuz yüz doksan dokuz", num(999)),
    ("bin", num(1000)),
    ("bin bir", num(1001)),
    ("iki bin", num(2000)),
    ("on bin", num(10000)),
    ("yüz bin", num(100000)),
    ("yüz milyon", num(100000000)),
    ("bir milyon", num(1000000)),
    ("yirmi iki milyar dokuz yüz milyon", num(22900000000)),
    ("üç milyar iki yüz elli milyon", num(3250000000)),
    ("bir milyar bin", num(1000001000)),
    ("iki buçuk milyar", num(2500000000)),
    ("yarım milyon", num(500000)),
    ("bir trilyon", num(1000000000000)),
    # the leading group in words, the groups after a scale in digits
    ("bir milyar 120 milyon", num(1120000000)),
    ("iki milyar 150 milyon 300 bin", num(2150300000)),
    ("on iki milyon 40 bin", num(12040000)),
    # numeral words, joined
    ("onbeş", num(15)),
    ("yirmiiki", num(22)),
    ("yüzelli", num(150)),
    ("ikiyüz", num(200)),
    ("binbir", num(1001)),
    ("yirmiikimilyar", num(22000000000)),
    ("yirmiikimilyardokuzyüzmilyon", num(22900000000)),
    ("birmilyonikiyüzotuzdörtbinbeşyüzaltmışyedi", num(1234567)),
    ("altmışaltı", num(66)),
    ("yetmişyedi", num(77)),
    ("seksensekiz", num(88)),
    ("ikibuçukmilyar", num(2500000000)),
    # Turkish casing
    ("YİRMİ İKİ", num(22)),
    ("İKİYÜZ", num(200)),
    ("Bin", num(1000)),
    ("DOKUZ", num(9)),
    ("Milyar", num(1000000000)),
    # suffixes after an apostrophe or attached
    ("8,3'ünü", num(8.3)),
    ("8,3’ünü", num(8.3)),
    ("30'luk", num(30)),
    ("14'lük", num(14)),
    ("2023'te", num(2023)),
    ("54'ünü", num(54)),
    ("10'un", num(10)),
    ("1.250'ye", num(1250)),
    ("30luk", num(30)),
    ("milyarlık", num(1000000000)),
    ("20 milyarlık", num(20000000000)),
    ("bine", num(1000)),
    ("yüzü", num(100)),
    ("dörde", num(4)),
    ("ikiye", num(2)),
    ("üçte", num(3)),
    ("milyona", num(1000000)),
    ("beş milyarla", num(5000000000)),
    ("onu", num(10)),
    # ordinals are not cardinals
    ("5'inci", ordinal(5)),
    ("2'nci", ordinal(2)),
    ("ikinci", ordinal(2)),
    ("birinci", ordinal(1)),
    ("dördüncü", ordinal(4)),
    ("onuncu", ordinal(10)),
    ("yirmi beşinci", ordinal(25)),
    ("5.", ordinal(5)),
    # not numbers
    ("", NOT_NUMBER),
    ("   ", NOT_NUMBER),
    ("dolar", NOT_NUMBER),
    ("ihracat", NOT_NUMBER),
    ("yüzde", NOT_NUMBER),
    ("yüzdelik", NOT_NUMBER),
    ("bina", NOT_NUMBER),
    ("altında", NOT_NUMBER),
    ("binlerce", NOT_NUMBER),
    ("milyonlarca", NOT_NUMBER),
    ("yüzlerce", NOT_NUMBER),
    ("07.01.2026", NOT_NUMBER),
    ("2024/25", NOT_NUMBER),
    ("1..2", NOT_NUMBER),
    ("milyar milyon", NOT_NUMBER),
    ("bin bin", NOT_NUMBER),
    ("5 bin 10 bin", NOT_NUMBER),
    ("5 milyar 2023", NOT_NUMBER),
    ("1,3 milyar 1,2", NOT_NUMBER),
    ("20 milyar yüz", NOT_NUMBER),
    ("yüz 20", NOT_NUMBER),
    ("on 5", NOT_NUMBER),
    ("bir milyar 1.200 milyon", NOT_NUMBER),
    ("Kocaeli", NOT_NUMBER),
    ("onay", NOT_NUMBER),
    # money
    ("22 milyar 928 milyon 716 bin dolara", money(22928716000, "USD")),
    ("20 milyar 156 milyon 213 bin dolar", money(20156213000, "USD")),
    ("4,6 milyar dolarla", money(4600000000, "USD")),
    ("22,9 milyar dolar", money(22900000000, "USD")),
    ("yaklaşık 3,6 milyar dolarlık", money(3600000000, "USD", approx=True)),
    ("yaklaşık olarak 2 milyar dolar", money(2000000000, "USD", approx=True)),
    ("3 milyar dolar civarında", money(3000000000, "USD", approx=True)),
    ("1,5 milyon avroluk", money(1500000, "EUR")),
    ("2 milyar avro", money(2000000000, "EUR")),
    ("750 milyon euro", money(750000000, "EUR")),
    ("250 milyon TL", money(250000000, "TRY")),
    ("5 milyar TL'lik", money(5000000000, "TRY")),
    ("iki milyar 150 milyon dolar", money(2150000000, "USD")),
    ("10 milyar lira", money(10000000000, "TRY")),
    ("40 milyon liralık", money(40000000, "TRY")),
    ("2 milyon Türk lirası", money(2000000, "TRY")),
    ("3 milyon sterlin", money(3000000, "GBP")),
    ("1,2 milyar İngiliz sterlini", money(1200000000, "GBP")),
    ("500 milyon İngiliz lirası", money(500000000, "GBP")),
    ("$2,5 milyar", money(2500000000, "USD")),
    ("2,5 milyar $", money(2500000000, "USD")),
    ("€1,5 milyar", money(1500000000, "EUR")),
    ("£300 milyon", money(300000000, "GBP")),
    ("₺5 milyon", money(5000000, "TRY")),
    ("USD 5 milyon", money(5000000, "USD")),
    ("5 milyar ABD doları", money(5000000000, "USD")),
    ("5 milyar ABD dolarına", money(5000000000, "USD")),
    ("12.344.307 dolar", money(12344307, "USD")),
    ("1.250.000 TL", money(1250000, "TRY")),
    ("1,56 dolar", money(1.56, "USD")),
    ("yirmi iki milyar dolar", money(22000000000, "USD")),
    ("bir milyar dolarlık", money(1000000000, "USD")),
    ("yüz milyon dolar", money(100000000, "USD")),
    ("22,9 milyar dolara", money(22900000000, "USD")),
    ("1 milyar 26 milyon dolar", money(1026000000, "USD")),
    ("4,6 milyar doları", money(4600000000, "USD")),
    ("4,6 milyar doların", money(4600000000, "USD")),
    ("4,6 milyar dolardan", money(4600000000, "USD")),
    ("4,6 milyar dolarda", money(4600000000, "USD")),
    ("4,6 milyar dolardı", money(4600000000, "USD")),
    ("5 milyar ruble", money(5000000000, "RUB")),
    ("2 BUÇUK MİLYAR DOLAR", money(2500000000, "USD")),
    # percents
    ("yüzde 14", pct(14)),
    ("Yüzde 14", pct(14)),
    ("YÜZDE 14", pct(14)),
    ("%14", pct(14)),
    ("% 14,5", pct(14.5)),
    ("14%", pct(14)),
    ("14,5 %", pct(14.5)),
    ("yüzde 8,3'ünü", pct(8.3)),
    ("yüzde 30'luk", pct(30)),
    ("yüzde 54'ü", pct(54)),
    ("%14,5'lik", pct(14.5)),
    ("yüzde on", pct(10)),
    ("yüzde yüz", pct(100)),
    ("yüzde on beş", pct(15)),
    ("yüzde -3,5", pct(-3.5)),
    ("yaklaşık yüzde 20", pct(20, approx=True)),
    ("yüzde 0,8", pct(0.8)),
    ("-%3,2", pct(-3.2)),
    ("+%12,7", pct(12.7)),
    ("%-2,5", pct(-2.5)),
    ("%14'lük", pct(14)),
    ("%5'inci", NOT_NUMBER),
    # quantities
    ("250 bin ton", qty(250000, "t")),
    ("1,2 milyon tonluk", qty(1200000, "t")),
    ("3 milyon metrik ton", qty(3000000, "t")),
    ("500 kg", qty(500, "kg")),
    ("2 bin kilogramlık", qty(2000, "kg")),
    ("1,2 milyon adet", qty(1200000, "pcs")),
    ("yaklaşık 40 bin tona", qty(40000, "t", approx=True)),
    ("5 milyon litre", qty(5000000, "l")),
    # not amounts
    ("bin dolar", NOT_AMOUNT),
    ("milyar dolar", NOT_AMOUNT),
    ("Milyon $", NOT_AMOUNT),
    ("milyar dolarlık", NOT_AMOUNT),
    ("130 milyarlık", NOT_AMOUNT),
    ("170 ülke", NOT_AMOUNT),
    ("1374 firma", NOT_AMOUNT),
    ("2025", NOT_AMOUNT),
    ("yüzde", NOT_AMOUNT),
    ("dolar", NOT_AMOUNT),
    ("binlerce dolar", NOT_AMOUNT),
    ("milyonlarca ton", NOT_AMOUNT),
    ("5'inci sırada", NOT_AMOUNT),
    ("30'luk dolar", NOT_AMOUNT),
    ("yüzde dolar", NOT_AMOUNT),
    ("5 milyar dolar artış", NOT_AMOUNT),
    ("ABD doları", NOT_AMOUNT),
    ("bir ton", NOT_AMOUNT),
    ("bir dolar", NOT_AMOUNT),
    ("8 yeni", NOT_AMOUNT),
    ("yüzde bir", pct(1)),
    ("26 milyar 747,6 milyon TL'ye", money(26747600000, "TRY")),
    # decimals read aloud: the fraction's digits as one number, its leading zeros one by one
    ("bir virgül bir", num(1.1)),
    ("sıfır virgül yetmiş yedi", num(0.77)),
    ("sıfır virgül beş", num(0.5)),
    ("üç virgül on dört", num(3.14)),
    ("üç virgül sıfır beş", num(3.05)),
    ("sıfır virgül sıfır sıfır bir", num(0.001)),
    ("yedi yüz altmış dokuz virgül altı", num(769.6)),
    ("on iki virgül yüz yirmi beş", num(12.125)),
    ("bin iki yüz elli virgül dokuz", num(1250.9)),
    ("iki virgül sıfır", num(2)),
    ("iki nokta iki milyon", num(2200000)),
    ("iki virgül iki milyon", num(2200000)),
    ("bir virgül beş milyar", num(1500000000)),
    ("yirmi altı milyar yedi yüz kırk yedi virgül altı milyon", num(26747600000)),
    ("İKİ VİRGÜL BEŞ", num(2.5)),
    ("üçvirgülondört", num(3.14)),
    ("birvirgülon", num(1.1)),
    ("bir virgül", NOT_NUMBER),
    ("virgül beş", NOT_NUMBER),
    ("nokta", NOT_NUMBER),
    ("virgül", NOT_NUMBER),
    ("2 virgül 5", NOT_NUMBER),
    ("bir buçuk virgül beş", NOT_NUMBER),
    ("iki virgül beş milyon üç yüz", NOT_NUMBER),
    ("bir virgül bin", NOT_NUMBER),
    ("bir milyar iki virgül beş", num(1000000002.5)),
    ("bir milyon iki yüz elli bin virgül beş", num(1250000.5)),
    ("bin virgül sıfır", num(1000)),
    ("milyar virgül beş", num(1000000000.5)),
    ("eksi virgül beş", NOT_NUMBER),
    # signs: glued, a word, or a sign character apart at the start
    ("eksi 1.200.000", num(-1200000)),
    ("negatif 1200000", num(-1200000)),
    ("- 1.200.000", num(-1200000)),
    ("-1.200.000", num(-1200000)),
    ("−1.200.000", num(-1200000)),
    ("+ 5", num(5)),
    ("artı 5", num(5)),
    ("eksi beş", num(-5)),
    ("eksi üç virgül beş", num(-3.5)),
    ("eksi sıfır virgül beş", num(-0.5)),
    ("EKSİ 2,5", num(-2.5)),
    ("eksi yirmi iki milyar", num(-22000000000)),
    ("eksiiki", num(-2)),
    ("eksi", NOT_NUMBER),
    ("eksi eksi 5", NOT_NUMBER),
    ("eksi -5", NOT_NUMBER),
    ("- -5", NOT_NUMBER),
    ("5 eksi 3", NOT_NUMBER),
    ("eksik", NOT_NUMBER),
    ("artış", NOT_NUMBER),
    ("negatif", NOT_NUMBER),
    ("eksi 5'inci", NOT_NUMBER),
    ("eksi 1.200.000 dolar", money(-1200000, "USD")),
    ("negatif 3 milyar TL", money(-3000000000, "TRY")),
    ("- 1.200.000 dolar", money(-1200000, "USD")),
    ("eksi $5 milyon", money(-5000000, "USD")),
    ("yüzde eksi 3,5", pct(-3.5)),
    ("eksi yüzde 3,5", pct(-3.5)),
    ("negatif yüzde 2", pct(-2)),
    ("- %3", pct(-3)),
    ("eksi %3", pct(-3)),
    ("yüzde eksi iki virgül beş", pct(-2.5)),
    ("eksi yüzde -3", NOT_AMOUNT),
    # "buçuk" (and a half), "yarım" (half)
    ("bir buçuk", num(1.5)),
    ("on buçuk", num(10.5)),
    ("yüz buçuk", num(100.5)),
    ("bir buçuk milyon", num(1500000)),
    ("üç buçuk milyar dolar", money(3500000000, "USD")),
    ("yarım", num(0.5)),
    ("yarım milyar", num(500000000)),
    ("yarım milyon ton", qty(500000, "t")),
    ("yüzde bir buçuk", pct(1.5)),
    ("yüzde iki buçuk", pct(2.5)),
    ("buçuk", NOT_NUMBER),
    ("bir buçuk buçuk", NOT_NUMBER),
    ("yarım buçuk", NOT_NUMBER),
    # percents read aloud
    ("yüzde on iki virgül beş", pct(12.5)),
    ("yüzde sıfır virgül yedi", pct(0.7)),
    ("yüzde yirmi beş", pct(25)),
    # currencies glued to the number, spaced, before and after it
    ("10tl", money(10, "TRY")),
    ("1tl", money(1, "TRY")),
    ("10TL", money(10, "TRY")),
    ("10tl'lik", money(10, "TRY")),
    ("1TL'ye", money(1, "TRY")),
    ("5usd", money(5, "USD")),
    ("5$", money(5, "USD")),
    ("2,5eur", money(2.5, "EUR")),
    ("3dolara", money(3, "USD")),
    ("5milyontl", money(5000000, "TRY")),
    ("10tl dolar", NOT_AMOUNT),
    ("$10tl", NOT_AMOUNT),
    ("US$ 3,14", money(3.14, "USD")),
    ("US$3,14", money(3.14, "USD")),
    ("us$ 5 milyon", money(5000000, "USD")),
    ("$5 milyon", money(5000000, "USD")),
    ("$ 5 milyon", money(5000000, "USD")),
    ("5 milyon TL", money(5000000, "TRY")),
    ("5 milyon $", money(5000000, "USD")),
    ("TL 5 milyon", money(5000000, "TRY")),
    ("€ 2,5", money(2.5, "EUR")),
    ("EUR 2,5 milyon", money(2500000, "EUR")),
    ("2,5 milyon EUR", money(2500000, "EUR")),
    ("iki virgül iki milyon dolar", money(2200000, "USD")),
    ("bir virgül bir milyar dolarlık", money(1100000000, "USD")),
    ("sıfır virgül yetmiş yedi dolar", money(0.77, "USD")),
    ("yirmibeş milyon avro", money(25000000, "EUR")),
    ("yirmi beş milyon avro", money(25000000, "EUR")),
]


@pytest.mark.parametrize("surface,expected", CORPUS, ids=[s or "<empty>" for s, _ in CORPUS])
def test_numbers_corpus(surface, expected):
    kind, value = expected
    if kind == "number":
        got = parse_number(surface)
        assert got == value and type(got) is type(value)
    elif kind == "ordinal":
        assert (parse_ordinal(surface), parse_number(surface)) == (value, None)
    elif kind == "amount":
        got = parse_amount(surface)
        assert got == value and type(got.value) is type(value.value)
    elif kind == "none":
        assert (parse_number(surface), parse_amount(surface)) == (None, None)
    else:
        assert parse_amount(surface) is None


def test_numbers_corpus_is_large():
    assert len(CORPUS) >= 300


# --- properties -----------------------------------------------------------------------

# The test spells numbers apart with its own speller, from num2words' words for 1..90.
_SMALL = {n: num2words(n, lang="tr") for n in (*range(1, 10), *range(10, 100, 10))}
_SCALES = ((10**12, "trilyon"), (10**9, "milyar"), (10**6, "milyon"), (10**3, "bin"))


def _spell_group(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds:
        words += ([_SMALL[hundreds]] if hundreds > 1 else []) + ["yüz"]
    if tens:
        words.append(_SMALL[tens * 10])
    if units:
        words.append(_SMALL[units])
    return words


def spell_spaced(n: int) -> str:
    """Turkish words written apart, as the spelling rules want: "yirmi iki milyar dokuz yüz milyon"."""
    if n == 0:
        return "sıfır"
    words = []
    for size, scale in _SCALES:
        group, n = divmod(n, size)
        if group:
            words += ([] if scale == "bin" and group == 1 else _spell_group(group)) + [scale]
    return " ".join(words + _spell_group(n))


def thousands(n: int) -> str:
    """Digits grouped by Turkish thousands dots: 1250000 → "1.250.000"."""
    return f"{n:,}".replace(",", ".")


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_parse_num2words_joined(n):
    text = num2words(n, lang="tr")
    # num2words 0.5.14 drops "bir" before "bin" when the thousands end in one
    # (191001 → "yüzdoksanbinbir", which says 190001): skip the numbers it misspells.
    assume(text == spell_spaced(n).replace(" ", ""))
    assert parse_number(text) == n


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_parse_joined_words(n):
    assert parse_number(spell_spaced(n).replace(" ", "")) == n


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_parse_spaced_words(n):
    text = spell_spaced(n)
    assert parse_number(text) == n
    assert parse_number(tr_upper(text)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_parse_thousands_dots(n):
    assert parse_number(thousands(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from([("milyon", 10**6), ("milyar", 10**9)]))
def test_numbers_parse_decimal_comma_with_scale(whole, tenth, scale):
    word, size = scale
    assert parse_amount(f"{whole},{tenth} {word} dolar") == Amount(
        "MONEY", (whole * 10 + tenth) * size // 10, currency="USD")


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_numbers_never_crash_on_any_text(text):
    assert parse_number(text) is None or isinstance(parse_number(text), (int, float))
    assert parse_amount(text) is None or isinstance(parse_amount(text), Amount)
    parse_ordinal(text)


# --- properties against turkce-normalize, an independent verbaliser --------------------
# turkce-normalize (a TTS normaliser) reads digits aloud: normalize("-769,6") is
# "eksi yedi yüz altmış dokuz virgül altı"; `sayi_oku` spells an integer.

def turkish_digits(value: Decimal, places: int) -> str:
    """Digits as Turkish news writes them: thousands dots, decimal comma ("-1.250.000,05")."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.{places}f}".partition(".")
    return sign + thousands(int(whole)) + ("," + fraction if fraction else "")


def plain(value: Decimal):
    """The value as the grammar returns it: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


@st.composite
def decimals(draw):
    """A decimal up to 10^13 with 1–3 places, either sign."""
    places = draw(st.integers(min_value=1, max_value=3))
    units = draw(st.integers(min_value=-(10**13 * 10**places), max_value=10**13 * 10**places))
    return Decimal(units).scaleb(-places), places


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=-10**13, max_value=10**13))
def test_numbers_parse_turkce_normalize_integers(n):
    assert parse_number(sayi_oku(n)) == n
    assert parse_number(verbalise(turkish_digits(Decimal(n), 0))) == n


@settings(max_examples=500, deadline=None)
@given(decimals())
def test_numbers_parse_turkce_normalize_decimals(drawn):
    value, places = drawn
    spoken = verbalise(turkish_digits(value, places))
    assert "virgül" in spoken
    got = parse_number(spoken)
    assert got == plain(value) and type(got) is type(plain(value))


@settings(max_examples=200, deadline=None)
@given(decimals())
def test_numbers_parse_turkce_normalize_percents(drawn):
    value, places = drawn
    value = abs(value) % 1000
    # The normaliser writes "%12,5" as "yüzde on iki virgül beş" (it leaves a signed
    # "%-3,5" unread, so the sign is put in words the way a speaker says it).
    spoken = verbalise("%" + turkish_digits(value, places))
    assert parse_amount(spoken) == Amount("PERCENT", plain(value))
    assert parse_amount(spoken.replace("yüzde ", "yüzde eksi ", 1)) == Amount("PERCENT", plain(-value))


# The test's own speller, extended to decimals read aloud and to signs.

def spell_decimal(value: Decimal, places: int) -> str:
    """"eksi üç virgül sıfır beş": the whole, "virgül", the fraction's leading zeros, the rest."""
    whole, _, fraction = f"{abs(value):.{places}f}".partition(".")
    digits = fraction.rstrip("0") or "0"
    zeros = len(digits) - len(digits.lstrip("0"))
    spoken = ["sıfır"] * zeros + ([spell_spaced(int(digits))] if int(digits) or not zeros else [])
    return " ".join((["eksi"] if value < 0 else []) + [spell_spaced(int(whole)), "virgül"] + spoken)


@settings(max_examples=400, deadline=None)
@given(decimals())
def test_numbers_parse_own_spelled_decimals(drawn):
    value, places = drawn
    spoken = spell_decimal(value, places)
    assert parse_number(spoken) == plain(value)
    assert parse_number(tr_upper(spoken)) == plain(value)
    assert parse_number(spoken.replace(" virgül ", " nokta ")) == plain(value)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9),
       st.sampled_from([("milyon", 10**6), ("milyar", 10**9)]), st.booleans())
def test_numbers_parse_spoken_decimal_with_scale(whole, tenth, scale, negative):
    word, size = scale
    sign = -1 if negative else 1
    spoken = f"{'eksi ' if negative else ''}{spell_spaced(whole)} virgül {spell_spaced(tenth)} {word} dolar"
    assert parse_amount(spoken) == Amount("MONEY", sign * (whole * 10 + tenth) * size // 10, currency="USD")


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=10, max_value=99))
def test_numbers_parse_num2words_decimals(whole, hundredths):
    # num2words 0.5.14 writes floats joined with two places ("yedivirgülyetmiş" for 7.7),
    # but reads 1.05 as "birvirgülbeş": only fractions without a leading zero are drawn.
    text = num2words(whole + hundredths / 100, lang="tr")
    assume(text == (spell_spaced(whole) + " virgül " + spell_spaced(hundredths)).replace(" ", ""))
    assert parse_number(text) == plain(Decimal(whole) + Decimal(hundredths).scaleb(-2))


# --- the first-token gate -------------------------------------------------------------

def _may_start(text: str) -> bool:
    """Whether the grammar reads `text` as the first word of a number (a point cannot be)."""
    w = default_grammar().word(text)
    return (w.atoms is not None and w.atoms[0][0] != POINT) or bool(w.sign_symbol)


@pytest.mark.parametrize("surface", [s for s, _ in CORPUS if s.strip()], ids=lambda s: s[:30])
def test_numbers_gate_lets_every_number_word_through(surface):
    g = default_grammar()
    for word in g.split(surface):
        assert g.can_start(word) or not _may_start(word)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="birkiüçdörtbeşaltıyedsknmlyzvgçğ-+%0123456789,.'",
                                    max_size=20)))
def test_numbers_gate_never_hides_a_number(text):
    assert default_grammar().can_start(text) or not _may_start(text)


@pytest.mark.parametrize("word", ["dolar", "sektör", "ihracat", "bu", "yatırım", "yeni", "alan", "Kocaeli"])
def test_numbers_gate_stops_common_words(word):
    assert not default_grammar().can_start(word)


def test_numbers_grammar_reads_its_own_table():
    # The gate and the signs come from the data: a grammar over a copy of the table agrees.
    assert NumberGrammar(load_table("numbers")).can_start("eksi")
