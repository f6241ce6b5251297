"""Crash safety: the CLI's ingest is killed with SIGKILL at random points, again and again. After each
kill the index and the workspace manifest agree exactly (every manifest entry's chunks are all there
and served; no chunk the manifest does not vouch for is ever served), and a re-ingest completes what
the killed run left undone."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from advisor.config import Settings
from advisor.retrieval.hybrid import Retriever
from advisor.service.runtime import Runtime
from advisor.store.chroma import Store, workspace_collection
from advisor.store.index import ScopeIndex
from advisor.store.ingest import collect_files, ingest_workspace_files
from tests.builders import pdf_bytes

KILLS = 30
WORKSPACE = "Crash Test Coalition"
TOPICS = ["governance", "membership", "budget", "roles", "conflict", "equity", "renewal", "metrics"]


class ForkServer:
    """The `crash_ingest.py` process: forks one ingest child per run."""

    def __init__(self, log: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("crash_ingest.py"))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log.open("w"),
            text=True,
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(60)["event"] == "ready"

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.events.put(json.loads(line))

    def next(self, timeout: float) -> dict[str, Any]:
        return self.events.get(timeout=timeout)

    def run(self, request: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def _write_document(folder: Path, number: int, version: int, rng: random.Random) -> None:
    """One file of the coalition's folder, in one of four formats, its text depending on `version`."""
    topic = TOPICS[number % len(TOPICS)]
    paragraphs = [
        f"Section {p} on {topic}, revision {version}: the steering group agreed that members "
        f"{rng.choice(['vote', 'consent', 'defer', 'report'])} on item {rng.randrange(1000)} "
        f"before {rng.choice(['March', 'June', 'October'])}, with {rng.randrange(2, 40)} members present."
        for p in range(rng.randrange(2, 9))
    ]
    kind = number % 4
    if kind == 0:
        (folder / f"doc-{number:02d}.md").write_text(
            f"# {topic.title()} {number}\n\n" + "\n\n".join(paragraphs)
        )
    elif kind == 1:
        (folder / f"doc-{number:02d}.txt").write_text("\n".join(paragraphs))
    elif kind == 2:
        rows = [f'{topic},{i},"{text}"' for i, text in enumerate(paragraphs)]
        (folder / f"doc-{number:02d}.csv").write_text("topic,item,note\n" + "\n".join(rows) + "\n")
    else:
        (folder / f"doc-{number:02d}.pdf").write_bytes(pdf_bytes([p[:90] for p in paragraphs]))


def _agreement(store: Store, retriever: Retriever, runtime: Runtime, rng: random.Random) -> list[str]:
    """What is wrong between the manifest and the chunks, as a user of retrieval would notice."""
    name = workspace_collection(WORKSPACE)
    if not store.has_collection(name):
        return []
    entries = ScopeIndex(store, name, runtime.embeddings).entries()
    ids, texts, metas = store.get_all(store.collection(name), include=["documents", "metadatas"])
    versions: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for cid, text, meta in zip(ids, texts, metas, strict=True):
        versions.setdefault((str(meta["source"]), str(meta["file_sha"])), []).append((cid, text))
    vouched = {(e.source, e.file_sha) for e in entries.values()}
    held = {e.source: len(versions.get((e.source, e.file_sha), [])) for e in entries.values()}
    problems = [
        f"{e.source}: the manifest says {e.chunk_count} chunks, the index has {held[e.source]}"
        for e in entries.values()
        if held[e.source] != e.chunk_count
    ]
    served_ids = {cid for key in vouched for cid, _ in versions.get(key, [])}
    probes = [(key, *rng.choice(versions[key])) for key in rng.sample(sorted(vouched), min(4, len(vouched)))]
    unvouched = [
        (key, cid, text) for key, chunks in versions.items() if key not in vouched for cid, text in chunks
    ]
    probes += rng.sample(unvouched, min(4, len(unvouched)))
    for key, cid, text in probes:
        hits = {p.chunk_id for p in retriever.search(text, workspace=WORKSPACE, knowledge=False, k=20)}
        if hits - served_ids:
            problems.append(f"served chunks the manifest does not vouch for: {sorted(hits - served_ids)}")
        if key in vouched and cid not in hits:
            problems.append(f"{key[0]}: its chunk {cid} is not served for its own text")
    return problems


@dataclass
class Run:
    """One ingest child: when it was killed (if it was) and what it had written by then."""

    killed: bool = False
    written: int = 0
    finished_s: float | None = None
    error: str | None = None


