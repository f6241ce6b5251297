"""The trained charter classifier: which clauses speak of each element, and how well.

Four linear models, trained on the dev part of the labelled corpus by `evals/corpus/train.py` and
shipped as `classifier.npz` beside this module (a few hundred kilobytes, no pickles):

1. *relevance*: for each element, the probability that a clause is the passage a reviewer would
   quote for it (logistic regression over `features.clause_features`);
2. *grade*: the probability that a clause quoted for an element shows it usable (present) rather
   than only gestured at (weak), learnt from the labelled quotes: it reads "every 20 days" and
   "regularly" the way the labellers did;
3. *status*: from the element's best clauses, their grade and how concrete they are
   (`features.element_features`), present, weak or missing (multinomial logistic regression);
4. *ranker*: for each element, a score over one document's clauses whose softmax puts the labelled
   passage first (a listwise model: it learns to choose among a document's clauses, where the
   relevance model learns each clause on its own). The evidence quoted is the clause ranked first by
   ranker score plus the log of its relevance.

Inference is a sparse dot product and a softmax in numpy: scikit-learn is needed to train, not to
review (it stays out of the runtime dependencies).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import numpy as np

from advisor.capabilities.charter.clauses import Clause, split_clauses
from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.features import Features, clause_features, element_features
from advisor.errors import ConfigError

MODEL_FILE = Path(__file__).with_name("classifier.npz")
STATUSES = ("missing", "weak", "present")
MIN_RELEVANCE = 0.1  # below this, no clause is taken to speak of an element


@dataclass(frozen=True)
class DocumentView:
    """A document as the classifier sees it: its clauses and each clause's features."""

    clauses: list[Clause]
    features: list[Features]


@dataclass(frozen=True)
class ElementCall:
    """The classifier's call on one element: a status, how sure, and the clauses ranked for it."""

    status: str
    confidence: float
    ranked: list[Clause]
    relevance: list[float]
    probabilities: tuple[float, ...] = ()  # of each of STATUSES


def view_document(text: str) -> DocumentView:
    """Split `text` into clauses and compute their features."""
    clauses = split_clauses(text)
    return DocumentView(clauses, [clause_features(c) for c in clauses])


class LinearModel:
    """Weights over named features: `scores(rows)` is rows · weights + bias, one column per output."""

    def __init__(self, names: list[str], weights: np.ndarray, bias: np.ndarray) -> None:
        self.index = {name: i for i, name in enumerate(names)}
        self.weights = weights  # (features, outputs)
        self.bias = bias

    def scores(self, rows: list[Features]) -> np.ndarray:
        out = np.tile(self.bias.astype(np.float64), (len(rows), 1))
        for r, row in enumerate(rows):
            known = [(self.index[name], value) for name, value in row.items() if name in self.index]
            if known:
                columns, values = zip(*known, strict=True)
                out[r] += np.asarray(values) @ self.weights[list(columns)]
        return out


MODELS = ("relevance", "grade", "status", "ranker")


def stacked(models: list[LinearModel]) -> LinearModel:
    """One model whose outputs are those of `models` side by side (one pass over a clause's features
    scores them all)."""
    names = list(dict.fromkeys(name for model in models for name in model.index))
    index = {name: i for i, name in enumerate(names)}
    weights = np.zeros((len(names), sum(m.weights.shape[1] for m in models)), dtype=np.float64)
    column = 0
    for model in models:
        rows = [index[name] for name in model.index]
        weights[rows, column : column + model.weights.shape[1]] = model.weights
        column += model.weights.shape[1]
    return LinearModel(names, weights, np.concatenate([m.bias for m in models]))


