"""The database sink: documents, their facts and entities, in SQLite or PostgreSQL (SQLAlchemy 2.0).

The tables are defined once here; the schema in a database is created and changed only
by the Alembic migrations in `migrations/versions/` (shipped in the package), which every
run applies before it writes (`migrate`). A test checks that the migrations and these
definitions agree.

An article is written in one transaction with the rest of its batch: its old facts and
entities (if its text or the pipeline changed) are deleted and the new ones inserted, so
a crash leaves every article either as it was or as it is now, never half of each.
"""
import hashlib
import json
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import (JSON, Column, Date, DateTime, Double, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text, create_engine, delete, event, insert, select, text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Engine

from ..lang.periods import PeriodError, period_bounds
from .lock import OutputBusy
from .sinks import DONE, NEED, chunks
from .sources import Record

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Keys of a record that get their own column; the other extra keys go to documents.extra.
DOCUMENT_KEYS = ("url", "source", "title")
FACT_FIELDS = ("flow", "province", "country", "sector", "product", "period", "value", "currency",
               "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit")
ENTITY_FIELDS = ("label", "text", "norm", "code", "value", "currency", "unit", "period")
_MIGRATION_LOCK = 0x65787066  # pg_advisory_xact_lock key: two runs never migrate at once

Json = JSON().with_variant(JSONB(), "postgresql")
metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("date", Date, comment="publication date periods were resolved against"),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("extra", Json, comment="the record's other keys"),
    Column("input", Text, comment="file the article was read from"),
    Column("line", Integer, comment="its line in that file (JSONL)"),
    Column("content_hash", String(64), nullable=False, comment="sha256 of date and text"),
    Column("pipeline_version", String(100), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
    Column("n_facts", Integer, nullable=False),
    Column("text", Text, comment="the article as read"),
    Column("warnings", Json, comment='consistency checks: [{"code", "message", "facts"}]'),
    Index("ix_documents_date", "date"),
)

facts = Table(
    "facts", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False, comment="order in the article"),
    Column("flow", String(16), nullable=False),
    Column("province", Text),
    Column("province_code", String(8), comment="plate code"),
    Column("country", Text),
    Column("sector", Text),
    Column("product", Text),
    Column("period", String(32)),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("value", Double),
    Column("currency", String(8)),
    Column("change_pct", Double),
    Column("change_abs", Double),
    Column("share_pct", Double),
    Column("rank", Integer),
    Column("quantity", Double),
    Column("unit", String(32)),
    Column("evidence", Json, nullable=False, comment='[{"start", "end"}] character offsets'),
    Column("sources", Json, comment='provenance: {field: {"start", "end", "how"}}'),
    Column("warnings", Json, comment="codes of the checks that flag this fact"),
    Index("ix_facts_province_period", "province", "period_start"),
    Index("ix_facts_province_code", "province_code"),
    Index("ix_facts_sector_period", "sector", "period_start"),
    Index("ix_facts_country_period", "country", "period_start"),
    Index("ix_facts_period", "period_start", "period_end"),
)

