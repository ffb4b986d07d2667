"""GET /docs: Swagger UI over /openapi.json, its files served by the app (no CDN, no inline script).

The files come from the fastapi-offline package, which ships Swagger UI 5 (the first to read
OpenAPI 3.1, which FastAPI writes); only its static folder is used: its own docs page has an
inline script, which our Content-Security-Policy forbids.
"""
from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["docs"])
SWAGGER_UI_DIR = str(files("fastapi_offline") / "static")

# The init script is a file of ours (static/docs.js), not inline, so the CSP can forbid inline scripts.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>export-facts: API docs</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


@router.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
async def swagger_ui() -> HTMLResponse:
    return HTMLResponse(PAGE)
