"""How a run reports itself: a bar on a terminal, a plain line now and then in a log, a summary at the end."""
import os
import sys
import threading
import time
from dataclasses import dataclass


@dataclass
class Stats:
    read: int = 0         # records met in the inputs, good and bad
    extracted: int = 0    # articles through the pipeline in this run
    written: int = 0      # articles committed to the outputs
    skipped: int = 0      # articles the outputs already had
    duplicates: int = 0   # the same id with the same text met again
    errors: int = 0       # bad records (see the errors file)
    failed: int = 0       # articles a dead worker or cluster could not extract: run again
    facts: int = 0

    @property
    def settled(self) -> int:
        return self.extracted + self.skipped + self.duplicates + self.errors + self.failed


class Progress:
    """Report `stats` on `stream`: tqdm when it is a terminal, a line every `every` seconds when not."""

    def __init__(self, stats: Stats, stream=None, tty: bool | None = None, every: float = 30.0):
        self.stats = stats
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.every = every
        self.t0 = time.monotonic()
        self._last = self.t0
        self._total: int | None = None
        self.bar = None
        if self.tty:
            from tqdm import tqdm
            tqdm.monitor_interval = 0  # no monitor thread: the local engine forks its workers
            try:
                width = os.get_terminal_size(self.stream.fileno()).columns
            except (OSError, ValueError, AttributeError):
                width = 0
            # A terminal that reports no width (a bare pty) would get an empty bar.
            size = {"dynamic_ncols": True} if width else {"ncols": 100}
            self.bar = tqdm(total=None, unit=" articles", file=self.stream, smoothing=0.05,
                            mininterval=0.5, **size)

    def count_in_background(self, count) -> None:
        """Learn the total from `count()` in a thread (the ETA appears once it is known)."""
        if self.bar is not None:
            threading.Thread(target=lambda: setattr(self, "_total", count()), daemon=True,
                             name="annotate-count").start()

    def tick(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < (0.5 if self.bar is not None else self.every):
            return
        self._last = now
        s = self.stats
        if self.bar is not None:
            if self._total is not None and self.bar.total != self._total:
                self.bar.total = max(self._total, s.settled)
            self.bar.set_postfix_str(f"facts={s.facts} errors={s.errors}", refresh=False)
            self.bar.update(s.settled - self.bar.n)
        else:
            print(f"annotate: {s.settled} articles, {s.settled / max(now - self.t0, 1e-9):.1f}/s, "
                  f"{s.facts} facts, {s.errors} errors", file=self.stream, flush=True)

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def abandon(self, text: str) -> None:
        """End without a summary (the run could not start), saying why."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        self.message(text)

    def close(self, errors_path=None) -> str:
        """Print and return the final summary."""
        if self.bar is not None:
            self.tick(force=True)
            self.bar.close()
        s, secs = self.stats, time.monotonic() - self.t0
        line = (f"annotate: {s.read} records in {secs:.1f} s ({s.extracted / max(secs, 1e-9):.1f} articles/s "
                f"extracted): {s.written} written, {s.skipped} already done, {s.duplicates} duplicates, "
                f"{s.errors} errors, {s.facts} facts")
        if s.failed:
            line += f"; {s.failed} not extracted (run the same command again to finish)"
        if s.errors and errors_path:
            line += f"; bad records in {errors_path}"
        print(line, file=self.stream, flush=True)
        return line
