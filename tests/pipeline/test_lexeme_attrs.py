"""The fast lexeme attribute getters give exactly what spaCy's own give, for any string."""
import json
import pickle
import unicodedata
from pathlib import Path

import spacy
from hypothesis import given, settings, strategies as st
from spacy.attrs import IDS

from service.pipeline.lexeme_attrs import fast_getters

NAMES = {v: k for k, v in IDS.items()}
SPACY_GETTERS = spacy.blank("tr").vocab.lex_attr_getters
FAST_GETTERS = fast_getters(SPACY_GETTERS)
DATA = Path(__file__).parent / "data"

TRICKY = [
    "a", "A", "İ", "I", "ı", "i̇", "İki", "iki", "İKİ", "Bir", "birinci", "3üncü", "5inci", "10uncu",
    "Almanya", "ALMANYA", "Almanya'ya", "Almanya’ya", "KOCAELİ’DEN", "ǅemal", "ǅ", "Xxxxx", "xXx",
    "aaaaaaaa", "AAAAAAA", "1234567", "²³", "١٢٣", "½", "Ⅻ", "3,5", "1.234,5", "-5", "+5", "±3", "~2",
    "1/2", "a/b", "1/2/3", "%", "%5", "5%", "$", "€", "₺", "US$", "Mex$", "E£", "$5", "...", "…", "—",
    "--", "''", "``", "«", "»", "“", "(", ")", "[", "<", "|", "-", "'", "’", "'s", "’S", "@", "a@b.co",
    "x@y", "www.", "www.a", "http://localhost", "https://x", "a.com", "a.com/", "a.xyz", "a.b", ".com",
    "com.", "tim.gov.tr", "e-posta", "x" * 99, "x" * 100, "X" * 120, " ", "\n", "\n\n", "\t", "\u00a0",
    "\u0307", "e\u0301", "日本", "日本語", "ㄱ", "Σσς", "ß", "ﬁ", "Ωmega", "şçöğüı", "ŞÇÖĞÜI", "ŞimŞek",
    "ve", "Ve", "VE", "için", "İçin", "ile", "mı", "MI", "olarak",
]


def _same(word: str) -> None:
    for attr, getter in SPACY_GETTERS.items():
        expected, got = getter(word), FAST_GETTERS[attr](word)
        assert (type(got), got) == (type(expected), expected), (NAMES.get(attr, attr), word)


def test_fast_getters_equal_spacys_on_tricky_strings():
    for word in TRICKY:
        _same(word)


def test_fast_getters_equal_spacys_on_the_test_articles():
    nlp = spacy.blank("tr")
    words = set()
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.update(t.text for t in nlp.make_doc(json.loads(line).get("text", "")))
    assert len(words) > 1000
    for word in words:
        _same(word)


def test_fast_getters_equal_spacys_on_every_character():
    for code in range(0x3000):
        ch = chr(code)
        if unicodedata.category(ch) != "Cs":
            _same(ch)
            _same(ch + "a")
            _same("A" + ch)


@settings(max_examples=3000, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_fast_getters_equal_spacys_on_any_text(word):
    _same(word)


def test_fast_getters_replace_spacys_and_pickle(nlp):
    replaced = [a for a, g in nlp.vocab.lex_attr_getters.items() if g is not SPACY_GETTERS.get(a)]
    assert len(replaced) >= 20  # the pipeline uses them
    pickle.loads(pickle.dumps(nlp.vocab.lex_attr_getters))
