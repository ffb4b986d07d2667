"""The time budget on the Doc, and the tokenization in pieces that lets it be checked."""
import time

import pytest

from service.engine import Budget, BudgetExceeded, extract, make_doc, text_pieces
from service.pipeline.budget import check_deadline



def test_budget_check_deadline_raises_named_errors(nlp):
    doc = make_doc(nlp, "Bursa ihracatı arttı.", budget=Budget(60))
    check_deadline(doc)  # time left: returns
    doc._.deadline.cancel("the client went away")
    with pytest.raises(BudgetExceeded, match="E141 .*client went away"):
        check_deadline(doc)
    spent = Budget(0.001)
    time.sleep(0.01)
    with pytest.raises(BudgetExceeded, match="E140 .*EXPORT_FACTS_TIMEOUT") as exc:
        spent.check()
    assert exc.value.code == "E140"
    check_deadline(make_doc(nlp, "Bursa"))  # no budget: never stops


def test_budget_stops_a_long_extraction_soon_after_its_deadline(nlp):
    text = "Bursa'nın ihracat verileri bugün açıklandı ve sektör temsilcileri değerlendirdi . " * 30_000
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    t0 = time.monotonic()
    with pytest.raises(BudgetExceeded):
        extract(text, nlp=nlp, budget=Budget(0.2))
    assert time.monotonic() - t0 < 1.5


@pytest.mark.parametrize("text", [
    "Kocaeli'nin ihracatı  arttı.\n\nBursa  ve İzmir ' de .  " * 3000,
    "yüzde 5,5 " * 20_000,
    "a" * 50_000 + " b " + "c" * 30_000,
    "x " * 40_000 + "   \n\t " * 5000,
])
def test_budget_long_text_tokenized_in_pieces_gives_the_tokens_of_the_whole(nlp, text):
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    assert "".join(text_pieces(text)) == text
    with nlp.memory_zone():
        whole = [(t.text, t.whitespace_, t.idx) for t in nlp.make_doc(text)]
        pieces = [(t.text, t.whitespace_, t.idx) for t in make_doc(nlp, text)]
    assert pieces == whole
