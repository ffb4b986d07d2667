"""What every route shares: error shape, request ids, the access log, the OpenAPI document."""
import logging
import re

import pytest

from service.api.app import create_app
from service.api.settings import Settings


@pytest.mark.parametrize("method,path,status,code", [
    ("GET", "/nowhere", 404, "E110"),
    ("GET", "/extract", 405, "E111"),
    ("DELETE", "/extract/batch", 405, "E111"),
    ("POST", "/healthz", 405, "E111"),
])
def test_app_unknown_route_answers_json(client, method, path, status, code):
    r = client.request(method, path)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code
    assert r.json()["request_id"] == r.headers["x-request-id"]


def test_app_echoes_a_given_request_id(client):
    r = client.post("/extract", json={"text": "Bursa ihracatı"}, headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"


@pytest.mark.parametrize("given", [None, b"", b"a b", b"x" * 65, "ş".encode(), b"<script>"])
def test_app_makes_a_request_id_when_none_usable_is_given(client, given):
    headers = {} if given is None else {"X-Request-ID": given}
    r = client.get("/healthz", headers=headers)
    assert re.fullmatch(r"[0-9a-f]{16}", r.headers["x-request-id"])


def test_app_error_body_carries_the_request_id(client):
    r = client.post("/extract", json={"text": ""}, headers={"X-Request-ID": "req-7"})
    assert r.json()["request_id"] == "req-7"


def test_app_access_log_has_id_length_facts_and_time(client, caplog):
    text = "Eskişehir'in ihracatı 2025 yılında 1 milyar dolar oldu."
    with caplog.at_level(logging.INFO, logger="service.api.access"):
        r = client.post("/extract", json={"text": text}, headers={"X-Request-ID": "log-1"})
    facts = len(r.json()["facts"])
    lines = [rec.getMessage() for rec in caplog.records if rec.name == "service.api.access"]
    assert any(re.fullmatch(rf"rid=log-1 POST /extract 200 chars={len(text)} facts={facts} ms=\d+\.\d", m)
               for m in lines), lines


def test_app_access_log_counts_a_batch(client, caplog):
    docs = [{"text": "Adana ihracatı arttı."}, {"text": ""}, {"text": "Mersin ithalatı azaldı."}]
    with caplog.at_level(logging.INFO, logger="service.api.access"):
        client.post("/extract/batch", json={"documents": docs}, headers={"X-Request-ID": "log-2"})
    line = next(rec.getMessage() for rec in caplog.records if "rid=log-2" in rec.getMessage())
    assert re.fullmatch(r"rid=log-2 POST /extract/batch 200 chars=44 facts=\d+ docs=3 ms=\d+\.\d", line)


def test_app_openapi_documents_models_errors_and_an_example(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for name in ("ExtractRequest", "ExtractResult", "Fact", "Entity", "BatchRequest", "BatchResponse",
                 "BatchError", "ErrorResponse", "VersionResponse"):
        assert name in schemas
    assert schemas["ExtractRequest"]["examples"][0]["text"]
    items = schemas["BatchRequest"]["properties"]["documents"]["items"]
    assert {"$ref": "#/components/schemas/ExtractRequest"} in items["anyOf"]
    post = spec["paths"]["/extract"]["post"]
    assert {"200", "400", "413", "422"} <= set(post["responses"])
    examples = post["requestBody"]["content"]["application/json"]["examples"]
    assert any("ihracat" in e["value"]["text"] for e in examples.values())
    for path in ("/extract/batch", "/healthz", "/readyz", "/version"):
        assert path in spec["paths"]


def test_app_docs_page_is_served_offline(client):
    r = client.get("/docs")
    assert r.status_code == 200
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", r.text, re.I)  # nothing from a CDN
    assert "<script>" not in r.text  # no inline script: the CSP would block it
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', r.text)
    assert "/docs/assets/swagger-ui-bundle.js" in assets and "/static/docs.js" in assets
    for asset in assets:
        got = client.get(asset)
        assert got.status_code == 200 and got.content, asset
    assert "/openapi.json" in client.get("/static/docs.js").text
    assert client.get("/redoc").status_code == 404  # FastAPI's ReDoc would come from a CDN


@pytest.mark.parametrize("method,path", [("GET", "/"), ("HEAD", "/"), ("GET", "/docs"), ("GET", "/static/app.js"),
                                         ("GET", "/healthz"), ("GET", "/nowhere"), ("POST", "/extract")])
def test_app_every_answer_carries_the_security_headers(client, method, path):
    r = client.request(method, path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


def test_app_head_of_the_page_answers_without_a_body(client):
    r = client.head("/")
    assert r.status_code == 200 and r.content == b""
    assert r.headers["content-type"].startswith("text/html")


def test_app_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPORT_FACTS_MAX_TEXT_CHARS", "1234")
    monkeypatch.setenv("EXPORT_FACTS_MAX_BATCH_DOCUMENTS", "7")
    monkeypatch.setenv("EXPORT_FACTS_WORKERS", "3")
    monkeypatch.setenv("EXPORT_FACTS_PORT", "8123")
    monkeypatch.setenv("EXPORT_FACTS_MODEL", str(tmp_path))
    s = create_app().state.settings
    assert (s.max_text_chars, s.max_batch_documents, s.workers, s.port, s.model) == (1234, 7, 3, 8123, tmp_path)
    assert Settings().max_body_bytes == 16_000_000
