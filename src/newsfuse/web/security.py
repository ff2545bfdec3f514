"""The desk's guards: security headers on every answer, the access token, CSRF tokens, request size limits."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

from starlette.exceptions import HTTPException

# Everything the pages load comes from the app itself; no inline script or style, no frames.
CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
CSRF_COOKIE = "nf_csrf"
CSRF_FIELD = "csrf"
TOKEN_COOKIE = "nf_token"
# A request body (an upload with its form fields) may exceed the per-file input limit by this much.
FORM_OVERHEAD_BYTES = 64 * 1024


class CsrfTokens:
    """Double-submit CSRF tokens, signed with a secret made when the process starts: a cookie
    (SameSite=Strict) and the same value in a hidden field of every form; a POST needs both, equal."""

    def __init__(self, secret: bytes | None = None):
        self._secret = secret or secrets.token_bytes(32)

    def new(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        """A token this process signed."""
        nonce, _, sig = (token or "").partition(".")
        return bool(nonce) and hmac.compare_digest(sig, self._sign(nonce))

    def check(self, cookie: str | None, field: str | None) -> None:
        """Raise 403 unless the form's token equals the cookie's and this process signed it."""
        if not cookie or not field or not hmac.compare_digest(cookie, field) or not self.valid(cookie):
            raise HTTPException(403, "The form's security token is missing or stale: reload the page and send it again.")

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


class Guard:
    """ASGI middleware in front of the app: the headers of ``HEADERS`` on every answer, the access
    token when one is set, and a cap on the bytes of any request body, counted while it is read."""

    def __init__(self, app, token: str | None, max_body: int):
        self.app = app
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in HEADERS]
                headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        if self.token is not None and not await self._admitted(scope, send_with_headers):
            return
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.max_body:
            return await _plain(send_with_headers, 413, "The request is larger than the upload limit.")
        return await self.app(scope, self._counting(receive), send_with_headers)

    def _counting(self, receive):
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise HTTPException(413, "The request is larger than the upload limit.")
            return message

        return counted

    async def _admitted(self, scope, send) -> bool:
        """True when the request carries the token (cookie or Bearer header); ``/?token=`` sets the cookie."""
        given = _cookies(scope).get(TOKEN_COOKIE, "")
        auth = _header(scope, b"authorization")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if given and hmac.compare_digest(given.encode(), self.token.encode()):
            return True
        query = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
        if scope["path"] == "/" and query and hmac.compare_digest(query.encode(), self.token.encode()):
            cookie = f"{TOKEN_COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", b"/"), (b"set-cookie", cookie.encode("latin-1")), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return False
        await _plain(send, 401, "This desk needs its access token: open /?token=... from the link newsfuse serve printed.")
        return False


def _header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _cookies(scope) -> dict[str, str]:
    jar = SimpleCookie()
    try:
        jar.load(_header(scope, b"cookie"))
    except CookieError:  # a malformed Cookie header: as if none were sent
        return {}
    return {k: m.value for k, m in jar.items()}


async def _plain(send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
