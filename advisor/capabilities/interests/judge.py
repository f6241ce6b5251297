"""Trained judgement of the two gaps that need judgement: an interest no objective serves, and an
affected group no member speaks for.

Each is a logistic model over a few general features of the `Matcher`'s evidence (the rules'
verdict among them), trained on real labelled rosters by `evals/coalitions/train_interests.py`
(regularisation and threshold chosen by leave-one-roster-out cross-validation) and shipped as
`judge.npz`. The features need embeddings: without an embedding model the rules decide
(`Evidence.supported`).

Interest features: the closest objective's cosine and its margin over the next, the largest share of
the interest's content words and concepts that one objective holds, the closest objective sharing a
need concept, whether the interest asks for a means (money, visibility, a post) no objective names,
and the rules' verdict. Group features: the closest member text's cosine, the share of the group's
words and concepts that the members' names, positions and interests hold together, the largest share
one member holds with its resources, role and sector, and the rules' verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from advisor.capabilities.interests.lexicon import MEANS_CONCEPTS, POPULATION_CONCEPTS
from advisor.capabilities.interests.matching import CONCEPT_SUPPORTED_SIMILARITY, Matcher
from advisor.documents.coalition import Member
from advisor.text.logistic import Array, Logistic, load_models

MODEL_FILE = Path(__file__).with_name("judge.npz")
REBUILD = "python evals/coalitions/train_interests.py --write"
INTEREST_FEATURES = (
    "closest",  # cosine of the interest with its closest objective
    "margin",  # ... minus the cosine with the next closest
    "words",  # the largest share of the interest's content words and concepts one objective holds
    "concept",  # cosine of the closest objective that shares a need concept (0 without one)
    "means_missing",  # the interest asks for a means (money, visibility, a post) no objective names
    "rules_unserved",  # the rules find no objective that serves it
)
GROUP_FEATURES = (
    "closest",  # cosine of the group with the closest member name, position or interest
    "words",  # share of the group's words and concepts in the members' names, positions and interests
    "member_words",  # the largest share one member holds, with its resources, role and sector
    "rules_missing",  # the rules find no member that speaks for it
)


@cache
def judge_models() -> dict[str, Logistic]:
    """The shipped models (loaded once): `interests` and `groups`."""
    return load_models(MODEL_FILE, ("interests", "groups"), REBUILD)


def interest_features(matcher: Matcher, interest: str, objectives: Sequence[str]) -> Array | None:
    """INTEREST_FEATURES of one interest against the objectives; None without embeddings."""
    evidence = [matcher.serves(interest, o) for o in objectives]
    cosines = [e.similarity for e in evidence]
    if not evidence or any(c is None for c in cosines):
        return None
    ranked = sorted((float(c or 0.0) for c in cosines), reverse=True)
    keys = _keys(matcher, [interest])
    words = max(_share(keys, _keys(matcher, [o])) for o in objectives)
    needs = [
        float(e.similarity or 0.0)
        for e in evidence
        if set(e.shared_concepts) - POPULATION_CONCEPTS - MEANS_CONCEPTS
    ]
    named = set().union(*(matcher.keys(o).concepts for o in objectives))
    means_missing = bool((matcher.keys(interest).concepts & MEANS_CONCEPTS) - named)
    rules_unserved = not any(e.supported for e in evidence)
    margin = ranked[0] - ranked[1] if len(ranked) > 1 else ranked[0]
    return np.array(
        [ranked[0], margin, words, max(needs, default=0.0), float(means_missing), float(rules_unserved)]
    )


def group_features(matcher: Matcher, group: str, members: Sequence[Member]) -> Array | None:
    """GROUP_FEATURES of one affected group against the members; None without embeddings."""
    cosines, supported = [], False
    for member in members:
        for text in (*member.names, *member.interests, *member.positions):
            extra = [member.sector] if text in member.names else []
            evidence = matcher.evidence(group, text, extra_words=extra)
            if evidence.similarity is None:
                return None
            cosines.append(evidence.similarity)
            supported |= evidence.supported
    if not cosines:
        return None
    keys = _keys(matcher, [group])
    spoken = [_keys(matcher, [*m.names, *m.interests, *m.positions]) for m in members]
    brought = [
        said | _keys(matcher, [*m.resources, m.role, m.sector])
        for m, said in zip(members, spoken, strict=True)
    ]
    words = _share(keys, set().union(*spoken))
    member_words = max(_share(keys, b) for b in brought)
    return np.array([max(cosines), words, member_words, float(not supported)])


def interest_unserved(matcher: Matcher, interest: str, objectives: Sequence[str]) -> bool | None:
    """The model's verdict that no objective serves `interest`; None without embeddings."""
    features = interest_features(matcher, interest, objectives)
    if features is None:
        return None
    return not concept_served(features) and bool(judge_models()["interests"].decide(features)[0, 0])


def concept_served(features: Array) -> bool:
    """An objective shares a need concept with the interest (the lexicon's explicit knowledge that,
    say, "stay in the neighbourhood" and "displacement" are one need): served, whatever the model says.
    Leave-one-roster-out, this guard costs the model 0.02 F1 and keeps it from flagging such pairs."""
    return bool(features[INTEREST_FEATURES.index("concept")] >= CONCEPT_SUPPORTED_SIMILARITY)


def group_missing(matcher: Matcher, group: str, members: Sequence[Member]) -> bool | None:
    """The model's verdict that no member speaks for `group`; None without embeddings."""
    features = group_features(matcher, group, members)
    if features is None:
        return None
    return not named_by_member(matcher, group, members) and bool(
        judge_models()["groups"].decide(features)[0, 0]
    )


def named_by_member(matcher: Matcher, group: str, members: Sequence[Member]) -> bool:
    """A member's name says it speaks for the group ("pedestrians" and Riverside Walks): it shares a
    concept with the group, or the rules match them with a shared word. Such a member speaks for the
    group, whatever the model says (leave-one-roster-out F1 0.70 with this guard, 0.75 without, 0.62
    for the rules alone; without it the model overrules names that plainly say who)."""
    concepts = matcher.keys(group).concepts
    for member in members:
        for name in member.names:
            if concepts & matcher.keys(name).concepts:
                return True
            evidence = matcher.evidence(group, name, extra_words=[member.sector])
            if evidence.supported and evidence.shared_words:
                return True
    return False


def _keys(matcher: Matcher, texts: Sequence[str]) -> set[str]:
    """The content-word stems and the concepts (marked, so no word can equal one) of `texts`.
    (Dropping the words a concept covers measured worse: F1 0.71 against 0.75 for groups.)"""
    keys: set[str] = set()
    for text in texts:
        if text.strip():
            found = matcher.keys(text)
            keys |= found.stems | {f"concept:{c}" for c in found.concepts}
    return keys


def _share(keys: set[str], held: set[str]) -> float:
    """The share of `keys` found in `held`."""
    return len(keys & held) / max(len(keys), 1)
