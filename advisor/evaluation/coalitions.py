"""Interests and pivots on rosters and learning reviews built from real public coalition material
(`evals/coalitions/`), labelled by `GUIDE.md` before and blind to the tool, split dev/test by a
seeded draw (`split.yaml`; test is locked).

Interests: precision, recall and F1 per gap kind, counted over the part's rosters (a gap is a member,
a member's interest, or an affected group; missing community voice is one yes/no per roster).
Pivots: metric statuses, and signals per kind at sentence level: a signal found is right when a
labelled signal of the same kind quotes words of its sentence; a labelled signal is caught when a
found signal of its kind holds its quote. The baseline for gaps is "no gaps" (recall 0), for
signals a keyword spotter that calls every sentence with one of a kind's words (`signal_keywords.yaml`:
"staff", "left", "budget" ... for capacity) a signal of that kind. Options that say nothing in the notes
explains a lagging metric are checked against the labels: a claim about a metric whose gap the notes
explain is a contradiction. Each found signal's tie to metrics is checked too: the first metric it
is tied to must be one of its labelled ones (or none, when none is).

Per-item details (each false and missed gap or signal, by file) are kept for dev only: they are what
tuning looks at, and the test part must never be looked at that way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from advisor.capabilities.interests.models import GAP_KINDS, InterestMap
from advisor.capabilities.pivots.models import PivotAnalysis
from advisor.capabilities.pivots.rules import NOTHING_TIED
from advisor.errors import ConfigError
from advisor.text.safe_yaml import load_yaml
from advisor.text.sentences import split_sentences

Part = Literal["dev", "test"]
SIGNAL_KINDS = ("capacity", "backlash", "opportunity", "external_change")
_KIND_WORDS: dict[str, str] = load_yaml((Path(__file__).with_name("signal_keywords.yaml")).read_text("utf-8"))


# How an option says the notes do not explain a lagging metric (the diagnose option's wording).
_NOTHING_EXPLAINS = re.compile(re.escape(NOTHING_TIED), re.I)


class Counts(BaseModel):
    found: int = 0
    labelled: int = 0
    found_right: int = 0  # found items that match a label
    caught: int = 0  # labels matched by a found item

    @property
    def precision(self) -> float:
        return self.found_right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.caught / self.labelled if self.labelled else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, found: set[Any], labelled: set[Any]) -> None:
        self.found += len(found)
        self.labelled += len(labelled)
        self.found_right += len(found & labelled)
        self.caught += len(found & labelled)


class Miss(BaseModel):
    """One disagreement with the labels: a false finding (`found`) or a missed label (`missed`)."""

    file: str
    kind: str  # a gap kind or a signal kind
    what: Literal["found", "missed"]
    item: str


class CoalitionFigures(BaseModel):
    rosters: int
    gaps: dict[str, Counts]
    tables: int
    status_accuracy: float
    signals: dict[str, Counts]
    baseline_signals: dict[str, Counts]
    signals_tied: int = 0  # labelled signals found (any kind), whose metric tie is judged
    signals_tied_right: int = 0  # of those, tied to one of their labelled metrics (or to none, as labelled)
    unexplained_claims: int = 0  # lagging metrics an option says nothing in the notes explains
    contradicted_claims: int = 0  # of those, metrics whose gap the notes do explain (labelled)
    details: list[Miss] = []  # dev only (see the module docstring)


def load_split(root: Path) -> dict[str, Any]:
    try:
        split = load_yaml((root / "split.yaml").read_text("utf-8"))
        expected = load_yaml((root / "expected.yaml").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{root}/split.yaml or expected.yaml: {' '.join(str(exc).split())[:300]}") from None
    return {"split": split, "expected": expected}


def score_coalitions(
    root: Path,
    interests: Callable[[Path, Path | None], InterestMap],
    pivots: Callable[[Path, Path, date], PivotAnalysis],
    parts: Sequence[Part] = ("dev", "test"),
    files: Collection[str] | None = None,
) -> dict[Part, CoalitionFigures]:
    """Figures per part (`parts`, default both): `interests(roster, objectives)` and
    `pivots(metrics, notes, as_of)` are the product's own calls. `files` keeps only the named
    roster and metric files (e.g. one batch of dev)."""
    data = load_split(root)
    split, expected = data["split"], data["expected"]
    figures: dict[Part, CoalitionFigures] = {}
    for part in parts:
        misses: list[Miss] | None = [] if part == "dev" else None
        gaps = {kind: Counts() for kind in (*GAP_KINDS, "missing_community_voice")}
        for name in _kept(split["rosters"][part], files):
            roster = root / "rosters" / name
            objectives = roster.with_suffix(".objectives.yaml")
            interest_map = interests(roster, objectives if objectives.exists() else None)
            _count_gaps(gaps, interest_map, expected["rosters"][name], _recorder(misses, name))
        signals = {kind: Counts() for kind in SIGNAL_KINDS}
        baseline = {kind: Counts() for kind in SIGNAL_KINDS}
        statuses: list[bool] = []
        claims = contradicted = tied = tied_right = 0
        for name in _kept(split["metrics"][part], files):
            label = expected["metrics"][name]
            notes = root / "metrics" / label["notes"]
            result = pivots(root / "metrics" / name, notes, date.fromisoformat(str(label["as_of"])))
            statuses += [label["metrics"][m.metric]["status"] == m.status for m in result.metrics]
            details = label.get("signal_details", [])
            found = [(s.kind, s.text) for s in result.signals]
            count_signals(signals, found, details, _recorder(misses, name))
            count_signals(baseline, keyword_signals(notes.read_text("utf-8")), details)
            for detail in details:
                ties = [s.metrics for s in result.signals if quotes_sentence(s.text, detail["quote"])]
                if ties:
                    tied += 1
                    tied_right += _tied_right(ties[0], detail.get("metrics") or [])
            explained = {g["metric"] for g in label.get("explained_gaps", [])}
            claimed = {m for o in result.pivots if _NOTHING_EXPLAINS.search(o.rationale) for m in o.addresses}
            claims += len(claimed)
            contradicted += len(claimed & explained)
        figures[part] = CoalitionFigures(
            rosters=len(_kept(split["rosters"][part], files)),
            gaps=gaps,
            tables=len(_kept(split["metrics"][part], files)),
            status_accuracy=sum(statuses) / len(statuses) if statuses else 0.0,
            signals=signals,
            baseline_signals=baseline,
            signals_tied=tied,
            signals_tied_right=tied_right,
            unexplained_claims=claims,
            contradicted_claims=contradicted,
            details=misses or [],
        )
    return figures


def _kept(names: list[str], files: Collection[str] | None) -> list[str]:
    return names if files is None else [n for n in names if n in files]


def _tied_right(found: list[str], labelled: list[str]) -> bool:
    """The first metric a signal was tied to is one of its labelled ones (or none, as labelled)."""
    return found[0] in labelled if found else not labelled


Recorder = Callable[[str, Literal["found", "missed"], str], None]


def _recorder(misses: list[Miss] | None, file: str) -> Recorder:
    """A function that notes one disagreement for `file` (or ignores it when details are not kept)."""

    def record(kind: str, what: Literal["found", "missed"], item: str) -> None:
        if misses is not None:
            misses.append(Miss(file=file, kind=kind, what=what, item=item))

    return record


def _count_gaps(
    counts: dict[str, Counts], result: InterestMap, label: dict[str, Any], record: Recorder
) -> None:
    found: dict[str, set[Any]] = {kind: set() for kind in counts}
    interests_of = {m.name: m.interests for m in result.members}
    for gap in result.gaps:
        if gap.kind == "position_without_interest":
            found[gap.kind].add(gap.member)
        elif gap.kind == "interest_not_addressed":
            quoted = [i for i in interests_of.get(str(gap.member), []) if f"'{i}'" in gap.detail]
            found[gap.kind].update((gap.member, i) for i in quoted[:1])
        else:
            found[gap.kind].add(_quoted_group(gap.detail, label.get("missing_stakeholder") or []))
    found["missing_community_voice"] = {True} if result.missing_community_voice else set()
    labelled = {
        "position_without_interest": set(label.get("position_without_interest") or []),
        "interest_not_addressed": {
            (d["member"], d["interest"]) for d in label.get("interest_not_addressed") or []
        },
        "missing_stakeholder": set(label.get("missing_stakeholder") or []),
        "missing_community_voice": {True} if label.get("missing_community_voice") else set(),
    }
    for kind, count in counts.items():
        count.add(found[kind], labelled[kind])
        wrong: list[tuple[Literal["found", "missed"], set[Any]]] = [
            ("found", found[kind] - labelled[kind]),
            ("missed", labelled[kind] - found[kind]),
        ]
        for what, items in wrong:
            for item in sorted(items, key=str):
                record(kind, what, " / ".join(map(str, item)) if isinstance(item, tuple) else str(item))


def _quoted_group(detail: str, labelled: list[str]) -> str:
    """The affected group a missing-stakeholder gap names (a labelled one when it quotes one)."""
    return next((g for g in labelled if g.lower() in detail.lower()), detail)


def count_signals(
    counts: dict[str, Counts],
    found: Sequence[tuple[str, str]],
    details: list[dict[str, Any]],
    record: Recorder | None = None,
) -> None:
    for kind, count in counts.items():
        quotes = [_fold(d["quote"]) for d in details if d["kind"] == kind]
        texts = [_fold(text) for k, text in found if k == kind]
        right = [any(_same(text, quote) for quote in quotes) for text in texts]
        caught = [any(_same(text, quote) for text in texts) for quote in quotes]
        count.found += len(texts)
        count.labelled += len(quotes)
        count.found_right += sum(right)
        count.caught += sum(caught)
        if record is not None:
            for text, ok in zip(texts, right, strict=True):
                if not ok:
                    record(kind, "found", text)
            for quote, ok in zip(quotes, caught, strict=True):
                if not ok:
                    record(kind, "missed", quote)


def _same(sentence: str, quote: str) -> bool:
    return quote in sentence or sentence in quote


def keyword_signals(notes: str) -> list[tuple[str, str]]:
    """The baseline reader: (kind, sentence) for each sentence holding one of the kind's words."""
    return [
        (kind, sentence)
        for sentence in split_sentences(notes)
        for kind, pattern in _KIND_WORDS.items()
        if re.search(rf"\b(?:{pattern})", sentence, re.I)
    ]


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[*_`#>]", " ", text).lower().split())


def quotes_sentence(sentence: str, quote: str) -> bool:
    """Whether a labelled quote and a sentence of the notes are the same signal (the rule above)."""
    return _same(_fold(sentence), _fold(quote))
