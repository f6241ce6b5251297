"""The BM25 index of one scope, built when the scope changes and kept on disk beside the store.

Building BM25 over a scope means reading every chunk back and tokenizing it (8-10 s at 100k
chunks), so it is done when an ingest, removal or sweep finishes, not by the first query after.
The index is saved under `<home>/lexical/<database>/<collection>/<generation token>/`: a query
that finds the scope's current token loads it (memory-mapped: milliseconds, at any size), and a
folder for any other token is stale by construction. Saves are atomic (a temporary folder renamed
into place), so a reader in another process sees a whole index or none; one that finds none (an
index of an older version, a build that lost a race with a write) builds it once and saves it.

bm25s computes the scores at build time; a query only sums the saved per-term scores of its words
(numpy, without importing bm25s and scipy: half a second of a cold start). Chunk texts and
metadata are kept beside them as one blob of JSON records with an offset table, and the chunk ids
sorted for lookup, so a vector hit's text comes from here too; a record is decoded only when a
query serves it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import re
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from advisor.text.stemming import stem_words

logger = logging.getLogger(__name__)
FORMAT = 2  # bump when the files or the tokenization change: older folders are then ignored
_RECORDS, _OFFSETS, _INFO = "records.jsonl", "offsets.npy", "info.json"
_VOCAB, _INDPTR, _INDICES, _SCORES = "vocab.json", "indptr.npy", "indices.npy", "scores.npy"
_IDS, _ID_ORDER = "ids.npy", "id_order.npy"
_STALE_TMP_S = 3600.0
# bm25s's English stop words (`bm25s.stopwords.STOPWORDS_EN`), given to it when it indexes; queries
# are tokenized here the way `bm25s.tokenize` does it.
STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
        "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
        "this", "to", "was", "will", "with",
    ]
)  # fmt: skip
_WORD = re.compile(r"(?u)\b\w\w+\b")


class OtherFormatError(ValueError):
    """A saved index written by another version of the advisor (rebuilt, as any unusable one)."""


def corpus_text(text: str, metadata: dict[str, Any]) -> str:
    """What BM25 indexes of a chunk: its title, heading and summary (which name its topic) and text."""
    return f"{metadata.get('title', '')} {metadata.get('heading', '')} {metadata.get('summary', '')} {text}"


def query_terms(text: str) -> list[str]:
    """The stemmed words of `text` that BM25 scores, in order, repeats kept (each counts again)."""
    words = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
    unique = list(dict.fromkeys(words))
    stems = dict(zip(unique, stem_words(unique), strict=True))
    return [stems[w] for w in words]


@dataclass(frozen=True)
class _TermScores:
    """BM25's precomputed scores by term (compressed columns): the chunks holding term t are
    `indices[indptr[t]:indptr[t + 1]]`, with their scores in `scores` (the "lucene" variant, so a
    chunk without a term gets nothing for it)."""

    vocab: dict[str, int]
    indptr: npt.NDArray[np.integer[Any]]
    indices: npt.NDArray[np.integer[Any]]
    scores: npt.NDArray[np.float32]


class LexicalIndex:
    """BM25 over a scope's chunks, with each chunk's id, text and metadata."""

    def __init__(
        self,
        terms: _TermScores | None,
        records: bytes | mmap.mmap,
        offsets: npt.NDArray[np.int64],
        ids: npt.NDArray[np.bytes_],
        id_order: npt.NDArray[np.int64],
    ) -> None:
        self._terms = terms
        self._records = records
        self._offsets = offsets
        self._ids = ids  # the chunk ids, sorted
        self._id_order = id_order  # the position of each of them
        self.size = len(offsets) - 1

    @classmethod
    def build(
        cls, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]
    ) -> LexicalIndex:
        terms = None
        if ids:
            import bm25s

            bm25 = bm25s.BM25()
            corpus = [corpus_text(t, m) for t, m in zip(texts, metadatas, strict=True)]
            bm25.index(tokenize(corpus), show_progress=False)
            terms = _TermScores(
                vocab={str(term): int(column) for term, column in bm25.vocab_dict.items()},
                indptr=np.asarray(bm25.scores["indptr"]),
                indices=np.asarray(bm25.scores["indices"]),
                scores=np.asarray(bm25.scores["data"], dtype=np.float32),
            )
        blobs = [
            json.dumps([cid, text, meta], ensure_ascii=False).encode()
            for cid, text, meta in zip(ids, texts, metadatas, strict=True)
        ]
        offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(b) for b in blobs])
        keys = np.array([cid.encode() for cid in ids], dtype=np.bytes_) if ids else np.zeros(0, "S1")
        order = np.argsort(keys, kind="stable").astype(np.int64)
        return cls(terms, b"".join(blobs), offsets, keys[order], order)

    def search(self, terms: list[str], n: int) -> list[tuple[int, float]]:
        """(position, BM25 score) of the best `n` chunks that hold one of `terms` (`query_terms`),
        best first: bm25s's own scoring and ranking, on the saved scores."""
        index = self._terms
        columns = [index.vocab[t] for t in terms if t in index.vocab] if index is not None else []
        if index is None or not columns:
            return []
        # One unbuffered add over the columns' postings in query order: a chunk gets its terms' scores
        # in the order bm25s sums them (the same float32 totals, bit for bit, as a `+=` per column,
        # which took 4x as long: a fancy-indexed read, add and write per term).
        spans = [(index.indptr[column], index.indptr[column + 1]) for column in columns]
        scores = np.zeros(self.size, dtype=np.float32)
        np.add.at(
            scores,
            np.concatenate([index.indices[start:end] for start, end in spans]),
            np.concatenate([index.scores[start:end] for start, end in spans]),
        )
        k = min(n, self.size)
        top = np.argpartition(scores, -k)[-k:]
        top = top[np.flip(np.argsort(scores[top]))]
        return [(int(p), float(scores[p])) for p in top if scores[p] > 0]

    def positions(self, ids: Sequence[str]) -> list[int | None]:
        """The position of each chunk id, or None for one this index does not hold."""
        if not ids or not self.size:
            return [None] * len(ids)
        width = self._ids.dtype.itemsize
        keys = [cid.encode() for cid in ids]
        found = np.searchsorted(self._ids, np.array(keys, dtype=self._ids.dtype))
        return [
            int(self._id_order[at]) if len(key) <= width and at < self.size and self._ids[at] == key else None
            for key, at in zip(keys, found.tolist(), strict=True)
        ]

    def record(self, position: int) -> tuple[str, str, dict[str, Any]]:
        """The id, text and metadata of the chunk at `position`."""
        start, end = int(self._offsets[position]), int(self._offsets[position + 1])
        cid, text, meta = json.loads(self._records[start:end])
        return str(cid), str(text), dict(meta)

    def save(self, folder: Path) -> None:
        """Write the index to `folder` (which must not exist yet)."""
        folder.mkdir(parents=True)
        if self._terms is not None:
            (folder / _VOCAB).write_text(json.dumps(self._terms.vocab), encoding="utf-8")
            np.save(folder / _INDPTR, self._terms.indptr)
            np.save(folder / _INDICES, self._terms.indices)
            np.save(folder / _SCORES, self._terms.scores)
        (folder / _RECORDS).write_bytes(bytes(self._records))
        np.save(folder / _OFFSETS, self._offsets)
        np.save(folder / _IDS, self._ids)
        np.save(folder / _ID_ORDER, self._id_order)
        (folder / _INFO).write_text(json.dumps({"format": FORMAT, "size": self.size}), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """An index saved by `save`, memory-mapped. Raises OSError or ValueError when it is not whole."""
        info = json.loads((folder / _INFO).read_text(encoding="utf-8"))
        if info.get("format") != FORMAT:
            raise OtherFormatError(f"{folder}: format {info.get('format')}, expected {FORMAT}")
        size = int(info["size"])
        terms = None
        if size:
            terms = _TermScores(
                vocab=json.loads((folder / _VOCAB).read_text(encoding="utf-8")),
                indptr=_array(folder / _INDPTR, size),
                indices=_array(folder / _INDICES, size),
                scores=_array(folder / _SCORES, size),
            )
        offsets = _array(folder / _OFFSETS, size + 1)
        ids, id_order = _array(folder / _IDS, size), _array(folder / _ID_ORDER, size)
        with open(folder / _RECORDS, "rb") as handle:
            records: bytes | mmap.mmap = (
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if offsets[-1] else b""
            )
        if not len(offsets) - 1 == len(ids) == len(id_order) == size:
            raise ValueError(f"{folder}: {len(offsets) - 1} records, {len(ids)} ids, expected {size}")
        return cls(terms, records, offsets, ids, id_order)


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
            log = logger.info if isinstance(exc, OtherFormatError) else logger.warning  # upgrades: no alarm
            log("BM25 index at %s not usable (%s); it will be rebuilt", folder, exc)
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


def _array(path: Path, size: int) -> Any:
    """A saved array, memory-mapped unless it is empty (which cannot be mapped). A plain view of
    the map: numpy's memmap class costs microseconds on every index, thousands per query."""
    return np.load(path, mmap_mode="r").view(np.ndarray) if size else np.load(path)


def _discard(folder: Path) -> None:
    """Move a folder out of the way (atomically) and delete it."""
    aside = folder.with_name(f".tmp-{uuid.uuid4().hex}")
    try:
        os.rename(folder, aside)
    except OSError:  # gone already (another process discarded or replaced it)
        return
    shutil.rmtree(aside, ignore_errors=True)


def tokenize(texts: list[str]) -> Any:
    """bm25s's tokens of `texts` for indexing (split and stemmed as `query_terms` does)."""
    import bm25s

    _quiet_bm25s()
    return bm25s.tokenize(texts, stopwords=sorted(STOPWORDS), stemmer=stem_words, show_progress=False)


def _quiet_bm25s() -> None:
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
