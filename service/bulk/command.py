"""`python -m service annotate`: JSONL or a folder of .txt files in, one JSON line per article out."""
import json
import sys
from pathlib import Path


def iter_records(path: Path):
    """Yield (where, record-or-error) for each input record, streaming."""
    if path.is_dir():
        for f in sorted(path.glob("*.txt")):
            try:
                yield str(f), {"id": f.stem, "text": f.read_text(encoding="utf-8")}
            except (UnicodeDecodeError, OSError) as exc:
                yield str(f), exc
        return
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    raise ValueError("a record needs a string `text`")
                yield f"{path}:{n}", rec
            except (ValueError, UnicodeDecodeError) as exc:
                yield f"{path}:{n}", exc


def run(args) -> int:
    from ..engine import ExtractionError, extract, load_nlp
    nlp = load_nlp()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    errors = 0
    for where, rec in iter_records(Path(args.input)):
        if isinstance(rec, Exception):
            errors += 1
            print(f"error: {where}: {rec}", file=sys.stderr)
            continue
        try:
            res = extract(rec["text"], rec.get("date"), rec.get("id"), nlp=nlp)
        except ExtractionError as exc:
            errors += 1
            print(f"error: {where}: {exc}", file=sys.stderr)
            continue
        out.write(json.dumps(res.model_dump(), ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


def register(sub) -> None:
    p = sub.add_parser("annotate", help="annotate a JSONL file or a folder of .txt files")
    p.add_argument("input")
    p.add_argument("-o", "--output", help="output JSONL (default: standard output)")
    p.set_defaults(func=run)
