"""Vector arithmetic shared by the matchers: unit rows and cosine similarity."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


def unit_rows(vectors: Sequence[Sequence[float]]) -> npt.NDArray[np.float64]:
    """Vectors as rows of unit length, so a matrix product gives cosine similarities."""
    array = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return array / np.where(norms == 0, 1.0, norms)


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine similarity of two vectors; 0 when either is all zeros."""
    rows = unit_rows([a, b])
    return float(rows[0] @ rows[1])
