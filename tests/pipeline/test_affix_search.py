"""The tokenizer's remembered prefix, suffix and infix searches split text exactly as spaCy's own.

`service/pipeline/affix_search.py` wraps the compiled expressions of the pipeline's
tokenizer so that a string asked about twice is searched once; the tokens must not change,
whatever the text, and the memory must stay bounded.
"""
import pickle

import spacy

from service.pipeline.affix_search import MemoSearch, forget_affix_searches, memoize_affix_searches

TEXTS = [
    "Kocaeli'nin 2024'te 20 milyar 156 milyon 213 bin dolar olan dış satımı, 2025'te yüzde 14 artış göstererek 22 milyar 928 milyon 716 bin dolara ulaştı.",
    "Almanya’ya ihracat (+%8,3) 1.250.000 dolar oldu; İtalya'ya -%12'lik düşüşle 30'luk dilimde kaldı.",
    "Ocak-eylül döneminde \"kimyevi maddeler ve mamulleri\" sektörü ilk sırada yer aldı...",
    "Kaynak: TİM (www.tim.org.tr) / e-posta: bilgi@ornek.com.tr — 8,3'ünü, 2024'te, 5'inci, 41.",
    "KOCAELİ’DEN İHRACAT: 1,2 MİLYAR $! Sivas'ın payı %3,4'e çıktı; Çorum’un 2023/24 sezonu?",
]


def _tokens(nlp, text):
    return [(t.text, t.idx, t.whitespace_) for t in nlp.tokenizer(text)]


def test_remembered_searches_split_every_text_as_spacy_does():
    plain, wrapped = spacy.blank("tr"), spacy.blank("tr")
    assert memoize_affix_searches(wrapped.tokenizer)
    for _ in range(2):   # the second pass answers from memory
        for text in TEXTS:
            assert _tokens(wrapped, text) == _tokens(plain, text)


def test_the_pipeline_tokenizer_remembers_its_searches(nlp):
    owner = nlp.tokenizer.suffix_search.__self__
    assert isinstance(owner, MemoSearch)
    assert not memoize_affix_searches(nlp.tokenizer), "wrapping twice would stack memories"


def test_memory_is_bounded_and_answers_stay_right():
    regex = spacy.blank("tr").tokenizer.suffix_search.__self__
    memo = MemoSearch(regex, limit=3)
    words = ["dolara", "ulaştı.", "2024'te", "(+%8)", "yüzde", "ihracatı,"]
    for w in words * 2:
        got, want = memo.search(w), regex.search(w)
        assert (got and got.span()) == (want and want.span())
        assert len(memo._cache) <= 3


def test_a_pickled_tokenizer_starts_with_an_empty_memory():
    nlp = spacy.blank("tr")
    memoize_affix_searches(nlp.tokenizer)
    nlp.tokenizer("Almanya'ya 3,2 milyar dolar.")
    owner = nlp.tokenizer.infix_finditer.__self__
    assert owner._cache
    copy = pickle.loads(pickle.dumps(owner))
    assert isinstance(copy, MemoSearch) and not copy._cache and copy.pattern == owner.pattern
    forget_affix_searches(nlp.tokenizer)
    assert not owner._cache
