"""GET /facts: stored facts by cell, period range and document, sorted and paged.

Served only when a database is configured (`serve --db URL` or EXPORT_FACTS_DB).
Codes: E160 unknown sector id, E161 a period that is not YYYY / YYYY-MM / YYYY-MM/YYYY-MM,
E162 period_from after period_to, E163 limit or offset out of range, E164 unknown sort key.
"""
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Query

from ...lang.periods import PeriodError, period_bounds
from ..deps import DatabaseDep
from ..errors import ApiError
from ..schemas import ErrorResponse, FactPage, StoredFact
from ..store import SORT_KEYS, FactQuery, list_facts, sector_ids

router = APIRouter(prefix="/facts", tags=["facts"])

MAX_LIMIT = 1000
ERRORS = {422: {"model": ErrorResponse, "description": "an unknown sector id (E160), a bad or backwards "
                                                       "period range (E161, E162), limit or offset out of "
                                                       "range (E163), an unknown sort key (E164)"}}


def _bounds(name: str, value: Optional[str]):
    if value is None:
        return None
    try:
        return period_bounds(value.strip())
    except PeriodError:
        raise ApiError(422, f"E161 {name} {value!r} is not a period: write YYYY (2025), YYYY-MM (2025-03) "
                            "or YYYY-MM/YYYY-MM", field=name) from None


def _sort(value: Optional[str]) -> tuple[tuple[str, bool], ...]:
    keys = []
    for part in (value or "").split(","):
        part = part.strip()
        if not part:
            continue
        key = part.lstrip("-+")
        if key not in SORT_KEYS:
            raise ApiError(422, f"E164 unknown sort key {part!r}: use one of {', '.join(SORT_KEYS)}, "
                                "comma-separated, '-' before a key for descending", field="sort")
        keys.append((key, part.startswith("-")))
    return tuple(keys)


@router.get("", response_model=FactPage, responses=ERRORS, summary="Stored facts, filtered and paged")
async def facts(
    db: DatabaseDep,
    flow: Annotated[Optional[Literal["export", "import", "balance", "volume"]], Query(
        description="trade flow", examples=["export"])] = None,
    province: Annotated[Optional[str], Query(description="official province name", examples=["Bursa"])] = None,
    country: Annotated[Optional[str], Query(
        description="partner: ISO 3166-1 alpha-2, EU, FZ, XC or @region", examples=["DE"])] = None,
    sector: Annotated[Optional[str], Query(description="a FACTS.md sector id", examples=["otomotiv"])] = None,
    product: Annotated[Optional[str], Query(description="product lemma", examples=["kiraz"])] = None,
    period_from: Annotated[Optional[str], Query(
        description="facts whose period begins on or after this period's start", examples=["2025-01"])] = None,
    period_to: Annotated[Optional[str], Query(
        description="facts whose period ends on or before this period's end", examples=["2025-12"])] = None,
    document: Annotated[Optional[str], Query(description="only this article's facts")] = None,
    sort: Annotated[Optional[str], Query(
        description=f"comma-separated keys of {', '.join(SORT_KEYS)}; '-' before one for descending "
                    "(default: document, then order in it)", examples=["period,-value"])] = None,
    limit: Annotated[int, Query(description=f"page size, 1–{MAX_LIMIT}")] = 100,
    offset: Annotated[int, Query(description="facts to skip, ≥ 0")] = 0,
) -> FactPage:
    """Facts of the contract, each with its `document_id`; `total` counts every match.

    With no country, sector or province filter, facts of every partner, sector and province
    match (a null in a filterable field means the whole: send no filter for it).
    """
    if sector is not None and sector not in sector_ids():
        raise ApiError(422, f"E160 unknown sector id {sector!r}: use one of FACTS.md's ids "
                            f"({', '.join(sorted(sector_ids()))})", field="sector")
    start = _bounds("period_from", period_from)
    end = _bounds("period_to", period_to)
    if start and end and start[0] > end[1]:
        raise ApiError(422, f"E162 period range is backwards: period_from {period_from!r} begins after "
                            f"period_to {period_to!r} ends; swap them", field="period_from")
    if not 1 <= limit <= MAX_LIMIT:
        raise ApiError(422, f"E163 limit {limit} is out of range: ask for 1 to {MAX_LIMIT} facts a page "
                            "and page on with offset", field="limit")
    if offset < 0:
        raise ApiError(422, f"E163 offset {offset} is negative: start at 0", field="offset")
    q = FactQuery(flow=flow, province=province, country=country, sector=sector, product=product,
                  document=document, period_start=start[0] if start else None,
                  period_end=end[1] if end else None, sort=_sort(sort), limit=limit, offset=offset)
    items, total = list_facts(db, q)
    return FactPage(items=[StoredFact(**i) for i in items], total=total)
