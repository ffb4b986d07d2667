"""The normalize component: casefold, stem, lemma, the date marker and the "|" tokenizer rule.

Sentences are written for these tests in the register of Turkish trade news.
"""
from datetime import date

import pytest
import spacy

from service.pipeline.normalize import DATE_MARKER, read_date_marker


def token(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text,word,fold,stem", [
    ("KOCAELİ’DEN 120 ülkeye ihracat yapıldı.", "KOCAELİ’DEN", "kocaeli'den", "kocaeli"),
    ("Firmalar Almanya’ya 3 milyar dolarlık ürün sattı.", "Almanya’ya", "almanya'ya", "almanya"),
    ("IRAK'A İHRACAT ARTTI", "IRAK'A", "ırak'a", "ırak"),
    ("İhracat İSTANBUL ve İzmir'de yoğunlaştı.", "İSTANBUL", "istanbul", "istanbul"),
    ("Sektör Birleşik Krallık`a açıldı.", "Krallık`a", "krallık'a", "krallık"),
    ("Kent ihracatında Iğdır ʼın payı arttı.", "Iğdır", "ığdır", "ığdır"),
])
def test_normalize_fold_stem_norm(nlp, text, word, fold, stem):
    tok = token(nlp, text, word)
    assert (tok._.fold, tok._.stem, tok.norm_) == (fold, stem, stem)


@pytest.mark.parametrize("text,word,lemma", [
    # Common nouns inflected without an apostrophe: lemma from the reduced lookup table.
    ("Sektör kimyayı geride bıraktı.", "kimyayı", "kimya"),
    ("Talep çeliğe yöneldi.", "çeliğe", "çelik"),
    ("Artış en çok otomotivde görüldü.", "otomotivde", "otomotiv"),
    ("Makine sektörü ikinci oldu.", "sektörü", "sektör"),
    ("Kentin ihracatı 2 milyar dolar oldu.", "ihracatı", "ihracat"),
    ("Kimyevi maddeler ihracatı arttı.", "maddeler", "madde"),
    ("Fındığın ihracatı geriledi.", "Fındığın", "fındık"),
    ("Mamulleri ile öne çıktı.", "Mamulleri", "mamul"),
    ("Kağıdı ve kartonu ihraç edildi.", "Kağıdı", "kağıt"),
    # Forms the table lacks: the suffix stripper, with consonant softening undone.
    ("Büyüme hazırgiyimde sürdü.", "hazırgiyimde", "hazırgiyim"),
    ("Artış iklimlendirmede yüzde 8 oldu.", "iklimlendirmede", "iklimlendirme"),
    # A proper noun keeps its stem: the apostrophe suffix is not part of the lemma.
    ("Kocaeli'nin ihracatı arttı.", "Kocaeli'nin", "kocaeli"),
    ("ABD’ye yapılan satışlar azaldı.", "ABD’ye", "abd"),
    # Derived words and verbal nouns are not read as inflections of their root.
    ("Savunma ihracatı rekor kırdı.", "Savunma", "savunma"),
    ("İklim şartları verimi düşürdü.", "İklim", "iklim"),
    ("İhracatçılar toplantıya katıldı.", "İhracatçılar", "ihracatçı"),
    # A proper name the table would cut ("ben" + genitive) keeps its form.
    ("Benin ile ticaret arttı.", "Benin", "benin"),
])
def test_normalize_lemma(nlp, text, word, lemma):
    assert token(nlp, text, word).lemma_ == lemma


@pytest.mark.parametrize("text,words", [
    ("| Almanya | 1.234 | 2.345 |", ["|", "Almanya", "|", "1.234", "|", "2.345", "|"]),
    ("|Almanya|1.234|2.345|", ["|", "Almanya", "|", "1.234", "|", "2.345", "|"]),
    ("Ülke|2023 (Bin dolar) |Değişim|", ["Ülke", "|", "2023", "(", "Bin", "dolar", ")", "|", "Değişim", "|"]),
])
def test_normalize_pipe_splits_tokens(nlp, text, words):
    assert [t.text for t in nlp.make_doc(text) if not t.is_space] == words


def test_normalize_survives_to_disk_and_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    text = "|Kocaeli'nin|çeliğe|KİMYEVİ MADDELER|"
    assert [(t.text, t.lemma_, t.norm_) for t in again(text)] == [(t.text, t.lemma_, t.norm_) for t in nlp(text)]
    assert [t.text for t in again.make_doc(text)][:3] == ["|", "Kocaeli'nin", "|"]


