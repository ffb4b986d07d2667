"""Bounded requests: a time budget (503 E140), work stopped for a client that went away, and
a server that stops within seconds on SIGTERM or SIGINT while an article is being read."""
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest

from service.api.settings import Settings, cores

from .conftest import ROOT, free_port, make_client, wait_until_ready

# Ordinary words, long enough that reading them takes seconds, spent in the components that
# look at the budget every few thousand tokens.
SLOW_TEXT = "Bursa'nın ihracat verileri bugün açıklandı ve sektör temsilcileri değerlendirdi . " * 60_000
SMALL = {"text": "Bursa'nın ihracatı 2025 yılında 17 milyar dolar oldu.", "date": "2026-01-06"}


@pytest.fixture(scope="module")
def quick_client(nlp):
    with make_client(timeout=0.3, max_text_chars=10_000_000, max_body_bytes=40_000_000) as c:
        yield c


def test_budget_over_time_answers_503_and_frees_the_worker(quick_client):
    t0 = time.monotonic()
    r = quick_client.post("/extract", json={"text": SLOW_TEXT})
    took = time.monotonic() - t0
    assert r.status_code == 503
    error = r.json()["error"]
    assert error["code"] == "E140" and "EXPORT_FACTS_TIMEOUT" in error["message"]
    assert took < 3, f"answered after {took:.1f} s"
    # The one extraction thread stopped too: the next article does not wait for the first.
    t0 = time.monotonic()
    r = quick_client.post("/extract", json=SMALL)
    assert r.status_code == 200 and r.json()["facts"]
    assert time.monotonic() - t0 < 2


def test_budget_applies_to_a_batch(quick_client):
    r = quick_client.post("/extract/batch", json={"documents": [SMALL, {"text": SLOW_TEXT}]})
    assert r.status_code == 503 and r.json()["error"]["code"] == "E140"


def test_budget_default_is_one_worker_per_core_and_a_time_limit():
    s = Settings()
    assert s.workers == cores() == len(os.sched_getaffinity(0))
    assert s.timeout == 30


def _serve(tmp_path, workers: int = 1, **env):
    port = free_port()
    log = tmp_path / f"serve-{port}.log"
    environ = dict(os.environ, EXPORT_FACTS_MAX_TEXT_CHARS="10000000", EXPORT_FACTS_MAX_BODY_BYTES="40000000",
                   EXPORT_FACTS_TIMEOUT="120", **env)
    with open(log, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "service", "serve", "--port", str(port),
                                 "--workers", str(workers)], cwd=ROOT, env=environ,
                                stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(proc, base, log)
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    return proc, base, log


def _post_in_background(base: str, text: str) -> dict:
    """POST `text` from a thread; the dict gets "status" (or "error") once it returns."""
    outcome: dict = {}

    def post():
        try:
            outcome["status"] = httpx.post(f"{base}/extract", json={"text": text}, timeout=60).status_code
        except httpx.HTTPError as exc:
            outcome["error"] = repr(exc)  # the server went away under it: that is the point
    threading.Thread(target=post, daemon=True).start()
    return outcome



@pytest.mark.slow
def test_budget_work_stops_when_the_client_goes_away(tmp_path):
    proc, base, log = _serve(tmp_path)
    try:
        body = httpx.Request("POST", f"{base}/extract", json={"text": SLOW_TEXT * 2}).read()
        with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))) as sock:
            sock.sendall(b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body) + body)
            time.sleep(1.0)  # the article is being read
        t0 = time.monotonic()
        r = httpx.post(f"{base}/extract", json=SMALL, timeout=60)
        took = time.monotonic() - t0
        assert r.status_code == 200
        assert took < 3, f"the next request waited {took:.1f} s for work nobody reads"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.slow
@pytest.mark.parametrize("sig, workers", [(signal.SIGTERM, 1), (signal.SIGINT, 1), (signal.SIGTERM, 2)])
def test_budget_signal_during_a_request_ends_the_server_within_seconds(tmp_path, sig, workers):
    # A short shutdown grace: the request must still be running when the grace ends, however
    # fast extraction gets (with the default 3 s, a faster pipeline finished it within the grace).
    proc, base, log = _serve(tmp_path, workers=workers, EXPORT_FACTS_SHUTDOWN_GRACE="0.5")
    try:
        outcome = _post_in_background(base, SLOW_TEXT * 2)  # under the 10M-character limit set above
        time.sleep(2.0)  # the article is being read (it takes far longer than the test waits)
        assert proc.poll() is None
        assert outcome == {}, f"the request should still be running: {outcome}"
        t0 = time.monotonic()
        proc.send_signal(sig)
        proc.wait(timeout=12)
        took = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise AssertionError(f"server still running after {sig!r}:\n{log.read_text()[-3000:]}")
    assert took < 8, f"took {took:.1f} s to stop"
    assert outcome.get("status") in (None, 503), f"{outcome}\n{log.read_text()[-4000:]}"  # called off
    # Nothing else of the server's is left running for long (its workers end with it).
    deadline = time.monotonic() + 8 - took
    while (left := subprocess.run(["ps", "-o", "pid=,etime=,args=", "-g", str(proc.pid)],
                                  capture_output=True, text=True).stdout.strip()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, f"processes left in the server's group {took:.1f} s after the signal:\n{left}"
