"""Pure ASGI middleware: request ids and the access log, security headers, and the request body limit."""
import logging
import re
import time
import uuid

from .errors import detail, payload

access_log = logging.getLogger("service.api.access")
_GOOD_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def _header(scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", ()):
        if k.lower() == name:
            return v.decode("latin-1")
    return None


class RequestContext:
    """Give each request an id (the client's X-Request-ID when sane) and log one line for it.

    Routes add `chars`, `facts` and `docs` to `request.state`; the line is
    `rid=… POST /extract 200 chars=5210 facts=4 ms=12.3`.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        given = _header(scope, b"x-request-id")
        rid = given if given and _GOOD_ID.match(given) else uuid.uuid4().hex[:16]
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        status = 500
        t0 = time.perf_counter()

        async def send_with_id(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            ms = (time.perf_counter() - t0) * 1000
            extra = "".join(f" {k}={state[k]}" for k in ("chars", "facts", "docs") if k in state)
            access_log.info("rid=%s %s %s %d%s ms=%.1f", rid, scope["method"], scope["path"],
                            status, extra, ms)


# Everything the page and /docs use is served by the app itself, so the browser may load
# nothing from elsewhere: no inline script (an injected <script> in a rendered article would
# not run), no framing (clickjacking), images also as data: URIs (the favicon, Swagger UI's icons).
CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                           "base-uri 'none'; form-action 'self'; object-src 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),  # frame-ancestors for browsers that predate it
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Add `SECURITY_HEADERS` to every HTTP response (errors and static files included)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                message["headers"] = list(message.get("headers", ())) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Answer 413 to a body over `max_bytes` before any of it is parsed.

    The body is read here (it is needed whole for JSON anyway) and handed on, so a client
    that sends no Content-Length, or a wrong one, is held to the limit too.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def _reject(self, scope, send, size: str):
        err = detail(f"E108 request body is {size} bytes, over the limit of {self.max_bytes}: "
                     "send fewer or shorter documents, or raise EXPORT_FACTS_MAX_BODY_BYTES")
        body = payload(err, scope.get("state", {}).get("request_id"))
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = _header(scope, b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.max_bytes:
            return await self._reject(scope, send, declared.strip())
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._reject(scope, send, f"more than {self.max_bytes}")
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, sent = b"".join(chunks), False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
