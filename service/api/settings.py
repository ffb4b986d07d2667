"""The service's settings: one object, read from the environment (prefix EXPORT_FACTS_)."""
import os
from pathlib import Path
from typing import Optional

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the HTTP service; `EXPORT_FACTS_<NAME>` sets `<name>` (e.g. EXPORT_FACTS_PORT=9000)."""

    model_config = SettingsConfigDict(env_prefix="EXPORT_FACTS_", env_file=None, extra="ignore")

    host: str = Field("127.0.0.1", description="interface `serve` binds to")
    port: int = Field(8000, ge=0, le=65535, description="port `serve` listens on")
    workers: int = Field(default_factory=lambda: cores(), ge=1, le=64,
                         description="worker processes (default: one per core); each loads the pipeline once")
    model: Optional[Path] = Field(
        None, description="packaged pipeline directory (default: models/export_facts_tr); "
                          "the same variable `load_nlp` reads")
    max_text_chars: int = Field(200_000, ge=1, description="longest article accepted, in characters (413 above)")
    max_batch_documents: int = Field(100, ge=1, description="most documents in one /extract/batch call (413 above)")
    max_body_bytes: int = Field(16_000_000, ge=1, description="largest request body, in bytes (413 above)")
    batch_size: int = Field(32, ge=1, description="nlp.pipe batch size inside /extract/batch")
    log_level: str = Field("info", description="log level of the service and its access log")
    timeout: float = Field(30.0, ge=0, description="seconds one request may spend extracting before it is "
                                                   "answered 503 (E140) and its work stopped; 0: no limit")
    shutdown_grace: float = Field(3.0, ge=0, description="seconds a stopping server lets running requests "
                                                        "finish before it cancels them")
    db: Optional[str] = Field(None, description="SQLAlchemy URL of a database the bulk sink wrote; "
                                                "set, the app also serves GET /facts and /documents/{id}")


def cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def get_settings() -> Settings:
    """Read the settings from the environment (a fresh object each call: tests change the env)."""
    return Settings()
