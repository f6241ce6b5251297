"""Trained judgements for two interests gaps: is an interest served by no objective, is an affected
group spoken for by no member.

Each is a logistic model over a few general matching features (how close in meaning the interest is
to its nearest objective and to the objectives as a whole, whether they share a content word or a
need, whether the interest asks for a means no objective names, how much it is about the member
itself, whether the coalition took up the member's position), trained on the labelled dev rosters
by `evals/coalitions/train.py` with the threshold chosen by leave-one-coalition-out
cross-validation, and shipped as `served.npz` beside this module. The features come from `Matcher`,
so they need an embedding model.

Not yet used by `analysis`: cross-validated on dev (interest F1 0.75, group F1 0.69) and trained on
batch 1 alone, it scored batch 2 no better than the word-and-meaning rules (0.63 vs 0.62; 0.55 vs
0.55) and disagreed with the invented rosters of `evals/data`, so the rules stay until it does better.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from advisor.capabilities.interests.matching import Matcher
from advisor.documents.coalition import Member
from advisor.text.logistic import Array, Logistic, load_models

MODEL_FILE = Path(__file__).with_name("served.npz")
MODELS = ("interest", "group")
INTEREST_FEATURES = (
    "best_similarity",  # cosine with the nearest objective
    "pooled_similarity",  # cosine with the mean of the objectives (the coalition's work as a whole)
    "best_words",  # content words (not who-words, not means) shared with the nearest objective, capped
    "any_words",  # the most such words shared with any objective, capped
    "need_concept",  # a need concept shared with some objective
    "missing_means",  # asks for a means (money, a post, visibility) that no objective names
    "rule_supported",  # the word-and-meaning rule says some objective serves it
    "about_member",  # cosine with the member's own name: an interest in the organisation itself
    "position_adopted",  # cosine of the member's closest position with its closest objective
)
GROUP_FEATURES = (
    "best_name_similarity",  # cosine with the nearest member's name (and sector)
    "best_text_similarity",  # cosine with the nearest member interest or position
    "any_words",  # the most content words shared with one member's name, sector, interest or position
    "rule_supported",  # the word-and-meaning rule says some member speaks for it
)
WORD_CAP = 3


def interest_features(matcher: Matcher, member: Member, interest: str, objectives: Sequence[str]) -> Array:
    """The features (`INTEREST_FEATURES`) of one member's interest against the coalition's objectives."""
    judged = [matcher.serves(interest, objective) for objective in objectives]
    similarities = [e.similarity or 0.0 for e in judged]
    best = int(np.argmax(similarities))
    pooled = matcher.pooled_similarity(interest, objectives)
    return np.array(
        [
            similarities[best],
            pooled,
            min(len(judged[best].shared_words), WORD_CAP) / WORD_CAP,
            max(min(len(e.shared_words), WORD_CAP) for e in judged) / WORD_CAP,
            float(any(e.shared_needs for e in judged)),
            float(all(e.missing_means for e in judged)),
            float(any(e.supported for e in judged)),
            matcher.similarity(interest, member.name),
            max((matcher.similarity(p, o) for p in member.positions for o in objectives), default=0.0),
        ]
    )


def group_features(matcher: Matcher, group: str, members: Sequence[Member]) -> Array:
    """The features (`GROUP_FEATURES`) of one affected group against the members who might speak for it."""
    names = [matcher.evidence(group, m.name, extra_words=[m.sector]) for m in members]
    texts = [matcher.evidence(group, t) for m in members for t in (*m.interests, *m.positions)]
    everything = names + texts
    return np.array(
        [
            max((e.similarity or 0.0 for e in names), default=0.0),
            max((e.similarity or 0.0 for e in texts), default=0.0),
            max((min(len(e.shared_words), WORD_CAP) for e in everything), default=0) / WORD_CAP,
            float(any(e.supported for e in everything)),
        ]
    )


@cache
def served_models() -> dict[str, Logistic]:
    """The shipped models (loaded once): `interest` says unserved, `group` says unrepresented."""
    return load_models(MODEL_FILE, MODELS, "python evals/coalitions/train.py --write")
