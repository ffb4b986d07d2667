"""Fixtures of the HTTP tests: apps built by `create_app` in-process, and the real server."""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import spacy
from fastapi.testclient import TestClient
from spacy.language import Language

from service.api.app import create_app
from service.api.settings import Settings
from service.engine import MODEL_DIR
from service.review.facts import links

ROOT = Path(__file__).resolve().parents[2]


def make_client(**overrides) -> TestClient:
    """A TestClient over an app with `Settings(**overrides)`; enter it to run the lifespan."""
    return TestClient(create_app(Settings(**overrides)), raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(nlp):
    """The app with the default settings (the `nlp` fixture has loaded the pipeline already)."""
    with make_client() as c:
        yield c


@pytest.fixture(scope="session")
def app_nlp(client):
    """The pipeline the app loaded (the same object every request uses)."""
    return client.app.state.extractor.nlp


@pytest.fixture(scope="session")
def small_client(nlp):
    """The app with tiny limits, to reach every limit cheaply."""
    with make_client(max_text_chars=60, max_batch_documents=3, max_body_bytes=4000) as c:
        yield c


@pytest.fixture(scope="session")
def big_client(nlp):
    """The app with a text limit above 1 MB, for texts spaCy itself would refuse."""
    with make_client(max_text_chars=2_000_000, max_body_bytes=8_000_000) as c:
        yield c


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_ready(proc: subprocess.Popen | None, base: str, log: Path | None, timeout: float = 90) -> None:
    """Poll /readyz until the server answers 200; fail with its log if it exits or times out.
    `proc` None: the server runs in this process (a thread), so there is no exit to watch."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server on {base} not ready after {timeout} s:\n{log.read_text() if log else ''}")


@pytest.fixture(scope="session")
def live_server(nlp, tmp_path_factory):
    """`python -m service serve` on a free loopback port; yields (base url, its stderr log file)."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    env = dict(os.environ, EXPORT_FACTS_MAX_BODY_BYTES="200000", EXPORT_FACTS_LOG_LEVEL="info")
    with open(log, "w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "service", "serve", "--host", "127.0.0.1", "--port", str(port),
             "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(proc, base, log)
        yield base, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@Language.component("test_sources_from_entities")
def sources_from_entities(doc):
    """Stand-in for the new relation step's `sources`: each field from the entity that states it."""
    ents = [{"start": e.start_char, "end": e.end_char, "label": e.label_, "norm": e._.norm, "code": e._.code,
             "value": e._.value, "period": e._.period} for e in doc.ents]
    for fact in doc._.facts or []:
        evidence = [{"start": s, "end": e} for s, e in fact.get("evidence", [])]
        fact["sources"] = {fld: {"start": ents[i]["start"], "end": ents[i]["end"], "how": "clause"}
                           for i, fld in links({**fact, "evidence": evidence}, ents)}
    return doc


@pytest.fixture(scope="session")
def explained_model(tmp_path_factory):
    """The shipped pipeline plus the stand-in, saved where Settings(model=…) can load it."""
    nlp = spacy.load(MODEL_DIR)
    nlp.add_pipe("test_sources_from_entities", after="relations")
    path = tmp_path_factory.mktemp("model") / "explained"
    nlp.to_disk(path)
    return nlp, path
