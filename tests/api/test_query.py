"""GET /facts and GET /documents/{id} over a database the real bulk sink wrote, in SQLite and
the real PostgreSQL (each test run in a schema of its own)."""
import os
import subprocess
import sys
from contextlib import nullcontext

import httpx
import pytest

from ..bulk.conftest import annotate, pg_schema, write_jsonl
from .conftest import ROOT, free_port, make_client, wait_until_ready

# Written for these tests: Bursa's exports to Germany month by month, and two other cells.
ARTICLES = [
    {"id": "bursa-ocak", "date": "2025-02-03",
     "text": "Bursa'nın ocak ayında Almanya'ya ihracatı yüzde 8 artarak 310 milyon dolar oldu."},
    {"id": "bursa-subat", "date": "2025-03-04",
     "text": "Bursa'nın şubat ayında Almanya'ya ihracatı yüzde 3 azalarak 295 milyon dolar oldu."},
    {"id": "bursa-mart", "date": "2025-04-02",
     "text": "Bursa'nın mart ayında Almanya'ya ihracatı 342 milyon dolara ulaştı."},
    {"id": "kocaeli-2024", "date": "2025-01-09",
     "text": "Kocaeli, 2024 yılında 20 milyar 156 milyon dolarlık ihracat gerçekleştirdi. "
             "İlin İtalya'ya ihracatı 1 milyar 400 milyon dolar oldu."},
    # figures that disagree with each other: the consistency checks flag them
    {"id": "sakarya-2023", "date": "2024-01-12",
     "text": "Sakarya'nın 2022'de 8 milyar dolar olan ihracatı, 2023'te yüzde 40 artarak 9 milyar dolara "
             "ulaştı. Kentin ihracatının yüzde 60'ını oluşturan otomotiv sektörü 3 milyar dolar ihracat yaptı."},
]
BURSA_DE = [("2025-01", 310000000), ("2025-02", 295000000), ("2025-03", 342000000)]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stored(request, tmp_path_factory):
    """A database URL holding ARTICLES, written by `python -m service annotate --db`."""
    tmp = tmp_path_factory.mktemp("query")
    with (nullcontext(f"sqlite:///{tmp / 'facts.db'}") if request.param == "sqlite"
          else pg_schema("query_test")) as url:
        status, _ = annotate(write_jsonl(tmp / "in.jsonl", ARTICLES), "--db", url, "-o", tmp / "out.jsonl")
        assert status == 0
        yield url


@pytest.fixture(scope="module")
def api(stored, nlp):
    with make_client(db=stored) as c:
        yield c


