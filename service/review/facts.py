"""What both task formats share: reading a bulk run with its texts, linking a fact to the
entities that state its fields, checking a corrected fact, and writing gold files."""
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..bulk.sources import ArchiveReader, Record
from ..lang.periods import PeriodError, parse_period

FACT_FIELDS = ("flow", "province", "country", "sector", "product", "period", "value", "currency",
               "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit")
FLOWS = ("export", "import", "balance", "volume")
CURRENCIES = ("USD", "EUR", "TRY", "GBP")
INTEGER_FIELDS = ("rank",)
NUMBER_FIELDS = ("value", "change_abs", "quantity", "change_pct", "share_pct")
# The field a fact takes from an entity of each label, and the entity attribute that must agree.
LINKS = {"PROVINCE": (("province", "norm"),), "COUNTRY": (("country", "code"),),
         "SECTOR": (("sector", "norm"),), "DATE": (("period", "period"),),
         "MONEY": (("value", "value"), ("change_abs", "value")),
         "PERCENT": (("change_pct", "value"), ("share_pct", "value")),
         "QUANTITY": (("quantity", "value"),)}
ENTITY_LABELS = tuple(LINKS) + ("PRODUCT",)
FACT_LABEL = "FACT"


class ReviewError(ValueError):
    """E15x: a run, a task or a corrected fact that cannot be used; the message names the record."""


@dataclass
class Article:
    """One article of a bulk run: its output line and its text."""

    id: str
    date: str | None
    text: str
    entities: list[dict]
    facts: list[dict]
    extras: dict


def read_run(output: str | Path, texts: list[str]) -> Iterator[Article]:
    """The articles of `annotate`'s OUT.jsonl, with their texts read from the run's INPUTs."""
    by_id: dict[str, Record] = {r.id: r for r in ArchiveReader(texts) if isinstance(r, Record)}
    with open(output, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReviewError(f"E150 {output} line {n} is not JSON ({exc.msg}): give the OUT.jsonl "
                                  "that `python -m service annotate` wrote") from None
            rid = str(row.get("id"))
            if rid not in by_id:
                raise ReviewError(f"E151 {output} line {n}: article {rid!r} is in none of the inputs "
                                  f"{texts}: pass the files the run read with --texts")
            extras = {k: v for k, v in row.items() if k not in ("id", "date", "entities", "facts", "warnings")}
            yield Article(rid, row.get("date"), by_id[rid].text, row.get("entities") or [],
                          row.get("facts") or [], extras)


def _same(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(abs(a) - abs(b)) <= 1e-9 * max(1.0, abs(b))
    return a == b


def links(fact: dict, entities: list[dict]) -> list[tuple[int, str]]:
    """(entity index, field) pairs: the entities inside the fact's evidence that state its fields.

    Where the fact carries `sources`, the entity at a source's span states that field.
    """
    spans = [(e["start"], e["end"]) for e in fact.get("evidence") or []]
    out = []
    for i, e in enumerate(entities):
        for fld, src in (fact.get("sources") or {}).items():
            if (src["start"], src["end"]) == (e["start"], e["end"]):
                out.append((i, fld))
        if not any(s <= e["start"] and e["end"] <= t for s, t in spans):
            continue
        for fld, attr in LINKS.get(e["label"], ()):
            if fact.get(fld) is not None and _same(e.get(attr), fact[fld]) and (i, fld) not in out:
                out.append((i, fld))
    return out


def fact_span(fact: dict, text: str) -> tuple[int, int]:
    """The span a fact's region covers: its first evidence, else the whole text."""
    ev = fact.get("evidence") or []
    return (ev[0]["start"], ev[0]["end"]) if ev else (0, len(text))


def _number(raw, fld: str, where: str):
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise ReviewError(f"E153 {where}: `{fld}` is {raw!r}, not a number: write a number like 1250000 or leave it empty")
    if isinstance(raw, (int, float)):
        value = raw
    else:
        try:
            value = float(str(raw).strip().replace(" ", ""))
        except ValueError:
            raise ReviewError(f"E153 {where}: `{fld}` is {raw!r}, not a number: write digits with a "
                              "decimal point (1250000, -3.5) or leave it empty") from None
    if fld in INTEGER_FIELDS:
        if float(value) != int(value):
            raise ReviewError(f"E153 {where}: `{fld}` is {raw!r}: a rank is a whole number")
        return int(value)
    if fld in ("change_pct", "share_pct"):
        return float(value)
    return int(value) if float(value).is_integer() and abs(value) >= 1 else value


def check_fact(raw: dict, where: str, sectors: frozenset[str]) -> dict:
    """A corrected fact with every contract field, numbers typed; E153 naming the field if not."""
    if not isinstance(raw, dict):
        raise ReviewError(f"E153 {where}: a fact must be an object with the FACTS.md fields")
    fact = {}
    for fld in FACT_FIELDS:
        v = raw.get(fld)
        if isinstance(v, str):
            v = v.strip() or None
        fact[fld] = _number(v, fld, where) if fld in NUMBER_FIELDS + INTEGER_FIELDS else v
    if fact["flow"] not in FLOWS:
        raise ReviewError(f"E153 {where}: flow {fact['flow']!r} is not one of {', '.join(FLOWS)}")
    if fact["sector"] is not None and fact["sector"] not in sectors:
        raise ReviewError(f"E153 {where}: sector {fact['sector']!r} is not a FACTS.md sector id")
    if fact["currency"] is not None and fact["currency"] not in CURRENCIES:
        raise ReviewError(f"E153 {where}: currency {fact['currency']!r} is not one of {', '.join(CURRENCIES)}")
    if fact["value"] is not None and fact["currency"] is None:
        raise ReviewError(f"E153 {where}: value {fact['value']} has no currency: add USD, EUR, TRY or GBP")
    if fact["period"] is not None:
        try:
            parse_period(fact["period"])
        except PeriodError:
            raise ReviewError(f"E153 {where}: period {fact['period']!r} is not YYYY, YYYY-MM or "
                              "YYYY-MM/YYYY-MM") from None
    return fact


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def write_gold(folder: Path, articles: list[dict]) -> list[Path]:
    """One `<id>.json` a gold article ({"id", "date", "text", "facts", ...}), as in ../shared/eval/dev."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, used = [], set()
    for a in articles:
        stem = _UNSAFE.sub("_", a["id"]).strip("._") or "article"
        name, n = stem, 1
        while name in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name)
        path = folder / f"{name}.json"
        path.write_text(json.dumps(a, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def gold_fact(fact: dict, text: str, start: int, end: int) -> dict:
    """A gold fact: the checked fields, and the region as its quote."""
    return {**fact, "quote": text[start:end], "quote_start": start}