@pytest.mark.parametrize("text,pub_date,body", [
    ("date 2025-01-07\nKocaeli'nin ihracatı arttı.", date(2025, 1, 7), "Kocaeli'nin"),
    ("  date 2024-12-31  Bursa ihracatta ikinci.", date(2024, 12, 31), "Bursa"),
    ("Kocaeli'nin ihracatı arttı.", None, "Kocaeli'nin"),
    ("date 2025-02-30 geçersiz tarih", None, "date"),
])
def test_normalize_date_marker(nlp, text, pub_date, body):
    doc = nlp(text)
    assert doc._.pub_date == pub_date
    assert doc.text[doc._.body_start:].startswith(body)
    assert read_date_marker(text)[0] == pub_date
    assert bool(DATE_MARKER.match(text)) == text.lstrip().startswith("date")


def test_normalize_keeps_a_given_date(nlp):
    doc = nlp.make_doc("date 2025-01-07\nİhracat arttı.")
    doc._.pub_date = date(2026, 3, 1)
    doc = nlp(doc)
    assert doc._.pub_date == date(2026, 3, 1)
    assert doc.text[doc._.body_start:] == "İhracat arttı."


@pytest.mark.parametrize("text,tokens", [
    ("döviz girdisi sağladı.AA muhabirinin derlediği", ["sağladı", ".", "AA"]),
    ("ihracat arttı.İhracatçılar memnun", ["arttı", ".", "İhracatçılar"]),
])
def test_normalize_glued_sentences_split(nlp, text, tokens):
    words = [t.text for t in nlp.make_doc(text)]
    assert any(words[i:i + len(tokens)] == tokens for i in range(len(words)))


@pytest.mark.parametrize("text", ["A.Ş.", "1.250.000", "www.ornek.com"])
def test_normalize_dots_inside_words_kept(nlp, text):
    assert [t.text for t in nlp.make_doc(text)] == [text]


# -- the shipped vocabulary: common forms outlive every memory zone ----------------------

def _shipped_forms(nlp, n=300):
    from service.pipeline.normalize import vocabulary_chunks
    v = nlp.get_pipe("normalize").vocabulary
    return vocabulary_chunks(v["forms"][:n], n, v["punctuation"], v["apostrophes"])


def test_normalize_vocabulary_ships_common_forms(nlp):
    from service.lang import TABLES
    from service.pipeline.normalize import read_common_forms
    shipped = nlp.get_pipe("normalize").vocabulary["forms"]
    assert shipped == read_common_forms(TABLES / "common_forms.txt") and len(shipped) >= 10_000
    # Each form lower-case, capitalised and with punctuation attached.
    assert {"ve", "Ve", "ve,", "ve."} <= set(_shipped_forms(nlp))


def test_normalize_memory_zone_keeps_common_forms_and_frees_the_rest(nlp):
    chunks = _shipped_forms(nlp)
    unseen = [f"qzx{n}vw" for n in range(50)]  # no word of any language
    strings_before = len(nlp.vocab.strings)
    with nlp.memory_zone():
        doc = nlp(" ".join(chunks + unseen))
        words = sorted({t.text for t in doc if not t.is_space})
        assert all(w in nlp.vocab for w in unseen)
    assert len(words) > 300 and set(unseen) <= set(words)
    # The shipped forms' lexemes outlive the zone; the words only this text had do not.
    assert len(nlp.vocab.strings) == strings_before
    assert [w for w in words if w not in nlp.vocab] == sorted(unseen)


def test_normalize_common_forms_tokenize_as_without_the_vocabulary(nlp):
    # The shipped forms change what is cached, never how a text splits.
    blank = spacy.blank("tr")
    blank.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    text = " ".join(_shipped_forms(nlp, 500))
    with nlp.memory_zone():
        assert [(t.text, t.whitespace_) for t in nlp.make_doc(text)] == \
               [(t.text, t.whitespace_) for t in blank.make_doc(text)]


def test_normalize_standard_chunks_outlive_zones_and_tokenize_as_without_them(nlp):
    from service.pipeline.normalize import standard_chunks
    chunks = standard_chunks()
    assert {"(", "”", "2025", "12,5", "1,25", "%40", "\n\n"} <= set(chunks)
    blank = spacy.blank("tr")
    blank.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    text = " ".join(chunks) + " (2025) %12,5'lik 1,25'e"
    with nlp.memory_zone():
        assert [(t.text, t.whitespace_) for t in nlp.make_doc(text)] == \
               [(t.text, t.whitespace_) for t in blank.make_doc(text)]
    assert all(c in nlp.vocab for c in ("(", "2025", "12,5", "\n\n"))
