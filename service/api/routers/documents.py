"""GET /documents/{id}: one stored article with its text and facts (E165 when it is not stored)."""
from fastapi import APIRouter

from ..deps import DatabaseDep
from ..errors import ApiError
from ..schemas import DocumentResponse, ErrorResponse
from ..store import get_document

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("/{doc_id}", response_model=DocumentResponse, summary="A stored article, its text and facts",
            responses={404: {"model": ErrorResponse, "description": "no article with this id is stored (E165)"}})
async def document(doc_id: str, db: DatabaseDep) -> DocumentResponse:
    """The article as annotated: text, entities, facts (each with `document_id`) and warnings."""
    found = get_document(db, doc_id)
    if found is None:
        raise ApiError(404, f"E165 no document {doc_id!r} in the database: list ids with "
                            "GET /facts, or annotate the article with `annotate --db`", field="doc_id")
    return DocumentResponse(**found)
