"""Purpose results for people: a check and a set of drafts in markdown."""

from __future__ import annotations

from advisor.capabilities.purpose.models import PurposeCheck, PurposeDrafts


def purpose_markdown(check: PurposeCheck) -> str:
    """A purpose check for people: score, the three criteria with evidence, suggestions, rewrite."""
    lines = [f"**Purpose check: {check.score}/100**", "", f"> {check.statement}", ""]
    for name, criterion in check.criteria.items():
        evidence = f": “{criterion.evidence}”" if criterion.evidence else ": not found"
        lines.append(f"- {'✓' if criterion.met else '✗'} **{name}**{evidence}")
    lines += ["", "**Suggestions**", *[f"- {tip}" for tip in check.suggestions]]
    if check.rewrite:
        lines += ["", f"**A stronger version:** {check.rewrite}"]
    return "\n".join(lines)


def drafts_markdown(drafts: PurposeDrafts) -> str:
    """Drafted purpose statements for people: each with its check score, then what they drew on."""
    lines = [
        f"**Draft {n}** · {d.check.score}/100\n\n> {d.statement}\n" for n, d in enumerate(drafts.drafts, 1)
    ]
    if drafts.citations:
        # each document once, however many of its passages were drawn on (a charter was listed twice)
        named = dict.fromkeys(f"*{c.title}* (`{c.source}`)" for c in drafts.citations)
        lines.append("**Drawn from:** " + "; ".join(named))
    return "\n".join(lines)
