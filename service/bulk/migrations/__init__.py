"""Alembic migrations of the bulk database (applied by `service.bulk.db.migrate` at every run)."""
