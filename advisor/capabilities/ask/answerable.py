"""Whether a question is one the guidance and a coalition's documents are unlikely to answer.

A logistic gate over the question's embedding (`answerable.npz`, trained on the dev questions of
`evals/retrieval` by `evals/retrieval/train_answerable.py`): payroll steps, a logo's colours or a
state's filing deadline lie outside what the sources cover, however close their nearest passage
reads. It knows the bundled MiniLM's vectors only; with another embedding model it never fires.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np

from advisor.text.logistic import Logistic, load_models

MODEL_FILE = Path(__file__).with_name("answerable.npz")


@cache
def gate() -> Logistic:
    """The trained gate (`ConfigError` saying how to rebuild the file if it cannot be read)."""
    return load_models(MODEL_FILE, ("gate",), "python evals/retrieval/train_answerable.py --write")["gate"]


def unlikely_answered(question_vector: list[float]) -> bool:
    """Whether the question with this embedding is one the sources are unlikely to answer."""
    model = gate()
    vector = np.asarray(question_vector, dtype=np.float64)
    if vector.shape != model.mean.shape:  # another embedding model than the one it learned
        return False
    return bool(model.decide(vector)[0, 0])
