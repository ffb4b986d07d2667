"""The archive reader: JSONL (plain or .gz), folders of .txt articles and glob patterns, streamed.

A run's inputs are read one record at a time, so memory does not grow with the archive.
Every record comes out either as a `Record` (valid, ready to extract) or as a `BadRecord`
(where it was and why it cannot be used); reading never stops at a bad record.
"""
import glob
import gzip
import hashlib
import json
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import ExtractionError, parse_date

TEXT_SUFFIXES = (".txt",)
# Inside a folder only these are read (a stray .json there is more often metadata than
# articles); a file named on the command line is read as JSONL whatever its name.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
RESERVED_KEYS = ("id", "text", "date")
# A JSON line may escape every character as \uXXXX (6 bytes); anything longer than that
# allowance cannot hold a text under the limit and is skipped without being read whole.
_BYTES_PER_CHAR = 6
_LINE_SLACK = 1 << 16
# A record is flat: {"id", "text", "date", "url", ...}. Extra keys may hold small structures,
# but nothing an article needs is 32 levels deep, and deeper ones break the writers (JSON,
# the database's JSON columns) long before Python's own recursion limit does.
MAX_DEPTH = 32


class _HugeNumber(ValueError):
    """A JSON number that does not fit: an integer of more digits than Python converts, or a
    float that overflows to infinity (which no JSON writer can write back)."""


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _HugeNumber(f"the number {text[:40]} overflows a float")
    return value


def _no_constant(name: str):
    raise _HugeNumber(f"{name} is not a JSON number")


def loads(line: str):
    """`json.loads` that refuses NaN, Infinity and numbers that overflow (`_HugeNumber`)."""
    return json.loads(line, parse_float=_finite, parse_constant=_no_constant)


