"""Refuse cross-origin requests to the web app.

Gradio restricts cross-origin callers only while the app is reached as localhost. Reached by any other
name (a server on the network, behind a proxy), it echoes any `Origin` back with credentials allowed,
so a page on another site could call the app's API with a signed-in user's cookie, read their
workspaces or delete them. This ASGI middleware refuses every request whose `Origin` is not the app's
own (the `Host` it was reached by): no other site can act on the app or read from it, whatever name
it is reached by. Behind a reverse proxy, pass the original `Host` header through.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

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


class SameOriginOnly:
    """Answer 403 to any HTTP request that carries another site's `Origin` (or `null`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = Headers(scope=scope)
            origin = headers.get("origin")
            if origin is not None and not same_origin(origin, headers.get("host", "")):
                logger.warning("refused a %s %s from origin %s", scope["method"], scope["path"], origin)
                response = PlainTextResponse("Cross-origin requests are not allowed.", status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
