"""Targets a text states outside its goal sentence: a list of counts under a dated heading ("## Goals
2026" over "- 10 country deployments", "- 30 health modules"), or a target told in prose ("the target
to achieve 50% reduction in degraded land by 2040"). A draft uses them as its result and deadline
instead of asking for them with [slots]. A count the text measured ("Heat deaths fell from 22 to 17")
gives a draft a result to beat when nothing better is stated. A row of the workspace's metrics table on
what a goal is about ("Nitrate at utility intake: 13.2 -> 9.5 mg/L, due 2027-01-01") gives it its
amount and its deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from advisor.capabilities.purpose.vocabulary import LEXICON
from advisor.documents.coalition import Metric

# "## Goals 2026", "2030 targets", "Milestones for 2027:", "**Targets (by 2028)**"
_DATED_HEADING = re.compile(
    r"^\W*(?:(?:our\s+)?(?:goals?|targets?|milestones?|objectives?)\b[^\n\d]{0,20}?(?P<year>20\d\d)"
    r"|(?P<year2>20\d\d)\s+(?:goals?|targets?|milestones?|objectives?))\W*$",
    re.IGNORECASE,
)
# "- 🎯 10 country deployments", "* 30 health modules", "1. 50 forms": a count and what is counted
_COUNT_ITEM = re.compile(
    r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+(?P<mark>[^\w\s]{1,3}\s*)?"
    r"(?P<count>\d[\d,.]*\s*%?\s+[a-z][\w’' -]{2,60}?)\s*$",
    re.IGNORECASE,
)
_DONE_MARKS = ("✅", "✔", "☑", "[x]")
# "target to achieve 50% reduction in degraded land by 2040", "a target of 1,000 homes by 2030"
_TOLD_TARGET = re.compile(
    r"\btarget\s+(?:to\s+(?:achieve|reach|deliver|cut|reduce|build|plant|train)|of)\s+"
    r"(?P<result>(?:an?\s+)?\d[\d,.]*\s*(?:%|percent|per\s+cent)?\s+[a-z][^,.;:()]{2,80}?)\s+"
    r"by\s+(?P<year>20\d\d)\b",
    re.IGNORECASE,
)
MAX_ITEMS = 4


@dataclass(frozen=True)
class StatedTarget:
    """A result the text counts ("10 country deployments, 30 health modules and 50 forms") and the
    year it is due, as the text words them."""

    result: str
    year: str


def stated_target(text: str) -> StatedTarget | None:
    """The first target `text` states as a dated list of counts or in prose; None when it states none."""
    return _listed_target(text) or _told_target(text)


def _listed_target(text: str) -> StatedTarget | None:
    lines = text.splitlines()
    for number, line in enumerate(lines):
        heading = _DATED_HEADING.match(line.strip().lstrip("#").strip(" *_:"))
        if not heading:
            continue
        items: list[str] = []
        for item in lines[number + 1 :]:
            if not item.strip():
                if items:
                    break
                continue
            counted = _COUNT_ITEM.match(item)
            if not counted:
                break
            if not any(mark in (counted.group("mark") or "") for mark in _DONE_MARKS):
                items.append(" ".join(counted.group("count").split()))
        if items:
            return StatedTarget(_listed(items[:MAX_ITEMS]), heading.group("year") or heading.group("year2"))
    return None


def _told_target(text: str) -> StatedTarget | None:
    told = _TOLD_TARGET.search(" ".join(text.split()))
    if not told:
        return None
    return StatedTarget(re.sub(r"^an?\s+", "", told.group("result")), told.group("year"))


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# "Heat deaths fell from 22 to 17", "Emergency visits for heat illness rose slightly, to 655": what was
# counted (the sentence's subject) and its latest count
_MEASURED = re.compile(
    r"^(?P<indicator>[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?)\s+"
    r"(?:fell|dropped|declined|decreased|rose|grew|increased|climbed|jumped|went\s+(?:up|down))"
    r"(?:\s+[a-z]+ly)?,?\s+(?:from\s+[\d,.]+%?\s+)?to\s+(?P<value>\d{1,3}(?:,\d{3})+%?|\d+(?:\.\d+)?%?)(?![\d.]*\d)",
)
_GENERIC_WORDS = frozenset(
    {"number", "numbers", "rate", "rates", "share", "total", "level", "levels", "count"}
)


@dataclass(frozen=True)
class MeasuredCount:
    """A count the text reports ("Heat deaths fell from 22 to 17"): what was counted, its latest
    value, and the words to cite."""

    indicator: str
    value: str
    words: str

    @property
    def result(self) -> str:
        """A result to beat: fewer of a harm than last counted, more of anything else."""
        counted = [w.lower() for w in self.indicator.split()]
        fewer = any(w in LEXICON.harms for w in counted)
        if self.value.endswith("%"):
            return (
                f"{'a lower' if fewer else 'a higher'} {self.indicator} than the {self.value} last measured"
            )
        return f"{'fewer' if fewer else 'more'} {self.indicator} than the {self.value} last counted"


def measured_counts(text: str) -> list[MeasuredCount]:
    """The counts `text` reports with their latest values, in order."""
    paragraphs = re.sub(r"^\s*#.*$", "\n", text, flags=re.MULTILINE)  # a heading ends a paragraph
    sentences = (" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[*-])", paragraphs))
    return [
        MeasuredCount(_lowered(m.group("indicator")), m.group("value"), m.group(0))
        for m in map(_MEASURED.match, sentences)
        if m
    ]


def about(goal: str, indicator: str) -> bool:
    """Whether a counted indicator shares a content word with the goal ("heat deaths", "heat waves")."""
    words = {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", goal.lower())}
    return any(
        w.rstrip("s") in words for w in re.findall(r"[a-z]{4,}", indicator.lower()) if w not in _GENERIC_WORDS
    )


def _lowered(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    first = first if first.isupper() or any(c.isupper() for c in first[1:]) else first.lower()
    return f"{first} {rest}".strip()


@dataclass(frozen=True)
class MetricTarget:
    """What a metrics table's row gives a goal about the same thing: the amount ("from 13.2 to 9.5
    mg/L"), a result to reach when the goal names none, and the deadline ("by 1 January 2027")."""

    metric: Metric

    @property
    def amount(self) -> str:
        return f"from {_figure(self.metric.baseline)} to {self._target}"

    @property
    def result(self) -> str:
        return f"the target of {self._target} for {_lowered(self.metric.metric)}"

    @property
    def deadline(self) -> str:
        return by_date(self.metric.due)

    @property
    def _target(self) -> str:
        return _figure(self.metric.target, self.metric.unit)


