"""What a worker does with a chunk of articles, the same in this process, a local pool or Dask.

A chunk goes through `engine.extract_many` (nlp.pipe) inside one memory zone, so a worker
that runs for days keeps a flat vocabulary. An article that makes the pipeline fail is
isolated and reported; the rest of its chunk is kept.
"""
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from ..engine import MODEL_DIR, extract, extract_many, load_nlp

PACKAGE = Path(__file__).resolve().parent.parent
# What extraction reads: a change to any of these may change the facts, so it is a new version.
_EXTRACTION_CODE = ("engine.py", "schemas.py", "pipeline", "lang")

# An outcome is ("ok", n_facts, json_line), ("err", reason) for an article the pipeline
# cannot take, or ("fail", reason) for one a broken worker or cluster did not extract.
Outcome = tuple


@lru_cache(maxsize=None)
def pipeline_version() -> str:
    """`<name>-<version>+<digest>` of the packaged pipeline and the code that runs it.

    $EXPORT_FACTS_PIPELINE_VERSION replaces it, for a change known not to touch extraction
    (outputs written under one version are done again under another).
    """
    if os.environ.get("EXPORT_FACTS_PIPELINE_VERSION"):
        return os.environ["EXPORT_FACTS_PIPELINE_VERSION"]
    root = Path(os.environ.get("EXPORT_FACTS_MODEL") or MODEL_DIR)  # the one load_nlp() loads
    try:
        meta = json.loads((root / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    digest = hashlib.sha256()
    paths = sorted(p for p in root.rglob("*") if p.is_file())
    for name in _EXTRACTION_CODE:
        top = PACKAGE / name
        paths += [top] if top.is_file() else sorted(
            p for p in top.rglob("*") if p.is_file() and p.suffix in (".py", ".json"))
    for p in paths:
        digest.update(str(p.relative_to(root if p.is_relative_to(root) else PACKAGE)).encode())
        digest.update(p.read_bytes())
    return f"{meta.get('name', 'export_facts')}-{meta.get('version', '0')}+{digest.hexdigest()[:12]}"


def _line(result, extras: dict) -> str:
    row = result.model_dump()
    for key, value in extras.items():
        row.setdefault(key, value)
    return json.dumps(row, ensure_ascii=False)


def extract_chunk(items: list[tuple], batch_size: int = 64) -> list[Outcome]:
    """Extract `(id, text, date, extras)` items; one outcome each, in order."""
    nlp = load_nlp()
    try:
        with nlp.memory_zone():
            results = list(extract_many(({"id": i, "text": t, "date": d} for i, t, d, _ in items),
                                        nlp=nlp, batch_size=batch_size))
        return [("ok", len(r.facts), _line(r, item[3])) for r, item in zip(results, items)]
    except Exception:  # noqa: BLE001  (one bad article must not cost its neighbours: retry alone)
        pass
    outcomes = []
    for rid, text, date, extras in items:
        try:
            result = extract(text, date, rid, nlp=nlp)
            outcomes.append(("ok", len(result.facts), _line(result, extras)))
        except Exception as exc:  # noqa: BLE001
            outcomes.append(("err", f"E122 the pipeline failed on this article ({type(exc).__name__}: "
                                    f"{exc}): report it with the article"))
    return outcomes


def init_worker() -> None:
    """Pool initializer: load the pipeline once (a no-op in a forked child, which inherits it)."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # A forked worker inherits the parent's SIGTERM handler, which would unwind the parent's
    # run inside the worker; a worker told to stop just stops (the parent commits).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    load_nlp()


def run_part(items: list[tuple], path: str, batch_size: int = 64) -> dict:
    """Dask task: extract a part and write its outcomes to `path` (atomically: all or nothing)."""
    outcomes = extract_chunk(items, batch_size)
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"version": pipeline_version(), "n": len(outcomes)}) + "\n")
        for o in outcomes:
            fh.write(f"ok\t{o[1]}\t{o[2]}\n" if o[0] == "ok" else f"err\t{json.dumps(o[1])}\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return {"path": path, "n": len(outcomes), "host": os.uname().nodename}


def read_part(path: str | Path, n: int, version: str) -> list[Outcome] | None:
    """The outcomes a finished part holds, or None when it is missing, incomplete or another version's."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = json.loads(fh.readline())
            if head.get("n") != n:
                return None
            if head.get("version") != version:
                return [("fail", f"E126 a worker ran pipeline {head.get('version')}, not {version}: "
                                "install the same export-facts release and model on every worker")] * n
            outcomes = []
            for line in fh:
                tag, rest = line.rstrip("\n").split("\t", 1)
                if tag == "ok":
                    n_facts, row = rest.split("\t", 1)
                    outcomes.append(("ok", int(n_facts), row))
                else:
                    outcomes.append(("err", json.loads(rest)))
    except (OSError, ValueError):
        return None
    return outcomes if len(outcomes) == n else None
