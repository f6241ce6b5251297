"""The locked dev/test split of the coalition rosters and metric tables.

    python evals/coalitions/split.py    # writes split.yaml

Drawn once, after every label in expected.yaml was written and before any run of the advisor's
interests or pivots capabilities on these files: a seeded shuffle (seed 20261202) of the sorted
file names, the first 35% (rounded) to test. Tune only on dev; report test beside dev.

Batch 2 (written 2026-12-02) is wholly dev: its files are listed in BATCH_2, left out of the draw
(so batch 1 keeps the split it was given) and appended to the dev lists.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

SEED = 20261202
TEST_SHARE = 0.35
HERE = Path(__file__).resolve().parent
BATCH_2 = {
    "rosters": [
        "boulder-long-term-flood-recovery.yaml",
        "python-software-foundation.csv",
        "national-digital-inclusion-alliance.yaml",
        "liverpool-city-region-apprenticeship-hub.csv",
        "hawaii-watershed-partnerships.yaml",
        "la-plata-suicide-prevention.yaml",
        "age-friendly-dc.yaml",
        "santa-clara-basin-wmi.csv",
        "contra-costa-alliance-to-end-abuse.csv",
        "suffolk-county-food-policy-council.yaml",
    ],
    "metrics": [
        "boulder-long-term-flood-recovery.csv",
        "python-software-foundation.csv",
        "national-digital-inclusion-alliance.csv",
        "liverpool-city-region-apprenticeship-hub.csv",
        "hawaii-watershed-partnerships.csv",
        "la-plata-suicide-prevention.csv",
        "age-friendly-dc.csv",
        "santa-clara-basin-wmi.csv",
    ],
}
BATCH_2_COMMENT = "  # batch 2, written 2026-12-02, wholly dev"


def draw(names: list[str], rng: random.Random) -> dict[str, list[str]]:
    names = sorted(names)
    rng.shuffle(names)
    cut = max(1, round(len(names) * TEST_SHARE))
    return {"dev": sorted(names[cut:]), "test": sorted(names[:cut])}


def main() -> None:
    labels = yaml.safe_load((HERE / "expected.yaml").read_text())
    rng = random.Random(SEED)
    split = {kind: draw([n for n in labels[kind] if n not in BATCH_2[kind]], rng) for kind in BATCH_2}
    header = (
        "# Locked split, written by split.py (seed 20261202, 35% to test) after labelling and before any\n"
        "# run of the interests or pivots capabilities. Do not tune on test.\n"
    )
    text = yaml.safe_dump(split, sort_keys=False)
    for kind in ("rosters", "metrics"):
        last_dev = f"  - {split[kind]['dev'][-1]}\n"
        head, tail = text.split(f"{kind}:\n", 1)
        tail = tail.replace(
            last_dev, last_dev + BATCH_2_COMMENT + "\n" + "".join(f"  - {n}\n" for n in BATCH_2[kind]), 1
        )
        text = head + f"{kind}:\n" + tail
    (HERE / "split.yaml").write_text(header + text)
    print(text)


if __name__ == "__main__":
    main()
