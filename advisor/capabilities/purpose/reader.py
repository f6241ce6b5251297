"""The outcome reader: the rules' outcome verdict weighed with a word model learnt from real statements.

The rules (`rules.find_outcome`) are precise on the shapes they were taught and blind to the rest: on
real statements they had not yet read, right four times in five, missing half the outcomes. The word
model is a logistic regression over a statement's tf-idf words and word pairs (every digit read as 0),
trained on the labelled purpose statements' dev part and on the outcome lessons of the tests (each an
invented statement of a shape read from a real batch, so the model learns them too). A two-weight
logistic regression stacks the rules' verdict with the word model's score; it is fit on the batches
that were once test parts, each with the rules' verdict from before it was read and the word score of
a model trained without it, so it weighs the rules as they do on text they have not seen.

Both are trained by `python evals/purpose/train.py --write` and shipped as `reader.npz` beside this
module (no pickles); scoring is a sparse dot product. scikit-learn is needed to train, never to check.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import numpy as np
import numpy.typing as npt

from advisor.errors import ConfigError

MODEL_FILE = Path(__file__).with_name("reader.npz")
REBUILD = "python evals/purpose/train.py --write"
_WORD = re.compile(r"\b\w\w+\b")


def statement_terms(text: str) -> list[str]:
    """The words (two letters or more, lower case, every digit read as 0: "30%" and "45%" are one
    word) and each pair of neighbouring words."""
    words = _WORD.findall(re.sub(r"\d", "0", text.lower()))
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True)
class OutcomeReader:
    """`score(statement)`: the word model's log-odds that the statement names an outcome;
    `outcome(statement, rules_met)`: the stacked verdict."""

    index: dict[str, int]  # term -> column
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float
    stack: tuple[float, float, float]  # rules' verdict weight, word score weight, intercept

    def score(self, statement: str) -> float:
        """The word model's decision value (tf-idf with sublinear tf, l2-normalised, as trained)."""
        counts = Counter(t for t in statement_terms(" ".join(statement.split())) if t in self.index)
        if not counts:
            return self.bias
        columns = np.fromiter((self.index[t] for t in counts), dtype=np.int64, count=len(counts))
        values = np.fromiter((1.0 + math.log(n) for n in counts.values()), float, len(counts))
        values *= self.idf[columns]
        values /= float(np.linalg.norm(values))
        return float(values @ self.weights[columns]) + self.bias

    def outcome(self, statement: str, rules_met: bool) -> bool:
        """Whether the statement names an outcome, the rules' verdict and the words weighed together."""
        rules_weight, score_weight, intercept = self.stack
        return rules_weight * float(rules_met) + score_weight * self.score(statement) + intercept >= 0.0

    def arrays(self) -> dict[str, npt.NDArray[np.generic]]:
        terms = sorted(self.index, key=self.index.__getitem__)
        return {
            "terms": np.array(terms),
            "idf": self.idf,
            "weights": self.weights,
            "bias": np.array([self.bias]),
            "stack": np.array(self.stack),
        }


def save_reader(path: Path, reader: OutcomeReader) -> None:
    """Write `reader` as a numpy archive (no pickles)."""
    np.savez_compressed(path, **reader.arrays())  # type: ignore[arg-type]


@cache
def outcome_reader() -> OutcomeReader:
    """The shipped reader (loaded once); `ConfigError` naming the rebuild command when it is unreadable."""
    try:
        with np.load(MODEL_FILE, allow_pickle=False) as data:
            terms = [str(t) for t in data["terms"]]
            stack = tuple(float(v) for v in data["stack"])
            return OutcomeReader(
                index={t: i for i, t in enumerate(terms)},
                idf=data["idf"].astype(np.float64),
                weights=data["weights"].astype(np.float64),
                bias=float(data["bias"][0]),
                stack=(stack[0], stack[1], stack[2]),
            )
    except (OSError, KeyError, ValueError, IndexError) as exc:
        raise ConfigError(
            f"{MODEL_FILE}: unreadable outcome reader ({exc}); rebuild it with `{REBUILD}`"
        ) from None
