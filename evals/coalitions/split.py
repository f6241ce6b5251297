"""The locked dev/test split of the coalition rosters and metric tables.

    python evals/coalitions/split.py    # writes split.yaml

Drawn once, after every label in expected.yaml was written and before any run of the advisor's
interests or pivots capabilities on these files: a seeded shuffle (seed 20261202) of the sorted
file names, the first 35% (rounded) to test. Tune only on dev; report test beside dev.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

SEED = 20261202
TEST_SHARE = 0.35
HERE = Path(__file__).resolve().parent


def draw(names: list[str], rng: random.Random) -> dict[str, list[str]]:
    names = sorted(names)
    rng.shuffle(names)
    cut = max(1, round(len(names) * TEST_SHARE))
    return {"dev": sorted(names[cut:]), "test": sorted(names[:cut])}


def main() -> None:
    labels = yaml.safe_load((HERE / "expected.yaml").read_text())
    rng = random.Random(SEED)
    split = {"rosters": draw(list(labels["rosters"]), rng), "metrics": draw(list(labels["metrics"]), rng)}
    header = (
        "# Locked split, written by split.py (seed 20261202, 35% to test) after labelling and before any\n"
        "# run of the interests or pivots capabilities. Do not tune on test.\n"
    )
    (HERE / "split.yaml").write_text(header + yaml.safe_dump(split, sort_keys=False))
    print(yaml.safe_dump(split, sort_keys=False))


if __name__ == "__main__":
    main()
