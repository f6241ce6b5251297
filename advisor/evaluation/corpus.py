"""The charter corpus (`evals/corpus/`): public governance documents labelled by the guide in
`GUIDE.md`, with a locked dev/test split. Charter review is scored against the labels on each part,
beside the majority-class baseline (each element's most common status on dev).

Metrics: element agreement (status exact); missing recall (labelled missing, called missing);
over-credit (a call above the label: missing called weak or present, weak called present); evidence
on the right passage (for elements both sides call present or weak, the quote overlaps the
labelled quote in the document); Spearman between the score and the labelled grade; distinct advice
texts among results that are not present.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.findings import Finding
from advisor.capabilities.charter.models import CharterReview, Status
from advisor.errors import ConfigError
from advisor.text.safe_yaml import load_yaml

Part = Literal["dev", "test"]
STATUS_RANK: dict[str, int] = {"missing": 0, "weak": 1, "present": 2}
DEFECT_KINDS = (
    "contradiction",
    "undefined_reference",
    "numbering",
    "placeholder",
    "list_mismatch",
    "delegation_only",
    "power_concentration",
    "no_deadlock_rule",
    "other",
)


class ElementLabel(BaseModel, extra="forbid"):
    status: Status
    evidence: str | None
    reason: str


class DefectLabel(BaseModel, extra="forbid"):
    kind: str = Field(description=f"One of {', '.join(DEFECT_KINDS)}.")
    quotes: list[str]
    note: str = ""


class DocumentLabel(BaseModel, extra="forbid"):
    """One document's labels (`evals/corpus/labels/<id>.yaml`)."""

    id: str
    annotator: str
    elements: dict[str, ElementLabel]
    defects: list[DefectLabel] = Field(default_factory=list)
    grade: int = Field(ge=1, le=5)
    notes: str | None = None


class CorpusDocument(BaseModel):
    id: str
    path: Path
    label: DocumentLabel


class PartMetrics(BaseModel):
    """The figures of one part (dev or test), and of the majority baseline on it."""

    documents: int
    element_agreement: float
    majority_agreement: float
    missing_recall: float
    over_credit: float = Field(description="Share of calls above the label.")
    evidence_on_passage: float
    spearman: float
    distinct_advice: float
    defects_caught: float = Field(
        description="Labelled defects matched by a finding of the same kind and place."
    )
    findings_confirmed: float = Field(description="Findings that match a labelled defect (precision).")
    per_element: dict[str, float]


def load_corpus(root: Path) -> dict[Part, list[CorpusDocument]]:
    """The labelled documents of each part of the split; `ConfigError` naming the file at fault."""
    split = load_yaml((root / "split.yaml").read_text(encoding="utf-8"))
    docs = {p.stem: p for p in (root / "docs").iterdir() if p.is_file()}
    corpus: dict[Part, list[CorpusDocument]] = {"dev": [], "test": []}
    for part in ("dev", "test"):
        for doc_id in split[part]:
            label_file = root / "labels" / f"{doc_id}.yaml"
            try:
                label = DocumentLabel.model_validate(load_yaml(label_file.read_text(encoding="utf-8")))
            except (OSError, ValueError) as exc:
                raise ConfigError(f"{label_file}: {' '.join(str(exc).split())[:300]}") from None
            if doc_id not in docs or list(label.elements) != list(ELEMENTS):
                raise ConfigError(f"{label_file}: needs a document and the 13 elements in order")
            corpus[part].append(CorpusDocument(id=doc_id, path=docs[doc_id], label=label))
    return corpus


def majority_statuses(documents: list[CorpusDocument]) -> dict[str, Status]:
    """Each element's most common labelled status (ties: the lower status)."""
    majority: dict[str, Status] = {}
    for element in ELEMENTS:
        counts = Counter(d.label.elements[element].status for d in documents)
        majority[element] = max(counts, key=lambda s: (counts[s], -STATUS_RANK[s]))
    return majority


def score_part(
    documents: list[CorpusDocument], reviews: dict[str, CharterReview], majority: dict[str, Status]
) -> PartMetrics:
    """The metrics of `reviews` (one per document id) against the labels of `documents`."""
    pairs = [(d, reviews[d.id]) for d in documents]
    calls = [(d, e, r.elements[e]) for d, r in pairs for e in ELEMENTS]
    agree = [d.label.elements[e].status == got.status for d, e, got in calls]
    missing = [got.status == "missing" for d, e, got in calls if d.label.elements[e].status == "missing"]
    over = [STATUS_RANK[got.status] > STATUS_RANK[d.label.elements[e].status] for d, e, got in calls]
    on_passage = [
        same_passage(d.path, d.label.elements[e].evidence, got.evidence)
        for d, e, got in calls
        if d.label.elements[e].status != "missing" and got.status != "missing"
    ]
    advice = [got.advice for _, _, got in calls if got.status != "present"]
    caught = [
        any(same_defect(d.path, defect, found) for found in r.findings)
        for d, r in pairs
        for defect in d.label.defects
    ]
    confirmed = [
        any(same_defect(d.path, defect, found) for defect in d.label.defects)
        for d, r in pairs
        for found in r.findings
    ]
    per_element = {
        e: _share([d.label.elements[e].status == r.elements[e].status for d, r in pairs]) for e in ELEMENTS
    }
    return PartMetrics(
        documents=len(documents),
        element_agreement=_share(agree),
        majority_agreement=_share([d.label.elements[e].status == majority[e] for d, e, _ in calls]),
        missing_recall=_share(missing),
        over_credit=_share(over),
        evidence_on_passage=_share(on_passage),
        spearman=spearman([float(r.score) for _, r in pairs], [float(d.label.grade) for d, _ in pairs]),
        distinct_advice=len(set(advice)) / len(advice) if advice else 1.0,
        defects_caught=_share(caught),
        findings_confirmed=_share(confirmed),
        per_element=per_element,
    )


def review_corpus(
    corpus: dict[Part, list[CorpusDocument]], review: Callable[[Path], CharterReview]
) -> dict[Part, PartMetrics]:
    """Review every document with `review` and score each part against the dev majority."""
    majority = majority_statuses(corpus["dev"])
    return {
        part: score_part(docs, {d.id: review(d.path) for d in docs}, majority)
        for part, docs in corpus.items()
    }


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties); 0 when either side is constant."""
    rx, ry = _ranks(xs), _ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


_SPACE = re.compile(r"\s+")


def same_passage(path: Path, labelled: str | None, found: str | None) -> bool:
    """Whether two quotes of the document overlap (white space folded)."""
    if not labelled or not found:
        return False
    text = _folded(path)
    a, b = _span(text, labelled), _span(text, found)
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def same_defect(path: Path, labelled: DefectLabel, found: Finding) -> bool:
    """A finding of the labelled kind that quotes the same place (any quote of each overlapping)."""
    return labelled.kind == found.kind and any(
        same_passage(path, a, b) for a in labelled.quotes for b in found.quotes
    )


def _span(text: str, quote: str) -> tuple[int, int] | None:
    needle = _SPACE.sub(" ", quote).strip()
    start = text.find(needle)
    return None if start < 0 or not needle else (start, start + len(needle))


_FOLDED: dict[Path, str] = {}


def _folded(path: Path) -> str:
    if path not in _FOLDED:
        _FOLDED[path] = _SPACE.sub(" ", path.read_text(encoding="utf-8"))
    return _FOLDED[path]
