"""The Dask engine on a real LocalCluster (2 worker processes): same facts as the local engine,
and a rerun computes only the parts that are missing."""
import json
import logging
import os

import pytest
import sqlalchemy as sa

from service.bulk import db
from service.bulk.runner_dask import batches, part_id
from service.bulk.sources import ArchiveReader
from service.bulk.work import pipeline_version, run_part

from .conftest import ROOT, annotate, make_articles, read_jsonl, write_jsonl

pytestmark = pytest.mark.slow


@pytest.fixture
def same_version(monkeypatch):
    """Client and workers must agree on the version even while the tree is being edited."""
    monkeypatch.setenv("EXPORT_FACTS_PIPELINE_VERSION", "dask-test")
    pipeline_version.cache_clear()
    yield
    pipeline_version.cache_clear()


def _facts(url: str) -> list[tuple]:
    engine = db.connect(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(db.facts).order_by(db.facts.c.document_id, db.facts.c.seq)).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_runner_dask_engine_writes_the_same_facts_as_the_local_engine(tmp_path, capsys, same_version):
    src = write_jsonl(tmp_path / "in.jsonl", make_articles(40))
    local = ["-o", tmp_path / "local.jsonl", "--db", f"sqlite:///{tmp_path / 'local.db'}", "--workers", 1]
    dask = ["-o", tmp_path / "dask.jsonl", "--db", f"sqlite:///{tmp_path / 'dask.db'}",
            "--engine", "dask", "--workers", 2, "--part-size", 8, "--batch-size", 4]
    assert annotate(src, *local, capsys=capsys)[0] == 0
    status, err = annotate(src, *dask, capsys=capsys)
    assert status == 0, err
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    facts = _facts(f"sqlite:///{tmp_path / 'dask.db'}")
    assert facts == _facts(f"sqlite:///{tmp_path / 'local.db'}") and len(facts) >= 40
    assert not (tmp_path / "dask.jsonl.parts").exists()  # merged parts are removed


@pytest.fixture
def scheduler(same_version):
    """A LocalCluster of our own, reached through --scheduler as a real cluster would be."""
    from dask.distributed import LocalCluster

    env = {"PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR, env=env) as cluster:
        yield cluster.scheduler_address


def test_runner_dask_rerun_uses_the_parts_already_written(tmp_path, capsys, scheduler):
    recs = make_articles(24)
    src = write_jsonl(tmp_path / "in.jsonl", recs)
    parts = tmp_path / "parts"
    parts.mkdir()
    # A part left by a run that died before merging it: the next run must take it as it is.
    first = next(batches((r for r in ArchiveReader([str(src)])), 8))
    path = parts / f"{part_id(first, pipeline_version())}.part"
    run_part([r.payload() for r in first], str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = [lines[0]] + [line.replace('"entities":', '"left_by": "earlier run", "entities":')
                           for line in lines[1:]]
    path.write_text("\n".join(marked) + "\n", encoding="utf-8")

    status, err = annotate(src, "-o", tmp_path / "out.jsonl", "--engine", "dask", "--scheduler", scheduler,
                           "--parts", parts, "--part-size", 8, capsys=capsys)
    assert status == 0, err
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [o["id"] for o in out] == [r["id"] for r in recs]
    assert [o.get("left_by") for o in out] == ["earlier run"] * 8 + [None] * 16
    assert not parts.exists()


def test_runner_dask_part_of_another_pipeline_version_is_refused(tmp_path, same_version):
    from service.bulk.work import read_part

    path = tmp_path / "x.part"
    run_part([("a", "Konya ihracatı arttı.", None, {})], str(path))
    assert read_part(path, 1, "dask-test")[0][0] == "ok"
    assert read_part(path, 2, "dask-test") is None  # not this part's size: not its part
    (outcome,) = read_part(path, 1, "another")
    assert outcome[0] == "fail" and outcome[1].startswith("E126")
    assert json.loads(path.read_text().splitlines()[0])["version"] == "dask-test"
