"""`python -m service serve`: run the HTTP service with uvicorn."""
import logging
import os

from .settings import Settings


def log_config(level: str) -> dict:
    """uvicorn's logging, plus our access log (uvicorn's own access log is off: ours has more)."""
    level = level.upper()
    fmt = {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": fmt},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain",
                                "stream": "ext://sys.stderr"}},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "service": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }


def _serve(args) -> int:
    import uvicorn

    if args.db:  # every worker builds its app from the environment
        os.environ["EXPORT_FACTS_DB"] = args.db
    settings = Settings()
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    workers = args.workers or settings.workers
    logging.getLogger("service.api").info("serving on http://%s:%d with %d worker(s)", host, port, workers)
    # The factory runs in every worker, which reads the same environment: one Settings for all.
    uvicorn.run("service.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                access_log=False, log_config=log_config(settings.log_level),
                # After this grace the running requests are cancelled, which stops their
                # extraction at its next budget check; the process then exits.
                timeout_graceful_shutdown=settings.shutdown_grace)
    return 0


def register(sub) -> None:
    """Add `serve` to the `python -m service` sub-commands."""
    p = sub.add_parser("serve", help="run the HTTP API (POST /extract, /extract/batch, GET /, /docs)",
                       description="Run the HTTP API. Other settings come from EXPORT_FACTS_* "
                                   "variables (see the README, HTTP service).")
    p.add_argument("--host", help="interface to bind (default: $EXPORT_FACTS_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: $EXPORT_FACTS_PORT or 8000)")
    p.add_argument("--workers", type=int, help="worker processes (default: $EXPORT_FACTS_WORKERS or one per core)")
    p.add_argument("--db", help="database URL the bulk sink wrote (SQLite or PostgreSQL); adds GET /facts "
                                "and GET /documents/{id} (default: $EXPORT_FACTS_DB)")
    p.set_defaults(func=_serve)
