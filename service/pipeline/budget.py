"""A time budget that travels on the Doc, so that long work can stop between steps.

Extraction runs on a thread nobody can interrupt from outside. Whoever starts it (the
HTTP service: a per-request time limit, a client that went away, a shutdown) puts a
`Budget` on `doc._.deadline`; the engine checks it between components, and components
call `check_deadline(doc)` between units of their own work (every few thousand tokens, or
every sentence or clause). It raises `BudgetExceeded`, which unwinds the extraction and its
memory zone cleanly. A Doc without a budget (the CLI, the bulk runners, tests) never stops.
"""
import threading
import time

from spacy.tokens import Doc

from .user_data import doc_value

if not Doc.has_extension("deadline"):
    Doc.set_extension("deadline", default=None)


class BudgetExceeded(RuntimeError):
    """E140 the time budget ran out, or E141 the work was called off (client gone, shutdown)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


class Budget:
    """Until when one extraction may run, and a switch to call it off earlier.

    `seconds=None` means no time limit (it can still be cancelled). Thread-safe: the event
    loop cancels, the extraction thread checks.
    """

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds else None
        self._cancelled = threading.Event()
        self.reason = ""

    def cancel(self, reason: str) -> None:
        self.reason = reason
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def remaining(self) -> float | None:
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def check(self) -> None:
        """Raise `BudgetExceeded` when cancelled or past the deadline; otherwise return at once."""
        if self._cancelled.is_set():
            raise BudgetExceeded(f"E141 extraction stopped: {self.reason}", "E141")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise BudgetExceeded(
                f"E140 extraction took longer than its time budget of {self.seconds:g} s: "
                "split the article, or raise EXPORT_FACTS_TIMEOUT", "E140")


def check_deadline(doc: Doc) -> None:
    """Stop this Doc's extraction if its budget (`doc._.deadline`) is spent; cheap when it is not.

    Call it from a component between units of work (sentences, clauses, every few thousand
    tokens): the cost is one attribute read and one clock read.
    """
    budget = doc_value(doc, "deadline")  # (not `doc._.deadline`: an Underscore object per call)
    if budget is not None:
        budget.check()
