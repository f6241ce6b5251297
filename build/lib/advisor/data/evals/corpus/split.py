"""Draw the locked dev/test split of the charter corpus: a seeded random draw, stratified by sector.

Run once, before any labelling or tuning: `python evals/corpus/split.py` writes `split.yaml`. The
test part is never used to choose rules, thresholds, features or wording; figures on it are
reported beside dev and beside the majority-class baseline.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import yaml

SEED = 20261201
TEST_SHARE = 1 / 3
HERE = Path(__file__).resolve().parent


def draw_split(sources: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Per sector, a seeded shuffle; the first third (at least one document) goes to test."""
    by_sector: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(sources):
        by_sector[sources[doc_id]["sector"]].append(doc_id)
    rng = random.Random(SEED)
    split: dict[str, list[str]] = {"dev": [], "test": []}
    for sector in sorted(by_sector):
        ids = by_sector[sector]
        rng.shuffle(ids)
        cut = max(1, round(len(ids) * TEST_SHARE))
        split["test"] += ids[:cut]
        split["dev"] += ids[cut:]
    return {part: sorted(ids) for part, ids in split.items()}


def main() -> None:
    sources = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    split = draw_split(sources)
    header = (
        f"# Locked split of the charter corpus: seed {SEED}, stratified by sector (evals/corpus/split.py).\n"
        "# Drawn before any labelling or tuning. Never tune on `test`.\n"
    )
    (HERE / "split.yaml").write_text(header + yaml.safe_dump(split, sort_keys=False), encoding="utf-8")
    print(f"dev {len(split['dev'])}, test {len(split['test'])}")


if __name__ == "__main__":
    main()