MIN_SHARED_WORDS = 2


def metric_about(text: str, metrics: list[Metric]) -> MetricTarget | None:
    """The metric that shares the most content words with `text` (the first of equals), if one shares
    at least two."""
    goal = _content_words(text)
    shared = [(len(goal & _content_words(m.metric)), -n) for n, m in enumerate(metrics)]
    best = max(shared, default=(0, 0))
    # two words at least: "students" alone ties a jobs goal to a classroom's head count
    return MetricTarget(metrics[-best[1]]) if best[0] >= MIN_SHARED_WORDS else None


def by_date(due: date) -> str:
    """A due date as a deadline: "by the end of 2026", "by 30 June 2027"."""
    if (due.month, due.day) == (12, 31):
        return f"by the end of {due.year}"
    return f"by {due.day} {due.strftime('%B')} {due.year}"


def _content_words(text: str) -> set[str]:
    return {
        w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _GENERIC_WORDS
    } - _NOT_TOPICS


# words of a goal or a metric's name that say nothing of what is measured
_NOT_TOPICS = frozenset({"total", "mean", "annual", "with", "from", "into", "more", "fewer", "than", "each"})


def _figure(value: float, unit: str = "") -> str:
    """ "9.5 mg/L", "12 stream miles", "30%", "1,200" (no unit: the number alone)."""
    number = f"{value:,.10g}"
    unit = unit.strip()
    if not unit:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"
