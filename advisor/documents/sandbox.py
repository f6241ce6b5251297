"""Read untrusted files in a child process with a wall-time and a memory limit.

A hostile upload (a compression bomb, a PDF whose content stream takes minutes to walk, a zip that
inflates to gigabytes) must cost the user one rejected file, never the app or the CLI. So workspace
files are parsed by `advisor.documents.worker`, a small process that imports only the readers and caps
its own address space. It is started once and reused (a process per file would pay ~0.4 s of
imports each time); when a file overruns the time limit the worker is killed, and when it runs out
of memory or crashes it is replaced, in both cases straight away, so the next file finds a fresh one
ready. Trusted files (the knowledge base) are still read in-process with `read_document`.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from advisor.config import Settings
from advisor.documents.read import TEXT_SUFFIXES, Document, Section, read_document
from advisor.documents.worker import HEADER
from advisor.errors import AdvisorError, DocumentError

logger = logging.getLogger(__name__)
_STARTUP_S = 60.0  # imports only; generous because a busy machine can be slow to start a process


class _WorkerGone(Exception):
    """The worker closed its output: it exited or was killed."""


class ParseSandbox:
    """Parses files in a reusable child process, within `timeout_s` seconds and `memory_mb` MiB."""

    def __init__(self, *, timeout_s: float, memory_mb: int) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self._lock = threading.Lock()
        self._worker: subprocess.Popen[bytes] | None = None
        self._ready = False
        self.restarts = 0  # workers replaced after a timeout, a memory overrun or a crash

    def read(self, path: Path, *, source: str | None = None, max_bytes: int) -> Document:
        """Like `read_document`, in the sandbox; raises `DocumentError` for a file that cannot be
        used, including one that overruns the limits."""
        path = Path(path)
        request = {
            "path": os.path.abspath(path),  # not resolved: a link to a device must stay a link
            "source": source or path.name,
            "max_bytes": max_bytes,
            "cpu_s": self.timeout_s + 5,
        }
        with self._lock:
            reply = self._ask(path, request)
        status = reply.get("status")
        if status == "ok":
            return _document(reply["document"])
        if status == "memory":
            self._replace()
            raise DocumentError(
                path,
                f"needed more than {self.memory_mb} MiB to parse",
                hint="it may be a decompression bomb; if it is a genuine large file, raise "
                "ADVISOR_INGEST_PARSE_MEMORY_MB",
            )
        raise DocumentError(path, str(reply.get("reason") or "could not be read"), hint=reply.get("hint"))

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _ask(self, path: Path, request: dict[str, Any]) -> dict[str, Any]:
        for attempt in (1, 2):
            worker = self._ensure_worker()
            try:
                _send(worker, request)
            except (BrokenPipeError, OSError):  # died while idle (killed from outside): one more try
                self._replace()
                if attempt == 2:
                    raise AdvisorError("the document parser process keeps dying") from None
                continue
            try:
                return _receive(worker, time.monotonic() + self.timeout_s)
            except TimeoutError:
                self._replace()
                raise _timeout_error(path, self.timeout_s) from None
            except _WorkerGone:
                code = worker.wait()
                self._replace()
                if code == -signal.SIGXCPU:
                    raise _timeout_error(path, self.timeout_s) from None
                raise DocumentError(
                    path,
                    f"the parser crashed on this file ({_describe_exit(code)})",
                    hint="the file is probably damaged; save or export it again",
                ) from None
        raise AssertionError("unreachable")

    def _ensure_worker(self) -> subprocess.Popen[bytes]:
        if self._worker is None or self._worker.poll() is not None:
            self._start()
        assert self._worker is not None
        if not self._ready:
            try:
                hello = _receive(self._worker, time.monotonic() + _STARTUP_S)
            except (TimeoutError, _WorkerGone):
                self._stop()
                raise AdvisorError(
                    "the document parser process did not start",
                    hint=f"check that `{sys.executable} -m advisor.documents.worker` runs",
                ) from None
            if hello.get("status") != "ready":
                self._stop()
                raise AdvisorError(f"the document parser process said {hello!r} instead of ready")
            self._ready = True
        return self._worker

    def _start(self) -> None:
        self._worker = subprocess.Popen(
            [sys.executable, "-m", "advisor.documents.worker", str(self.memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            close_fds=True,
        )
        self._ready = False

    def _replace(self) -> None:
        """Kill the worker and start the next one now, so it has loaded by the next file."""
        self._stop()
        self.restarts += 1
        self._start()

    def _stop(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if worker.poll() is None:
            worker.kill()
        worker.wait()
        for stream in (worker.stdin, worker.stdout):
            if stream is not None:
                stream.close()


def _send(worker: subprocess.Popen[bytes], request: dict[str, Any]) -> None:

    assert worker.stdin is not None
    body = json.dumps(request).encode()
    worker.stdin.write(HEADER.pack(len(body)) + body)
    worker.stdin.flush()


def _receive(worker: subprocess.Popen[bytes], deadline: float) -> dict[str, Any]:

    assert worker.stdout is not None
    fd = worker.stdout.fileno()
    (size,) = HEADER.unpack(_read_exact(fd, HEADER.size, deadline))
    reply: dict[str, Any] = json.loads(_read_exact(fd, size, deadline))
    return reply


def _read_exact(fd: int, size: int, deadline: float) -> bytes:
    parts: list[bytes] = []
    while size:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            raise TimeoutError
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            raise _WorkerGone
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _document(data: dict[str, Any]) -> Document:
    return Document(
        source=str(data["source"]),
        title=str(data["title"]),
        kind=str(data["kind"]),
        sha256=str(data["sha256"]),
        sections=tuple(Section(str(h), str(t)) for h, t in data["sections"]),
        metadata=dict(data["metadata"]),
    )


def _timeout_error(path: Path, timeout_s: float) -> DocumentError:
    return DocumentError(
        path,
        f"took longer than {timeout_s:g} s to parse",
        hint="it may be damaged or built to stall a parser; if it is a genuine large file, raise "
        "ADVISOR_INGEST_PARSE_TIMEOUT_S",
    )


def _describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


_sandboxes: dict[tuple[float, int], ParseSandbox] = {}
_sandboxes_lock = threading.Lock()


def get_sandbox(*, timeout_s: float, memory_mb: int) -> ParseSandbox:
    """The process's sandbox for these limits (the CLI and the app share one worker per setting)."""
    key = (float(timeout_s), int(memory_mb))
    with _sandboxes_lock:
        if key not in _sandboxes:
            _sandboxes[key] = ParseSandbox(timeout_s=key[0], memory_mb=key[1])
        return _sandboxes[key]


@atexit.register
def _close_all() -> None:
    with _sandboxes_lock:
        for sandbox in _sandboxes.values():
            sandbox.close()


def read_user_file(path: Path, settings: Settings) -> Document:
    """A user's file as a document: markdown and plain text are decoded in-process (nothing in them
    expands), PDF and DOCX are parsed in the sandbox with the configured limits. Every capability
    that reads a user's file reads it here."""
    path = Path(path)
    limit = int(settings.ingest.max_file_mb * 2**20)
    if path.suffix.lower() in TEXT_SUFFIXES:
        if path.is_file() and path.stat().st_size > limit:
            raise DocumentError(
                path, f"larger than {settings.ingest.max_file_mb} MB", hint="raise ADVISOR_INGEST_MAX_FILE_MB"
            )
        return read_document(path)
    sandbox = get_sandbox(
        timeout_s=settings.ingest.parse_timeout_s, memory_mb=settings.ingest.parse_memory_mb
    )
    return sandbox.read(path, max_bytes=limit)
