"""Interests capability: find the needs behind members' positions, and the gaps in a coalition.

Positions are what members ask for; interests are why. A coalition holds together when its
objectives serve its members' interests and when the people its work affects have a voice in it.
The rule-based map finds three kinds of gap, each with a specific detail and questions to ask:

- `position_without_interest`: a member states positions but no interest behind them;
- `interest_not_addressed`: an interest that no objective serves, judged by meaning and words
  (`advisor.capabilities.interests.matching`);
- `missing_stakeholder`: an affected group that no member speaks for.

With embeddings, the last two are decided by the trained judge (`advisor.capabilities.interests.judge`,
whose features include the rules' verdict); without, by the rules (`Evidence.supported`).

It also says whether any member is a community group (residents, grassroots). The power/interest
grid lives in `advisor.capabilities.interests.grid`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from advisor.capabilities.interests.clashes import clashing_positions
from advisor.capabilities.interests.judge import group_missing, interest_unserved
from advisor.capabilities.interests.matching import Evidence, Matcher, group_heads, place_words
from advisor.capabilities.interests.model import review_interests_with_model
from advisor.capabilities.interests.models import GAP_KINDS, Gap, InterestMap, MemberView
from advisor.capabilities.interests.sectors import with_bodies
from advisor.capabilities.pattern import with_warning
from advisor.documents.coalition import Member, Roster, parse_roster
from advisor.text.tables import table_cell

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings
    from langchain_core.language_models import BaseChatModel

    from advisor.config import Settings

# `community` is the roster format's sector for residents and grassroots groups.
COMMUNITY_SECTORS = frozenset({"community", "grassroots", "resident", "residents"})


def map_interests(
    roster: Roster,
    *,
    embeddings: Embeddings | None = None,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
) -> InterestMap:
    """Map members' positions and interests against the objectives and affected groups.

    With `embeddings`, interests and groups are matched by meaning and words; without, by words
    and domain concepts only. With `llm`, the model reviews the rules' map (`interests_llm`).
    """
    roster, sectors_read = with_bodies(roster)
    matcher = roster_matcher(roster, embeddings)
    findings = [
        *positions_without_interest(roster),
        *interests_not_addressed(roster, matcher),
        *missing_stakeholders(roster, matcher),
    ]
    gaps = [gap for gap, _ in findings]
    questions = [q for _, qs in findings for q in qs] + clashing_positions(roster)
    missing_voice = not has_community_voice(roster)
    if missing_voice:
        questions.append(community_voice_question(roster))
    if not roster.objectives:
        questions.append(
            "The roster lists no objectives, so no interest could be checked against them: what will "
            "the coalition do, concretely, and for whom? (List them under `objectives:` in the roster.)"
        )
    members = [
        MemberView(
            name=m.name,
            sector=m.sector,
            positions=list(m.positions),
            interests=list(m.interests),
            gaps=[k for k in GAP_KINDS if any(g.kind == k and g.member == m.name for g in gaps)],
        )
        for m in roster.members
    ]
    rules = InterestMap(
        members=members, gaps=gaps, missing_community_voice=missing_voice, questions=questions
    )
    mapped = review_interests_with_model(roster, rules, llm, settings)
    if roster.ignored:
        keys = ", ".join(f"'{key}'" for key in roster.ignored)
        mapped = with_warning(
            mapped,
            f"Not read from the roster: {keys} (the map reads each member's name, sector, role, positions, "
            "interests and resources; the rest is kept in the file but plays no part here).",
        )
    if sectors_read:
        mapped = with_warning(
            mapped,
            f"Sectors read from the members' names (the roster gives them none): {'; '.join(sectors_read)}. "
            "Add `sector:` to a member where one is wrong.",
        )
    for note in roster.notes:
        mapped = with_warning(mapped, note)
    return mapped


def map_interests_from_file(
    path: Path,
    objectives_file: Path | None = None,
    *,
    embeddings: Embeddings | None = None,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
) -> InterestMap:
    """Parse a roster (YAML or CSV, objectives optionally from `objectives_file`) and map it."""
    roster = parse_roster(Path(path), objectives_file)
    return map_interests(roster, embeddings=embeddings, settings=settings, llm=llm)


def roster_matcher(roster: Roster, embeddings: Embeddings | None = None) -> Matcher:
    """A matcher over every text of the roster, embedded once."""
    texts = [*roster.objectives, *roster.affected]
    for member in roster.members:
        texts.extend([*member.names, *member.interests, *member.positions])
    return Matcher(
        texts,
        places=place_words(name for m in roster.members for name in m.names),
        embeddings=embeddings,
        people=group_heads(roster.affected),
    )


Finding = tuple[Gap, list[str]]


def positions_without_interest(roster: Roster) -> list[Finding]:
    """Members that state positions but no interest behind any of them."""
    findings: list[Finding] = []
    for member in roster.members:
        if not member.positions or member.interests:
            continue
        quoted = "; ".join(f"'{p}'" for p in member.positions)
        count = _plural(len(member.positions), "position")
        them = "it" if len(member.positions) == 1 else "them"
        detail = (
            f"{member.name} states {count} ({quoted}) but no interest behind {them}: nothing says what "
            "it needs or fears, so there is nothing to bargain over but the position itself."
        )
        questions = [
            f"What would winning on '{p}' get {member.name}? What worry sits behind it?"
            for p in member.positions
        ]
        questions.append(
            f"Is there another way to meet {_possessive(member.name)} underlying need that the rest of "
            "the coalition could also support?"
        )
        findings.append((Gap(kind="position_without_interest", member=member.name, detail=detail), questions))
    return findings


def interests_not_addressed(roster: Roster, matcher: Matcher) -> list[Finding]:
    """Interests that no objective serves (nothing is judged when the roster has no objectives)."""
    findings: list[Finding] = []
    if not roster.objectives:
        return findings
    none_of = (
        "which the coalition's one objective does not serve"
        if len(roster.objectives) == 1
        else f"which none of the {len(roster.objectives)} objectives serves"
    )
    for member in roster.members:
        for interest in member.interests:
            best = matcher.best(interest, roster.objectives)
            if best is None:
                continue
            unserved = interest_unserved(matcher, interest, roster.objectives)
            served = best[1].supported if unserved is None else not unserved  # rules without embeddings
            if served:
                continue
            index, evidence = best
            detail = (
                f"{member.name} wants '{interest}', {none_of} "
                f"(closest: '{roster.objectives[index]}', {evidence.describe()})."
            )
            questions = [
                f"Can the coalition serve {_possessive(member.name)} interest in '{interest}', for example "
                "by adding or widening an objective, without pulling against the others?",
                f"If not, how will you tell {member.name} openly that the coalition will not pursue "
                f"'{interest}', and what would keep it at the table anyway?",
            ]
            findings.append(
                (Gap(kind="interest_not_addressed", member=member.name, detail=detail), questions)
            )
    return findings


def missing_stakeholders(roster: Roster, matcher: Matcher) -> list[Finding]:
    """Affected groups that no member speaks for, judged against members' names, interests and positions.

    A member's resources are left out on purpose: they are what it brings (staff, data, money), not
    whom it speaks for ("community health workers" on staff do not make it a voice for outdoor workers).
    """
    findings: list[Finding] = []
    for group in roster.affected:
        closest: tuple[Member, str, Evidence] | None = None
        for member in roster.members:
            for text in (*member.names, *member.interests, *member.positions):
                extra = [member.sector] if text in member.names else []
                evidence = matcher.evidence(group, text, extra_words=extra)
                if closest is None or (evidence.supported, evidence.strength) > (
                    closest[2].supported,
                    closest[2].strength,
                ):
                    closest = (member, text, evidence)
        missing = group_missing(matcher, group, roster.members)
        spoken_for = closest is not None and closest[2].supported  # the rules, without embeddings
        if spoken_for if missing is None else not missing:
            continue
        nearest = ""
        if closest is not None:
            member, text, evidence = closest
            said = member.name if text in member.names else f"{member.name}: '{text}'"
            nearest = f" (closest: {said}, {evidence.describe()})"
        detail = f"'{group}' is affected by the coalition's work, but no member speaks for them{nearest}."
        questions = [
            f"Who could bring the voice of {group} into the coalition: an organisation they lead and trust, "
            "or people recruited directly?",
            f"What would it take for {group} to take part: stipends, interpretation, childcare, meeting "
            "times and places that fit them, a real say in decisions?",
        ]
        findings.append((Gap(kind="missing_stakeholder", member=None, detail=detail), questions))
    return findings


def has_community_voice(roster: Roster) -> bool:
    """Whether any member is a community group (sector `community`: residents, grassroots)."""
    return any(m.sector.strip().lower() in COMMUNITY_SECTORS for m in roster.members)


def community_voice_question(roster: Roster) -> str:
    groups = ", ".join(roster.affected) if roster.affected else "the people the coalition serves"
    return (
        "No member is a community group (residents, grassroots): which groups led by the people "
        f"affected ({groups}) could join, and with what say in decisions?"
    )


def interests_markdown(result: InterestMap) -> str:
    """A readable report: community voice, the gaps table, the members and the questions to ask."""
    lines = ["# Interests map", ""]
    if result.missing_community_voice:
        lines.append("**Community voice: missing.** No member is a community group (residents, grassroots).")
    else:
        lines.append("**Community voice: present.** At least one member is a community group.")
    lines += ["", f"## Gaps between members and objectives ({len(result.gaps)})", ""]
    if result.gaps:
        lines += ["| Kind | Member | Detail |", "|---|---|---|"]
        for gap in result.gaps:
            kind = gap.kind.replace("_", " ")
            lines.append(f"| {kind} | {table_cell(gap.member or '-')} | {table_cell(gap.detail)} |")
    else:  # (never a bare "No gaps found" under "Community voice: missing")
        lines.append(
            "None found between members and objectives"
            + (
                " (the missing community voice above is the gap to close first)."
                if result.missing_community_voice
                else "."
            )
        )
    lines += [
        "",
        "## Members",
        "",
        "| Member | Sector | Positions | Interests | Gaps |",
        "|---|---|---|---|---|",
    ]
    for m in result.members:
        gaps = ", ".join(k.replace("_", " ") for k in m.gaps) or "-"
        cells = [m.name, m.sector or "-", "; ".join(m.positions) or "-", "; ".join(m.interests) or "-", gaps]
        lines.append("| " + " | ".join(table_cell(c) for c in cells) + " |")
    if result.questions:
        lines += ["", "## Questions to ask", ""]
        lines += [f"{i}. {q}" for i, q in enumerate(result.questions, 1)]
    return "\n".join(lines) + "\n"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
