"""`python -m service serve`: the real server in its own process, spoken to over HTTP."""
import json
import re
import time

import httpx

from service.cli import make_parser


def test_command_serve_is_registered():
    args = make_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9001", "--workers", "2"])
    assert (args.command, args.host, args.port, args.workers) == ("serve", "0.0.0.0", 9001, 2)


def test_command_serve_answers_over_http(live_server):
    base, log = live_server
    text = "Samsun'un ihracatı 2025 yılında yüzde 9 artışla 1 milyar 220 milyon dolara ulaştı."
    with httpx.Client(base_url=base, timeout=30) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        r = http.post("/extract", json={"text": text, "date": "2026-01-05", "id": "s1"},
                      headers={"X-Request-ID": "over-http-1"})
        assert r.status_code == 200 and r.json()["id"] == "s1" and r.json()["date"] == "2026-01-05"
        assert r.headers["x-request-id"] == "over-http-1"
        b = http.post("/extract/batch", json={"documents": [{"text": text}, {"text": " "}]})
        assert [("error" in x) for x in b.json()["results"]] == [False, True]
        bad = http.post("/extract", content=b"{not json", headers={"content-type": "application/json"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "E102"
        page = http.get("/")
        assert page.status_code == 200 and "<textarea" in page.text
    facts = len(r.json()["facts"])
    line = rf"rid=over-http-1 POST /extract 200 chars={len(text)} facts={facts} ms=\d"
    deadline = time.monotonic() + 5
    while not re.search(line, log.read_text()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert re.search(line, log.read_text()), log.read_text()


def test_command_serve_body_over_the_limit_is_413_over_http(live_server):
    base, _ = live_server
    body = json.dumps({"text": "Bursa ihracatı " * 20_000}).encode()  # ~300 kB, limit 200 kB
    r = httpx.post(f"{base}/extract", content=body, timeout=30, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E108"
    assert httpx.get(f"{base}/healthz", timeout=10).status_code == 200
