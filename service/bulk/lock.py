"""One writer per output: an exclusive lock a run holds on each of its outputs for its whole life.

Two runs into one JSONL file interleave their batches and their journal entries, and the
second one's "start again from empty" wipes the first one's work; two runs into one
database race on the same documents. So a run takes, before it opens any output, an
exclusive `flock` on a lock file beside each file output (`OUT.jsonl.lock`, `facts.db.lock`)
and, for a database server, a session advisory lock (see `db.DbSink`). A second run
into the same output is refused at once (E132) and changes nothing.
"""
import fcntl
import os
from pathlib import Path


class OutputBusy(RuntimeError):
    """E132: another run holds the output."""


def lock_path(output: str | os.PathLike) -> Path:
    return Path(f"{output}.lock")


class FileLock:
    """An exclusive, non-blocking `flock` on `PATH.lock`, held until `release()`.

    The lock file holds the owner's pid, for the error message. It is removed on release;
    since a waiting process may have opened the old file just before, the acquirer checks
    that the file it locked is still the one at the path, and tries again if not.
    """

    def __init__(self, output: str | os.PathLike):
        self.output = Path(output)
        self.path = lock_path(output)
        self.fd: int | None = None

    def acquire(self) -> "FileLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
                os.close(fd)
                raise OutputBusy(
                    f"E132 {self.output} is being written by another run (process {owner}, lock "
                    f"{self.path}): wait for it to finish, or write to another output") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)  # the holder removed the file between our open and our lock: go again
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        # Unlink while still holding the lock, so nobody can lock the old file after us.
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        os.close(self.fd)
        self.fd = None
