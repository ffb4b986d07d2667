"""documents, facts and entities

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Written out in full (not imported from service.bulk.db), so that this revision stays what
it was when the tables change in a later one.
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("date", sa.Date, comment="publication date periods were resolved against"),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("extra", Json, comment="the record's other keys"),
        sa.Column("input", sa.Text, comment="file the article was read from"),
        sa.Column("line", sa.Integer, comment="its line in that file (JSONL)"),
        sa.Column("content_hash", sa.String(64), nullable=False, comment="sha256 of date and text"),
        sa.Column("pipeline_version", sa.String(100), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n_facts", sa.Integer, nullable=False),
    )
    op.create_index("ix_documents_date", "documents", ["date"])

    op.create_table(
        "facts",
        sa.Column("document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False, comment="order in the article"),
        sa.Column("flow", sa.String(16), nullable=False),
        sa.Column("province", sa.Text),
        sa.Column("province_code", sa.String(8), comment="plate code"),
        sa.Column("country", sa.Text),
        sa.Column("sector", sa.Text),
        sa.Column("product", sa.Text),
        sa.Column("period", sa.String(32)),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("value", sa.Double),
        sa.Column("currency", sa.String(8)),
        sa.Column("change_pct", sa.Double),
        sa.Column("change_abs", sa.Double),
        sa.Column("share_pct", sa.Double),
        sa.Column("rank", sa.Integer),
        sa.Column("quantity", sa.Double),
        sa.Column("unit", sa.String(32)),
        sa.Column("evidence", Json, nullable=False, comment='[{"start", "end"}] character offsets'),
    )
    op.create_index("ix_facts_province_period", "facts", ["province", "period_start"])
    op.create_index("ix_facts_province_code", "facts", ["province_code"])
    op.create_index("ix_facts_sector_period", "facts", ["sector", "period_start"])
    op.create_index("ix_facts_country_period", "facts", ["country", "period_start"])
    op.create_index("ix_facts_period", "facts", ["period_start", "period_end"])

    op.create_table(
        "entities",
        sa.Column("document_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("norm", sa.Text),
        sa.Column("code", sa.Text),
        sa.Column("value", sa.Double),
        sa.Column("currency", sa.String(8)),
        sa.Column("unit", sa.String(32)),
        sa.Column("period", sa.String(32)),
    )
    op.create_index("ix_entities_label_norm", "entities", ["label", "norm"])


def downgrade() -> None:
    op.drop_table("entities")
    op.drop_table("facts")
    op.drop_table("documents")
