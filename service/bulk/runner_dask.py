"""The Dask engine: the same job on a dask.distributed cluster, in coarse parts.

The client reads and checks the inputs (as the local engine does) and cuts the articles
into parts of `part_size`. Each part is one task: a worker extracts it with the pipeline
it loaded once and writes the part's outcomes to `parts_dir/<part id>.part`, all or nothing.
The client merges parts into the outputs in input order and deletes each part once its
articles are committed. A part's id is a digest of its articles (ids, content hashes,
extra keys) and the pipeline version, so after a crash of the client, a worker or the
whole cluster, the same command finds the parts already written and only the missing
ones run again.
"""
import hashlib
import json
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..engine import ROOT
from .sources import Record
from .work import Outcome, read_part, run_part


def part_id(part: list[Record], version: str) -> str:
    digest = hashlib.sha256(version.encode())
    for r in part:
        digest.update(f"\n{r.id}\t{r.hash}\t".encode())
        digest.update(json.dumps(r.extras, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


def batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    part = []
    for rec in records:
        part.append(rec)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


class DaskRunner:
    """Map records to outcomes on a Dask cluster (`scheduler` address, else a LocalCluster of `workers`)."""

    def __init__(self, parts_dir: str | Path, version: str, scheduler: str | None = None,
                 workers: int = 2, batch_size: int = 64, part_size: int = 256,
                 on_start: Callable[[], None] | None = None):
        self.parts_dir = Path(parts_dir)
        self.version = version
        self.scheduler = scheduler
        self.workers = workers
        self.batch_size = batch_size
        self.part_size = part_size
        self.on_start = on_start
        self.client = self.cluster = None
        self._merged: list[Path] = []  # parts whose articles all went out; deleted at the next commit

    def __enter__(self):
        from dask.distributed import Client, LocalCluster

        self.parts_dir.mkdir(parents=True, exist_ok=True)
        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            # Workers are spawned: make this checkout importable there even when it is not installed.
            path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR,
                                        env={"PYTHONPATH": path})
            self.client = Client(self.cluster)
        if self.on_start:
            self.on_start()
        return self

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if exc[0] is None:
            self.committed()
            try:
                self.parts_dir.rmdir()  # only when empty: every part was merged
            except OSError:
                pass
        return False

    def committed(self) -> None:
        """The outputs committed every article handed out so far: their parts are no longer needed."""
        for path in self._merged:
            path.unlink(missing_ok=True)
        self._merged.clear()

    def map(self, records: Iterable[Record]) -> Iterator[tuple[Record, Outcome | None]]:
        """Yield `(record, outcome)` in input order; outcome None for a record no sink needs."""
        window = deque()
        limit = 2 * max(1, sum(self.client.nthreads().values()))
        for part in batches(records, self.part_size):
            if not any(r.targets for r in part):
                window.append((part, None, None))
            else:
                path = self.parts_dir / f"{part_id(part, self.version)}.part"
                future = None
                if not path.exists():  # parts are written whole, so one that exists is finished
                    # Every article of the part is extracted, even one a sink already has, so
                    # the part stays the same whatever was committed before a crash.
                    future = self.client.submit(run_part, [r.payload() for r in part], str(path),
                                                self.batch_size, key=f"annotate-part-{path.stem}",
                                                retries=2)
                window.append((part, path, future))
            while len(window) > limit or (window and window[0][2] is None):
                yield from self._settle(*window.popleft())
        while window:
            yield from self._settle(*window.popleft())

    def _settle(self, part: list[Record], path: Path | None,
                future) -> Iterator[tuple[Record, Outcome | None]]:
        if path is None:
            outcomes = [None] * len(part)
        else:
            failure = None
            if future is not None:
                try:
                    future.result()
                except Exception as exc:  # noqa: BLE001  (the cluster's failure is reported per article)
                    failure = f"{type(exc).__name__}: {exc}"
            outcomes = None if failure else read_part(path, len(part), self.version)
            if outcomes is None:
                reason = failure or (f"its part {path} is missing: is --parts a folder the workers "
                                     "share with this machine?")
                outcomes = [("fail", f"E124 the cluster could not extract this article ({reason}): "
                                    "run the same command again to retry it")] * len(part)
        for rec, outcome in zip(part, outcomes):
            yield rec, (outcome if rec.targets else None)
        if path is not None:
            self._merged.append(path)
