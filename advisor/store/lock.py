"""One advisor process at a time inside the embedded store: a lock file beside it, held briefly.

Chroma's embedded store is not safe to share between processes. Measured with chromadb 1.5: three
processes writing at once left 14 of 15 pages of vectors unreadable; a process reading while another
wrote died with SIGSEGV and left the store unreadable; a process that kept its client open after
another had written failed with "Error finding id" and, writing, overwrote the other's vectors. So
every use of the embedded store by any advisor process (one Chroma call, or one file's write: chunks,
manifest entry, clean-up) holds an exclusive `fcntl.flock` on `<home>/chroma.lock`. The CLI and the
web app hold it per use, not for their lifetime, so they run side by side; a process that waits
longer than `ADVISOR_CHROMA_LOCK_WAIT_S` gets a `StoreError` naming the holder and pointing at server
mode, the way to many writers. The kernel drops the lock when its process dies, even by SIGKILL.

Waiters queue through a second lock file (`chroma.lock.queue`): a process must hold it to wait
for the main lock, and the holder of the main lock must take it to come back, so a process writing
file after file cannot starve the app's reads.

The lock file also carries a generation: a writer changes it before writing, and a process that finds
it changed since it last held the lock must reopen its client first (the embedded client caches the
vector index in memory). `hold` reports that.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from advisor.errors import StoreError

logger = logging.getLogger(__name__)
_POLL_S = 0.02


class StoreLock:
    """An exclusive, re-entrant (per thread) lock shared by the threads and processes using a store."""

    def __init__(self, path: Path, store_path: Path) -> None:
        self.path = path
        self.store_path = store_path
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._queue_fd: int | None = None
        self._seen: str | None = None  # the generation this process's view of the store reflects
        self._bumped = False

    @contextmanager
    def hold(self, *, write: bool, wait_s: float) -> Iterator[bool]:
        """Hold the lock; yields True when another process changed the store since this one last held
        it (the caller must reopen its client). `write` announces a change to the other processes."""
        if not self._threads.acquire(timeout=wait_s):
            raise self._busy({"pid": os.getpid(), "command": "another task of this process"}, wait_s)
        try:
            changed = False
            if self._depth == 0:
                changed = self._acquire_file(write, wait_s)
            self._depth += 1
            try:
                if write and not self._bumped:
                    self._bump()
                yield changed
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release_file()
        finally:
            self._threads.release()

    @property
    def view(self) -> str | None:
        """While held: the store generation this process's view reflects, which every write by any
        process changes; None inside a write (its changes may not all be made yet)."""
        return None if self._bumped or self._depth == 0 else self._seen

    def _acquire_file(self, write: bool, wait_s: float) -> bool:
        if self._fd is None or self._queue_fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            self._queue_fd = os.open(
                self.path.with_name(self.path.name + ".queue"), os.O_RDWR | os.O_CREAT, 0o644
            )
        deadline = time.monotonic() + wait_s
        self._flock(self._queue_fd, deadline, wait_s)
        try:
            self._flock(self._fd, deadline, wait_s)
        finally:
            fcntl.flock(self._queue_fd, fcntl.LOCK_UN)
        state = self._read()
        generation = str(state.get("generation", ""))
        changed = generation != self._seen
        self._seen = generation
        self._write({**state, **_me(write)})
        return changed

    def _flock(self, fd: int, deadline: float, wait_s: float) -> None:
        """Take `fd`'s lock, polling (a blocking flock cannot time out) until `deadline`."""
        warned = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise self._busy(self._read(), wait_s) from None
                if not warned:
                    logger.info("waiting for %s to finish with the store", _describe(self._read()))
                    warned = True
                time.sleep(_POLL_S)

    def _bump(self) -> None:
        self._seen = uuid.uuid4().hex
        self._bumped = True
        self._write({"generation": self._seen, **_me(True)})

    def _release_file(self) -> None:
        assert self._fd is not None
        self._bumped = False
        fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _read(self) -> dict[str, Any]:
        assert self._fd is not None
        try:
            state = json.loads(os.pread(self._fd, 4096, 0) or b"{}")
        except ValueError:  # half-written by a process killed mid-write: treat as changed
            return {"generation": uuid.uuid4().hex}
        return state if isinstance(state, dict) else {}

    def _write(self, state: dict[str, Any]) -> None:
        assert self._fd is not None
        body = json.dumps(state).encode()
        os.pwrite(self._fd, body, 0)
        os.ftruncate(self._fd, len(body))

    def _busy(self, holder: dict[str, Any], wait_s: float) -> StoreError:
        doing = "writing to" if holder.get("writing", True) else "reading"
        return StoreError(
            f"{_describe(holder)} is {doing} the embedded store at {self.store_path} (waited {wait_s:g} s)",
            hint="try again when it has finished; for several processes writing at once, run a Chroma "
            "server (`chroma run`) and set ADVISOR_CHROMA_URL",
        )


def _me(write: bool) -> dict[str, Any]:
    command = " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:200] if sys.argv else "python"
    return {"pid": os.getpid(), "command": command, "writing": write}


def _describe(holder: dict[str, Any]) -> str:
    pid, command = holder.get("pid"), holder.get("command")
    if command == "another task of this process":
        return "Another task of this advisor process"
    return f"Another advisor process (pid {pid}: {command})" if pid else "Another advisor process"


_locks: dict[Path, StoreLock] = {}
_locks_guard = threading.Lock()


def store_lock(store_path: Path) -> StoreLock:
    """The process's lock for the embedded store at `store_path` (one per path, shared by all Stores)."""
    store_path = store_path.resolve()
    with _locks_guard:
        if store_path not in _locks:
            _locks[store_path] = StoreLock(store_path.with_name(store_path.name + ".lock"), store_path)
        return _locks[store_path]
