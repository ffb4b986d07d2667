"""documents.text and .warnings, facts.sources and .warnings

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

The query API answers an article's text; provenance (`sources`) and the consistency
checks' `warnings` are stored as JSON. Every column is nullable, so rows written by 0001
stay as they are (their text fills in when the article is next annotated).
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("text", sa.Text, comment="the article as read"))
        batch.add_column(sa.Column("warnings", Json,
                                   comment='consistency checks: [{"code", "message", "facts"}]'))
    with op.batch_alter_table("facts") as batch:
        batch.add_column(sa.Column("sources", Json,
                                   comment='provenance: {field: {"start", "end", "how"}}'))
        batch.add_column(sa.Column("warnings", Json, comment="codes of the checks that flag this fact"))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("warnings")
        batch.drop_column("sources")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("warnings")
        batch.drop_column("text")
