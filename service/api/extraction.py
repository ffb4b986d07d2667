"""Run the engine off the event loop, one extraction at a time per process, within a time budget.

spaCy's memory zones must not overlap ("Memory zones should not be nested": on exit a
zone frees every string added since it began, including another thread's), so
extractions run on one dedicated thread, and take a process-wide lock in case two apps
share a process (tests do). Extraction is CPU-bound under the GIL, so serialising it
costs no throughput; the event loop stays free for /healthz and for reading the next
requests. One thread also means one malloc arena, which keeps resident memory flat.
Scale with worker processes.

Every extraction carries a `Budget` (service/pipeline/budget.py) on its Doc: the request's
time limit, and a switch the event loop flips when the client goes away or the server
shuts down. The request answers at its deadline whatever the thread is doing; the thread
stops at the pipeline's next `check_deadline`. The thread is a daemon, so a process told
to stop exits even while an article is being read.
"""
import asyncio
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field

from spacy.language import Language

from .. import engine
from ..pipeline.budget import Budget, BudgetExceeded
from ..schemas import ExtractResult

_ZONE_LOCK = threading.Lock()
_POLL_SECONDS = 0.1  # how often a waiting request looks for a client that went away


def extract_one(nlp: Language, text: str, date: str | None, doc_id: str | None,
                budget: Budget | None = None) -> ExtractResult:
    """`engine.extract` under the process-wide zone lock."""
    with _ZONE_LOCK:
        return engine.extract(text, date=date, id=doc_id, nlp=nlp, budget=budget)


def extract_batch(nlp: Language, records: list[dict], batch_size: int = 32, budget: Budget | None = None
                  ) -> list[ExtractResult | engine.ExtractionError]:
    """Read `{"text", "date"?, "id"?}` records with `nlp.pipe` inside one memory zone.

    Returns one entry per record, in order: its result, or the `ExtractionError` that
    `make_doc` raised for it (the others are still read). A spent `budget` raises
    `BudgetExceeded` for the whole batch.
    """
    out: list[ExtractResult | engine.ExtractionError | None] = [None] * len(records)
    with _ZONE_LOCK, nlp.memory_zone():
        docs, slots = [], []
        for i, r in enumerate(records):
            try:
                docs.append(engine.make_doc(nlp, r["text"], r.get("date"), r.get("id"), budget))
                slots.append(i)
            except engine.ExtractionError as exc:
                out[i] = exc
        # Results are built inside the zone: the Docs' strings die with it.
        for i, doc in zip(slots, nlp.pipe(docs, batch_size=batch_size)):
            out[i] = engine.doc_to_result(doc)
    return out


class Stopped(Exception):
    """The extractor was closed (the server is shutting down)."""


class ExtractionThread:
    """One daemon thread that runs submitted calls in order (a ThreadPoolExecutor's threads are
    joined at interpreter exit, which would keep a stopping server alive until the article is read)."""

    def __init__(self, name: str = "extract"):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._closed = False
        self._thread.start()

    def submit(self, fn, *args) -> Future:
        fut: Future = Future()
        if self._closed:
            fut.set_exception(Stopped("E141 the server is shutting down: send the request again"))
        else:
            self._jobs.put((fut, fn, args))
        return fut

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fut, fn, args = job
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001  (handed to the waiting request)
                fut.set_exception(exc)

    def close(self) -> None:
        self._closed = True
        while True:  # calls still queued will never run: fail them now
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job[0].cancel()
        self._jobs.put(None)


@dataclass
class Extractor:
    """The loaded pipeline of this worker, the one thread that runs it, and the time budget."""

    nlp: Language
    batch_size: int = 32
    timeout: float | None = None  # seconds per request; None: no limit
    thread: ExtractionThread = field(default_factory=ExtractionThread)
    active: set = field(default_factory=set)

    async def _run(self, fn, args: tuple, disconnected=None):
        budget = Budget(self.timeout)
        self.active.add(budget)
        fut = asyncio.wrap_future(self.thread.submit(fn, *args, budget))
        try:
            while True:
                remaining = budget.remaining()
                wait = _POLL_SECONDS if remaining is None else min(_POLL_SECONDS, remaining)
                done, _ = await asyncio.wait({fut}, timeout=wait)
                if done:
                    return fut.result()
                if budget.expired():
                    budget.cancel("its time budget ran out")
                    raise BudgetExceeded(
                        f"E140 extraction took longer than its time budget of {self.timeout:g} s: "
                        "split the article, or raise EXPORT_FACTS_TIMEOUT", "E140")
                if disconnected is not None and await disconnected():
                    budget.cancel("the client went away")
                    raise BudgetExceeded("E141 extraction stopped: the client went away", "E141")
        except asyncio.CancelledError:
            # The server cancels requests still running after its shutdown grace; answer that
            # (503) rather than let the cancellation surface as a 500 from the error middleware.
            budget.cancel("the server is shutting down")
            raise Stopped("E141 the server is shutting down: send the request again") from None
        finally:
            # Answered, timed out, client gone or task cancelled (shutdown): the thread stops
            # at its next check instead of finishing work nobody will read.
            if not fut.done():
                budget.cancel(budget.reason or "the request was cancelled")
                fut.cancel()
            self.active.discard(budget)

    async def one(self, text: str, date: str | None = None, doc_id: str | None = None,
                  disconnected=None) -> ExtractResult:
        return await self._run(extract_one, (self.nlp, text, date, doc_id), disconnected)

    async def many(self, records: list[dict], disconnected=None) -> list[ExtractResult | engine.ExtractionError]:
        return await self._run(extract_batch, (self.nlp, records, self.batch_size), disconnected)

    def close(self) -> None:
        for budget in list(self.active):
            budget.cancel("the server is shutting down")
        self.thread.close()
