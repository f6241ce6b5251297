"""The BM25 index of one scope, built when the scope changes and kept on disk beside the store.

Building BM25 over a scope means reading every chunk back and tokenizing it (8-10 s at 100k
chunks), so it is done when an ingest, removal or sweep finishes, not by the first query after.
The index is saved under `<home>/lexical/<database>/<collection>/<generation token>/`: a query
that finds the scope's current token loads it (memory-mapped: milliseconds, at any size), and a
folder for any other token is stale by construction. Saves are atomic (a temporary folder renamed
into place), so a reader in another process sees a whole index or none; one that finds none (an
index of an older version, a build that lost a race with a write) builds it once and saves it.

Chunk texts and metadata are kept beside the BM25 arrays as one blob of JSON records with an
offset table, decoded only for the hits a query returns.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from advisor.text.stemming import stem_words

logger = logging.getLogger(__name__)
FORMAT = 1  # bump when the files or the tokenization change: older folders are then ignored
_RECORDS, _OFFSETS, _INFO = "records.jsonl", "offsets.npy", "info.json"
_STALE_TMP_S = 3600.0


def corpus_text(text: str, metadata: dict[str, Any]) -> str:
    """What BM25 indexes of a chunk: its title, heading and summary (which name its topic) and text."""
    return f"{metadata.get('title', '')} {metadata.get('heading', '')} {metadata.get('summary', '')} {text}"


class LexicalIndex:
    """BM25 over a scope's chunks, with each chunk's id, text and metadata."""

    def __init__(self, bm25: Any, records: bytes | mmap.mmap, offsets: npt.NDArray[np.int64]) -> None:
        self._bm25 = bm25
        self._records = records
        self._offsets = offsets
        self.size = len(offsets) - 1

    @classmethod
    def build(
        cls, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]
    ) -> LexicalIndex:
        bm25 = None
        if ids:
            import bm25s

            bm25 = bm25s.BM25()
            corpus = [corpus_text(t, m) for t, m in zip(texts, metadatas, strict=True)]
            bm25.index(tokenize(corpus), show_progress=False)
        blobs = [
            json.dumps([cid, text, meta], ensure_ascii=False).encode()
            for cid, text, meta in zip(ids, texts, metadatas, strict=True)
        ]
        offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(b) for b in blobs])
        return cls(bm25, b"".join(blobs), offsets)

    def search(self, query: str, n: int) -> list[tuple[int, float]]:
        """(position, BM25 score) of the best `n` chunks that share a word with `query`."""
        tokens = tokenize([query], as_strings=True)
        if self._bm25 is None or not tokens[0]:
            return []
        positions, scores = self._bm25.retrieve(tokens, k=min(n, self.size), show_progress=False)
        return [(int(p), float(s)) for p, s in zip(positions[0], scores[0], strict=True) if s > 0]

    def record(self, position: int) -> tuple[str, str, dict[str, Any]]:
        """The id, text and metadata of the chunk at `position`."""
        start, end = int(self._offsets[position]), int(self._offsets[position + 1])
        cid, text, meta = json.loads(self._records[start:end])
        return str(cid), str(text), dict(meta)

    def save(self, folder: Path) -> None:
        """Write the index to `folder` (which must not exist yet)."""
        folder.mkdir(parents=True)
        if self._bm25 is not None:
            self._bm25.save(str(folder), show_progress=False)
        (folder / _RECORDS).write_bytes(bytes(self._records))
        np.save(folder / _OFFSETS, self._offsets)
        (folder / _INFO).write_text(json.dumps({"format": FORMAT, "size": self.size}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """An index saved by `save`, memory-mapped. Raises OSError or ValueError when it is not whole."""
        info = json.loads((folder / _INFO).read_text(encoding="utf-8"))
        if info.get("format") != FORMAT:
            raise ValueError(f"{folder}: format {info.get('format')}, expected {FORMAT}")
        bm25 = None
        if info["size"]:
            import bm25s

            _quiet_bm25s()
            bm25 = bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
        offsets = np.load(folder / _OFFSETS, mmap_mode="r")
        with open(folder / _RECORDS, "rb") as handle:
            records: bytes | mmap.mmap = (
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if offsets[-1] else b""
            )
        if len(offsets) - 1 != info["size"]:
            raise ValueError(f"{folder}: {len(offsets) - 1} records, expected {info['size']}")
        return cls(bm25, records, offsets)


class LexicalStore:
    """The saved BM25 indexes of one store, by collection and generation token, with the most
    recently used ones kept in memory (shared by every retriever of the process)."""

    _cache: ClassVar[OrderedDict[Path, LexicalIndex]] = OrderedDict()
    _cache_size: ClassVar[int] = 8
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, collection: str, token: str) -> Path:
        return self.root / collection / token

    def get(self, collection: str, token: str) -> LexicalIndex | None:
        """The index saved for this generation of the scope, or None."""
        folder = self.folder(collection, token)
        with self._guard:
            if folder in self._cache:
                self._cache.move_to_end(folder)
                return self._cache[folder]
        if not folder.is_dir():
            return None
        try:
            index = LexicalIndex.load(folder)
        except (OSError, ValueError, KeyError) as exc:  # removed meanwhile, damaged, another version
            logger.warning("BM25 index at %s not usable (%s); it will be rebuilt", folder, exc)
            _discard(folder)
            return None
        self._remember(folder, index)
        return index

    def put(self, collection: str, token: str, index: LexicalIndex) -> None:
        """Keep `index` as this generation's, atomically, and drop the scope's older generations."""
        folder = self.folder(collection, token)
        self._remember(folder, index)
        if folder.is_dir():
            return
        tmp = folder.with_name(f".tmp-{uuid.uuid4().hex}")
        try:
            index.save(tmp)
            os.rename(tmp, folder)
        except OSError as exc:  # another process saved the same generation first, or no space
            shutil.rmtree(tmp, ignore_errors=True)
            if not folder.is_dir():
                logger.warning("could not save the BM25 index of %s: %s", collection, exc)
                return
        self._prune(folder)

    def drop(self, collection: str) -> None:
        """Forget every saved index of `collection` (the scope was deleted)."""
        shutil.rmtree(self.root / collection, ignore_errors=True)
        with self._guard:
            for folder in [f for f in self._cache if f.parent == self.root / collection]:
                del self._cache[folder]

    def _prune(self, keep: Path) -> None:
        now = time.time()
        for other in keep.parent.iterdir():
            if other == keep:
                continue
            if other.name.startswith(".tmp-"):
                with contextlib.suppress(OSError):  # another process's save in progress: leave it
                    if now - other.stat().st_mtime < _STALE_TMP_S:
                        continue
            shutil.rmtree(other, ignore_errors=True)  # a reader that has it mapped keeps its copy

    def _remember(self, folder: Path, index: LexicalIndex) -> None:
        with self._guard:
            self._cache[folder] = index
            self._cache.move_to_end(folder)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)


def _discard(folder: Path) -> None:
    """Move a folder out of the way (atomically) and delete it."""
    aside = folder.with_name(f".tmp-{uuid.uuid4().hex}")
    try:
        os.rename(folder, aside)
    except OSError:  # gone already (another process discarded or replaced it)
        return
    shutil.rmtree(aside, ignore_errors=True)


def tokenize(texts: list[str], as_strings: bool = False) -> Any:
    import bm25s

    _quiet_bm25s()
    return bm25s.tokenize(
        texts, stopwords="en", stemmer=stem_words, show_progress=False, return_ids=not as_strings
    )


def _quiet_bm25s() -> None:
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
