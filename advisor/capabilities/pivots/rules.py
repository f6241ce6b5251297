"""The rules that turn evidence into pivot options, most decisive first:

- backlash on a lagging metric's approach, and another approach winning → shift effort to the winner
  (no winner → reframe the contested approach);
- capacity shortfalls → add capacity, pool resources, narrow scope or resequence;
- a change outside the coalition behind lagging work → reset the target openly or change the route;
- something winning with no backlash → double down on it;
- a finished metric → redeploy what it freed to a lagging one (not when its money or people are gone);
- a lagging metric no signal explains → diagnose before pivoting: "no sentence of the notes could be
  tied to it" only when none relates to it (`Evidence.spoken_of`), else quote what the notes say of it;
- nothing lagging → persevere.

Each option names the lagging metrics it addresses and explains itself with their numbers against
pace and the signals' own words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from advisor.capabilities.pivots.evidence import (
    QUOTE_WORDS,
    FoundSignal,
    MetricState,
    Relater,
    approach_label,
    approaches_in,
    describe_pace,
    full_stop,
    join_and,
    percent,
    quote,
    standing,
)
from advisor.capabilities.pivots.lexicon import LEXICON
from advisor.capabilities.pivots.signals import SignalKind


@dataclass
class PivotDraft:
    """A pivot option before citations are attached."""

    title: str
    rationale: str
    addresses: list[str]
    query: str


@dataclass
class Evidence:
    """Everything the rules reason over."""

    as_of: date
    states: list[MetricState]
    signals: list[FoundSignal]
    relater: Relater
    drafts: list[PivotDraft] = field(default_factory=list)
    contested: str | None = None  # the approach meeting backlash, once known
    # metric -> the sentence of the notes most related to it, for every metric some sentence is about
    spoken_of: dict[str, str] = field(default_factory=dict)

    def of_kind(self, kind: SignalKind) -> list[FoundSignal]:
        return [s for s in self.signals if s.kind == kind]

    @property
    def lagging(self) -> list[MetricState]:
        return [s for s in self.states if s.lagging]


def build_drafts(ev: Evidence) -> list[PivotDraft]:
    """Pivot options for the evidence, most decisive first."""
    if not ev.lagging:
        ev.drafts.append(_persevere(ev))
        return ev.drafts
    winners = _shift_or_reframe(ev)
    _capacity(ev)
    _adapt(ev)
    if winners is None:  # no backlash to shift away from: build on what is working
        winners = _double_down(ev)
    _redeploy(ev, winners or [])
    _diagnose(ev)
    return ev.drafts


def _working(ev: Evidence) -> Counter[str]:
    """Approaches named by opportunities and by metrics ahead or done, with how often."""
    counts: Counter[str] = Counter()
    for signal in ev.of_kind("opportunity"):
        counts.update(approaches_in(signal.text))
    for state in ev.states:
        if state.status in ("ahead", "done"):
            counts.update(approaches_in(state.name))
    return counts


def _winning(ev: Evidence, exclude: str | None) -> tuple[str | None, list[FoundSignal], list[MetricState]]:
    """The approach that is working (from opportunities and metrics ahead or done), with its evidence."""
    openings = ev.of_kind("opportunity")
    ahead = [s for s in ev.states if s.status in ("ahead", "done")]
    counts = _working(ev)
    counts.pop(exclude or "", None)
    key = counts.most_common(1)[0][0] if counts else None

    def contested(text: str) -> bool:  # never "shift from mediation toward mediation"
        return bool(exclude) and exclude in approaches_in(text)

    signals = [s for s in openings if (key is None or key in approaches_in(s.text)) and not contested(s.text)]
    states = [
        s
        for s in ahead
        if (
            (key is not None and key in approaches_in(s.name))
            or any(ev.relater.related(o.text, s.name) for o in signals)
        )
        and not contested(s.name)
    ]
    return key, signals, states


def _shift_or_reframe(ev: Evidence) -> list[MetricState] | None:
    """Backlash on a lagging metric's approach: shift to what is winning, or reframe. Returns the
    winning metrics used (None when no option was made)."""
    backlash = ev.of_kind("backlash")
    if not backlash:
        return None
    counts: Counter[str] = Counter()
    for signal in backlash:
        counts.update(approaches_in(signal.text))
        for sentence in signal.context:  # neighbours name the approach ("deputies did the checks")
            counts.update({k: n / 2 for k, n in approaches_in(sentence).items()})
    # The backlash's approach, net of how often the notes report it working: an approach named beside
    # the backlash ("cost us goodwill with landlords we need for mediation") is not its target.
    working = _working(ev)
    ranked = [a for a, _ in counts.most_common()]
    lose = max(ranked, key=lambda a: counts[a] - working[a]) if ranked else None
    ev.contested = lose
    key, win_signals, win_states = _winning(ev, exclude=lose)
    hit = ev.relater.lagging_related([b.text for b in backlash])
    hit += [s for s in ev.lagging if lose and lose in approaches_in(s.name) and s not in hit]
    won = ev.relater.lagging_related([o.text for o in win_signals] + [w.name for w in win_states])
    targets = [s for s in ev.lagging if s in hit or s in won]
    if not targets:
        return None
    # with no named approach, the backlash itself is what to answer ("the approach the notes report
    # backlash against", never an empty "the contested approach")
    lose_label = approach_label(lose, "the approach the backlash is about")
    # Quote the backlash that names the contested approach and bears most on the targets.
    cited = max(
        backlash,
        key=lambda b: (lose in approaches_in(b.text), max(ev.relater.score(b.text, t.name) for t in targets)),
    )
    rationale = [f"{describe_pace(t, ev.as_of)}." for t in targets[:2]]
    against = f" against {lose_label}" if lose else ""
    rationale.append(full_stop(f"The notes report backlash{against}: {quote(cited.text)}"))
    if not (win_signals or win_states):
        ev.drafts.append(
            PivotDraft(
                title=(
                    f"Reframe {lose_label} before expecting more progress on {_subject(targets)}"
                    if lose
                    else f"Answer the backlash the notes report before expecting more progress on "
                    f"{_subject(targets)}"
                ),
                rationale=" ".join(rationale)
                + " Listen to the critics, change the message and the messenger, and keep the approach "
                "only where it is most defensible; if the opposition holds, look for another route to "
                "the same goal.",
                addresses=[t.name for t in targets],
                query="Reframe the contested approach after backlash: hostile press, angry meetings, allies "
                "going quiet; adjust the tactic, audience or messenger.",
            )
        )
        return []
    win_label = approach_label(
        key, f"'{win_states[0].name}'" if win_states else "the openings the notes report"
    )
    meanwhile = [f"'{w.name}' is {standing(w)}" for w in win_states[:2]]
    if win_signals:
        meanwhile.append(f"the notes say {quote(_best_opening(win_signals, key))}")
    rationale.append(full_stop(f"Meanwhile {join_and(meanwhile)}"))
    rationale.append(
        f"Keep the goal and move most effort to {win_label}; keep {lose_label} only where the evidence "
        "is strongest, and give the members tied to it a role in the new plan."
    )
    ev.drafts.append(
        PivotDraft(
            title=f"Shift effort from {lose_label} toward {win_label}"
            if lose
            else f"Answer the backlash by moving effort toward {win_label}",
            rationale=" ".join(rationale),
            addresses=[t.name for t in targets],
            query=f"Shift effort from {lose_label} toward {win_label}. Pivot when an approach meets backlash "
            "and another is working: move most effort to the route that works, keep the goal.",
        )
    )
    return win_states


_NEEDS = {need: re.compile(entry.cues, re.I) for need, entry in LEXICON.needs.items()}
_NEED_WORDS = {need: entry.words for need, entry in LEXICON.needs.items()}
_INFLOW = re.compile(LEXICON.inflows, re.I)


def _capacity(ev: Evidence) -> None:
    """Capacity shortfalls on lagging work: add capacity, pool resources, narrow scope or resequence."""
    # A shortfall in the contested approach (its partner stepping back) is part of the backlash story,
    # and the shift away from that approach already answers it.
    shortfalls = [c for c in ev.of_kind("capacity") if ev.contested not in approaches_in(c.text)]
    if not shortfalls:
        return
    tied = [(s, [c for c in shortfalls if ev.relater.related(c.text, s.name)]) for s in ev.lagging]
    specific = [(s, cs) for s, cs in tied if cs]
    # Shortfalls tied to no metric still stretch the people all the lagging work depends on.
    targets = [s for s, _ in specific] or ev.lagging
    used = list(dict.fromkeys(c for _, cs in specific for c in cs)) or shortfalls
    hits = {n: sum(bool(_NEEDS[n].search(c.text)) for c in used) for n in _NEEDS}
    need = max(_NEEDS, key=lambda n: (hits[n], n == "volunteers"))
    subject = _subject(targets)
    title = {
        "volunteers": f"Rebuild volunteer capacity before expecting more progress on {subject}",
        "staff": f"Fill the staffing gap behind {subject}, narrowing the scope until then",
        "partners": f"Secure firm partner commitments for {subject}, or resequence the work",
        "resources": f"Pool members' resources to close the gaps holding back {subject}",
    }[need]
    if not hits[need]:  # the shortfall names no kind of need: never call staff "volunteers"
        title = f"Match the plan for {subject} to the capacity you have"
    rationale = " ".join(f"{describe_pace(t, ev.as_of)}." for t in targets[:2])
    quotes = [quote(c.text) for c in used[:2]]
    ev.drafts.append(
        PivotDraft(
            title=title,
            rationale=full_stop(f"{rationale} The notes report a capacity shortfall: {join_and(quotes)}")
            + " Before asking for more, match the plan to the capacity you have: fill or share the gap "
            "(a pooled post, a member lending staff), narrow the work to where it matters most, or "
            "resequence so it follows the gap being filled.",
            addresses=[t.name for t in targets],
            query=f"Capacity shortfall, {_NEED_WORDS[need]}: map the workload, share leadership, narrow the "
            "scope, pool resources.",
        )
    )


def _adapt(ev: Evidence) -> None:
    """A change outside the coalition (a funder's pause, a new law, a shock) behind lagging work: decide
    openly whether the target still holds, or change the route to it."""
    changes = ev.of_kind("external_change")
    tied = [(s, [c for c in changes if ev.relater.related(c.text, s.name)]) for s in ev.lagging]
    specific = [(s, cs) for s, cs in tied if cs]
    if not specific:
        return
    targets = [s for s, _ in specific]
    # the change that bears on most of the lagging metrics it is tied to, then the first in the notes
    used = list(dict.fromkeys(c for _, cs in specific for c in cs))
    cited = max(used, key=lambda c: sum(c in cs for _, cs in specific))
    pace = " ".join(f"{describe_pace(t, ev.as_of)}." for t in targets[:2])
    ev.drafts.append(
        PivotDraft(
            title=f"Adapt the plan for {_subject(targets)} to the change the notes report",
            rationale=full_stop(f"{pace} The ground has changed: {quote(cited.text)}")
            + " Decide with the members whether the target still holds under the new conditions: reset "
            "its size or date and say why, or change the route to it (another funder, channel or partner), "
            "rather than let the metric drift while the plan stays as it was.",
            addresses=[t.name for t in targets],
            query="An external change (a funder pulls out, a policy or law changes, a crisis): revisit the "
            "theory of change, reset targets or change the route to the goal.",
        )
    )


def _double_down(ev: Evidence) -> list[MetricState]:
    key, signals, states = _winning(ev, exclude=None)
    targets = ev.relater.lagging_related([o.text for o in signals] + [w.name for w in states])
    if not (signals or states) or not targets:
        return []
    pace = " ".join(f"{describe_pace(t, ev.as_of)}." for t in targets[:2])
    if not states:  # an opening the notes report, not yet a result: try it, do not scale it
        ev.drafts.append(
            PivotDraft(
                title=f"Take up the opening the notes report to lift {_subject(targets)}",
                rationale=full_stop(
                    f"{pace} The notes report an opening: {quote(_best_opening(signals, key))}"
                )
                + " Decide who follows it up and by when, try it where the lagging metric is weakest, and "
                "check at the next review whether it moved the metric before putting more into it.",
                addresses=[t.name for t in targets],
                query="A new opening (a funder, an ally, a policy window): decide who follows it up, pilot "
                "it, review before scaling.",
            )
        )
        return states
    label = approach_label(key, f"'{states[0].name}'")
    evidence = [f"'{w.name}' is {standing(w)}" for w in states[:2]]
    if signals:
        evidence.append(f"the notes say {quote(_best_opening(signals, key))}")
    ev.drafts.append(
        PivotDraft(
            title=f"Double down on {label} to lift {_subject(targets)}",
            rationale=full_stop(f"{pace} What is working: {join_and(evidence)}")
            + " Scale it where the lagging metric is weakest, and set a review date to see it carries over.",
            addresses=[t.name for t in targets],
            query="An unplanned success: a side project or pilot that drew more support or better results "
            f"than the main plan; scale up {label}.",
        )
    )
    return states


def _redeploy(ev: Evidence, winners: list[MetricState]) -> None:
    """A finished metric frees money, people and attention: move them to lagging work."""
    # money that came in is the budget for everything, not work that frees people when done
    # nor work whose money or people the notes say are gone ("the grant that paid for it has ended")
    lost = [c.text for c in ev.of_kind("capacity")]
    done = [
        s
        for s in ev.states
        if s.status == "done"
        and s not in winners
        and not _INFLOW.search(s.name)
        and not any(ev.relater.related(text, s.name) for text in lost)
    ]
    for finished in done[:2]:
        related = [s for s in ev.lagging if ev.relater.related(finished.name, s.name)]
        if not related:  # a board election's votes free nothing a survey could use
            continue
        target = related[0]
        ev.drafts.append(
            PivotDraft(
                title=f"Redeploy what '{finished.name}' freed up to '{target.name}'",
                rationale=f"'{finished.name}' has reached its target ({percent(finished.progress)}), so the "
                f"people, money and attention it took can move. {describe_pace(target, ev.as_of)}. Ask "
                "the members who delivered the finished work to take a share of the lagging one.",
                addresses=[target.name],
                query="Objective achieved: mark it done, celebrate it, note who sustains it, and redeploy "
                "its people and money to lagging work.",
            )
        )


def _diagnose(ev: Evidence) -> None:
    """Lagging metrics no signal explains: find out why before changing course. The notes are said to
    give no reason only for metrics no sentence of them relates to; for the others, the option quotes
    what the notes say and asks for the cause."""
    unexplained = [s for s in ev.lagging if not any(ev.relater.related(g.text, s.name) for g in ev.signals)]
    still = [s for s in unexplained if s.status != "off_track"]  # on pace, but nothing has moved yet
    if still:
        pace = " ".join(f"{describe_pace(s, ev.as_of)}." for s in still[:3])
        ev.drafts.append(
            PivotDraft(
                title=f"Check that {_subject(still)} {'starts' if len(still) == 1 else 'start'} moving "
                "before the next review",
                rationale=f"{pace} That is within the pace tolerance, so nothing needs to change yet, but "
                f"{_it_or_them(still)} {'has' if len(still) == 1 else 'have'} not moved at all: confirm the "
                "work behind it has started and its data is being collected; if it still has not moved at "
                "the next review, find out why before changing course.",
                addresses=[s.name for s in still],
                query=_DIAGNOSE_QUERY,
            )
        )
    unexplained = [s for s in unexplained if s.status == "off_track"]
    silent = [s for s in unexplained if s.name not in ev.spoken_of]
    if silent:
        pace = " ".join(f"{describe_pace(s, ev.as_of)}." for s in silent[:3])
        ev.drafts.append(
            PivotDraft(
                title=_diagnose_title(silent),
                rationale=f"{pace} {NOTHING_TIED} {_it_or_them(silent)}: if the notes do explain the "
                "gap, name the cause in the next review; if not, run a "
                "learning review on it: check the data, ask the people the metric is about and the "
                "members doing the work what they are seeing, and test whether the lag is expected "
                "before pivoting.",
                addresses=[s.name for s in silent],
                query=_DIAGNOSE_QUERY,
            )
        )
    spoken = [s for s in unexplained if s not in silent]
    if spoken:
        said = " ".join(
            f"{describe_pace(s, ev.as_of)}; the notes say of it "
            f"{full_stop(quote(ev.spoken_of[s.name], 3 * QUOTE_WORDS))}"
            for s in spoken[:3]
        )
        ev.drafts.append(
            PivotDraft(
                title=_diagnose_title(spoken),
                rationale=f"{said} {UNREAD_CAUSE}: if they do, act on it; if "
                "not, run a learning review before pivoting: check the data and ask the people the metric "
                "is about and the members doing the work what they see.",
                addresses=[s.name for s in spoken],
                query=_DIAGNOSE_QUERY,
            )
        )


# How a diagnose option says the notes were not tied to a metric, and that quoted sentences may hold
# its cause (the coalitions eval and its tests find the options by these words).
NOTHING_TIED = "No sentence of the notes is clearly about"
UNREAD_CAUSE = "Those sentences may hold the cause"

_DIAGNOSE_QUERY = (
    "Diagnose an off-track indicator in a learning review: what might explain the trend, what members "
    "and residents are hearing that the data does not show."
)


def _diagnose_title(states: list[MetricState]) -> str:
    if len(states) > 1:
        return "Diagnose the lagging metrics before changing course"
    return f"Diagnose why '{states[0].name}' is off track before changing course"


def _it_or_them(items: Sequence[object]) -> str:
    return "it" if len(items) == 1 else "them"


def _persevere(ev: Evidence) -> PivotDraft:
    watch = [s for s in ev.signals if s.kind != "opportunity"]
    note = " " + full_stop(f"Keep an eye on what the notes report: {quote(watch[0].text)}") if watch else ""
    standing = ", ".join(f"'{s.name}' {s.status.replace('_', ' ')}" for s in ev.states)
    return PivotDraft(
        title="Persevere: keep the current strategy and review it again at the next learning review",
        rationale=f"No metric is off track ({standing}).{note} Changing course now would cost "
        "momentum without evidence that another route is better.",
        addresses=[],
        query="Persevere when the theory still holds, the lag is expected and leading indicators are moving.",
    )


def _best_opening(signals: list[FoundSignal], key: str | None) -> str:
    """The opportunity that says most about the winning approach (the first, on a tie)."""
    return max(signals, key=lambda s: approaches_in(s.text)[key] if key else 0).text


_NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
}


def _subject(states: list[MetricState]) -> str:
    """The lagging metrics an option names in its title: short, since a title is a few words."""
    first = f"'{states[0].name}'"
    if len(states) == 1:
        return first
    both = join_and([first, f"'{states[1].name}'"])
    if len(states) == 2 and len(both) <= 60:
        return both
    more = len(states) - 1
    return f"{first} and {_NUMBER_WORDS.get(more, str(more))} other lagging metric{'s' if more > 1 else ''}"
