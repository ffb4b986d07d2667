"""POST /extract and POST /extract/batch."""
from typing import Annotated

from fastapi import APIRouter, Body, Request
from pydantic import ValidationError

from ...schemas import ExtractResult
from ..deps import ExtractorDep, SettingsDep
from ..errors import ApiError, detail, validation_detail
from ..schemas import BatchError, BatchRequest, BatchResponse, ErrorResponse, ExtractRequest, examples
from ..settings import Settings

router = APIRouter(prefix="/extract", tags=["extract"])

ERRORS = {
    400: {"model": ErrorResponse, "description": "the body is not JSON, not UTF-8, nested too deeply "
                                                 "or holds a number too large (E102, E103, E112, E113)"},
    413: {"model": ErrorResponse, "description": "text, batch or body over its limit (E106, E107, E108)"},
    422: {"model": ErrorResponse, "description": "empty text (E101), impossible date (E002), "
                                                 "a field of the wrong type (E104, E105)"},
    503: {"model": ErrorResponse, "description": "extraction over its time budget (E140), or called off "
                                                 "because the server is shutting down (E141)"},
}


def _openapi_examples() -> dict:
    return {e["id"]: {"summary": e["title"], "value": {k: e[k] for k in ("text", "date", "id") if e.get(k)}}
            for e in examples()}


def check_size(text: str, settings: Settings) -> None:
    """Raise 413 E106 when `text` is over the configured limit."""
    if len(text) > settings.max_text_chars:
        raise ApiError(413, f"E106 text is {len(text)} characters, over the limit of "
                            f"{settings.max_text_chars}: split the article, or raise "
                            "EXPORT_FACTS_MAX_TEXT_CHARS", field="text")


@router.post("", response_model=ExtractResult, responses=ERRORS, summary="Extract one article")
async def extract(body: Annotated[ExtractRequest, Body(openapi_examples=_openapi_examples())],
                  extractor: ExtractorDep, settings: SettingsDep, request: Request) -> ExtractResult:
    """Entities and export facts of one article, as in FACTS.md.

    Without `date`, a text that begins with `date YYYY-MM-DD` takes its date from there.
    """
    check_size(body.text, settings)
    request.state.chars = len(body.text)
    result = await extractor.one(body.text, body.date, body.id, disconnected=request.is_disconnected)
    request.state.facts = len(result.facts)
    return result if body.explain else without_sources(result)


def without_sources(result: ExtractResult) -> ExtractResult:
    """The result without provenance (answered only when the request says `explain`)."""
    for fact in result.facts:
        fact.sources = None
    return result


def _document(index: int, raw, settings: Settings) -> ExtractRequest | BatchError:
    doc_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    try:
        doc = ExtractRequest.model_validate(raw)
        check_size(doc.text, settings)
        return doc
    except ValidationError as exc:
        status, err = validation_detail(exc.errors())
        if err.code == "E104":
            err = detail('E104 each document must be a JSON object like {"text": "..."}')
        return BatchError(index=index, id=doc_id, status=status, error=err)
    except ApiError as exc:
        return BatchError(index=index, id=doc_id, status=exc.status, error=exc.detail)


@router.post("/batch", response_model=BatchResponse, responses=ERRORS, summary="Extract several articles")
async def extract_batch(body: BatchRequest, extractor: ExtractorDep, settings: SettingsDep,
                        request: Request) -> BatchResponse:
    """Results in the order of `documents`; a bad document gets an error entry in its place."""
    if len(body.documents) > settings.max_batch_documents:
        raise ApiError(413, f"E107 batch has {len(body.documents)} documents, over the limit of "
                            f"{settings.max_batch_documents}: send it in smaller batches, or raise "
                            "EXPORT_FACTS_MAX_BATCH_DOCUMENTS", field="documents")
    checked = [_document(i, raw, settings) for i, raw in enumerate(body.documents)]
    good = [(i, d) for i, d in enumerate(checked) if isinstance(d, ExtractRequest)]
    read = await extractor.many([{"text": d.text, "date": d.date, "id": d.id} for _, d in good],
                                disconnected=request.is_disconnected)
    results: list = list(checked)
    for (i, d), r in zip(good, read):
        if isinstance(r, ExtractResult) and not d.explain:
            without_sources(r)
        results[i] = r if isinstance(r, ExtractResult) else BatchError(
            index=i, id=d.id, status=422, error=detail(str(r)))
    request.state.docs = len(results)
    request.state.chars = sum(len(d.text) for _, d in good)
    request.state.facts = sum(len(r.facts) for r in results if isinstance(r, ExtractResult))
    return BatchResponse(results=results)
