"""Every error the API answers, as `ErrorResponse` JSON with a named code.

Codes (the engine's own E0xx codes pass through unchanged, e.g. E002 for a bad date):
  E101 text is empty (422)              E106 text over the size limit (413)
  E102 body is not valid JSON (400)     E107 batch over the document limit (413)
  E103 body is not UTF-8 (400)          E108 body over the byte limit (413)
  E104 body is not a JSON object (422)  E110 no such path (404), E111 wrong method (405)
  E105 a field has a wrong value (422)  E190 internal error (500: a bug, please report it)
  E112 body nested too deeply (400)     E113 a number too large to read (400)
  E191 /readyz: the pipeline did not answer (503)
  E140 extraction over its time budget, EXPORT_FACTS_TIMEOUT (503)
  E141 extraction called off: client gone, or the server is shutting down (503)
"""
import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..engine import ExtractionError
from ..pipeline.budget import BudgetExceeded
from .extraction import Stopped
from .schemas import ErrorDetail, ErrorResponse

log = logging.getLogger("service.api")
_CODE = re.compile(r"^(E\d{3})\s+")


class ApiError(Exception):
    """An answer other than 200, raised anywhere below a route."""

    def __init__(self, status: int, message: str, field: str | None = None):
        super().__init__(message)
        self.status = status
        self.detail = detail(message, field)


def detail(message: str, field: str | None = None, code: str | None = None) -> ErrorDetail:
    """An `ErrorDetail` whose code is read off the message's leading `Exxx`."""
    m = _CODE.match(message)
    return ErrorDetail(code=code or (m.group(1) if m else "E105"), message=message, field=field)


def payload(err: ErrorDetail, request_id: str | None) -> bytes:
    return ErrorResponse(error=err, request_id=request_id).model_dump_json().encode()


def _response(request: Request, status: int, err: ErrorDetail, headers=None) -> JSONResponse:
    rid = getattr(request.state, "request_id", None)
    return JSONResponse(ErrorResponse(error=err, request_id=rid).model_dump(), status_code=status,
                        headers=headers)


def validation_detail(errors: list[dict]) -> tuple[int, ErrorDetail]:
    """Turn pydantic's error list into one status and message (the first error decides the code)."""
    first = errors[0]
    loc = [str(p) for p in first.get("loc", ()) if p != "body"]
    field = ".".join(loc) or None
    kind = first.get("type", "")
    if kind == "json_invalid":
        ctx = first.get("ctx") or {}
        where = f" ({ctx['error']})" if ctx.get("error") else ""
        return 400, detail(f"E102 body is not valid JSON{where}: send a JSON object like "
                           '{"text": "..."} with Content-Type: application/json')
    if field is None:
        if kind == "missing":
            return 422, detail('E104 request body is missing: send a JSON object like {"text": "..."}')
        return 422, detail('E104 body must be a JSON object like {"text": "..."} sent with '
                           "Content-Type: application/json")
    messages = []
    for e in errors:
        f = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        msg = e.get("msg", "invalid")
        messages.append(msg if _CODE.match(msg) else f"E105 field `{f}`: {msg}")
    return 422, detail("; ".join(messages), field)


def body_error(cause: BaseException | None) -> ErrorDetail:
    """The named error for a body that json.loads could not read (the 400 FastAPI raises)."""
    if isinstance(cause, RecursionError):
        return detail("E112 body nests lists or objects too deeply to read: send a flat JSON object "
                      'like {"text": "..."}')
    if isinstance(cause, ValueError) and not isinstance(cause, UnicodeDecodeError):
        # Python refuses to convert integers of more than 4300 digits (CVE-2020-10735).
        return detail(f"E113 body holds a number too large to read ({str(cause)[:100]}): "
                      "send numbers of at most 4300 digits, or as strings")
    return detail("E103 body could not be read: send UTF-8 encoded JSON")


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the `ErrorResponse` shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _response(request, exc.status, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        status, err = validation_detail(list(exc.errors()))
        return _response(request, status, err)

    @app.exception_handler(ExtractionError)
    async def _extraction(request: Request, exc: ExtractionError):
        return _response(request, 422, detail(str(exc)))

    @app.exception_handler(BudgetExceeded)
    async def _budget(request: Request, exc: BudgetExceeded):
        return _response(request, 503, detail(str(exc), code=exc.code))

    @app.exception_handler(Stopped)
    async def _stopped(request: Request, exc: Stopped):
        return _response(request, 503, detail(str(exc), code="E141"))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        if exc.status_code == 404:
            err = detail(f"E110 no such path {request.url.path}: see /docs for the endpoints")
        elif exc.status_code == 405:
            err = detail(f"E111 {request.method} is not allowed on {request.url.path}: see /docs")
        elif exc.status_code == 400:
            # FastAPI raises this when json.loads fails other than with a syntax error; the
            # cause says whether the bytes, the nesting or a number was the problem.
            err = body_error(exc.__cause__)
        else:
            err = detail(f"E105 {exc.detail}")
        return _response(request, exc.status_code, err, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _response(request, 500, detail(
            "E190 internal error: this is a bug; report it with the request_id"))