entities = Table(
    "entities", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("label", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("norm", Text),
    Column("code", Text),
    Column("value", Double),
    Column("currency", String(8)),
    Column("unit", String(32)),
    Column("period", String(32)),
    Index("ix_entities_label_norm", "label", "norm"),
)


class DatabaseError(RuntimeError):
    """The database cannot be used: unreachable, or its schema is newer than this release."""


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def connect(url: str) -> Engine:
    """An engine for `url`, with SQLite's foreign keys and write-ahead log turned on."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database's schema to `revision` (default: this release's newest)."""
    from alembic import command
    from alembic.util import CommandError

    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            command.upgrade(alembic_config(conn), revision)
    except CommandError as exc:
        raise DatabaseError(f"E131 the database schema is not one this release knows ({exc}): "
                            "upgrade export-facts to the release that wrote it") from exc


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _bounds(period: str | None) -> tuple[date | None, date | None]:
    if not period:
        return None, None
    try:
        return period_bounds(period)
    except PeriodError:
        return None, None


def rows_for(rec: Record, result: dict, version: str, now: datetime) -> tuple[dict, list[dict], list[dict]]:
    """The documents row, facts rows and entities rows of one extracted article."""
    extras = rec.extras
    own = {k: extras[k] for k in DOCUMENT_KEYS if isinstance(extras.get(k), str)}
    rest = {k: v for k, v in extras.items() if k not in own}
    doc = {"id": rec.id, "date": _date(result.get("date")), "url": own.get("url"),
           "source": own.get("source"), "title": own.get("title"), "extra": rest or None,
           "input": rec.input, "line": rec.line, "content_hash": rec.hash,
           "pipeline_version": version, "processed_at": now, "n_facts": len(result["facts"]),
           "text": rec.text, "warnings": result.get("warnings") or None}
    codes = {e["norm"]: e["code"] for e in result["entities"]
             if e["label"] == "PROVINCE" and e.get("norm") and e.get("code")}
    flagged: dict[int, list[str]] = {}
    for w in result.get("warnings") or []:
        for i in w.get("facts", []):
            flagged.setdefault(i, []).append(w["code"])
    fact_rows = []
    for seq, f in enumerate(result["facts"]):
        start, end = _bounds(f.get("period"))
        row = {k: f.get(k) for k in FACT_FIELDS}
        row.update(document_id=rec.id, seq=seq, province_code=codes.get(f.get("province")),
                   period_start=start, period_end=end, evidence=f.get("evidence") or [],
                   sources=f.get("sources") or None, warnings=flagged.get(seq))
        fact_rows.append(row)
    entity_rows = [{"document_id": rec.id, "seq": seq, "start_char": e["start"], "end_char": e["end"],
                    **{k: e.get(k) for k in ENTITY_FIELDS}}
                   for seq, e in enumerate(result["entities"])]
    return doc, fact_rows, entity_rows


class DbSink:
    """Documents, facts and entities in the database at `url` (migrated on open)."""

    def __init__(self, url: str, version: str):
        self.version = version
        self.note = None
        self.resumed = False
        self.engine = connect(url)
        self._lock = None
        try:
            if self.engine.dialect.name == "postgresql":
                self._lock = hold_writer_lock(self.engine, url)
            migrate(self.engine)
        except BaseException:
            self.close()  # no sink to close later: release the lock now
            raise

    def check(self, records: list[Record]) -> list[str]:
        """NEED unless the database holds the article with the same text from the same pipeline."""
        known = {}
        with self.engine.connect() as conn:
            for ids in chunks([r.id for r in records]):
                q = select(documents.c.id, documents.c.content_hash, documents.c.pipeline_version).where(
                    documents.c.id.in_(ids))
                known.update((i, (h, v)) for i, h, v in conn.execute(q))
        return [DONE if known.get(r.id) == (r.hash, self.version) else NEED for r in records]

    def write(self, rows: list[tuple[Record, str]]) -> None:
        if not rows:
            return
        now = datetime.now(timezone.utc)
        docs, fact_rows, entity_rows = [], [], []
        for rec, line in rows:
            d, f, e = rows_for(rec, json.loads(line), self.version, now)
            docs.append(d)
            fact_rows += f
            entity_rows += e
        with self.engine.begin() as conn:
            for ids in chunks([d["id"] for d in docs]):
                for table in (entities, facts):
                    conn.execute(delete(table).where(table.c.document_id.in_(ids)))
                conn.execute(delete(documents).where(documents.c.id.in_(ids)))
            conn.execute(insert(documents), docs)
            if fact_rows:
                conn.execute(insert(facts), fact_rows)
            if entity_rows:
                conn.execute(insert(entities), entity_rows)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()  # ends the session, which releases its advisory lock
        self.engine.dispose()


def hold_writer_lock(engine: Engine, url: str):
    """A connection holding a session advisory lock for this database and schema, or E132.

    Keyed by what the server says the connection writes to (database and current schema),
    not by the URL's spelling, so two URLs naming the same schema still exclude each other.
    The lock dies with the session, so a killed run never leaves it behind.
    """
    conn = engine.connect()
    try:
        where = conn.execute(text("SELECT current_database() || '.' || coalesce(current_schema(), '')")).scalar()
        key = int.from_bytes(hashlib.sha256(f"export-facts writer {where}".encode()).digest()[:8],
                             "big", signed=True)
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            raise OutputBusy(f"E132 {where} is being written by another run (it holds advisory "
                             f"lock {key}): wait for it to finish, or write to another schema")
        conn.commit()  # the lock is the session's; no transaction needs to stay open
    except BaseException:
        conn.close()
        raise
    return conn
