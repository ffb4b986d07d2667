"""GET /docs: Swagger UI over /openapi.json, its files served by the app (no CDN, no inline script)."""
from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from swagger_ui_bundle import swagger_ui_path

router = APIRouter(tags=["docs"])
SWAGGER_UI_DIR = str(swagger_ui_path)

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
