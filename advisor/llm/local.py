"""A llama.cpp server inside this process, for `ADVISOR_LLM_LOCAL_MODEL=path/to/model.gguf`.

xllamacpp runs llama.cpp's own OpenAI-compatible HTTP server in native threads of this process, on
127.0.0.1 at a free port, so the model path is the same as against any llama.cpp server (the
official client, `response_format` json_schema, `max_tokens`): nothing else to start, nothing left
running when the process ends. One server per model file per process, started on first use and
stopped at exit. xllamacpp is an optional extra (`pip install 'coalition-advisor[local]'`): a 100 MB
native library most users, who point the advisor at a hosted model or at Ollama, never need.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.errors import ConfigError

logger = logging.getLogger(__name__)

LOCAL_HOST = "127.0.0.1"
SETTING = "ADVISOR_LLM_LOCAL_MODEL"
INSTALL_HINT = (
    "pip install 'coalition-advisor[local]' (it installs xllamacpp, llama.cpp's prebuilt CPU wheel)"
)


@dataclass
class LocalServer:
    """A running llama.cpp server: its OpenAI-compatible base URL; `close()` stops it."""

    model: Path
    url: str
    started_s: float
    _server: Any = None

    def close(self) -> None:
        """Stop the server (llama.cpp's destructor ends its loop and HTTP threads); idempotent."""
        server, self._server = self._server, None
        if server is not None:
            del server
            logger.info("stopped the local model server for %s", self.model.name)


def start_local_server(model: Path, *, context_tokens: int = 8192, threads: int | None = None) -> LocalServer:
    """Load `model` (GGUF) into llama.cpp and serve it on 127.0.0.1 at a free port. A file that is
    missing or not a model, or xllamacpp not installed, is a `ConfigError` naming the setting."""
    model = model.expanduser()
    if not model.is_file():
        raise ConfigError(f"{SETTING}={model}: no such file", hint="point it at a .gguf model file")
    try:
        import xllamacpp
    except ImportError as exc:
        raise ConfigError(f"{SETTING} is set but xllamacpp is not installed", hint=INSTALL_HINT) from exc
    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.hostnames = [LOCAL_HOST]
    params.port = 0  # a free port, chosen by the server
    params.n_ctx = context_tokens
    params.n_parallel = 1  # one CPU: requests queue rather than split the context
    params.verbosity = 0  # llama.cpp's own log is per token; errors still reach stderr
    if threads:
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
    started = time.perf_counter()
    try:
        server = xllamacpp.Server(params)
    except RuntimeError as exc:
        raise ConfigError(
            f"{SETTING}={model}: llama.cpp could not load it ({exc})",
            hint="is it a GGUF model file, and is there memory for it?",
        ) from exc
    seconds = time.perf_counter() - started
    url = f"{str(server.listening_address).rstrip('/')}/v1"
    logger.info("local model %s loaded in %.1f s, serving at %s", model.name, seconds, url)
    return LocalServer(model=model, url=url, started_s=seconds, _server=server)


_servers: dict[tuple[Path, int], LocalServer] = {}
_servers_lock = threading.Lock()


def shared_local_server(model: Path, *, context_tokens: int) -> LocalServer:
    """This process's server for `model`, started on first use and stopped at exit."""
    key = (model.expanduser().resolve(), context_tokens)
    with _servers_lock:
        server = _servers.get(key)
        if server is None:
            server = _servers[key] = start_local_server(key[0], context_tokens=context_tokens)
        return server


@atexit.register
def stop_local_servers() -> None:
    """Stop every server this process started."""
    with _servers_lock:
        servers = list(_servers.values())
        _servers.clear()
    for server in servers:
        server.close()