class CharterClassifier:
    """The four trained models (see the module docstring)."""

    def __init__(
        self, relevance: LinearModel, grade: LinearModel, status: LinearModel, ranker: LinearModel
    ) -> None:
        self.relevance = relevance
        self.grade = grade
        self.status = status
        self.ranker = ranker

    @cached_property
    def _clause_models(self) -> LinearModel:
        return stacked([self.relevance, self.grade, self.ranker])

    def clause_scores(self, view: DocumentView) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(clauses, elements) arrays: the relevance and grade probabilities and the ranker's scores."""
        if not view.clauses:
            empty = np.zeros((0, len(ELEMENTS)))
            return empty, empty, empty
        scores = self._clause_models.scores(view.features)
        n = len(ELEMENTS)
        return _sigmoid(scores[:, :n]), _sigmoid(scores[:, n : 2 * n]), scores[:, 2 * n :]

    def clause_relevance(self, view: DocumentView) -> np.ndarray:
        """(clauses, elements) probabilities that each clause is the one to quote for each element."""
        return clause_probabilities(self.relevance, view)

    def call_elements(self, view: DocumentView) -> dict[str, ElementCall]:
        """The status of every element, with its clauses ranked for quoting (ranker and relevance)."""
        relevance, grades, ranking = self.clause_scores(view)
        rows = [
            element_features(element, relevance[:, i].tolist(), grades[:, i].tolist(), view.features)
            for i, element in enumerate(ELEMENTS)
        ]
        probabilities = _softmax(self.status.scores(rows))
        calls: dict[str, ElementCall] = {}
        for i, element in enumerate(ELEMENTS):
            order = np.argsort(-(ranking[:, i] + np.log(relevance[:, i] + 1e-9)), kind="stable")
            best = int(np.argmax(probabilities[i]))
            if not len(order) or relevance[:, i].max() < MIN_RELEVANCE:
                best = 0  # no clause speaks of the element: missing, whatever the prior says
            calls[element] = ElementCall(
                status=STATUSES[best],
                confidence=float(probabilities[i, best]),
                ranked=[view.clauses[j] for j in order],
                relevance=[float(relevance[j, i]) for j in order],
                probabilities=tuple(float(p) for p in probabilities[i]),
            )
        return calls

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        for name in MODELS:
            model: LinearModel = getattr(self, name)
            arrays[f"{name}_names"] = np.array(list(model.index))
            arrays[f"{name}_weights"] = model.weights.astype(np.float32)
            arrays[f"{name}_bias"] = model.bias.astype(np.float32)
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> CharterClassifier:
        """The classifier stored in `path`; `ConfigError` saying how to rebuild it if unreadable."""
        rebuild = "rebuild it with `python evals/corpus/train.py --write`"
        try:
            with np.load(path, allow_pickle=False) as data:
                models = [
                    LinearModel(data[f"{n}_names"].tolist(), data[f"{n}_weights"], data[f"{n}_bias"])
                    for n in MODELS
                ]
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigError(f"{path}: cannot read the charter classifier ({exc}); {rebuild}") from None
        relevance, grade, status, ranker = models
        if relevance.weights.shape[1] != len(ELEMENTS) or status.weights.shape[1] != len(STATUSES):
            raise ConfigError(f"{path}: made for other elements or statuses; {rebuild}")
        return cls(relevance, grade, status, ranker)


def clause_probabilities(model: LinearModel, view: DocumentView) -> np.ndarray:
    """(clauses, elements) probabilities of a per-element clause model."""
    if not view.clauses:
        return np.zeros((0, len(ELEMENTS)))
    return _sigmoid(model.scores(view.features))


def most_like(
    element: str, text: str, classifier: CharterClassifier | None = None
) -> tuple[float, Clause] | None:
    """The clause of `text` the relevance model ranks most like `element` ("purpose": the sentence to
    quote as the purpose), with its probability; None for a text with no clause."""
    view = view_document(text)
    if not view.clauses:
        return None
    relevance = (classifier or default_classifier()).clause_relevance(view)[:, ELEMENTS.index(element)]
    best = int(np.argmax(relevance))
    return float(relevance[best]), view.clauses[best]


def purpose_sentence(text: str) -> tuple[float, str] | None:
    """The sentence of `text` the shipped model ranks most like a purpose statement, with its
    probability (what the purpose drafter takes when no goal is stated the way its rules know)."""
    found = most_like("purpose", text)
    return (found[0], found[1].text) if found else None


@cache
def default_classifier() -> CharterClassifier:
    """The classifier shipped with the package (loaded once)."""
    return CharterClassifier.load()


def _sigmoid(x: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-x))
    return result


def _softmax(x: np.ndarray) -> np.ndarray:
    shifted = np.exp(x - x.max(axis=1, keepdims=True))
    result: np.ndarray = shifted / shifted.sum(axis=1, keepdims=True)
    return result
