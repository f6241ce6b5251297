"""The child side of the parsing sandbox: a small process that reads untrusted files on request.

Run as `python -m advisor.documents.worker MEMORY_MB`. It imports only the document readers, caps its own
address space at what those imports took plus MEMORY_MB (`RLIMIT_AS`), then answers one request at
a time on stdin/stdout: a 4-byte length and a JSON body each way. JSON, not pickle, so that a parser
subverted by a hostile file cannot hand the parent code to run. Before each file a CPU-time limit is
set a little past the parent's wall-time limit, so a worker whose parent died cannot spin forever;
end of input (the parent closed the pipe or died) ends the worker.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import struct
import sys
from pathlib import Path
from typing import Any, BinaryIO

from advisor.documents.read import Document, read_document
from advisor.errors import DocumentError

HEADER = struct.Struct(">I")


def read_message(stream: BinaryIO) -> dict[str, Any] | None:
    """One framed JSON message, or None at end of input."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        return None
    message: dict[str, Any] = json.loads(body)
    return message


def write_message(stream: BinaryIO, message: dict[str, Any]) -> None:
    body = json.dumps(message, default=str).encode()
    stream.write(HEADER.pack(len(body)) + body)
    stream.flush()


def document_to_json(document: Document) -> dict[str, Any]:
    return {
        "source": document.source,
        "title": document.title,
        "kind": document.kind,
        "sha256": document.sha256,
        "sections": [[s.heading, s.text] for s in document.sections],
        "metadata": document.metadata,
    }


def _limit_memory(extra_mb: int) -> None:
    """Cap the address space at what the interpreter and readers use now, plus `extra_mb`."""
    try:
        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: allow for a typical interpreter with the readers loaded
        current = 256 * 2**20
    limit = current + extra_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _limit_cpu(seconds: float) -> None:
    """Let this worker use at most `seconds` more CPU time (SIGXCPU ends it past that)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(used + seconds) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _ran_out_of_memory(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Parse one file; the reply says what became of it."""
    try:
        document = read_document(
            Path(request["path"]), source=request.get("source"), max_bytes=int(request["max_bytes"])
        )
    except MemoryError:
        return {"status": "memory"}
    except DocumentError as exc:
        if _ran_out_of_memory(exc):
            return {"status": "memory"}
        return {"status": "error", "reason": exc.reason, "hint": exc.hint}
    except Exception as exc:  # read_document wraps parser failures; anything else is still this file's fault
        if _ran_out_of_memory(exc):
            return {"status": "memory"}
        return {"status": "error", "reason": f"could not be read: {type(exc).__name__}: {exc}", "hint": None}
    return {"status": "ok", "document": document_to_json(document)}


def main(argv: list[str]) -> int:
    logging.disable(logging.CRITICAL)  # pypdf warns about every malformed object; the parent reports
    import docx  # noqa: F401  (loaded before the memory cap is measured: the cap is for parsing)
    import pypdf  # noqa: F401

    _limit_memory(int(argv[1]) if len(argv) > 1 else 1024)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the framed replies
    write_message(stdout, {"status": "ready"})
    while (request := read_message(stdin)) is not None:
        _limit_cpu(float(request.get("cpu_s", 60)))
        reply = handle(request)
        write_message(stdout, reply)
        if reply["status"] == "memory":
            return 0  # the heap may be left huge and fragmented: let the parent start a fresh worker
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
