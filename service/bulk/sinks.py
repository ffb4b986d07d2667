"""Where results go (a JSONL file, standard output), where bad records go, and the run's id register.

A sink answers two questions: which of these articles do you still need (`check`), and
take these results, all or none (`write`). The JSONL sink keeps a journal beside its file
(`OUT.jsonl.journal`, SQLite): the ids it holds and the length of the file they fill. A
batch is appended and synced first and journalled second, so after a kill the file is cut
back to what the journal vouches for and nothing is written twice.
"""
import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

from .sources import BadRecord, Record

NEED, DONE = "need", "done"
_IN_CHUNK = 500  # ids per IN (...) query, under every database's parameter limit


def chunks(seq: list, size: int = _IN_CHUNK):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _sqlite(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db


class JsonlSink:
    """An append-only JSONL output that resumes after a kill (see the module's docstring).

    The journal also records the run's inputs and pipeline version: the same command
    continues the file, other inputs or another pipeline start it again from empty.
    """

    def __init__(self, path: str | Path, run_key: str, version: str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.journal_path = Path(f"{self.path}.journal")
        self.note = None
        self.db = _sqlite(str(self.journal_path))
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS done (id TEXT PRIMARY KEY, hash TEXT NOT NULL) "
                        "WITHOUT ROWID")
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        size = self.path.stat().st_size if self.path.exists() else 0
        offset = int(meta.get("offset", -1))
        if meta.get("run") == run_key and meta.get("version") == version and 0 <= offset <= size:
            self.resumed = offset > 0
            if self.path.exists():
                os.truncate(self.path, offset)  # a batch written but not journalled is done again
        else:
            if size:
                self.note = (f"{self.path} was written by another command or pipeline version: "
                             "starting it again from empty")
            self.resumed = False
            offset = 0
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM done")
            self.db.execute("DELETE FROM meta")
            self.db.executemany("INSERT INTO meta VALUES (?, ?)",
                                [("run", run_key), ("version", version), ("offset", "0")])
            self.db.execute("COMMIT")
        self.fh = open(self.path, "ab" if offset else "wb")
        self.offset = offset

    def check(self, records: list[Record]) -> list[str]:
        known = {}
        for ids in chunks([r.id for r in records]):
            known.update(self.db.execute(
                f"SELECT id, hash FROM done WHERE id IN ({','.join('?' * len(ids))})", ids))
        out = []
        for r in records:
            h = known.get(r.id)
            out.append(NEED if h is None else DONE if h == r.hash else
                       f"E123 id {r.id!r} is already in {self.path} with another text, and a JSONL "
                       "output is append-only: delete it (and its .journal) to rebuild it, or use "
                       "--db, which replaces changed articles")
        return out

    def write(self, rows: list[tuple[Record, str]]) -> None:
        if not rows:
            return
        data = "".join(line + "\n" for _, line in rows).encode("utf-8")
        self.fh.write(data)
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.offset += len(data)
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR REPLACE INTO done VALUES (?, ?)", [(r.id, r.hash) for r, _ in rows])
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'offset'", (str(self.offset),))
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.fh.close()
        self.db.close()


class StreamSink:
    """Results on standard output or a device or pipe (`-o /dev/null`): nothing to resume,
    so every article is needed."""

    note = None
    resumed = False

    def __init__(self, path: str | None = None):
        self.fh = open(path, "w", encoding="utf-8") if path else sys.stdout

    def check(self, records: list[Record]) -> list[str]:
        return [NEED] * len(records)

    def write(self, rows: list[tuple[Record, str]]) -> None:
        self.fh.write("".join(line + "\n" for _, line in rows))
        self.fh.flush()

    def close(self) -> None:
        if self.fh is not sys.stdout:
            self.fh.close()


class ErrorLog:
    """Bad records as JSON lines `{"input", "line", "id", "reason"}`, in a file or on standard error.

    The file is rebuilt by every run (a resumed run meets its inputs' bad records again),
    so it always lists the bad records of the inputs, each once.
    """

    def __init__(self, path: str | Path | None, create: bool = True, echo=None):
        self.path = Path(path) if path else None
        self.count = 0
        self.fh = None
        self.echo = echo or (lambda msg: print(msg, file=sys.stderr))
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            if create:
                self._open()

    def _open(self):
        self.fh = open(self.path, "w", encoding="utf-8")

    def add(self, bad: BadRecord) -> None:
        self.count += 1
        if self.path is None:
            where = f"{bad.input}:{bad.line}" if bad.line else bad.input
            self.echo(f"error: {where}: {bad.reason}")
            return
        if self.fh is None:
            self._open()
        self.fh.write(json.dumps(bad.to_json(), ensure_ascii=False) + "\n")

    def flush(self) -> None:
        if self.fh is not None:
            self.fh.flush()

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()


class SeenIds:
    """The ids met in this run, kept on disk so memory stays flat over millions of articles.

    The first occurrence of an id wins; a later one with the same text is a duplicate
    (skipped), with another text a bad record (E120).
    """

    NEW, DUPLICATE, CONFLICT = "new", "duplicate", "conflict"

    def __init__(self):
        self._dir = tempfile.TemporaryDirectory(prefix="annotate-ids-")
        self.db = sqlite3.connect(os.path.join(self._dir.name, "ids.sqlite"), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, hash TEXT, input TEXT, line INTEGER) "
                        "WITHOUT ROWID")

    def sort(self, records: list[Record]) -> list[tuple[Record, str, tuple | None]]:
        """`(record, NEW | DUPLICATE | CONFLICT, (hash, input, line) of the first occurrence)`."""
        known: dict[str, tuple] = {}
        for ids in chunks(list({r.id for r in records})):
            for rid, *first in self.db.execute(
                    f"SELECT id, hash, input, line FROM seen WHERE id IN ({','.join('?' * len(ids))})", ids):
                known[rid] = tuple(first)
        out, new = [], []
        for r in records:
            first = known.get(r.id)
            if first is None:
                known[r.id] = (r.hash, r.input, r.line)
                new.append((r.id, r.hash, r.input, r.line))
                out.append((r, self.NEW, None))
            else:
                out.append((r, self.DUPLICATE if first[0] == r.hash else self.CONFLICT, first))
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO seen VALUES (?, ?, ?, ?)", new)
        self.db.execute("COMMIT")
        return out

    def close(self) -> None:
        self.db.close()
        self._dir.cleanup()
