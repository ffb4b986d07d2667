"""The FastAPI application: `create_app()` wires settings, the pipeline and the routers.

`uvicorn --factory service.api.app:create_app` (what `python -m service serve` runs) builds
one per worker process; each loads the pipeline once, in the lifespan.
"""
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..engine import load_nlp
from . import errors
from .extraction import Extractor
from .middleware import BodyLimit, RequestContext, SecurityHeaders
from .routers import docs, documents, extract, facts, health, page
from .schemas import STATIC_DIR, examples
from .settings import Settings, get_settings

log = logging.getLogger("service.api")

DESCRIPTION = """Turkish trade news in, structured export facts out.

`POST /extract` reads one article and answers its entities and facts (the contract is
FACTS.md); `POST /extract/batch` reads several in one call. Every error answers
`{"error": {"code", "message", "field"}, "request_id"}` with a named code (E1xx).
Limits come from the environment: `EXPORT_FACTS_MAX_TEXT_CHARS`,
`EXPORT_FACTS_MAX_BATCH_DOCUMENTS`, `EXPORT_FACTS_MAX_BODY_BYTES`.

With a database (`serve --db URL` or `EXPORT_FACTS_DB`), `GET /facts` and
`GET /documents/{id}` read what `python -m service annotate --db URL` stored.
"""


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: Settings = app.state.settings
    nlp = load_nlp(settings.model)
    # spaCy refuses texts over nlp.max_length (1,000,000) itself; our own limit decides.
    nlp.max_length = max(nlp.max_length, settings.max_text_chars + 1)
    extractor = Extractor(nlp, batch_size=settings.batch_size, timeout=settings.timeout or None)
    try:  # warm up before the first request counts; /readyz tells whether it answers
        await extractor.one(examples()[0]["text"])
    except Exception:
        log.exception("the pipeline failed on the warm-up article; serving anyway")
    if settings.db:
        from ..bulk.db import DatabaseError, connect, migrate

        app.state.db = connect(settings.db)
        try:
            migrate(app.state.db)  # the columns this release reads; rows stay as they are
        except DatabaseError:
            raise
        except Exception as exc:
            raise DatabaseError(f"E130 cannot open the database {settings.db!r} ({exc}): check the URL "
                                "given to --db or EXPORT_FACTS_DB, and that the server answers") from exc
    app.state.extractor = extractor
    app.state.version = health.describe(nlp).model_copy(update={"database": bool(settings.db)})
    log.info("pipeline %s %s loaded from %s", nlp.meta.get("name"), nlp.meta.get("version"), nlp.path)
    try:
        yield
    finally:
        extractor.close()
        if settings.db:
            app.state.db.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; `settings` default to the environment (EXPORT_FACTS_*)."""
    # /docs is our own page over Swagger UI's files from the fastapi-offline package: FastAPI's
    # default loads them from a CDN, with an inline script the Content-Security-Policy forbids.
    app = FastAPI(title="export-facts", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings or get_settings()
    errors.install(app)
    app.include_router(extract.router)
    app.include_router(health.router)
    app.include_router(page.router)
    app.include_router(docs.router)
    if app.state.settings.db:  # the query API reads what `annotate --db` wrote
        app.include_router(facts.router)
        app.include_router(documents.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/docs/assets", StaticFiles(directory=docs.SWAGGER_UI_DIR), name="swagger-ui")
    # Outermost first: the request id exists before the body limit can answer 413.
    app.add_middleware(BodyLimit, max_bytes=app.state.settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestContext)
    return app
