"""kill -9 of a real `annotate` process mid-run, twice, then the same command: nothing lost, nothing twice."""
import collections
import os
import signal
import time

import pytest
import sqlalchemy as sa

from service.bulk import db

from .conftest import annotate, annotate_process, make_articles, read_jsonl, write_jsonl

N = 2000


def _lines(path) -> int:
    try:
        with open(path, "rb") as fh:
            return fh.read().count(b"\n")
    except FileNotFoundError:
        return 0


def _kill_when(proc, path, lines: int, timeout: float = 60) -> int:
    """SIGKILL the process group once `path` holds `lines` lines; the lines it held then."""
    deadline = time.monotonic() + timeout
    while _lines(path) < lines:
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read().decode()}"
        assert time.monotonic() < deadline, "the run wrote too little to be killed mid-way"
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return _lines(path)


@pytest.mark.slow
def test_job_resumes_after_kill_9_every_article_once_in_jsonl_and_database(tmp_path, capsys, monkeypatch):
    # One version for the three processes, whatever is edited in the tree meanwhile.
    monkeypatch.setenv("EXPORT_FACTS_PIPELINE_VERSION", "resume-test")
    recs = make_articles(N)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    out, url = tmp_path / "out.jsonl", f"sqlite:///{tmp_path / 'facts.db'}"
    args = [src, "-o", out, "--db", url, "--workers", 2, "--batch-size", 8, "--commit-every", 16]

    for at in (N // 10, N // 2):
        proc = annotate_process(*args)
        assert _kill_when(proc, out, at) < N
        assert proc.returncode == -signal.SIGKILL

    proc = annotate_process(*args)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert "resuming" in err.decode()

    ids = [o["id"] for o in read_jsonl(out)]
    assert not [i for i, n in collections.Counter(ids).items() if n > 1]
    assert ids == [r["id"] for r in recs]  # every article once, in input order

    annotate(src, "-o", tmp_path / "clean.jsonl", "--workers", 1, capsys=capsys)
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()

    engine = db.connect(url)
    with engine.connect() as conn:
        doc_ids = conn.execute(sa.select(db.documents.c.id)).scalars().all()
        n_facts = conn.execute(sa.select(sa.func.count()).select_from(db.facts)).scalar()
        stated = conn.execute(sa.select(sa.func.sum(db.documents.c.n_facts))).scalar()
    engine.dispose()
    assert sorted(doc_ids) == sorted(ids)
    assert n_facts == stated == sum(len(o["facts"]) for o in read_jsonl(out))


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        kids.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return kids


@pytest.mark.slow
def test_job_resumes_after_a_worker_process_is_killed(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPORT_FACTS_PIPELINE_VERSION", "resume-test")
    recs = make_articles(N)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    out = tmp_path / "out.jsonl"
    args = [src, "-o", out, "--workers", 2, "--batch-size", 8, "--commit-every", 16]
    proc = annotate_process(*args)
    while _lines(out) < N // 10:
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.01)
    workers = _children(proc.pid)
    assert workers, "the run has no worker processes"
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and "E125" in err.decode()

    proc = annotate_process(*args)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert [o["id"] for o in read_jsonl(out)] == [r["id"] for r in recs]
