"""Training records → spaCy DocBin."""
import copy
from datetime import date

import pytest

from service.train.convert import ConversionError, convert, convert_file, read_docbin, record_to_doc
from service.train.corpus import DATA_DIR, load_examples

from .test_corpus import GOOD


def test_convert_record_keeps_entities_attributes_and_facts(nlp):
    doc = record_to_doc(nlp, GOOD)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kocaeli'nin", "PROVINCE"), ("2024 yılı", "DATE"), ("22,5 milyar dolar", "MONEY")]
    assert [s.text for s in doc.spans["sc"]] == [e.text for e in doc.ents]
    prov, when, money = doc.ents
    assert (prov._.norm, prov._.code, when._.period) == ("Kocaeli", "41", "2024")
    assert (money._.value, money._.currency) == (22500000000, "USD")
    assert doc._.facts[0]["value"] == 22500000000 and doc._.doc_id == "t1"


def test_convert_docbin_round_trip(nlp, tmp_path):
    path = tmp_path / "t.spacy"
    convert([GOOD], nlp).to_disk(path)
    (doc,) = read_docbin(path, nlp)
    assert doc.text == GOOD["text"] and doc._.pub_date == date(2025, 1, 20)
    assert [(e.start_char, e.end_char, e.label_, e._.norm) for e in doc.ents] == [
        (0, 11, "PROVINCE", "Kocaeli"), (12, 21, "DATE", None), (31, 48, "MONEY", None)]
    assert doc.ents[2]._.value == 22500000000
    assert doc._.facts[0]["quote"] == "22,5 milyar dolar"


@pytest.mark.parametrize("start,end", [(0, 7), (12, 14), (31, 40)])
def test_convert_rejects_spans_off_token_boundaries(nlp, start, end):
    rec = copy.deepcopy(GOOD)
    rec["entities"] = [{"start": start, "end": end, "label": "PROVINCE", "text": GOOD["text"][start:end]}]
    with pytest.raises(ConversionError, match="E521 t1"):
        record_to_doc(nlp, rec)


def test_convert_every_training_file_aligns_with_the_pipeline_tokenizer(nlp, tmp_path):
    for name in ("train", "dev"):
        n = convert_file(DATA_DIR / f"{name}.jsonl", tmp_path / f"{name}.spacy", nlp)
        docs = list(read_docbin(tmp_path / f"{name}.spacy", nlp))
        recs = load_examples(DATA_DIR / f"{name}.jsonl", validate=False)
        assert n == len(docs) == len(recs)
        assert sum(len(d.ents) for d in docs) == sum(len(r["entities"]) for r in recs)
