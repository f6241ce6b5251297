"""Agreement between the first labels (expected.yaml) and an independent second pass
(labels-second.yaml, written from GUIDE.md without seeing the first): F1 per gap kind and per signal
kind (present in the notes; tied to which metrics). Run: python evals/coalitions/agreement.py
(all files with second labels), or add --batch 1 / 2 / ... / 12 for one batch (split.BATCH_2 ... BATCH_12)."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from split import LATER_BATCHES  # noqa: E402  (the later batches' file lists; the rest is batch 1)

SIGNALS = ("capacity", "backlash", "opportunity", "external_change")


def _batch(kind: str, name: str) -> str:
    later = {str(number): files for number, files in enumerate(LATER_BATCHES, start=2)}
    return next((number for number, files in later.items() if name in files[kind]), "1")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--batch",
        choices=[str(n) for n in range(1, len(LATER_BATCHES) + 2)],
        help="only the files of this batch (default: all)",
    )
    batch = ap.parse_args().batch
    first = yaml.safe_load((HERE / "expected.yaml").read_text())
    second = yaml.safe_load((HERE / "labels-second.yaml").read_text())
    if batch:
        for kind in ("rosters", "metrics"):
            keep = {n for n in first[kind] if _batch(kind, n) == batch}
            first[kind] = {n: v for n, v in first[kind].items() if n in keep}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(kind: str, a: set[object], b: set[object]) -> None:
        counts[kind][0] += len(a & b)
        counts[kind][1] += len(a)
        counts[kind][2] += len(b)

    skipped = [n for kind in ("rosters", "metrics") for n in first[kind] if n not in second[kind]]
    for name, one in first["rosters"].items():
        if name not in second["rosters"]:
            continue  # no second-pass labels yet (batch 2)
        two = second["rosters"][name]
        for kind in ("position_without_interest", "missing_stakeholder"):
            add(kind, set(one.get(kind) or []), set(two.get(kind) or []))
        pairs = [
            {(d["member"], d["interest"]) for d in x.get("interest_not_addressed") or []} for x in (one, two)
        ]
        add("interest_not_addressed", *pairs)
        add(
            "missing_community_voice",
            *({name} if x.get("missing_community_voice") else set() for x in (one, two)),
        )
    for name, one in first["metrics"].items():
        if name not in second["metrics"]:
            continue
        two = second["metrics"][name]
        for kind in SIGNALS:
            details = [[d for d in x.get("signal_details", []) if d["kind"] == kind] for x in (one, two)]
            add(f"signal present: {kind}", *({kind} if d else set() for d in details))
            add(
                f"signal and metric: {kind}",
                *({m for s in d for m in (s.get("metrics") or ["(whole)"])} for d in details),
            )
        add("explained gap", *({d["metric"] for d in x.get("explained_gaps", [])} for x in (one, two)))
    if skipped:
        print(f"skipped (no second-pass labels): {len(skipped)} files")
    print(f"{'label':34s} first second both   F1")
    for kind, (both, a, b) in counts.items():
        print(f"{kind:34s} {a:5d} {b:6d} {both:4d} {2 * both / (a + b) if a + b else 1.0:5.2f}")


if __name__ == "__main__":
    main()
