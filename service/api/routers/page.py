"""GET /: the page to try the extractor on, and GET /examples for its picker."""
from fastapi import APIRouter
from fastapi.responses import FileResponse

from ..schemas import STATIC_DIR, Example, examples

router = APIRouter(tags=["page"])


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
async def page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")


@router.get("/examples", response_model=list[Example], summary="Example articles for the page")
async def list_examples() -> list[Example]:
    return [Example(**e) for e in examples()]
