"""The annotated examples of training_data/: reading them and checking every record.

One JSON line per document (see training_data/README.md):
`{"id", "date", "text", "entities": [...], "facts": [...]}`. Entities carry their
`text` and offsets; facts are FACTS.md fact dicts without evidence, with the `quote`
that states them and its `quote_start`. `validate_record` checks that every offset
points at the text it claims and that every fact's measures are written in its quote.
"""
import json
import re
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "training_data"
LEXICON = DATA_DIR / "lexicon.json"

LABELS = ("PROVINCE", "COUNTRY", "SECTOR", "PRODUCT", "MONEY", "PERCENT", "DATE", "QUANTITY")
FACT_KEYS = ("flow", "province", "country", "sector", "product", "period", "value", "currency",
             "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit")
CELL_KEYS = ("flow", "province", "country", "sector", "product", "period")
FLOWS = ("export", "import", "balance", "volume")
CURRENCIES = ("USD", "EUR", "TRY", "GBP")
UNITS = ("t", "kg", "adet", "m2", "m3")

_MONTH = r"\d{4}-(0[1-9]|1[0-2])"
PERIOD_RE = re.compile(rf"^(\d{{4}}|{_MONTH}|{_MONTH}/{_MONTH})$")
# Floats written in the data (8.3, 43.1) compare exactly enough at this tolerance.
_EPS = 1e-6


class CorpusError(ValueError):
    """E501-style errors: a training record that cannot be read, with where and what to fix."""


def sector_ids(lexicon: Path = LEXICON) -> frozenset[str]:
    """The sector ids of FACTS.md, as listed in the training lexicon."""
    return frozenset(json.loads(lexicon.read_text(encoding="utf-8"))["sectors"])


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Yield the records of a JSONL file; raise E501 with the line number on bad JSON."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"E501 {path}:{n} is not JSON ({exc.msg}): fix or remove the line") from None
            if not isinstance(rec, dict):
                raise CorpusError(f"E501 {path}:{n} is not a JSON object: one document per line")
            yield rec


def period_ok(period: str) -> bool:
    """True for `2025`, `2025-10` and ordered ranges `2025-01/2025-10`."""
    if not PERIOD_RE.match(period):
        return False
    if "/" in period:
        a, b = period.split("/")
        return a <= b
    return True


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= _EPS * max(1.0, abs(float(b)))


def _entity_errors(text: str, ents: list, sectors: frozenset[str]) -> list[str]:
    errs = []
    prev_end = -1
    for i, e in enumerate(ents):
        where = f"entity {i} ({e.get('label')} {e.get('text')!r})"
        s, t = e.get("start"), e.get("end")
        if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)):
            errs.append(f"{where}: offsets {s}..{t} are outside the text")
            continue
        if text[s:t] != e.get("text"):
            errs.append(f"{where}: text[{s}:{t}] is {text[s:t]!r}")
        if text[s:t] != text[s:t].strip():
            errs.append(f"{where}: span starts or ends with white space")
        if s < prev_end:
            errs.append(f"{where}: overlaps the entity before it (entities are sorted, disjoint)")
        prev_end = t
        label = e.get("label")
        if label not in LABELS:
            errs.append(f"{where}: label must be one of {', '.join(LABELS)}")
        elif label == "PROVINCE" and not (e.get("norm") and e.get("code")):
            errs.append(f"{where}: a PROVINCE needs `norm` (official name) and `code` (plate code)")
        elif label == "COUNTRY" and not e.get("code"):
            errs.append(f"{where}: a COUNTRY needs `code` (ISO alpha-2, EU, FZ, XC or @Region)")
        elif label == "SECTOR" and e.get("norm") not in sectors:
            errs.append(f"{where}: `norm` {e.get('norm')!r} is not a sector id of FACTS.md")
        elif label == "PRODUCT" and not e.get("norm"):
            errs.append(f"{where}: a PRODUCT needs `norm` (its lower-case lemma)")
        elif label == "MONEY" and (not isinstance(e.get("value"), (int, float)) or e.get("currency") not in CURRENCIES):
            errs.append(f"{where}: a MONEY needs a numeric `value` and `currency` in {CURRENCIES}")
        elif label in ("PERCENT", "QUANTITY") and not isinstance(e.get("value"), (int, float)):
            errs.append(f"{where}: a {label} needs a numeric `value`")
        elif label == "QUANTITY" and e.get("unit") not in UNITS:
            errs.append(f"{where}: a QUANTITY needs `unit` in {UNITS}")
        elif label == "DATE" and not period_ok(str(e.get("period"))):
            errs.append(f"{where}: `period` {e.get('period')!r} is not YYYY, YYYY-MM or YYYY-MM/YYYY-MM")
    return errs


