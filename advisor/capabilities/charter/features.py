"""What the charter classifier sees of a clause, and of an element across a whole document.

Clause features: the clause's stemmed words and word pairs, its heading's words, the element cues
of `cues.yaml` it matches and the strength markers a reviewer grades by (binding or aspirational
language, numbers and thresholds, frequencies and named roles, placeholders, delegation to another
document). Element features: how strongly the best clauses speak of the element, and how concrete
those clauses are. Both are plain `{name: value}` dictionaries, the input of `classifier`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from advisor.capabilities.charter.clauses import Clause
from advisor.capabilities.charter.criteria import CRITERIA, clause_criteria
from advisor.capabilities.charter.cues import CONCRETE, ELEMENT_CUES, PLACEHOLDER, VAGUE, words
from advisor.capabilities.charter.elements import ELEMENTS
from advisor.text.stemming import stem_words

Features = dict[str, float]

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "for",
        "by",
        "with",
        "be",
        "as",
        "at",
        "this",
        "that",
        "it",
        "its",
        "their",
        "they",
        "which",
        "who",
        "from",
        "into",
        "than",
        "then",
        "there",
        "these",
        "those",
        "such",
        "any",
        "each",
        "other",
    ]
)
BINDING = words(
    r"shall|must|will|is required|are required|may not|shall not|cannot|is responsible|are responsible"
)
ASPIRATIONAL = words(r"strive\w*|aims?|aspires?|hopes?|ideally|encourag\w+|should|could|might|intends?")
THRESHOLD = words(
    r"majority|two-thirds|three-quarters|quorum|unanim\w+|consensus|percent|\d+\s?%|vote[sd]?|ballot"
)
DELEGATION = re.compile(
    r"(?:in accordance with|as (?:set out|defined|described|specified|outlined|detailed) in|governed by|"
    r"(?:see|refer to|according to|pursuant to|subject to) the|defined (?:in|by)|documented (?:in|at)|"
    r"follows? the|per the|described (?:in|at)|found (?:in|at)|outlined in|learn more|refer to|"
    r"(?:is|are) (?:set out|laid out|covered|detailed) in|will be used to|conventions described)",
    re.IGNORECASE,
)
LINK = re.compile(r"\]\(|https?://|<a\s", re.IGNORECASE)
NUMBER = re.compile(r"\d")
_MARKUP = re.compile(r"<[^>]{0,200}>|\]\([^)]{0,300}\)|https?://\S+|&\w+;")
TOP_CLAUSES = 3
MIN_QUOTE_WORDS = 4  # a quote shorter than this is a fragment (GUIDE.md 1.6)


def clause_tokens(text: str) -> list[str]:
    """Stemmed content words of `text`, in order (markup tags and link targets left out)."""
    plain = _MARKUP.sub(" ", text.lower())
    return stem_words([w for w in _WORD.findall(plain) if w not in _STOP])


def clause_features(clause: Clause) -> Features:
    """The features of one clause (words, heading words, cues, strength markers)."""
    features: defaultdict[str, float] = defaultdict(float)
    tokens = clause_tokens(clause.text)
    for token in tokens:
        features["w:" + token] += 1.0
    for first, second in pairwise(tokens):
        features[f"b:{first}_{second}"] += 1.0
    for token in set(clause_tokens(clause.heading)):
        features["h:" + token] = 1.0
    for element in ELEMENTS:
        cues = ELEMENT_CUES[element]
        weight = sum(w for pattern, w in cues.cues if pattern.search(clause.text))
        if weight:
            features["cue:" + element] = min(weight, 4.0) / 2
        if cues.heading.search(clause.heading):
            features["head:" + element] = 1.0
    for element, part in clause_criteria(clause.text):
        features[f"c:{element}:{part}"] = 1.0
    features.update(strength_features(clause.text))
    if clause.in_list:
        features["list"] = 1.0
    if not clause.heading:
        features["no_heading"] = 1.0
    stripped = clause.text.rstrip("*_ ")
    if stripped.endswith(":"):
        features["lead_in"] = 1.0  # "The Council shall:" introduces a list; its items are the rule
    if len(tokens) < MIN_QUOTE_WORDS:
        features["short"] = 1.0
    features["length"] = min(len(tokens), 60) / 60
    return dict(features)


def strength_features(text: str) -> Features:
    """How usable a clause is: binding, specific and self-contained, or vague and deferred."""
    features: Features = {}
    concrete = sum(1 for pattern in CONCRETE if pattern.search(text))
    markers = {
        "concrete": min(concrete, 4) / 2,
        "binding": len(BINDING.findall(text)) > 0,
        "aspirational": ASPIRATIONAL.search(text) is not None,
        "threshold": THRESHOLD.search(text) is not None,
        "number": NUMBER.search(text) is not None,
        "vague": VAGUE.search(text) is not None,
        "placeholder": PLACEHOLDER.search(text) is not None,
        "delegation": DELEGATION.search(text) is not None,
        "link": LINK.search(text) is not None,
        "question": text.rstrip().endswith("?"),
    }
    for name, value in markers.items():
        if value:
            features["s:" + name] = float(value)
    return features


def element_features(
    element: str, probabilities: list[float], grades: list[float], clause_feats: list[Features]
) -> Features:
    """The document-level view of one element: how surely its best clauses speak of it, how usable
    they read (their grade), how concrete they are, and how much of the document is about it."""
    order = sorted(range(len(probabilities)), key=lambda i: -probabilities[i])
    top = [probabilities[i] for i in order[:TOP_CLAUSES]] + [0.0] * TOP_CLAUSES
    features: Features = {"bias:" + element: 1.0, f"{element}:p1": top[0]}
    for rank in range(TOP_CLAUSES):
        features[f"p{rank + 1}"] = top[rank]
    if COUNTS:
        for threshold in (0.3, 0.5, 0.7):
            features[f"n>{threshold}"] = min(sum(p > threshold for p in probabilities), 6) / 6
        cued = sum(1 for f in clause_feats if f.get("cue:" + element))
        features["cued"] = min(cued, 10) / 10
        features[f"{element}:cued"] = features["cued"]
    parts = [
        max(
            (p for p, f in zip(probabilities, clause_feats, strict=True) if f.get(f"c:{element}:{part}")),
            default=0.0,
        )
        for part in CRITERIA[element]
    ]
    for part, value in zip(CRITERIA[element], parts, strict=True):
        features[f"{element}:c:{part}"] = value
    if parts:
        features["parts_mean"] = sum(parts) / len(parts)
        features["parts_min"] = min(parts)
        features["parts_max"] = max(parts)
    if any(f.get("head:" + element) for f in clause_feats):
        features[f"{element}:headed"] = 1.0
    graded = [probabilities[i] * grades[i] for i in order[:TOP_CLAUSES]]
    if order:
        features["grade1"] = grades[order[0]] * top[0]
        features["grade_max"] = max(graded)
        features[f"{element}:grade_max"] = max(graded)
    for i in order[:TOP_CLAUSES]:
        weight = probabilities[i]
        for name, value in clause_feats[i].items():
            if name.startswith("s:"):
                features["top" + name] = max(features.get("top" + name, 0.0), weight * value)
    if order:
        for name in ("s:concrete", "s:binding", "s:delegation", "s:placeholder", "s:aspirational"):
            if name in clause_feats[order[0]]:
                features[f"{element}:best{name}"] = clause_feats[order[0]][name] * top[0]
    return features


COUNTS = True
