"""Sign-in backoff: after a few wrong passwords for one user, or from one client address, further
attempts are refused for a while, and the wait doubles with each failure (up to a cap).

It is ASGI middleware in front of Gradio's `/login` route: it reads the user name from the form,
refuses a locked-out attempt with 429 and a message saying how long to wait (before any password
is compared), and learns from Gradio's answer (200: signed in, which clears that user's and that
client's failures; anything else: a failure).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import parse_qs

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)
MAX_FORM_BYTES = 16_384  # a sign-in form is two short fields


@dataclass
class _Record:
    failures: int = 0
    locked_until: float = 0.0
    last_failure: float = 0.0


class LoginThrottle:
    """Failures and lockouts per key (`user:<name>`, `client:<address>`). Thread-safe."""

    def __init__(
        self,
        *,
        free_failures: int = 5,
        base_delay_s: float = 2.0,
        max_delay_s: float = 900.0,
        forget_after_s: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_failures = free_failures
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        # failures this long past (and any lockout over) are forgotten, so a user someone once
        # hammered with wrong passwords is not kept waiting for ever after
        self.forget_after_s = forget_after_s
        self.clock = clock
        self._records: dict[str, _Record] = {}
        self._lock = threading.Lock()

    def wait_s(self, keys: Iterable[str]) -> float:
        """Seconds until an attempt for any of `keys` is allowed (0: now)."""
        now = self.clock()
        with self._lock:
            return max([0.0, *(r.locked_until - now for k in keys if (r := self._records.get(k)))])

    def failed(self, keys: Iterable[str]) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                record = self._records.setdefault(key, _Record())
                if now - record.last_failure > self.forget_after_s and now >= record.locked_until:
                    record.failures = 0
                record.failures += 1
                record.last_failure = now
                over = record.failures - self.free_failures
                if over >= 0:
                    delay = min(self.max_delay_s, self.base_delay_s * 2**over)
                    record.locked_until = max(record.locked_until, now + delay)

    def succeeded(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self._records.pop(key, None)


class LoginBackoff:
    """Apply a `LoginThrottle` to Gradio's `/login` route."""

    def __init__(self, app: ASGIApp, throttle: LoginThrottle) -> None:
        self.app = app
        self.throttle = throttle

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or not scope["path"].rstrip("/").endswith("/login")
        ):
            await self.app(scope, receive, send)
            return
        body, more = b"", True
        while more and len(body) <= MAX_FORM_BYTES:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        if more:
            await PlainTextResponse("The sign-in form is too large.", status_code=413)(scope, receive, send)
            return
        user = (parse_qs(body.decode("utf-8", "replace")).get("username") or [""])[0].strip().lower()
        client = (scope.get("client") or ("unknown", 0))[0]
        keys = [f"user:{user}", f"client:{client}"]
        wait = self.throttle.wait_s(keys)
        if wait > 0:
            logger.warning("sign-in refused for %r from %s: locked out for %.0f s", user, client, wait)
            seconds = math.ceil(wait)
            response = PlainTextResponse(
                f"Too many failed sign-ins for this user or from this address. Try again in {seconds} s.",
                status_code=429,
                headers={"Retry-After": str(seconds)},
            )
            await response(scope, receive, send)
            return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] == 200:
                    self.throttle.succeeded(keys)
                else:
                    self.throttle.failed(keys)
            await send(message)

        await self.app(scope, replay, watch)