def depth_over(value, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` nests lists and objects more than `limit` levels deep (walked without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


@dataclass(slots=True)
class Record:
    """One valid article: what the extractor needs, the keys that travel with it, and where it was."""

    id: str
    text: str
    date: str | None
    extras: dict
    input: str
    line: int | None
    hash: str
    targets: tuple = field(default=())  # indexes of the sinks that still need this article

    def payload(self) -> tuple:
        """What a worker needs to extract this article (plain tuples pickle fast)."""
        return self.id, self.text, self.date, self.extras


@dataclass(slots=True)
class BadRecord:
    """A record (or a whole input) that cannot be annotated, and the reason, with its E-code."""

    input: str
    line: int | None
    reason: str
    id: str | None = None
    whole_input: bool = False  # an input that names nothing or breaks off, not one record

    def to_json(self) -> dict:
        return {"input": self.input, "line": self.line, "id": self.id, "reason": self.reason}


def _json_type(value) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array",
            dict: "object"}.get(type(value), type(value).__name__)


def content_hash(text: str, date: str | None) -> str:
    """What decides whether an article changed: its text and the date its periods resolve against."""
    return hashlib.sha256(f"{date or ''}\n{text}".encode("utf-8")).hexdigest()


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def _walk(folder: Path) -> Iterator[Path]:
    """Archive files under `folder`, depth first, in name order (one directory listed at a time)."""
    for top, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(top, name)
            if _kind(path):
                yield path


class ArchiveReader:
    """Iterate the records of INPUT arguments: files, folders (recursively) and glob patterns."""

    def __init__(self, inputs: list[str], max_chars: int = 200_000):
        self.inputs = list(inputs)
        self.max_chars = max_chars
        self._max_line = max_chars * _BYTES_PER_CHAR + _LINE_SLACK

    def files(self) -> Iterator[Path | BadRecord]:
        """Every input file once, in argument order; a BadRecord for an argument that names nothing."""
        seen: set[str] = set()
        for arg in self.inputs:
            path = Path(arg)
            if path.exists():
                matches = [path]
            elif glob.has_magic(arg):
                matches = sorted(Path(m) for m in glob.iglob(arg, recursive=True))
                if not matches:
                    yield BadRecord(arg, None, f"E121 pattern {arg!r} matches no file: check the path "
                                               "and quote the pattern so the shell leaves it alone",
                                    whole_input=True)
                    continue
            else:
                yield BadRecord(arg, None, f"E121 no such file or folder: {arg}", whole_input=True)
                continue
            for match in matches:
                for f in (_walk(match) if match.is_dir() else [match]):
                    key = os.path.realpath(f)
                    if key not in seen:
                        seen.add(key)
                        yield f

    def __iter__(self) -> Iterator[Record | BadRecord]:
        for f in self.files():
            if isinstance(f, BadRecord):
                yield f
            elif _kind(f) == "text":
                yield self._text_file(f)
            else:
                yield from self._jsonl(f)

    def count(self) -> int:
        """About how many records the inputs hold (lines and .txt files), for an ETA; reads them once."""
        n = 0
        for f in self.files():
            if isinstance(f, BadRecord):
                continue
            if _kind(f) == "text":
                n += 1
                continue
            try:
                with (gzip.open(f, "rb") if f.name.lower().endswith(".gz") else open(f, "rb")) as fh:
                    while chunk := fh.read(1 << 20):
                        n += chunk.count(b"\n")
            except (OSError, EOFError, zlib.error):
                pass
        return n

    # -- one input -----------------------------------------------------------------------

    def _jsonl(self, path: Path) -> Iterator[Record | BadRecord]:
        where = str(path)
        try:
            fh = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
        except OSError as exc:
            yield BadRecord(where, None, f"E121 cannot open {where}: {exc.strerror or exc}", whole_input=True)
            return
        n = 0
        with fh:
            try:
                while raw := fh.readline(self._max_line):
                    n += 1
                    if len(raw) == self._max_line and not raw.endswith(b"\n"):
                        while (rest := fh.readline(self._max_line)) and not rest.endswith(b"\n"):
                            pass
                        yield BadRecord(where, n, f"E106 line is over {self._max_line} bytes, so its text "
                                                  f"is over the limit of {self.max_chars} characters: "
                                                  "split the article or raise --max-chars")
                        continue
                    if raw.strip():
                        yield self._json_line(raw, where, n, path.name)
            except (OSError, EOFError, zlib.error) as exc:
                yield BadRecord(where, n + 1, f"E121 {where} is damaged after line {n} ({exc}): "
                                              "the rest of this input was not read; repair or re-export it",
                                whole_input=True)

    def _json_line(self, raw: bytes, where: str, n: int, name: str) -> Record | BadRecord:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return BadRecord(where, n, f"E103 line is not UTF-8 (byte {raw[exc.start]:#04x} at byte "
                                       f"{exc.start}): convert the file to UTF-8")
        try:
            rec = loads(line)
        except RecursionError:
            return BadRecord(where, n, f"E112 line nests lists or objects too deeply to read (over "
                                       f"{sys.getrecursionlimit()} levels): write one flat JSON object "
                                       'per line, like {"id": "...", "text": "..."}')
        except json.JSONDecodeError as exc:
            return BadRecord(where, n, f"E102 line is not valid JSON ({exc.msg} at column {exc.colno}): "
                                       'write one JSON object per line, like {"id": "...", "text": "..."}')
        except ValueError as exc:  # _HugeNumber, or an integer over Python's digit limit
            return BadRecord(where, n, f"E113 line holds a number too large to read ({str(exc)[:120]}): "
                                       "write it as a string, or leave it out")
        if not isinstance(rec, dict):
            return BadRecord(where, n, f"E104 line is a JSON {type(rec).__name__}, not an object: "
                                       'write one object per line, like {"id": "...", "text": "..."}')
        rid = rec.get("id")
        given = rid if isinstance(rid, str) else None
        if depth_over(rec):
            return BadRecord(where, n, f"E112 record nests lists or objects more than {MAX_DEPTH} levels "
                                       "deep: flatten its extra keys", given)
        for key, ok, want in (("id", isinstance(rid, (str, int)) and not isinstance(rid, bool), "a string"),
                              ("text", isinstance(rec.get("text"), str), "a string"),
                              ("date", isinstance(rec.get("date"), str), 'a string "YYYY-MM-DD"')):
            if rec.get(key) is not None and not ok:
                return BadRecord(where, n, f"E114 \"{key}\" is a JSON {_json_type(rec[key])}, not {want}: "
                                           f'write "{key}" as {want}', given)
        rid = f"{name}:{n}" if rid is None or rid == "" else str(rid)
        return self._record(rid, rec.get("text"), rec.get("date"),
                            {k: v for k, v in rec.items() if k not in RESERVED_KEYS}, where, n)

    def _text_file(self, path: Path) -> Record | BadRecord:
        where = str(path)
        try:
            if path.stat().st_size > self.max_chars * 4:  # UTF-8: at most 4 bytes a character
                return BadRecord(where, None, f"E106 {where} is over the limit of {self.max_chars} "
                                              "characters: split the article or raise --max-chars", path.stem)
            data = path.read_bytes()
        except OSError as exc:
            return BadRecord(where, None, f"E121 cannot read {where}: {exc.strerror or exc}", path.stem)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            return BadRecord(where, None, f"E103 file is not UTF-8 (byte {data[exc.start]:#04x} at byte "
                                          f"{exc.start}): convert it to UTF-8", path.stem)
        return self._record(path.stem, text, None, {}, where, None)

    def _record(self, rid: str, text, date, extras: dict, where: str, n: int | None) -> Record | BadRecord:
        if not isinstance(text, str) or not text.strip():
            return BadRecord(where, n, 'E101 text is empty: give the article in "text"', rid)
        if len(text) > self.max_chars:
            return BadRecord(where, n, f"E106 text is {len(text)} characters, over the limit of "
                                       f"{self.max_chars}: split the article or raise --max-chars", rid)
        try:
            day = parse_date(date if date is None else str(date))
        except ExtractionError as exc:
            return BadRecord(where, n, f'{exc}: correct "date" or leave it out', rid)
        iso = day.isoformat() if day else None
        try:
            digest = content_hash(text, iso)
        except UnicodeEncodeError:
            return BadRecord(where, n, "E103 text holds a lone surrogate escape (\\ud800-\\udfff), "
                                       "which is not Unicode: re-export it as UTF-8", rid)
        return Record(rid, text, iso, extras, where, n, digest)
