"""English stemming that is safe across threads (PyStemmer objects are not: one per thread)."""

from __future__ import annotations

import threading
from typing import Any

import Stemmer

_local = threading.local()


def stem_words(words: list[str]) -> list[str]:
    """The Snowball English stem of each word, in order."""
    stems: list[str] = _stemmer().stemWords(words)
    return stems


def _stemmer() -> Any:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer
