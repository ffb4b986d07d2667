"""The pipeline behind the API: memory stays flat, the event loop stays free."""
import threading
import time

from service.api import extraction
from service.engine import ExtractionError


def _novel_texts(n: int, tag: str) -> list[str]:
    # Every text brings words the vocabulary has never seen.
    return [f"Yozgat{tag}{i}'ın ihracatı yenikelime{tag}{i * 7919} nedeniyle {i} milyon dolar arttı."
            for i in range(n)]


def test_extraction_single_calls_leave_the_string_store_flat(client, app_nlp):
    client.post("/extract", json={"text": _novel_texts(1, "warm")[0]})
    before = len(app_nlp.vocab.strings)
    for text in _novel_texts(40, "single"):
        assert client.post("/extract", json={"text": text}).status_code == 200
    assert len(app_nlp.vocab.strings) == before


def test_extraction_batches_leave_the_string_store_flat(client, app_nlp):
    client.post("/extract/batch", json={"documents": [{"text": t} for t in _novel_texts(2, "warmb")]})
    before = len(app_nlp.vocab.strings)
    for k in range(4):
        docs = [{"text": t} for t in _novel_texts(10, f"batch{k}")]
        assert client.post("/extract/batch", json={"documents": docs}).status_code == 200
    assert len(app_nlp.vocab.strings) == before


def test_extraction_without_a_zone_would_grow_the_string_store(app_nlp):
    # The control for the two tests above: the same texts outside a memory zone do grow it.
    before = len(app_nlp.vocab.strings)
    for text in _novel_texts(5, "control"):
        app_nlp(text)
    assert len(app_nlp.vocab.strings) > before


def test_extraction_busy_pipeline_does_not_block_the_event_loop(client):
    answers = {}

    def post():
        answers["extract"] = client.post("/extract", json={"text": "Edirne ihracatı arttı."})

    # Holding the zone lock stands for a long extraction in progress.
    with extraction._ZONE_LOCK:
        worker = threading.Thread(target=post)
        worker.start()
        time.sleep(0.2)
        t0 = time.perf_counter()
        health = client.get("/healthz")
        waited = time.perf_counter() - t0
        assert "extract" not in answers
    worker.join(timeout=30)
    assert health.status_code == 200 and waited < 2.0
    assert answers["extract"].status_code == 200


def test_extraction_concurrent_requests_all_answer_and_stay_flat(client, app_nlp):
    texts = _novel_texts(24, "conc")
    client.post("/extract", json={"text": texts[0]})
    before = len(app_nlp.vocab.strings)
    statuses = []

    def run(i):
        if i % 3 == 0:
            r = client.post("/extract/batch", json={"documents": [{"text": t} for t in texts[i:i + 3]]})
        else:
            r = client.post("/extract", json={"text": texts[i]})
        statuses.append(r.status_code)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert statuses == [200] * len(texts)
    assert len(app_nlp.vocab.strings) == before


def test_extraction_batch_helper_reports_a_bad_record_in_place(nlp):
    out = extraction.extract_batch(nlp, [{"text": "Rize çay ihracatı"}, {"text": 5}, {"text": "Trabzon"}])
    assert isinstance(out[1], ExtractionError) and str(out[1]).startswith("E003")
    assert out[0].facts is not None and out[2].entities is not None
