"""One writer at a time on the embedded store: a second advisor process that cannot get in is told
who holds it and that server mode is the way to many writers; two real `advisor ingest` processes
writing one store at once (while this process searches it) both finish and leave it intact."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from advisor.config import Settings
from advisor.errors import StoreError
from advisor.retrieval.hybrid import Retriever
from advisor.service.runtime import Runtime
from advisor.store.chroma import Store, workspace_collection
from advisor.store.index import ScopeIndex
from tests.conftest import chroma_server_url, write

HOLDER = """
import sys
from pathlib import Path
from advisor.config import Settings
from advisor.store.chroma import Store

with Store(Settings(home=Path(sys.argv[1]))).writing():
    print("holding", flush=True)
    sys.stdin.readline()
"""


def _advisor(*args: str, home: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "advisor.cli.main", *args],
        env={**os.environ, "ADVISOR_HOME": str(home), **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_a_second_writer_is_told_who_holds_the_store_and_about_server_mode(tmp_path: Path) -> None:
    home = tmp_path / "home"
    write(tmp_path / "docs" / "charter.md", "# Charter\n\nMembers decide by consent.\n")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        second = _advisor(
            "ingest", str(tmp_path / "docs"), "-w", "Lock Test", home=home, ADVISOR_CHROMA_LOCK_WAIT_S="1"
        )
        _, stderr = second.communicate(timeout=120)
        assert second.returncode == 1
        message = " ".join(stderr.split())
        assert f"Another advisor process (pid {holder.pid}" in message
        assert f"is writing to the embedded store at {home / 'chroma'}" in message
        assert "ADVISOR_CHROMA_URL" in message and "Traceback" not in stderr
        assert time.monotonic() - started < 60
    finally:
        holder.communicate("\n", timeout=30)
    assert holder.returncode == 0


def test_threads_of_one_process_take_turns_and_a_stuck_one_is_reported(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", chroma={"lock_wait_s": 0.3})  # type: ignore[arg-type]
    store = Store(settings)
    entered, release, errors = threading.Event(), threading.Event(), []

    def hold() -> None:
        with store.writing(), store.writing():  # re-entrant within a thread
            store.collection("lock-test")
            entered.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(10)
    try:
        store.collection("lock-test").count()
    except StoreError as exc:
        errors.append(str(exc))
    release.set()
    holder.join()
    assert errors and errors[0].startswith("Another task of this advisor process is writing to")
    assert store.collection("lock-test").count() == 0  # free again


@pytest.mark.slow
@pytest.mark.server
def test_server_mode_takes_no_lock(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = Store(Settings(home=home, chroma={"url": chroma_server_url()}))  # type: ignore[arg-type]
    with store.writing():
        store.collection("lock-test-server").count()
    store.delete_collection("lock-test-server")
    assert not (home / "chroma.lock").exists()


@pytest.mark.slow
def test_two_ingest_processes_share_one_store_without_corrupting_it(runtime: Runtime, tmp_path: Path) -> None:
    home = tmp_path / "home"
    for writer in ("a", "b"):
        for n in range(40):
            write(
                tmp_path / writer / f"{writer}-{n:02d}.md",
                f"# Note {writer}{n}\n\n"
                + "\n\n".join(
                    f"Writer {writer} item {n}.{p}: the members agreed on step {p * n}." for p in range(8)
                ),
            )
    settings = Settings(home=home)
    store = Store(settings)
    retriever = Retriever(settings, store, runtime.embeddings)
    searches, search_errors, stop = [0], [], threading.Event()

    def search_meanwhile() -> None:
        while not stop.is_set():
            try:
                if store.has_collection(workspace_collection("Lock Test")):
                    retriever.search("what did the members agree?", workspace="Lock Test", knowledge=False)
                    searches[0] += 1
            except Exception as exc:
                search_errors.append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.05)

    reader = threading.Thread(target=search_meanwhile)
    reader.start()
    writers = {w: _advisor("-v", "ingest", str(tmp_path / w), "-w", "Lock Test", home=home) for w in "ab"}
    outputs = {w: p.communicate(timeout=600) for w, p in writers.items()}
    stop.set()
    reader.join()
    for writer, process in writers.items():
        assert process.returncode == 0, outputs[writer][1][-2000:]
    waits = {w: outputs[w][1].count("waiting for") for w in writers}

    name = workspace_collection("Lock Test")
    entries = ScopeIndex(store, name, runtime.embeddings).entries()
    assert sorted(entries) == sorted(f"{w}-{n:02d}.md" for w in "ab" for n in range(40))
    collection = store.collection(name)
    ids, vectors, metas = [], [], []
    for offset in range(0, collection.count(), 200):  # every vector readable: nothing overwritten
        got = collection.get(include=["embeddings", "metadatas"], limit=200, offset=offset)
        ids += got["ids"]
        vectors += list(got["embeddings"])  # type: ignore[arg-type]
        metas += got["metadatas"] or []
    assert len(ids) == sum(e.chunk_count for e in entries.values())
    assert {(m["source"], m["file_sha"]) for m in metas} == {(e.source, e.file_sha) for e in entries.values()}
    misses = sum(
        collection.query(query_embeddings=np.asarray([vectors[i]]), n_results=1)["ids"][0][0] != ids[i]
        for i in range(0, len(ids), 7)
    )
    print(
        f"\ntwo writers: {len(entries)} files from 2 `advisor ingest` processes, both done; waits for the "
        f"lock: a {waits['a']}, b {waits['b']}; {len(ids)} chunks all readable, self-query misses {misses}; "
        f"searches meanwhile {searches[0]}, errors {len(search_errors)}"
    )
    assert misses == 0 and search_errors == []
