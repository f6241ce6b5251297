"""The evidence a review quotes: among a document's clauses, the one the listwise ranker puts first
(its score plus the log of the clause's relevance), not simply the most relevant clause on its own."""

from __future__ import annotations

import numpy as np

from advisor.capabilities.charter.classifier import (
    STATUSES,
    CharterClassifier,
    LinearModel,
    default_classifier,
    view_document,
)
from advisor.capabilities.charter.elements import ELEMENTS

TEXT = (
    "# Charter\n\n"
    "This charter may be amended by a two-thirds vote of the members present.\n\n"
    "The network exists to cut evictions in the county by a third by 2028.\n"
)
PURPOSE = ELEMENTS.index("purpose")


def _classifier(ranker_weight: float) -> CharterClassifier:
    """Relevance slightly prefers the amendment clause for purpose; the ranker may prefer the aim."""
    names = ["w:amend", "w:evict"]
    relevance = np.zeros((2, len(ELEMENTS)))
    relevance[0, PURPOSE], relevance[1, PURPOSE] = 0.4, 0.2
    ranker = np.zeros((2, len(ELEMENTS)))
    ranker[1, PURPOSE] = ranker_weight
    flat = LinearModel(names, np.zeros((2, len(ELEMENTS))), np.zeros(len(ELEMENTS)))
    status = LinearModel(["bias"], np.zeros((1, len(STATUSES))), np.zeros(len(STATUSES)))
    return CharterClassifier(
        LinearModel(names, relevance, np.zeros(len(ELEMENTS))),
        flat,
        status,
        LinearModel(names, ranker, np.zeros(len(ELEMENTS))),
    )


def test_the_ranker_chooses_the_clause_to_quote() -> None:
    view = view_document(TEXT)
    quoted = _classifier(ranker_weight=2.0).call_elements(view)["purpose"].ranked[0].text
    assert "evictions" in quoted
    # with a ranker that has no opinion, the most relevant clause comes first
    assert "amended" in _classifier(ranker_weight=0.0).call_elements(view)["purpose"].ranked[0].text


def test_the_shipped_classifier_has_a_ranker_for_every_element() -> None:
    ranker = default_classifier().ranker
    assert ranker.weights.shape[1] == len(ELEMENTS) and np.abs(ranker.weights).sum(axis=0).min() > 0
