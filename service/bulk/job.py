"""One annotate run: read the inputs, keep what the outputs still need, extract it, commit it in batches.

    inputs → ArchiveReader → SeenIds (duplicates) → sinks' check (already done?) →
    runner (local cores or Dask) → batches → sinks (JSONL, database), bad records → ErrorLog

Every stage streams, so memory stays flat. Every output commits a batch all or nothing
and knows what it holds, so the same command after a kill finishes the rest.
"""
import hashlib
import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import ExtractionError, load_nlp
from .lock import FileLock, OutputBusy
from .progress import Progress, Stats
from .runner_local import LocalRunner, WorkerDied
from .sinks import DONE, NEED, ErrorLog, JsonlSink, SeenIds, StreamSink
from .sources import ArchiveReader, BadRecord, Record
from .work import pipeline_version

EXIT_OK, EXIT_ERRORS, EXIT_NOTHING = 0, 1, 2
_PLAN_BLOCK = 256  # records checked against the outputs per query


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass
class Job:
    """What `python -m service annotate` was asked to do (see `command.register` for each option)."""

    inputs: list[str]
    output: str | None = None
    db: str | None = None
    workers: int = field(default_factory=default_workers)
    engine: str = "local"
    scheduler: str | None = None
    errors: str | None = None
    strict: bool = False
    max_chars: int = 200_000
    batch_size: int = 64
    commit_every: int = 256
    commit_seconds: float = 5.0
    part_size: int = 256
    parts_dir: str | None = None

    def run_key(self) -> str:
        """Same inputs and limit, same key: the JSONL journal continues only the same command."""
        spec = [sorted(os.path.abspath(i) for i in self.inputs), self.max_chars]
        return hashlib.sha256(json.dumps(spec).encode()).hexdigest()[:32]

    def output_file(self) -> Path | None:
        """The JSONL output when it is a regular file (not standard output, /dev/null or a pipe)."""
        if not self.output or self.output == "-":
            return None
        out = Path(self.output)
        return None if out.exists() and not out.is_file() else out

    def errors_path(self) -> Path | None:
        if self.errors:
            return Path(self.errors)
        if out := self.output_file():
            return out.with_name(f"{out.name.removesuffix('.jsonl')}.errors.jsonl")
        return None

    def default_parts_dir(self) -> Path:
        if self.parts_dir:
            return Path(self.parts_dir)
        if out := self.output_file():
            return Path(f"{out}.parts")
        if self.db and self.db.startswith("sqlite:///") and len(self.db) > len("sqlite:///"):
            return Path(f"{self.db[len('sqlite:///'):]}.parts")
        return Path("annotate.parts")

    def sqlite_file(self) -> Path | None:
        """The database file of an SQLite `--db` (None for another database or an in-memory one)."""
        if not self.db:
            return None
        from sqlalchemy.engine import make_url
        try:
            url = make_url(self.db)
        except Exception:  # noqa: BLE001  (a bad URL is reported when the sink opens it)
            return None
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return None
        return Path(url.database)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGINT: stop, keep what is committed, exit 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class SignalGuard:
    """Turn SIGTERM and SIGINT into `Interrupted`, but never inside a commit.

    A commit appends to the JSONL file, then journals it; a signal between the two would be
    harmless after a restart (the file is cut back to the journal) but would leave this
    process's sink half-way through a transaction. So while `critical` the signal is only
    noted, and raised as soon as the commit is done.
    """

    def __init__(self):
        self.critical = 0
        self.pending: int | None = None
        self._old: dict = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc):
        for sig, old in self._old.items():
            signal.signal(sig, old)
        return False

    def _handle(self, signum, _frame):
        if self.critical:
            self.pending = signum
            return
        raise Interrupted(signum)

    def enter_critical(self) -> None:
        self.critical += 1

    def leave_critical(self) -> None:
        self.critical -= 1
        if not self.critical and self.pending is not None:
            signum, self.pending = self.pending, None
            raise Interrupted(signum)


