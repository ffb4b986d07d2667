"""Request and response bodies of the HTTP API (the extraction result itself is `service.schemas`)."""
import json
import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AfterValidator, BeforeValidator, BaseModel, ConfigDict, Field, StrictBool
from pydantic_core import PydanticCustomError

from ..engine import ExtractionError, parse_date
from ..schemas import Entity, ExtractResult, Fact, Warning

STATIC_DIR = Path(__file__).resolve().parent / "static"
EXAMPLES_FILE = STATIC_DIR / "examples.json"

# A JSON "\ud800" escape decodes to a lone surrogate, which no UTF-8 encoder (ours, the
# client's) can write back; U+FFFD keeps every character offset where it was.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@lru_cache(maxsize=1)
def examples() -> list[dict]:
    """The example articles of the page and the OpenAPI docs (static/examples.json)."""
    return json.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))["examples"]


def _clean(value):
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def _text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text_blank", 'E101 text is empty: send the article in "text"')
    return value


def _date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        # Python's fromisoformat also takes "20250101" and "2025-W01-1"; the API promises YYYY-MM-DD.
        if not _ISO_DAY.fullmatch(value.strip()):
            raise ExtractionError(f"E002 date {value!r} is not a real YYYY-MM-DD date")
        return parse_date(value).isoformat()
    except ExtractionError as exc:
        raise PydanticCustomError(
            "date_invalid", "{message}: send the publication date as YYYY-MM-DD, or leave it out",
            {"message": str(exc)}) from None


# Surrogates go before pydantic's own str check, which refuses them.
ArticleText = Annotated[str, BeforeValidator(_clean), AfterValidator(_text)]
IsoDate = Annotated[Optional[Annotated[str, Field(json_schema_extra={"format": "date"})]],
                    BeforeValidator(_clean), AfterValidator(_date)]
DocId = Annotated[Optional[str], BeforeValidator(_clean)]


class ExtractRequest(BaseModel):
    """One article to read."""

    model_config = ConfigDict(json_schema_extra=lambda schema: schema.update(
        examples=[{k: e[k] for k in ("text", "date", "id") if e.get(k)} for e in examples()[:1]]))

    text: ArticleText = Field(
        description="the article, title and body; at most EXPORT_FACTS_MAX_TEXT_CHARS characters "
                    "(413 above). It may begin with the archive marker `date YYYY-MM-DD`.")
    date: IsoDate = Field(
        None, examples=["2026-01-08"],
        description="publication date YYYY-MM-DD; relative periods (last year, this October) resolve against it. "
                    "Default: the text's `date` marker, else none.")
    id: DocId = Field(None, max_length=512, description="any id of yours, echoed in the answer")
    explain: StrictBool = Field(False, description="also answer each fact's `sources`: where each filled "
                                             "field came from (span and how it was reached)")


class BatchRequest(BaseModel):
    """Several articles in one call, read together with `nlp.pipe`."""

    documents: list[Any] = Field(
        # Any item is accepted here and checked on its own, so the schema says "anything",
        # pointing at the shape that reads.
        json_schema_extra={"items": {"anyOf": [
            {"$ref": "#/components/schemas/ExtractRequest"},
            {"description": "anything else gets an error entry in its place"}]}},
        description="articles as in POST /extract; at most EXPORT_FACTS_MAX_BATCH_DOCUMENTS (413 above). "
                    "Each is checked on its own: a bad one gets an error entry in its place.")


class ErrorDetail(BaseModel):
    code: str = Field(description="stable error code, e.g. E101", examples=["E101"])
    message: str = Field(description="what is wrong and what to do about it")
    field: Optional[str] = Field(None, description="the offending request field, e.g. `date`")


class ErrorResponse(BaseModel):
    """Every 4xx/5xx answer has this shape."""

    error: ErrorDetail
    request_id: Optional[str] = Field(None, description="also in the X-Request-ID header and the access log")


class BatchError(BaseModel):
    """Stands in the results list for a document that could not be read."""

    index: int = Field(description="position of the document in `documents`")
    id: Optional[str] = None
    status: int = Field(description="the status POST /extract would have answered for it", examples=[422])
    error: ErrorDetail


class BatchResponse(BaseModel):
    results: list[Union[ExtractResult, BatchError]] = Field(
        description="one entry per document, in order: a result, or an error entry (it has `error`)")


class HealthResponse(BaseModel):
    status: Literal["ok"] = "ok"


class ReadyResponse(BaseModel):
    status: Literal["ready"] = "ready"
    pipeline: str = Field(description="name of the loaded pipeline")
    components: list[str]


class DataFile(BaseModel):
    path: str = Field(description="path inside the packaged pipeline directory")
    bytes: int
    sha256: str
    version: Optional[str] = Field(None, description="the file's own `version` field, where it has one")
    source: Optional[str] = Field(None, description="the file's own `source` field, where it has one")


class PipelineInfo(BaseModel):
    name: str
    version: str
    spacy_version: Optional[str] = Field(None, description="spaCy versions the pipeline was built for")
    components: list[str]


class VersionResponse(BaseModel):
    service: str = Field(description="version of the export-facts package")
    spacy: str = Field(description="installed spaCy version")
    python: str
    pipeline: PipelineInfo
    data_files: list[DataFile]
    database: bool = Field(False, description="a database is configured: GET /facts and /documents/{id} answer")


class Example(BaseModel):
    title: str
    text: str
    date: Optional[str] = None
    id: Optional[str] = None


_FACT_EXAMPLE = {"flow": "export", "province": "Bursa", "country": "DE", "sector": None, "product": None,
                 "period": "2025-03", "value": 412000000, "currency": "USD", "change_pct": 6.5,
                 "change_abs": None, "share_pct": None, "rank": None, "quantity": None, "unit": None,
                 "evidence": [{"start": 0, "end": 74}], "warnings": None, "document_id": "haber-0001"}


class StoredFact(Fact):
    """A fact of the contract as the database holds it, with the article it came from."""

    model_config = ConfigDict(json_schema_extra={"examples": [_FACT_EXAMPLE]})

    document_id: str = Field(description="id of the article (GET /documents/{id})")
    warnings: Optional[list[str]] = Field(None, description="codes of the consistency checks that flag it")


class FactPage(BaseModel):
    """One page of the facts that match the filters."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_FACT_EXAMPLE], "total": 1}]})

    items: list[StoredFact]
    total: int = Field(description="how many facts match in all (every page)")


class DocumentResponse(BaseModel):
    """A stored article: its text, its entities and facts, and the checks it fails."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "haber-0001", "date": "2025-04-02", "url": None, "source": None, "title": None,
        "text": "Bursa'nın mart ayında Almanya'ya ihracatı yüzde 6,5 artarak 412 milyon dolar oldu.",
        "pipeline_version": "export_facts_tr-0.1.0+0a1b2c3d4e5f", "processed_at": "2026-12-03T20:00:00Z",
        "entities": [], "facts": [_FACT_EXAMPLE], "warnings": []}]})

    id: str
    date: Optional[str] = Field(None, description="publication date")
    url: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    text: Optional[str] = Field(None, description="the article as annotated (null for rows written "
                                                  "before schema 0002, until the article is annotated again)")
    pipeline_version: str
    processed_at: datetime
    entities: list[Entity]
    facts: list[StoredFact]
    warnings: list[Warning]
