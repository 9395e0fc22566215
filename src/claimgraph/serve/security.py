"""Token checks, the login and CSRF cookies, request size limits and security headers."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.serve.settings import ServeSettings

CSRF_COOKIE = "cg_csrf"
CSRF_FIELD = "csrf_token"
AUTH_COOKIE = "cg_auth"
AUTH_MAX_AGE = 12 * 3600

#: No inline script or style, nothing from another origin.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def settings(request: Request) -> ServeSettings:
    return request.app.state.settings


def same_token(presented: str | None, expected: str) -> bool:
    """Constant-time comparison of a presented token with the configured one."""
    return bool(presented) and hmac.compare_digest(
        presented.encode("utf-8"), expected.encode("utf-8")  # type: ignore[union-attr]
    )


def presented_token(request: Request) -> str | None:
    """The token of an API call: ``Authorization: Bearer ...`` or ``X-Claimgraph-Token``."""
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.headers.get("x-claimgraph-token")


def _unauthorized(what: str) -> HTTPException:
    return HTTPException(
        401, f"{what} needs the token: send 'Authorization: Bearer <token>'",
        headers={"WWW-Authenticate": 'Bearer realm="claimgraph"'},
    )


def require_write(request: Request) -> None:
    """API dependency: writes always need the token in a header (never a cookie)."""
    if not same_token(presented_token(request), settings(request).token):
        raise _unauthorized("writing")


def require_read(request: Request) -> None:
    """API dependency: reads need the token when ``serve.protect_reads`` is on."""
    s = settings(request)
    if s.protect_reads and not (same_token(presented_token(request), s.token) or logged_in(request)):
        raise _unauthorized("reading")


# ---------------------------------------------------------------------- login (UI)


def _serializer(request: Request) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings(request).secret, salt="claimgraph-login")


def logged_in(request: Request) -> bool:
    """Whether the request carries a valid login cookie (set by the UI's login form)."""
    value = request.cookies.get(AUTH_COOKIE)
    if not value:
        return False
    try:
        _serializer(request).loads(value, max_age=AUTH_MAX_AGE)
    except BadSignature:
        return False
    return True


def login_cookie(request: Request) -> str:
    return _serializer(request).dumps("ok")


# ---------------------------------------------------------------------- CSRF (UI forms)


def _csrf_mac(secret: bytes, cookie: str) -> str:
    return hmac.new(secret, cookie.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def csrf_pair(request: Request) -> tuple[str, str | None]:
    """The form token for this browser, and a new cookie value to set (None if it has one).

    Double submit: the cookie holds a random value, the form field its HMAC under the
    server secret, so a page on another site can neither read nor forge the pair.
    """
    cookie = request.cookies.get(CSRF_COOKIE)
    new = None
    if not cookie or len(cookie) < 32:
        cookie = new = secrets.token_urlsafe(32)
    return _csrf_mac(settings(request).secret, cookie), new


def check_csrf(request: Request, form_token: Any) -> None:
    """Refuse a form post whose CSRF field does not match its cookie, or from another origin."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc != host:
            raise HTTPException(403, "cross-origin form post refused")
    cookie = request.cookies.get(CSRF_COOKIE)
    expected = _csrf_mac(settings(request).secret, cookie) if cookie else ""
    if not cookie or not isinstance(form_token, str) or not same_token(form_token, expected):
        raise HTTPException(403, "missing or invalid CSRF token: reload the form and submit again")


# ---------------------------------------------------------------------- ASGI middleware


class LimitsAndHeaders:
    """Refuses request bodies over ``max_bytes`` (413), adds the security headers, and
    answers HEAD like GET without a body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _plain(send, 413, f"request body over {self.max_bytes} bytes")
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # chunked body without a length
                    raise HTTPException(413, f"request body over {self.max_bytes} bytes")
            return message

        head = scope["method"] == "HEAD"
        if head:  # answered as GET without the body (the routes are declared for GET)
            scope = {**scope, "method": "GET"}

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names
                ]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, limited, with_headers)


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"), *HEADERS,
    ]})
    await send({"type": "http.response.body", "body": body})