class Run:
    """The state of one run; `execute()` returns the exit status."""

    def __init__(self, job: Job, stream=None, tty: bool | None = None):
        self.job = job
        self.stats = Stats()
        self.progress = Progress(self.stats, stream=stream, tty=tty)
        self.reader = ArchiveReader(job.inputs, job.max_chars)
        self.valid = 0
        self.sinks: list = []
        self.pending: list[tuple[Record, str]] = []
        self.guard = SignalGuard()
        self.locks: list = []
        self.created: list[Path] = []  # outputs this run made; removed again if nothing could be read

    def _open_sinks(self, version: str) -> None:
        job = self.job
        if out := job.output_file():
            self.sinks.append(JsonlSink(out, job.run_key(), version))
        elif job.output and job.output != "-":
            self.sinks.append(StreamSink(job.output))  # /dev/null, a named pipe: nothing to resume
        elif job.output == "-" or not job.db:
            self.sinks.append(StreamSink())
        if job.db:
            from .db import DbSink
            self.sinks.append(DbSink(job.db, version))
        for sink in self.sinks:
            if sink.note:
                self.progress.message(f"annotate: {sink.note}")
            if sink.resumed:
                self.progress.message(f"annotate: resuming {job.output}")

    def _runner(self, version: str):
        job = self.job
        start = lambda: self.progress.count_in_background(self.reader.count)  # noqa: E731
        if job.engine == "dask":
            from .runner_dask import DaskRunner
            return DaskRunner(job.default_parts_dir(), version, scheduler=job.scheduler,
                              workers=job.workers, batch_size=job.batch_size,
                              part_size=job.part_size, on_start=start)
        return LocalRunner(job.workers, job.batch_size, on_start=start)

    def _plan(self, errlog: ErrorLog, seen: SeenIds):
        """The valid, first-seen records, each with the sinks that still need it."""
        block: list[Record] = []
        for item in self.reader:
            if isinstance(item, BadRecord):
                self.stats.read += not item.whole_input
                self.stats.errors += 1
                errlog.add(item)
                continue
            self.stats.read += 1
            self.valid += 1
            block.append(item)
            if len(block) >= _PLAN_BLOCK:
                yield from self._sort(block, errlog, seen)
                block = []
        yield from self._sort(block, errlog, seen)

    def _sort(self, block: list[Record], errlog: ErrorLog, seen: SeenIds):
        fresh = []
        for rec, status, first in seen.sort(block):
            if status == seen.NEW:
                fresh.append(rec)
            elif status == seen.DUPLICATE:
                self.stats.duplicates += 1
            else:
                where = f"{first[1]}:{first[2]}" if first[2] else first[1]
                self.stats.errors += 1
                errlog.add(BadRecord(rec.input, rec.line, f"E120 id {rec.id!r} was met before with another "
                                     f"text (at {where}), which was kept: give every article its own id",
                                     rec.id))
        states = [sink.check(fresh) for sink in self.sinks]
        for i, rec in enumerate(fresh):
            rec.targets = tuple(j for j, st in enumerate(states) if st[i] == NEED)
            complaints = [st[i] for st in states if st[i] not in (NEED, DONE)]
            if complaints:
                self.stats.errors += 1
                errlog.add(BadRecord(rec.input, rec.line, complaints[0], rec.id))
            yield rec
        self.progress.tick()

    def _take(self, rec: Record, outcome, errlog: ErrorLog) -> None:
        if outcome is None:
            self.stats.skipped += 1
        elif outcome[0] == "ok":
            self.stats.extracted += 1
            self.stats.facts += outcome[1]
            self.pending.append((rec, outcome[2]))
        else:
            if outcome[0] == "fail":
                self.stats.failed += 1
            else:
                self.stats.errors += 1
            errlog.add(BadRecord(rec.input, rec.line, outcome[1], rec.id))

    def _commit(self, errlog: ErrorLog, runner) -> None:
        # Taken out first: if a sink fails mid-way, the batch is not offered twice; a sink
        # that did not commit it simply needs it again on the next run.
        self.guard.enter_critical()
        try:
            batch, self.pending = self.pending, []
            for j, sink in enumerate(self.sinks):
                sink.write([(rec, line) for rec, line in batch if j in rec.targets])
            self.stats.written += len(batch)
            errlog.flush()
            runner.committed()
        finally:
            self.guard.leave_critical()

    def _lock_outputs(self) -> None:
        """Take the writer lock of every file output, before any of them is opened (E132)."""
        for path in (self.job.output_file(), self.job.sqlite_file()):
            if path is not None:
                self.locks.append(FileLock(path).acquire())

    def _release_locks(self) -> None:
        for lock in reversed(self.locks):
            lock.release()
        self.locks = []

    def _forget_created(self) -> None:
        """Remove the outputs this run created when it could read nothing: a first command that
        failed leaves no empty out.jsonl and journal behind."""
        for path in self.created:
            for p in (path, Path(f"{path}.journal"), Path(f"{path}.journal-wal"), Path(f"{path}.journal-shm"),
                      Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.unlink(missing_ok=True)

    def execute(self) -> int:
        with self.guard:
            try:
                return self._execute()
            except Interrupted as exc:  # a signal before the run got going: nothing to keep
                self._close_sinks()
                self.progress.abandon(f"annotate: stopped by {exc}")
                return 128 + exc.signum
            finally:
                self._release_locks()

    def _execute(self) -> int:
        job = self.job
        try:  # first of all, so a second run into the same output is refused at once
            self._lock_outputs()
        except OutputBusy as exc:
            self.progress.abandon(f"annotate: {exc}")
            return EXIT_NOTHING
        version = pipeline_version()
        if job.engine == "local":
            try:
                load_nlp()  # before the outputs are opened: a run that cannot extract changes nothing
            except ExtractionError as exc:
                self.progress.abandon(f"annotate: {exc}")
                return EXIT_NOTHING
        try:
            self.created = [p for p in (job.output_file(), job.sqlite_file()) if p is not None and not p.exists()]
            self._open_sinks(version)
        except OutputBusy as exc:  # the server-side lock of a database (the file locks are taken above)
            self._close_sinks()
            self._forget_created()
            self.progress.abandon(f"annotate: {exc}")
            return EXIT_NOTHING
        except Exception as exc:  # noqa: BLE001  (a database that cannot be reached or migrated)
            self._close_sinks()
            self._forget_created()  # nothing was written: leave no empty JSONL and journal
            self.progress.abandon(f"annotate: E130 cannot use the outputs ({exc}): check -o and --db")
            return EXIT_NOTHING
        errlog = ErrorLog(job.errors_path(), create=bool(job.errors), echo=self.progress.message)
        seen = SeenIds()
        status = EXIT_OK
        runner = self._runner(version)
        try:
            with runner:
                last = time.monotonic()
                for rec, outcome in runner.map(self._plan(errlog, seen)):
                    self._take(rec, outcome, errlog)
                    now = time.monotonic()
                    due = self.pending and now - last > job.commit_seconds
                    if len(self.pending) >= job.commit_every or due:
                        self._commit(errlog, runner)
                        last = now
                    self.progress.tick()
                self._commit(errlog, runner)
        except KeyboardInterrupt as exc:
            self._commit(errlog, runner)
            name = f" by {exc}" if isinstance(exc, Interrupted) else ""
            self.progress.message(f"annotate: interrupted{name}; what was extracted is kept: "
                                  "run the same command again to finish")
            status = 128 + exc.signum if isinstance(exc, Interrupted) else 130
        except WorkerDied as exc:  # keep what is done, say how to go on
            self._commit(errlog, runner)
            self.progress.message(f"annotate: {exc}")
            status = EXIT_ERRORS
        finally:
            seen.close()
            errlog.close()
            self._close_sinks()
        self.progress.close(errlog.path if errlog.count else None)
        if status:
            return status
        if self.valid == 0:
            self._forget_created()
            where = f" (why: {errlog.path})" if errlog.path and errlog.count else ""
            self.progress.message("annotate: E127 nothing could be read from the inputs"
                                  f"{where}: give JSONL files, folders of .txt files or glob patterns; "
                                  "examples/archive.jsonl is a small archive to try")
            return EXIT_NOTHING
        if self.stats.failed or (job.strict and self.stats.errors):
            return EXIT_ERRORS
        return EXIT_OK

    def _close_sinks(self) -> None:
        for sink in self.sinks:
            sink.close()


def run(job: Job, stream=None, tty: bool | None = None) -> int:
    """Run `job`; progress and the summary go to `stream` (standard error by default)."""
    return Run(job, stream=stream or sys.stderr, tty=tty).execute()
