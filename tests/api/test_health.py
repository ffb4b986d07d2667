"""GET /healthz, /readyz and /version."""
import hashlib
import json
from pathlib import Path

from service import __version__
from service.engine import MODEL_DIR


def test_health_healthz_says_ok(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_health_readyz_names_the_loaded_pipeline(client, app_nlp):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ready", "pipeline": app_nlp.meta["name"], "components": app_nlp.pipe_names}


def test_health_version_reports_service_pipeline_and_data_files(client, app_nlp):
    v = client.get("/version").json()
    assert v["service"] == __version__
    assert (v["pipeline"]["name"], v["pipeline"]["version"]) == (app_nlp.meta["name"], app_nlp.meta["version"])
    assert v["pipeline"]["components"] == app_nlp.pipe_names
    assert "path" not in v["pipeline"] and str(MODEL_DIR.parent) not in json.dumps(v)  # no machine paths
    root = Path(app_nlp.path)
    files = {f["path"]: f for f in v["data_files"]}
    assert "meta.json" in files and "config.cfg" in files
    on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert sorted(files) == on_disk
    for rel, f in files.items():
        raw = (root / rel).read_bytes()
        assert (f["bytes"], f["sha256"]) == (len(raw), hashlib.sha256(raw).hexdigest())
