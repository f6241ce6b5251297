"""A fork server for the kill -9 test: loads torch, the embedding model and chromadb once, then for
each request forks a child that runs the CLI's ingest (`collect_files` + `ingest_workspace_files`)
into a home, so the test can SIGKILL it at any point without paying ~8 s of start-up per run.

Protocol (one JSON object per line): the test writes {"home", "folder", "workspace"}; this process
answers {"event": "started", "pid"}, the child reports {"event": "result", "source", "status", "t"}
for each file written and {"event": "done", "t"} at the end, and this process reports
{"event": "exited", "pid", "status"} when the child is gone (killed or not).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any


def emit(message: dict[str, Any]) -> None:
    os.write(1, (json.dumps(message) + "\n").encode())  # one write: lines from parent and child never mix


def child(request: dict[str, Any], embeddings: Any) -> None:
    from advisor.config import Settings
    from advisor.store.chroma import Store
    from advisor.store.ingest import FileResult, collect_files, ingest_workspace_files

    started = time.monotonic()
    settings = Settings(home=Path(request["home"]))

    def on_result(result: FileResult) -> None:
        emit(
            {
                "event": "result",
                "source": result.source,
                "status": result.status,
                "t": time.monotonic() - started,
            }
        )

    files = collect_files([Path(request["folder"])])
    ingest_workspace_files(
        files,
        request["workspace"],
        settings=settings,
        store=Store(settings),
        embeddings=embeddings,
        on_result=on_result,
    )
    emit({"event": "done", "t": time.monotonic() - started})


def main() -> None:
    import chromadb  # noqa: F401  (imported once here, like torch, so a child starts at once)

    from advisor.llm.embeddings import MiniLMEmbeddings, load_minilm

    load_minilm()  # weights only: no encoding before fork, so no thread pool is inherited
    embeddings = MiniLMEmbeddings()
    emit({"event": "ready"})
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(request, embeddings)
            except BaseException as exc:
                emit({"event": "error", "error": f"{type(exc).__name__}: {exc}"})
                code = 1
            finally:
                os._exit(code)
        emit({"event": "started", "pid": pid})
        _, status = os.waitpid(pid, 0)
        emit({"event": "exited", "pid": pid, "status": status})


if __name__ == "__main__":
    main()
