"""The local engine: extract on this machine's cores, results in input order.

An input that fits in one chunk runs in this process: a small input never pays for
starting workers. As soon as a second chunk shows up (and more than one worker is
allowed) a pool of worker processes takes every chunk. On Linux the workers are forked
after the pipeline is loaded, so they share it instead of loading it again.
"""
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..engine import load_nlp
from .sources import Record
from .work import Outcome, extract_chunk, init_worker


class WorkerDied(RuntimeError):
    """A worker process was killed (out of memory?) while it held articles."""


def with_last(items: Iterable) -> Iterator[tuple[object, bool]]:
    """`(item, is_last)`: one item of look-ahead."""
    it = iter(items)
    try:
        item = next(it)
    except StopIteration:
        return
    for following in it:
        yield item, False
        item = following
    yield item, True


def groups(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    """Consecutive records holding up to `size` that need work (articles already done ride along)."""
    group, todo = [], 0
    for rec in records:
        group.append(rec)
        todo += bool(rec.targets)
        if todo >= size or len(group) >= 8 * size:
            yield group
            group, todo = [], 0
    if group:
        yield group


class LocalRunner:
    """Map records to outcomes with `workers` processes; `on_start` runs once the engine is up."""

    def __init__(self, workers: int, batch_size: int = 64, on_start: Callable[[], None] | None = None):
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self.on_start = on_start
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            if exc[0] is not None:
                # Interrupted or failed: what the workers hold is discarded anyway, and a worker
                # deep in a long article would keep the process alive at exit; stop them now.
                for proc in list((self.pool._processes or {}).values()):
                    proc.terminate()
            self.pool.shutdown(wait=exc[0] is None, cancel_futures=True)
        return False

    def committed(self) -> None:
        """Nothing to release: results live in memory until the outputs take them."""

    def _start_pool(self) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            load_nlp()  # loaded before the fork: every worker inherits it
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                        initializer=init_worker)
        self._started()

    def _started(self) -> None:
        if self.on_start:
            self.on_start()
            self.on_start = None

    def map(self, records: Iterable[Record]) -> Iterator[tuple[Record, Outcome | None]]:
        """Yield `(record, outcome)` in input order; outcome None for a record no sink needs."""
        try:
            yield from self._map(records)
        except BrokenProcessPool as exc:  # raised by submit() or result(), whichever comes first
            raise WorkerDied("E125 a worker process died (killed, or out of memory?): the articles "
                             "written so far are kept; run the same command again to go on") from exc

    def _map(self, records: Iterable[Record]) -> Iterator[tuple[Record, Outcome | None]]:
        window: deque[tuple[list[Record], Future | list | None]] = deque()
        limit = 2 * self.workers
        for group, last in with_last(groups(records, self.batch_size)):
            todo = [r.payload() for r in group if r.targets]
            if not todo:
                window.append((group, None))
            elif self.pool is None and (self.workers == 1 or last):
                window.append((group, extract_chunk(todo, self.batch_size)))
                if self.workers == 1:
                    self._started()
            else:
                if self.pool is None:
                    self._start_pool()
                window.append((group, self.pool.submit(extract_chunk, todo, self.batch_size)))
            while len(window) > limit or (window and not isinstance(window[0][1], Future)):
                yield from self._settle(*window.popleft())
        while window:
            yield from self._settle(*window.popleft())

    def _settle(self, group: list[Record], outcomes) -> Iterator[tuple[Record, Outcome | None]]:
        if isinstance(outcomes, Future):
            outcomes = outcomes.result()
        it = iter(outcomes or ())
        for rec in group:
            yield rec, (next(it) if rec.targets else None)
