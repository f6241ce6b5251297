"""Refuse cross-origin requests, and requests for host names the app does not answer to.

Gradio restricts cross-origin callers only while the app is reached as localhost. Reached by any other
name (a server on the network, behind a proxy), it echoes any `Origin` back with credentials allowed,
so a page on another site could call the app's API with a signed-in user's cookie, read their
workspaces or delete them. This ASGI middleware refuses every request whose `Origin` is not the app's
own (the `Host` it was reached by): no other site can act on the app or read from it, whatever name
it is reached by. Behind a reverse proxy, pass the original `Host` header through.

Same-origin alone does not stop DNS rebinding: a site whose name is made to resolve to 127.0.0.1
sends `Host` and `Origin` that match each other. So the `Host` itself must be one of the app's own
names: the loopback names, the host it listens on, and ADVISOR_APP_ALLOWED_HOSTS.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from advisor.config import AppSettings

logger = logging.getLogger(__name__)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def same_origin(origin: str, host: str) -> bool:
    """Whether a browser's `Origin` names the host (and port) the request was sent to."""
    parsed = urlsplit(origin)
    try:
        target = urlsplit(f"//{host}")
        origin_port, host_port = parsed.port, target.port
    except ValueError:  # a malformed port
        return False
    if parsed.scheme not in _DEFAULT_PORTS or not parsed.hostname or not target.hostname:
        return False
    default = _DEFAULT_PORTS[parsed.scheme]
    return (parsed.hostname, origin_port or default) == (target.hostname, host_port or default)


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def allowed_hosts(listen_host: str, extra: str) -> frozenset[str]:
    """The host names the app answers to: loopback, the host it listens on (unless it listens on
    every interface), and the comma-separated `extra` names."""
    names = set(LOOPBACK_NAMES) | {n.strip().lower() for n in extra.split(",") if n.strip()}
    if listen_host not in ("0.0.0.0", "::", ""):
        names.add(listen_host.lower())
    return frozenset(names)


def host_name(host: str) -> str | None:
    """The name part of a `Host` header ("[::1]:7860" -> "::1"), or None when it is malformed."""
    try:
        name = urlsplit(f"//{host}").hostname
    except ValueError:
        return None
    return name.lower() if name else None


class SameOriginOnly:
    """Answer 403 to any request for a host name not in `hosts`, and to any HTTP request that
    carries another site's `Origin` (or `null`)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] = LOOPBACK_NAMES) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            headers = Headers(scope=scope)
            if host_name(headers.get("host", "")) not in self.hosts:
                logger.warning("refused a request for host %r", headers.get("host", ""))
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                response = PlainTextResponse(
                    "This host name is not allowed. Add it to ADVISOR_APP_ALLOWED_HOSTS.", status_code=403
                )
                await response(scope, receive, send)
                return
        if scope["type"] == "http":
            origin = headers.get("origin")
            if origin is not None and not same_origin(origin, headers.get("host", "")):
                logger.warning("refused a %s %s from origin %s", scope["method"], scope["path"], origin)
                response = PlainTextResponse("Cross-origin requests are not allowed.", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Answer 413 to a request whose body is larger than `max_bytes`, before anything parses it (an
    API call carries text, bounded by the app's text limits; uploads are left to Gradio's per-file
    limit). A body sent without a length is counted as it arrives and cut off at the limit."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].rstrip("/").endswith("/upload"):
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            logger.warning("refused a %s-byte body for %s", length, scope["path"])
            response = PlainTextResponse(
                f"The request is larger than {self.max_bytes // 2**20} MiB. Send less text at once.",
                status_code=413,
            )
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # a body with no stated length that runs on
                    logger.warning("cut off a body over %s bytes for %s", self.max_bytes, scope["path"])
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)


def request_body_limit(app: AppSettings) -> int:
    """The largest API request the app's own limits allow: a conversation and a message, 4 bytes a
    character at most in UTF-8 (JSON escaping aside), and 1 MiB for everything else."""
    return 4 * (app.max_conversation_chars + app.max_text_chars) + 2**20