def test_query_facts_of_one_cell_by_month(api):
    r = api.get("/facts", params={"province": "Bursa", "country": "DE", "flow": "export", "sort": "period"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 3
    assert [(f["period"], f["value"]) for f in body["items"]] == BURSA_DE
    assert [f["document_id"] for f in body["items"]] == ["bursa-ocak", "bursa-subat", "bursa-mart"]
    assert body["items"][0]["change_pct"] == 8.0 and body["items"][1]["change_pct"] == -3.0
    assert body["items"][0]["evidence"] == [{"start": 0, "end": len(ARTICLES[0]["text"])}]


@pytest.mark.parametrize("params, expected", [
    ({"period_from": "2025-02", "period_to": "2025-03"}, {"2025-02", "2025-03"}),
    ({"period_from": "2025-02"}, {"2025-02", "2025-03"}),
    ({"period_to": "2025-01"}, {"2022", "2023", "2024", "2025-01"}),
    ({"period_from": "2024", "period_to": "2024"}, {"2024"}),
    ({"country": "IT"}, {"2024"}),
    ({"document": "bursa-subat"}, {"2025-02"}),
    ({"province": "Konya"}, set()),
])
def test_query_facts_filters(api, params, expected):
    body = api.get("/facts", params=params).json()
    assert {f["period"] for f in body["items"]} == expected
    assert body["total"] == len(body["items"])


def test_query_facts_sort_and_pages(api):
    all_ = api.get("/facts", params={"sort": "-value"}).json()
    values = [f["value"] for f in all_["items"]]
    assert all_["total"] == 8 and values == sorted(values, reverse=True)
    pages = [api.get("/facts", params={"sort": "-value", "limit": 3, "offset": o}).json() for o in (0, 3, 6)]
    assert [f["value"] for p in pages for f in p["items"]] == values
    assert all(p["total"] == 8 for p in pages) and len(pages[2]["items"]) == 2


@pytest.mark.parametrize("params, code, field", [
    ({"sector": "uzay_sanayi"}, "E160", "sector"),
    ({"period_from": "2025-13"}, "E161", "period_from"),
    ({"period_from": "2025-06", "period_to": "2025-01"}, "E162", "period_from"),
    ({"limit": 0}, "E163", "limit"),
    ({"limit": 5000}, "E163", "limit"),
    ({"offset": -1}, "E163", "offset"),
    ({"sort": "-tonnage"}, "E164", "sort"),
])
def test_query_facts_bad_filters_get_a_named_422(api, params, code, field):
    r = api.get("/facts", params=params)
    assert r.status_code == 422
    err = r.json()["error"]
    assert (err["code"], err["field"]) == (code, field)
    assert str(next(iter(params.values()))) in err["message"]


def test_query_document_with_text_and_facts(api):
    r = api.get("/documents/kocaeli-2024")
    assert r.status_code == 200
    d = r.json()
    assert d["text"] == ARTICLES[3]["text"] and d["date"] == "2025-01-09"
    assert [(f["country"], f["value"]) for f in d["facts"]] == [(None, 20156000000), ("IT", 1400000000)]
    assert {e["label"] for e in d["entities"]} >= {"PROVINCE", "COUNTRY", "MONEY", "DATE"}


def test_query_stores_the_consistency_warnings(api):
    d = api.get("/documents/sakarya-2023").json()
    assert sorted(w["code"] for w in d["warnings"]) == ["W201", "W202"]
    flagged = {(f["sector"], f["period"]): f["warnings"] for f in d["facts"]}
    assert flagged == {(None, "2022"): ["W202"], (None, "2023"): ["W201", "W202"], ("otomotiv", "2023"): ["W201"]}
    items = api.get("/facts", params={"document": "sakarya-2023", "sector": "otomotiv"}).json()["items"]
    assert items[0]["warnings"] == ["W201"]
    assert api.get("/documents/bursa-ocak").json()["warnings"] == []


def test_query_unknown_document_is_a_named_404(api):
    r = api.get("/documents/yok-boyle-haber")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E165"


def test_query_openapi_documents_the_routes_with_examples(api):
    spec = api.get("/openapi.json").json()
    assert {"/facts", "/documents/{doc_id}"} <= set(spec["paths"])
    params = {p["name"]: p for p in spec["paths"]["/facts"]["get"]["parameters"]}
    assert set(params) >= {"flow", "province", "country", "sector", "product", "period_from", "period_to",
                           "document", "sort", "limit", "offset"}
    assert params["sector"]["schema"]["examples"] == ["otomotiv"] and "422" in spec["paths"]["/facts"]["get"]["responses"]
    assert spec["components"]["schemas"]["FactPage"]["examples"]


def test_query_routes_absent_without_a_database(client):
    assert client.get("/facts").status_code == 404


def test_query_serve_with_db_flag(stored, tmp_path):
    """The real server started with --db answers the query API over HTTP."""
    port = free_port()
    log = tmp_path / "stderr.log"
    env = {k: v for k, v in os.environ.items() if k != "EXPORT_FACTS_DB"}
    with open(log, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "service", "serve", "--port", str(port), "--db", stored],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(proc, base, log)
        body = httpx.get(f"{base}/facts", params={"province": "Bursa", "sort": "period"}).json()
        assert [(f["period"], f["value"]) for f in body["items"]] == BURSA_DE
    finally:
        proc.terminate()
        proc.wait(timeout=20)
