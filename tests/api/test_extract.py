"""POST /extract and POST /extract/batch through FastAPI's TestClient: answers and every error."""
import json

import pytest

from service.engine import extract as engine_extract

# Written for these tests in the style of Turkish trade news (figures invented).
ARTICLES = [
    ("İzmir'in ihracatı 2025 yılında yüzde 5 artarak 14 milyar 210 milyon dolara ulaştı.", "2026-01-06"),
    ("Bursa'dan Almanya'ya yapılan otomotiv ihracatı geçen yıl 2,3 milyar dolar oldu.", "2026-01-09"),
    ("Denizli'nin eylül ayı ihracatı bir önceki yılın aynı ayına göre yüzde 7,4 azaldı.", "2025-10-03"),
    ("Kayseri, ocak-haziran döneminde 1 milyar 912 milyon dolarlık ihracat gerçekleştirdi.", "2025-07-02"),
]
FACT_KEYS = {"flow", "province", "country", "sector", "product", "period", "value", "currency",
             "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit", "evidence"}


def assert_offsets(text: str, answer: dict) -> None:
    for e in answer["entities"]:
        assert text[e["start"]:e["end"]] == e["text"], e
    for f in answer["facts"]:
        for ev in f["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(text), f


@pytest.mark.parametrize("text,date", ARTICLES)
def test_extract_answers_the_contract_shape(client, text, date):
    r = client.post("/extract", json={"text": text, "date": date, "id": "haber-1"})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert set(answer) == {"id", "date", "entities", "facts", "warnings"}
    assert answer["id"] == "haber-1" and answer["date"] == date
    for f in answer["facts"]:
        assert set(f) >= FACT_KEYS
    assert_offsets(text, answer)


@pytest.mark.parametrize("text,date", ARTICLES)
def test_extract_equals_the_in_process_engine(client, nlp, text, date):
    r = client.post("/extract", json={"text": text, "date": date, "explain": True})
    assert r.json() == json.loads(engine_extract(text, date=date, nlp=nlp).model_dump_json())
    # Without `explain` the same answer comes without provenance.
    plain = client.post("/extract", json={"text": text, "date": date}).json()
    assert all(f.get("sources") is None for f in plain["facts"])
    assert [{k: v for k, v in f.items() if k != "sources"} for f in r.json()["facts"]] == \
        [{k: v for k, v in f.items() if k != "sources"} for f in plain["facts"]]


@pytest.mark.parametrize("body,date", [
    ({"text": "date 2025-07-03\nHaziran ayında ihracat 20 milyar dolar oldu."}, "2025-07-03"),
    ({"text": "  date 2024-12-31 Aralıkta ithalat yüzde 3 azaldı."}, "2024-12-31"),
    ({"text": "date 2025-07-03\nHaziran ayında ihracat arttı.", "date": "2025-08-01"}, "2025-08-01"),
    ({"text": "Haziran ayında ihracat arttı."}, None),
])
def test_extract_takes_the_date_from_the_archive_marker(client, body, date):
    r = client.post("/extract", json=body)
    assert r.status_code == 200, r.text
    assert r.json()["date"] == date


@pytest.mark.parametrize("text", ["", " ", "\n\t  \r\n", "\u00a0\u2003"])
def test_extract_rejects_blank_text(client, text):
    r = client.post("/extract", json={"text": text})
    assert r.status_code == 422
    assert r.json()["error"] == {"code": "E101", "field": "text",
                                 "message": 'E101 text is empty: send the article in "text"'}


@pytest.mark.parametrize("body,field", [
    ({}, "text"),
    ({"date": "2025-01-01"}, "text"),
    ({"text": 5}, "text"),
    ({"text": None}, "text"),
    ({"text": ["Bursa"]}, "text"),
    ({"text": "Bursa", "id": 7}, "id"),
    ({"text": "Bursa", "id": "x" * 513}, "id"),
])
def test_extract_names_the_field_of_a_wrong_value(client, body, field):
    r = client.post("/extract", json=body)
    assert r.status_code == 422
    assert r.json()["error"]["field"] == field
    assert r.json()["error"]["code"] == "E105"


@pytest.mark.parametrize("date", ["2025-02-30", "2025-13-01", "2025-00-10", "dün", "", "07.01.2026",
                                  "20250107", "2025-W01-1", "2025-01-07T10:00", "２０２５-01-07", 20250101])
def test_extract_rejects_an_impossible_date_naming_the_field(client, date):
    r = client.post("/extract", json={"text": "Ankara'nın ihracatı arttı.", "date": date})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["field"] == "date"
    assert "date" in error["message"]


def test_extract_text_over_the_default_limit_is_413(client):
    text = "ihracat " * 25_001  # 200,008 characters: over the default 200,000
    r = client.post("/extract", json={"text": text})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "E106" and r.json()["error"]["field"] == "text"
    assert "200008" in r.json()["error"]["message"]


@pytest.mark.parametrize("length,status", [(59, 200), (60, 200), (61, 413)])
def test_extract_size_limit_is_inclusive_and_configurable(small_client, length, status):
    text = ("Sakarya ihracatı arttı. " * 5)[:length]
    assert small_client.post("/extract", json={"text": text}).status_code == status


@pytest.mark.parametrize("content,content_type,status,code", [
    (b'{"text": "Bursa', "application/json", 400, "E102"),
    (b"text=Bursa", "application/json", 400, "E102"),
    (b'{"text": "Bursa"} trailing', "application/json", 400, "E102"),
    ('{"text": "Şanlıurfa ihracatı"}'.encode("cp1254"), "application/json", 400, "E103"),
    (b'{"text": "\xff\xfe\xfa"}', "application/json", 400, "E103"),
    (b'{"text": "Bursa", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json", 400, "E112"),
    (b"[" * 5_000 + b"]" * 5_000, "application/json", 400, "E112"),
    (b'{"text": "Bursa", "x": ' + b"9" * 5_000 + b"}", "application/json", 400, "E113"),
    (b'{"text": "Bursa", "id": ' + b"1" * 4_301 + b"}", "application/json", 400, "E113"),
    (b"[]", "application/json", 422, "E104"),
    (b'"Bursa"', "application/json", 422, "E104"),
    (b"", "application/json", 422, "E104"),
    (b'{"text": "Bursa"}', "text/plain", 422, "E104"),
    (b'{"text": "Bursa"}', "application/x-www-form-urlencoded", 422, "E104"),
])
def test_extract_unreadable_body_gets_a_message(client, content, content_type, status, code):
    r = client.post("/extract", content=content, headers={"content-type": content_type})
    assert r.status_code == status
    error = r.json()["error"]
    assert error["code"] == code and error["message"].startswith(code)


@pytest.mark.parametrize("text", [
    "Konya\x00'nın ihracatı 2025 yılında 3 milyar dolar oldu.\x00",
    "🚢 Mersin limanından ihracat 📈 yüzde 12 arttı 🇹🇷 👍🏽",
    "Hatay'ın Irak'a ihracatı arttı: العراق ١٢٣ مليون دولار — שלום עולם",
    "\u202eİhracat\u202c 5 milyar\u200d dolar\u200b oldu \ufeff",
    "I\u0307hracat yu\u0308zde 4 arttı",
    "\x1b[31m ihracat \x7f\x01\x02 1 milyar dolar",
    "!!!???...,,,;;;'''\"\"\"",
    "\n" * 5000 + "Kocaeli",
    "%s %d {} \\ \\u0000 ' '' ` <script>alert(1)</script>",
    "9" * 5000,
])
def test_extract_odd_text_gets_an_answer(client, text):
    r = client.post("/extract", json={"text": text})
    assert r.status_code == 200, r.text
    assert_offsets(text, r.json())


def test_extract_lone_surrogates_become_replacement_characters(client):
    raw = b'{"text": "Bursa \\ud800 ihracat\\udfff 5 milyar dolar", "id": "\\udc00x"}'
    r = client.post("/extract", content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == "\ufffdx"
    assert_offsets("Bursa \ufffd ihracat\ufffd 5 milyar dolar", r.json())


def test_extract_one_megabyte_word_is_answered_under_a_raised_limit(big_client):
    text = "ihracat" * 150_000  # 1,050,000 characters, past spaCy's own max_length
    r = big_client.post("/extract", json={"text": text})
    assert r.status_code == 200, r.text
    assert_offsets(text, r.json())


def test_extract_one_megabyte_word_is_413_under_the_default_limit(client):
    r = client.post("/extract", json={"text": "a" * 1_048_576})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E106"


def test_extract_body_over_the_byte_limit_is_413(small_client):
    body = json.dumps({"text": "Bursa", "id": "x" * 5000}).encode()
    r = small_client.post("/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E108"


def test_extract_streamed_body_over_the_byte_limit_is_413(small_client):
    def chunks():  # no Content-Length: the limit must hold while reading
        yield b'{"text": "'
        for _ in range(100):
            yield b"ihracat " * 10
        yield b'"}'
    r = small_client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E108"


def test_extract_batch_keeps_order_and_matches_single_calls(client):
    docs = [{"text": t, "date": d, "id": f"doc-{i}"} for i, (t, d) in enumerate(ARTICLES)]
    r = client.post("/extract/batch", json={"documents": docs})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["id"] for x in results] == [d["id"] for d in docs]
    for doc, result in zip(docs, results):
        assert result == client.post("/extract", json=doc).json()


def test_extract_batch_puts_an_error_entry_in_place_of_a_bad_document(small_client):
    docs = [
        {"text": "Manisa'nın ihracatı arttı.", "id": "a"},
        {"text": "   ", "id": "b"},
        {"text": "Aydın ihracatı azaldı.", "date": "2025-02-29", "id": "c"},
    ]
    results = small_client.post("/extract/batch", json={"documents": docs}).json()["results"]
    assert results[0]["id"] == "a" and "entities" in results[0]
    assert results[1] == {"index": 1, "id": "b", "status": 422, "error": {
        "code": "E101", "field": "text", "message": 'E101 text is empty: send the article in "text"'}}
    assert results[2]["index"] == 2 and results[2]["error"]["field"] == "date"


@pytest.mark.parametrize("bad,status,code", [
    ("not an object", 422, "E104"),
    ({"date": "2025-01-01"}, 422, "E105"),
    ({"text": "Muğla ihracatı " * 10}, 413, "E106"),
    ({"text": "Muğla", "date": "2025-04-31"}, 422, "E002"),
])
def test_extract_batch_error_entry_carries_the_single_call_status(small_client, bad, status, code):
    docs = [{"text": "Muğla ihracatı arttı."}, bad]
    r = small_client.post("/extract/batch", json={"documents": docs})
    assert r.status_code == 200
    first, entry = r.json()["results"]
    assert "facts" in first
    assert (entry["status"], entry["error"]["code"]) == (status, code)
    if isinstance(bad, dict):
        assert small_client.post("/extract", json=bad).status_code == status


def test_extract_batch_over_the_document_limit_is_413(small_client):
    docs = [{"text": "Tekirdağ ihracatı"}] * 4
    r = small_client.post("/extract/batch", json={"documents": docs})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "E107" and r.json()["error"]["field"] == "documents"


@pytest.mark.parametrize("body,status", [
    ({"documents": []}, 200),
    ({"documents": "Bursa"}, 422),
    ({}, 422),
    ([], 422),
])
def test_extract_batch_shape(client, body, status):
    r = client.post("/extract/batch", json=body)
    assert r.status_code == status
    if status == 200:
        assert r.json() == {"results": []}
