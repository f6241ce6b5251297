"""Review harness for offline purpose drafts and check rewrites: runs them over many goals,
workspaces of real documents and dev statements, writes every output to read, and counts what a
reader would notice.

    python benchmarks/purpose_drafts.py [--out reports/purpose-drafts.md] [--home DIR]

Inputs are in `purpose_drafts.yaml` beside this file (goals, workspaces, the number of dev rewrites).
Counted per draft: a suspected fragment (more than one sentence, a capitalised sentence opener or "we"
mid-sentence, a dangling last word, a third-person verb first, a section heading's words, unbalanced
brackets), a goal's number, population or deadline not kept verbatim, and a draft scored 100 that
holds a placeholder or a suspected fragment. Per rewrite: a template (fewer than three of the
statement's own content words outside the [slots]), a population that is an organisation's name.
The counts are a screen: read the written outputs too (the report lists every one).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.capabilities.charter.classifier import purpose_sentence  # noqa: E402
from advisor.capabilities.purpose.check import check_purpose_rules  # noqa: E402
from advisor.capabilities.purpose.draft import draft_purpose  # noqa: E402
from advisor.capabilities.purpose.models import PurposeDrafts  # noqa: E402
from advisor.config import Settings  # noqa: E402
from advisor.service.runtime import Runtime  # noqa: E402
from advisor.store.ingest import ingest_paths  # noqa: E402

INPUTS = Path(__file__).with_suffix(".yaml")
STATEMENTS = ROOT / "evals" / "purpose" / "statements.yaml"
SPLIT = ROOT / "evals" / "purpose" / "split.yaml"

_OPENER_MID = re.compile(
    r"(?<=[,;:] )(?:Each|The|We|Our|This|These|It|In|A|An|All|Every|They)\b|\s(?:Each|We|They)\s"
)
_PRONOUN = re.compile(r"\b(?:we|I|they|us)\b")
_DANGLING = re.compile(r"\b(?:to|and|or|the|of|for|a|an|with|by|in|that|which|on|at|from)\.$", re.I)
_THIRD_PERSON = re.compile(r"^(?:Is|Are|Was|Were|Has|Have|Had|Gets|Does|Makes|Keeps|Brings|Means)\b")
_NUMBER = re.compile(r"\d[\d,.]*\d%?|\d%?")
_CONTENT = re.compile(r"[A-Za-zÀ-ÿ][\w’'-]{3,}")
_STOP = {"that", "this", "with", "from", "their", "they", "will", "have", "into", "more", "than", "year"}


def fragment_signs(statement: str, headings: list[str]) -> list[str]:
    body = re.sub(r"\[[^\]]*\]", "[]", statement)
    signs = []
    if re.search(r"[.!?]\s+[A-Z]", body.rstrip(".")):
        signs.append("two sentences")
    if _OPENER_MID.search(body):
        signs.append("sentence opener mid-sentence")
    if _PRONOUN.search(body):
        signs.append("pronoun from notes")
    if _DANGLING.search(body):
        signs.append("dangling end")
    if _THIRD_PERSON.match(body):
        signs.append("starts with a conjugated verb")
    if body.count("(") != body.count(")") or body.count("[") != body.count("]") or body.count('"') % 2:
        signs.append("unbalanced brackets")
    signs += [f"heading '{h}'" for h in headings if h.lower() in body.lower()]
    return signs


def lost_facts(goal: str, statement: str) -> list[str]:
    check = check_purpose_rules(goal)
    facts = _NUMBER.findall(goal)
    facts += [c.evidence for name, c in check.criteria.items() if name != "outcome" and c.met and c.evidence]
    low = statement.lower()
    return [fact for fact in facts if fact.lower() not in low]


def headings_of(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            heading = line.lstrip("#").strip()
            if line.startswith("#") and len(heading.split()) >= 2 and len(heading) >= 12:
                found.append(heading)
    return found


def review_drafts(
    label: str, goal: str, result: PurposeDrafts, headings: list[str], out: list[str]
) -> Counter[str]:
    counts: Counter[str] = Counter()
    out.append(f"\n### {label}\n\ngoal: {goal or '(none)'}\n")
    for draft in result.drafts:
        counts["drafts"] += 1
        signs = fragment_signs(draft.statement, headings)
        lost = lost_facts(goal, draft.statement) if goal else []
        placeholder = "[" in draft.statement
        if signs:
            counts["fragment signs"] += 1
        if lost:
            counts["lost facts"] += 1
        if draft.check.score == 100 and (signs or placeholder):
            counts["scored 100 while failing"] += 1
        flags = "; ".join([*signs, *(f"lost '{f}'" for f in lost)])
        out.append(f"- ({draft.check.score}) {draft.statement}" + (f"  **⚑ {flags}**" if flags else ""))
    for citation in result.citations:
        out.append(f"  - cites {citation.source}: {citation.quote[:100]!r}")
    return counts


def review_rewrite(case: dict[str, Any], out: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    check = check_purpose_rules(case["statement"])
    if check.rewrite is None:
        return counts
    counts["rewrites"] += 1
    own = {w.lower() for w in _CONTENT.findall(case["statement"])} - _STOP
    outside = re.sub(r"\[[^\]]*\]", " ", check.rewrite)
    kept = {w.lower() for w in _CONTENT.findall(outside)} & own
    flags = []
    if len(kept) < 3:
        flags.append("template")
        counts["template rewrites"] += 1
    population = check.criteria["population"].evidence or ""
    if population and (
        case.get("org", "").lower() in population.lower()
        or re.search(r"\b(?:Coalition|Alliance|Foundation|Network|Partnership)\b", population)
    ):
        flags.append(f"population is a name: {population!r}")
        counts["population is a name"] += 1
    signs = fragment_signs(check.rewrite, [])
    if signs:
        flags += signs
        counts["rewrite fragment signs"] += 1
    out.append(
        f"- {case['id']}: {case['statement']}\n  → {check.rewrite}"
        + (f"  **⚑ {'; '.join(flags)}**" if flags else "")
    )
    for tip in check.suggestions:
        out.append(f"    · {tip}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "evals" / "reports" / "purpose-drafts.md")
    parser.add_argument("--home", type=Path, help="ADVISOR_HOME to index into (default: a temporary folder)")
    args = parser.parse_args()
    inputs = yaml.safe_load(INPUTS.read_text(encoding="utf-8"))
    out: list[str] = ["# Purpose drafts and rewrites, offline", "\n## Drafts from a goal"]
    totals: Counter[str] = Counter()
    goals = [g if isinstance(g, str) else g["text"] for g in inputs["goals"]]
    for number, goal in enumerate(goals, 1):
        totals += review_drafts(f"goal {number}", goal, draft_purpose(goal=goal), [], out)
    totals["goals"] = len(goals)

    home = args.home or Path(tempfile.mkdtemp(prefix="purpose-drafts-"))
    runtime = Runtime(Settings(home=home))
    out.append("\n## Drafts from a workspace (alone, then with its goal)")
    for workspace in inputs["workspaces"]:
        files = [ROOT / f for f in workspace["files"]]
        ingest_paths(
            files,
            workspace["name"],
            settings=runtime.settings,
            store=runtime.store,
            embeddings=runtime.embeddings,
        )
        headings = headings_of(files)
        for goal in (None, workspace["goal"]):
            result = draft_purpose(
                goal=goal,
                workspace=workspace["name"],
                retriever=runtime.retriever,
                rank_purpose=purpose_sentence,
            )
            totals += review_drafts(
                f"{workspace['name']} {'+ goal' if goal else 'alone'}", goal or "", result, headings, out
            )
    totals["workspaces"] = len(inputs["workspaces"])

    out.append("\n## Check rewrites of dev statements")
    dev = set(yaml.safe_load(SPLIT.read_text(encoding="utf-8"))["dev"])
    cases = [c for c in yaml.safe_load(STATEMENTS.read_text(encoding="utf-8")) if c["id"] in dev]
    for case in cases:
        if totals["rewrites"] >= inputs["rewrites"]:
            break
        totals += review_rewrite(case, out)

    summary = ", ".join(f"{key}: {value}" for key, value in sorted(totals.items()))
    out.insert(1, f"\n{summary}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(summary)
    print(f"Report: {args.out}")


if __name__ == "__main__":
    main()