def _fact_errors(text: str, ents: list, facts: list, sectors: frozenset[str]) -> list[str]:
    errs = []
    cells = set()
    for i, f in enumerate(facts):
        where = f"fact {i} ({f.get('flow')} {f.get('period')} {f.get('quote')!r})"
        missing = [k for k in FACT_KEYS if k not in f]
        if missing:
            errs.append(f"{where}: missing keys {missing} (write null for an empty one)")
            continue
        if f["flow"] not in FLOWS:
            errs.append(f"{where}: flow must be one of {FLOWS}")
        if f["period"] is not None and not period_ok(f["period"]):
            errs.append(f"{where}: period {f['period']!r} is not YYYY, YYYY-MM or YYYY-MM/YYYY-MM")
        if f["sector"] is not None and f["sector"] not in sectors:
            errs.append(f"{where}: sector {f['sector']!r} is not a sector id of FACTS.md")
        if f["value"] is not None and f["currency"] not in CURRENCIES:
            errs.append(f"{where}: a value needs currency in {CURRENCIES}")
        if not any(f[k] is not None for k in ("value", "change_pct", "share_pct", "change_abs")):
            errs.append(f"{where}: states none of value, change_pct, share_pct, change_abs (not scorable)")
        cell = tuple(f[k] for k in CELL_KEYS)
        if cell in cells:
            errs.append(f"{where}: a second fact for the same cell (one fact per cell per document)")
        cells.add(cell)

        q, qs = f.get("quote"), f.get("quote_start")
        if not (isinstance(q, str) and q and isinstance(qs, int) and text[qs:qs + len(q)] == q):
            errs.append(f"{where}: `quote` is not the text at `quote_start` {qs}")
            continue
        inside = [e for e in ents if qs <= e["start"] and e["end"] <= qs + len(q)]

        def stated(label, value, signed=False):
            return any(e["label"] == label and _close(e.get("value") if signed else abs(e.get("value") or 0),
                                                      value if signed else abs(value)) for e in inside)
        if f["value"] is not None and not stated("MONEY", f["value"]):
            errs.append(f"{where}: no MONEY entity of value {f['value']} inside the quote")
        if f["change_abs"] is not None and not stated("MONEY", f["change_abs"]):
            errs.append(f"{where}: no MONEY entity of value |{f['change_abs']}| inside the quote")
        for k in ("change_pct", "share_pct"):
            if f[k] is not None and not stated("PERCENT", f[k]):
                errs.append(f"{where}: no PERCENT entity of value |{f[k]}| inside the quote")
        if f["quantity"] is not None and not stated("QUANTITY", f["quantity"]):
            errs.append(f"{where}: no QUANTITY entity of value {f['quantity']} inside the quote")
        # Cell attributes may come from context, but must be named somewhere in the document.
        named = {(e["label"], e.get("norm") if e["label"] in ("PROVINCE", "SECTOR", "PRODUCT") else e.get("code"))
                 for e in ents}
        for k, label in (("province", "PROVINCE"), ("country", "COUNTRY"), ("product", "PRODUCT")):
            if f[k] is not None and (label, f[k]) not in named:
                errs.append(f"{where}: {k} {f[k]!r} is not named by any {label} entity of the document")
        if f["sector"] is not None and f["product"] is None and ("SECTOR", f["sector"]) not in named:
            errs.append(f"{where}: sector {f['sector']!r} is not named by any SECTOR entity of the document")
    return errs


def validate_record(rec: dict, sectors: frozenset[str] | None = None) -> list[str]:
    """Return the problems of one training record (empty when it is sound)."""
    sectors = sector_ids() if sectors is None else sectors
    errs = []
    if not isinstance(rec.get("id"), str) or not rec["id"]:
        errs.append("`id` must be a non-empty string")
    try:
        Date.fromisoformat(str(rec.get("date")))
    except ValueError:
        errs.append(f"`date` {rec.get('date')!r} is not a YYYY-MM-DD date")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return errs + ["`text` must be a non-empty string"]
    ents, facts = rec.get("entities"), rec.get("facts")
    if not isinstance(ents, list) or not isinstance(facts, list):
        return errs + ["`entities` and `facts` must be lists"]
    errs += _entity_errors(text, ents, sectors)
    if not errs:
        errs += _fact_errors(text, ents, facts, sectors)
    return [f"{rec.get('id')}: {e}" for e in errs]


def load_examples(path: str | Path, validate: bool = True) -> list[dict]:
    """Read a training JSONL file; with `validate`, raise E502 listing every unsound record."""
    recs = list(read_jsonl(path))
    if validate:
        sectors = sector_ids()
        errs = [e for r in recs for e in validate_record(r, sectors)]
        ids = [r.get("id") for r in recs]
        errs += [f"{i}: id used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
        if errs:
            shown = "\n  ".join(errs[:20])
            raise CorpusError(f"E502 {path}: {len(errs)} problem(s) in the records; fix them:\n  {shown}")
    return recs
