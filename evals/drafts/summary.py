"""Figures of the purpose-drafts audits: how many drafts pass each item of the rubric (GUIDE.md),
per round. Each round is new text (repositories no earlier round used) judged by reviewers who saw
no earlier round, on the code of its commit (ROUNDS); a round is read only after it has been scored,
and the drafting fixed from it is scored by the next round.

    python evals/drafts/summary.py            # the table
    python evals/drafts/summary.py --rerun    # today's drafts for every stored goal (to judge again)

The judgements are the reviewers'; grammar and usefulness are not computed. Goals from repositories
under a copyleft licence are kept as source and judgements only (their text is not stored).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent
ITEMS = ("sentence", "own_words", "facts_kept", "slots_ok", "useful")
# round -> the code it judged; every round was read after it was scored, and fixed from
ROUNDS = {
    "round1": "10abb25-09202b1 (before any audit)",
    "round2": "31e7095 (round 1 read and fixed)",
    "round3": "260aaee (round 2 read and fixed)",  # judged and read; its files were lost with a machine
    "round4": "514089b (round 3 read and fixed)",
    "round5": "7d9cefb (round 4 read and fixed)",
    "round6": "9161c74 (round 5 read and fixed)",
    "round7": "319608c (round 6 read and fixed)",
    "round8": "947f42b (round 7 read and fixed)",
    "round9": "07b8025 (round 8 read and fixed)",
    "round10": "a116712 (round 9 read and fixed)",
    "round11": "6217317 (round 10 scored; round 9 read and fixed, workspace headings)",
    "round12": "7920255 (round 11 read and fixed)",
    "round13": "205a2ad (round 12 read and fixed)",
    "round14": "8e5544e (round 13 read and fixed)",
    "round15": "b9c5726 (round 14 read and fixed)",
    "round16": "849eb29 (round 15 read and fixed)",
    "round17": "21e1f93 (round 16 read and fixed)",
}


def load(round_: str) -> list[dict[str, Any]]:
    return [e for f in sorted((ROOT / round_).glob("*.yaml")) for e in yaml.safe_load(f.read_text("utf-8"))]


def table() -> None:
    # "first draft" and "any draft": per text, so a round that offers fewer drafts is compared fairly
    print(
        "| round | code judged | goals | drafts | "
        + " | ".join(ITEMS)
        + " | all five | first all five | any all five |"
    )
    print("|---|---|---|---|" + "---|" * (len(ITEMS) + 3))
    for round_, part in ROUNDS.items():
        entries = load(round_)
        if not entries:
            continue
        for kind, chosen in (
            ("goals", [e for e in entries if e.get("goal") or "-ws" not in e["id"]]),
            ("workspaces", [e for e in entries if "-ws" in e["id"]]),
        ):
            drafts = [d for e in chosen for d in e.get("drafts", [])]
            if not drafts:
                continue
            passes = [[str(d.get(i)).lower() in ("yes", "true") for i in ITEMS] for d in drafts]
            ok = [sum(p[n] for p in passes) for n in range(len(ITEMS))] + [sum(all(p) for p in passes)]
            cells = " | ".join(f"{n}/{len(drafts)} ({n / len(drafts):.0%})" for n in ok)

            def passed(draft: dict[str, Any]) -> bool:
                return all(str(draft.get(i)).lower() in ("yes", "true") for i in ITEMS)

            texts = [e for e in chosen if e.get("drafts")]
            first = sum(passed(e["drafts"][0]) for e in texts)
            anyone = sum(any(passed(d) for d in e["drafts"]) for e in texts)
            per_text = " | ".join(f"{n}/{len(texts)} ({n / len(texts):.0%})" for n in (first, anyone))
            print(f"| {round_} {kind} | {part} | {len(chosen)} | {len(drafts)} | {cells} | {per_text} |")


def rerun() -> None:
    from advisor.capabilities.purpose.draft import draft_purpose

    for round_ in ROUNDS:
        for e in load(round_):
            if not e.get("goal"):
                continue
            print(f"== {e['id']}: {' '.join(e['goal'].split())[:200]}")
            for d in draft_purpose(goal=e["goal"]).drafts:
                print(f"   ({d.check.score}) {d.statement}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rerun", action="store_true", help="print today's drafts for every stored goal")
    args = parser.parse_args()
    rerun() if args.rerun else table()


if __name__ == "__main__":
    main()
