"""Start the real web app in this process on a free loopback port, sharing the test runtime's
embedding model (so no second model load), and stop it afterwards."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

from advisor.config import AppSettings
from advisor.service.runtime import Runtime
from advisor.web.state import AppContext


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_app(runtime: Runtime, *, auth: str | None = None, **app: object) -> Iterator[str]:
    """Yield the URL of a running app over `runtime`'s home (optionally with login)."""
    from advisor.web.layout import launch_app

    port = free_port()
    settings = runtime.settings.model_copy(
        update={"app": AppSettings(port=port, **app), "auth": auth}  # type: ignore[arg-type]
    )
    demo = launch_app(AppContext(Runtime(settings, embeddings=runtime.embeddings)), block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()
