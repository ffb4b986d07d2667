"""GET /healthz, /readyz and /version."""
import hashlib
import json
import platform
from pathlib import Path

import spacy
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from spacy.language import Language

from ... import __version__
from ..deps import ExtractorDep
from ..errors import detail
from ..schemas import (DataFile, ErrorResponse, HealthResponse, PipelineInfo, ReadyResponse,
                       VersionResponse, examples)

router = APIRouter(tags=["health"])

@router.get("/healthz", response_model=HealthResponse, summary="The process is up")
async def healthz() -> HealthResponse:
    return HealthResponse()


@router.get("/readyz", response_model=ReadyResponse, summary="The pipeline is loaded and answers",
            responses={503: {"model": ErrorResponse, "description": "the pipeline failed to answer"}})
async def readyz(extractor: ExtractorDep, request: Request):
    try:
        await extractor.one(examples()[-1]["text"])
    except Exception as exc:  # readiness reports any failure instead of raising it
        err = detail(f"E191 the pipeline did not answer ({exc}): see the service log")
        return JSONResponse(status_code=503, content=ErrorResponse(
            error=err, request_id=getattr(request.state, "request_id", None)).model_dump())
    return ReadyResponse(pipeline=extractor.nlp.meta.get("name", "?"), components=extractor.nlp.pipe_names)


def _data_file(root: Path, path: Path) -> DataFile:
    raw = path.read_bytes()
    version = source = None
    if path.suffix == ".json":
        try:
            head = json.loads(raw)
        except ValueError:
            head = None
        if isinstance(head, dict):
            version = str(head["version"]) if "version" in head else None
            source = str(head["source"]) if "source" in head else None
    return DataFile(path=path.relative_to(root).as_posix(), bytes=len(raw),
                    sha256=hashlib.sha256(raw).hexdigest(), version=version, source=source)


def describe(nlp: Language) -> VersionResponse:
    """Versions of the service and the pipeline, and every file of its directory, hashed.

    Called once when the pipeline is loaded, so the hashes are those of what was loaded
    even if the directory is rebuilt later. No filesystem path is shown: it tells a caller
    about the machine, not the pipeline (the name, version and hashes identify it).
    """
    meta = nlp.meta
    root = Path(nlp.path) if nlp.path else None
    files = [_data_file(root, p) for p in sorted(root.rglob("*")) if p.is_file()] if root else []
    return VersionResponse(
        service=__version__, spacy=spacy.__version__, python=platform.python_version(),
        pipeline=PipelineInfo(name=meta.get("name", "?"), version=meta.get("version", "?"),
                              spacy_version=meta.get("spacy_version"), components=nlp.pipe_names),
        data_files=files)


@router.get("/version", response_model=VersionResponse, summary="Service, pipeline and data versions")
async def version(request: Request) -> VersionResponse:
    return request.app.state.version
