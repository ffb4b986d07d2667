"""One writer per output, and clean stops: real `annotate` processes, real signals."""
import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from service.bulk.lock import FileLock, OutputBusy

from .conftest import annotate, annotate_process, make_articles, read_jsonl, write_jsonl

pytestmark = pytest.mark.slow


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = 90, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc.poll() is not None:
            raise AssertionError(f"annotate exited with {proc.returncode} before {what}:\n"
                                 f"{proc.stderr.read().decode()}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _journal(out: Path) -> tuple[int, int]:
    """(offset the journal vouches for, ids it holds)."""
    db = sqlite3.connect(f"{out}.journal")
    try:
        offset = int(db.execute("SELECT value FROM meta WHERE key = 'offset'").fetchone()[0])
        return offset, db.execute("SELECT count(*) FROM done").fetchone()[0]
    finally:
        db.close()


def _lines(out: Path) -> int:
    return out.read_bytes().count(b"\n") if out.exists() else 0


def test_lock_a_second_run_into_the_same_output_is_refused_and_the_first_loses_nothing(tmp_path):
    recs = make_articles(1500)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    other = write_jsonl(tmp_path / "other.jsonl", make_articles(10, prefix="baska"))
    out = tmp_path / "out.jsonl"
    first = annotate_process(src, "-o", out, "--workers", 1, "--commit-every", 64)
    try:
        _wait_for(lambda: _lines(out) > 0, first, what="the first commit")
        t0 = time.monotonic()
        # Another input would have wiped the file ("started again from empty") before the lock.
        second = annotate_process(other, "-o", out, "--workers", 1)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 2
        assert "E132" in err.decode() and str(out) in err.decode()
        assert time.monotonic() - t0 < 30
        assert first.poll() is None, "the first run should still be going"
    finally:
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode()
    ids = [r["id"] for r in read_jsonl(out)]
    assert ids == [r["id"] for r in recs]  # every article once, in order: none lost, none doubled
    assert _journal(out) == (out.stat().st_size, len(recs))
    assert not Path(f"{out}.lock").exists()


def test_lock_a_sqlite_database_has_one_writer(tmp_path, capsys):
    db = tmp_path / "facts.db"
    held = FileLock(db).acquire()
    try:
        status, err = annotate(write_jsonl(tmp_path / "in.jsonl", make_articles(3)), "--db",
                               f"sqlite:///{db}", capsys=capsys)
        assert status == 2 and "E132" in err
        assert not db.exists()  # refused before anything was opened
    finally:
        held.release()
    status, _ = annotate(tmp_path / "in.jsonl", "--db", f"sqlite:///{db}", capsys=capsys)
    assert status == 0


def test_lock_a_postgresql_schema_has_one_writer(tmp_path, pg_url, capsys):
    import sqlalchemy as sa

    from service.bulk.db import hold_writer_lock

    engine = sa.create_engine(pg_url)
    conn = hold_writer_lock(engine, pg_url)
    try:
        status, err = annotate(write_jsonl(tmp_path / "in.jsonl", make_articles(3)), "--db", pg_url,
                               capsys=capsys)
        assert status == 2 and "E132" in err
    finally:
        conn.close()
        engine.dispose()
    status, _ = annotate(tmp_path / "in.jsonl", "--db", pg_url, capsys=capsys)
    assert status == 0


def test_lock_file_is_exclusive_within_one_process_too(tmp_path):
    first = FileLock(tmp_path / "out.jsonl").acquire()
    with pytest.raises(OutputBusy, match=r"E132 .*process %d" % os.getpid()):
        FileLock(tmp_path / "out.jsonl").acquire()
    first.release()
    FileLock(tmp_path / "out.jsonl").acquire().release()


@pytest.mark.parametrize("sig, workers", [(signal.SIGTERM, 1), (signal.SIGINT, 1), (signal.SIGTERM, 2)])
def test_lock_signal_ends_a_bulk_run_in_seconds_with_the_journal_consistent(tmp_path, sig, workers):
    recs = make_articles(4000)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    out = tmp_path / "out.jsonl"
    proc = annotate_process(src, "-o", out, "--workers", workers, "--commit-every", 64)
    try:
        _wait_for(lambda: _lines(out) >= 64, proc, what="the first commit")
        t0 = time.monotonic()
        proc.send_signal(sig)  # the main process only, as an orchestrator or Ctrl-C would
        _, err = proc.communicate(timeout=15)
        took = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 128 + sig, err.decode()
    assert took < 8, f"took {took:.1f} s to stop"
    assert "interrupted" in err.decode()
    offset, done = _journal(out)
    assert offset == out.stat().st_size and done == _lines(out) < len(recs)
    assert not Path(f"{out}.lock").exists()
    # The same command finishes the rest, writing nothing twice.
    again = annotate_process(src, "-o", out, "--workers", 1)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert [r["id"] for r in read_jsonl(out)] == [r["id"] for r in recs]
    assert f"{done} already done" in err.decode()


def test_lock_first_command_that_reads_nothing_leaves_no_output_behind(tmp_path, capsys):
    out = tmp_path / "out" / "out.jsonl"
    status, err = annotate(tmp_path / "yok.jsonl", "-o", out, capsys=capsys)
    assert status == 2 and "E127" in err
    assert not out.exists() and not Path(f"{out}.journal").exists()
    assert json.loads((tmp_path / "out" / "out.errors.jsonl").read_text())["reason"].startswith("E121")


def test_lock_output_unusable_leaves_no_empty_jsonl_behind(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    status, err = annotate(write_jsonl(tmp_path / "in.jsonl", make_articles(2)), "-o", out,
                           "--db", "postgresql+psycopg://nobody@127.0.0.1:1/yok", capsys=capsys)
    assert status == 2 and "E130" in err
    assert not out.exists() and not Path(f"{out}.journal").exists() and not Path(f"{out}.lock").exists()
