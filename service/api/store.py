"""Reading the database the bulk sink writes (`service.bulk.db`): facts by filter, one document.

The tables are the sink's own definitions; nothing here writes a row. Filters arrive
already checked (`routers/facts.py`), so this module only turns them into SQL.
"""
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from sqlalchemy import and_, func, select, true
from sqlalchemy.engine import Engine

from ..bulk import db
from ..engine import ROOT

SECTORS_FILE = ROOT / "models" / "gazetteers" / "sectors.json"
# Sort keys the API offers → the columns they order by (ties: document, then order in it).
SORT_KEYS = {
    "period": (db.facts.c.period_start, db.facts.c.period_end),
    "value": (db.facts.c.value,),
    "change_pct": (db.facts.c.change_pct,),
    "share_pct": (db.facts.c.share_pct,),
    "rank": (db.facts.c.rank,),
    "flow": (db.facts.c.flow,),
    "province": (db.facts.c.province,),
    "country": (db.facts.c.country,),
    "sector": (db.facts.c.sector,),
    "product": (db.facts.c.product,),
    "document": (db.facts.c.document_id,),
}
FACT_COLUMNS = db.FACT_FIELDS + ("evidence", "sources", "warnings")


@lru_cache(maxsize=4)
def sector_ids(path: Path = SECTORS_FILE) -> frozenset[str]:
    """Every single-sector id of the gazetteer (FACTS.md's list and its groups)."""
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    return frozenset(e["norm"] for e in entries if "|" not in e["norm"])


@dataclass(frozen=True)
class FactQuery:
    """Checked filters, order and page of GET /facts."""

    flow: str | None = None
    province: str | None = None
    country: str | None = None
    sector: str | None = None
    product: str | None = None
    document: str | None = None
    period_start: date | None = None  # facts whose whole period lies in [period_start, period_end]
    period_end: date | None = None
    sort: tuple[tuple[str, bool], ...] = ()  # (key, descending)
    limit: int = 100
    offset: int = 0


def _conditions(q: FactQuery) -> list:
    c = db.facts.c
    out = [getattr(c, k) == getattr(q, k) for k in ("flow", "province", "country", "sector", "product")
           if getattr(q, k) is not None]
    if q.document is not None:
        out.append(c.document_id == q.document)
    if q.period_start is not None:
        out.append(c.period_start >= q.period_start)
    if q.period_end is not None:
        out.append(c.period_end <= q.period_end)
    return out


def _num(v):
    # Double columns give floats back; whole amounts read as the ints the contract writes.
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) >= 1 else v


def _fact(row) -> dict:
    out = {k: row[k] for k in FACT_COLUMNS}
    for k in ("value", "change_abs", "quantity"):
        out[k] = _num(out[k])
    out["document_id"] = row["document_id"]
    return out


def list_facts(engine: Engine, q: FactQuery) -> tuple[list[dict], int]:
    """The page of facts `q` asks for, and how many match in all."""
    where = and_(true(), *_conditions(q))
    order = []
    for key, desc in q.sort:
        order += [col.desc().nulls_last() if desc else col.asc().nulls_last() for col in SORT_KEYS[key]]
    order += [db.facts.c.document_id, db.facts.c.seq]
    page = select(db.facts).where(where).order_by(*order).limit(q.limit).offset(q.offset)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(db.facts).where(where)).scalar_one()
        items = [_fact(r._mapping) for r in conn.execute(page)]
    return items, total


def get_document(engine: Engine, doc_id: str) -> dict | None:
    """One stored article with its text, facts and entities; None when it is not stored."""
    with engine.connect() as conn:
        row = conn.execute(select(db.documents).where(db.documents.c.id == doc_id)).first()
        if row is None:
            return None
        facts = [_fact(r._mapping) for r in conn.execute(
            select(db.facts).where(db.facts.c.document_id == doc_id).order_by(db.facts.c.seq))]
        ents = conn.execute(select(db.entities).where(db.entities.c.document_id == doc_id)
                            .order_by(db.entities.c.seq))
        entities = [{"start": e["start_char"], "end": e["end_char"], **{k: e[k] for k in db.ENTITY_FIELDS}}
                    for e in (r._mapping for r in ents)]
    d = row._mapping
    return {"id": d["id"], "date": d["date"].isoformat() if d["date"] else None, "url": d["url"],
            "source": d["source"], "title": d["title"], "text": d["text"],
            "pipeline_version": d["pipeline_version"], "processed_at": d["processed_at"],
            "entities": entities, "facts": facts, "warnings": d["warnings"] or []}
