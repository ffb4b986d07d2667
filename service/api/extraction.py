"""Run the engine off the event loop, one extraction at a time per process.

spaCy's memory zones must not overlap ("Memory zones should not be nested": on exit a
zone frees every string added since it began, including another thread's), so
extractions run on one dedicated thread, and take a process-wide lock in case two apps
share a process (tests do). Extraction is CPU-bound under the GIL, so serialising it
costs no throughput; the event loop stays free for /healthz and for reading the next
requests. One thread also means one malloc arena, which keeps resident memory flat.
Scale with worker processes.
"""
import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from spacy.language import Language

from .. import engine
from ..schemas import ExtractResult

_ZONE_LOCK = threading.Lock()


def extract_one(nlp: Language, text: str, date: str | None, doc_id: str | None) -> ExtractResult:
    """`engine.extract` under the process-wide zone lock."""
    with _ZONE_LOCK:
        return engine.extract(text, date=date, id=doc_id, nlp=nlp)


def extract_batch(nlp: Language, records: list[dict], batch_size: int = 32
                  ) -> list[ExtractResult | engine.ExtractionError]:
    """Read `{"text", "date"?, "id"?}` records with `nlp.pipe` inside one memory zone.

    Returns one entry per record, in order: its result, or the `ExtractionError` that
    `make_doc` raised for it (the others are still read).
    """
    out: list[ExtractResult | engine.ExtractionError | None] = [None] * len(records)
    with _ZONE_LOCK, nlp.memory_zone():
        docs, slots = [], []
        for i, r in enumerate(records):
            try:
                docs.append(engine.make_doc(nlp, r["text"], r.get("date"), r.get("id")))
                slots.append(i)
            except engine.ExtractionError as exc:
                out[i] = exc
        # Results are built inside the zone: the Docs' strings die with it.
        for i, doc in zip(slots, nlp.pipe(docs, batch_size=batch_size)):
            out[i] = engine.doc_to_result(doc)
    return out


@dataclass
class Extractor:
    """The loaded pipeline of this worker and the one thread that runs it."""

    nlp: Language
    batch_size: int = 32
    thread: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract"))

    async def _run(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.thread, partial(fn, *args))

    async def one(self, text: str, date: str | None = None, doc_id: str | None = None) -> ExtractResult:
        return await self._run(extract_one, self.nlp, text, date, doc_id)

    async def many(self, records: list[dict]) -> list[ExtractResult | engine.ExtractionError]:
        return await self._run(extract_batch, self.nlp, records, self.batch_size)

    def close(self) -> None:
        self.thread.shutdown(wait=True, cancel_futures=True)
