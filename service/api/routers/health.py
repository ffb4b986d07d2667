"""GET /healthz, /readyz and /version."""
import hashlib
import json
import platform
from functools import lru_cache
from pathlib import Path

import spacy
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ... import __version__
from ..deps import ExtractorDep
from ..errors import detail
from ..schemas import examples, DataFile, ErrorResponse, HealthResponse, PipelineInfo, ReadyResponse, VersionResponse

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


@lru_cache(maxsize=8)
def describe(model_dir: str, meta_json: str) -> VersionResponse:
    """Version of the service, the pipeline and every file of the packaged pipeline (cached per path)."""
    meta = json.loads(meta_json)
    root = Path(model_dir)
    files = [_data_file(root, p) for p in sorted(root.rglob("*")) if p.is_file()]
    return VersionResponse(
        service=__version__, spacy=spacy.__version__, python=platform.python_version(),
        pipeline=PipelineInfo(name=meta.get("name", "?"), version=meta.get("version", "?"),
                              spacy_version=meta.get("spacy_version"),
                              components=meta.get("pipeline", []), path=str(root)),
        data_files=files)


@router.get("/version", response_model=VersionResponse, summary="Service, pipeline and data versions")
async def version(extractor: ExtractorDep) -> VersionResponse:
    nlp = extractor.nlp
    return describe(str(nlp.path or ""), json.dumps(nlp.meta, sort_keys=True, default=str))