def _run_and_kill(
    server: ForkServer, request: dict[str, Any], *, after_s: float | None, after_writes: int | None
) -> Run:
    """Run one ingest child; SIGKILL it `after_s` seconds in, or a moment after its `after_writes`-th
    file is written (inside the next file's write), or never when both are None."""
    server.run(request)
    started, pid, run = time.monotonic(), None, Run()
    deadline = None if after_s is None else started + after_s
    while True:
        timeout = 120.0 if deadline is None or pid is None else max(0.0, deadline - time.monotonic())
        try:
            event = server.next(max(timeout, 0.001))
        except queue.Empty:
            event = {"event": "deadline"}
        if event["event"] == "started":
            pid = event["pid"]
        elif event["event"] == "result" and event["status"] != "unchanged":
            run.written += 1
            if run.written == after_writes:
                deadline = time.monotonic() + random.uniform(0.0, 0.03)
        elif event["event"] == "done":
            run.finished_s = event["t"]
        elif event["event"] == "error":
            run.error = event["error"]
        elif event["event"] == "exited":
            return run
        if pid is not None and deadline is not None and time.monotonic() >= deadline and not run.killed:
            os.kill(pid, signal.SIGKILL)
            run.killed = True


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_index_and_manifest_in_agreement(
    runtime: Runtime, tmp_path: Path
) -> None:
    rng = random.Random(9)
    settings = Settings(home=tmp_path / "home")
    store = Store(settings)
    retriever = Retriever(settings, store, runtime.embeddings)
    folder = tmp_path / "docs"
    folder.mkdir()
    versions = dict.fromkeys(range(8), 0)
    for number in versions:
        _write_document(folder, number, 0, rng)
    request = {"home": str(settings.home), "folder": str(folder), "workspace": WORKSPACE}
    server = ForkServer(tmp_path / "fork-server.log")
    runs = kills = agreed = completed = with_orphans = 0
    phases: Counter[str] = Counter()
    full_run_s = 2.0
    problems: list[str] = []
    try:
        while kills < KILLS and runs < 3 * KILLS:
            runs += 1
            if runs > 1:  # every run has work: three files change and one is new
                for number in rng.sample(sorted(versions), 3):
                    versions[number] += 1
                    _write_document(folder, number, versions[number], rng)
                versions[len(versions)] = 0
                _write_document(folder, len(versions) - 1, 0, rng)
            if runs == 1:  # the first run completes: it sets the pace for the timed kills
                run = _run_and_kill(server, request, after_s=None, after_writes=None)
            elif rng.random() < 0.4:  # anywhere: opening the store, parsing, embedding, writing
                run = _run_and_kill(server, request, after_s=rng.uniform(0, full_run_s), after_writes=None)
            else:  # inside the write of the 2nd, 3rd or 4th changed file
                run = _run_and_kill(server, request, after_s=None, after_writes=rng.randint(1, 3))
            if run.error:
                problems.append(f"run {runs}: the ingest failed: {run.error}")
            if run.killed and run.finished_s is None:
                kills += 1
                phases["before any write" if not run.written else f"after {run.written} files written"] += 1
            elif run.finished_s is not None:
                full_run_s = run.finished_s
            with_orphans += _orphans(store) > 0
            found = _agreement(store, retriever, runtime, rng)
            agreed += not found
            problems += [f"run {runs}: {p}" for p in found]
            report = ingest_workspace_files(
                collect_files([folder]),
                WORKSPACE,
                settings=settings,
                store=store,
                embeddings=runtime.embeddings,
            )
            expected = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
            entries = ScopeIndex(store, workspace_collection(WORKSPACE), runtime.embeddings).entries()
            held = Counter((m["source"], m["file_sha"]) for m in _metadatas(store))
            complete = (
                not report.failed
                and {s: e.file_sha for s, e in entries.items()} == expected
                and held == Counter({(e.source, e.file_sha): e.chunk_count for e in entries.values()})
            )
            completed += complete
            if not complete:
                problems.append(f"run {runs}: re-ingest did not complete: {report.failed}")
    finally:
        server.close()
    when = ", ".join(f"{n} {phase}" for phase, n in sorted(phases.items()))
    print(
        f"\nkill -9 during ingest: {runs} runs, {kills} killed ({when}); "
        f"index and manifest agreed after {agreed}/{runs} runs; {with_orphans} kills left chunks no manifest "
        f"entry vouches for (never served, swept by the re-ingest); re-ingest completed {completed}/{runs}"
    )
    assert problems == []
    assert kills >= KILLS and agreed == runs and completed == runs


def _metadatas(store: Store) -> list[dict[str, Any]]:
    _, _, metas = store.get_all(store.collection(workspace_collection(WORKSPACE)), include=["metadatas"])
    return metas


def _orphans(store: Store) -> int:
    """Chunks in the workspace that no manifest entry vouches for."""
    name = workspace_collection(WORKSPACE)
    if not store.has_collection(name):
        return 0
    entries = ScopeIndex(store, name, None).entries()  # type: ignore[arg-type]
    vouched = {(e.source, e.file_sha) for e in entries.values()}
    return sum((m["source"], m["file_sha"]) not in vouched for m in _metadatas(store))
