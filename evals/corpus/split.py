"""The locked dev/test split of the charter corpus.

    python evals/corpus/split.py    # writes split.yaml

Version 1 (seed 20261201) drew a third of the batch-1 documents, per sector, into test before any
labelling or tuning. On 2026-12-02 an independent judge's summary of the review's failures on that
test part was read, so it could no longer stay unseen: it was retired into dev, and the test part is
now batch 2, documents collected and labelled afterwards by two annotators blind to the review's
output (`batch: 2` in sources.yaml). The version-1 draw is kept below and recorded in split.yaml as
`retired_test`. The test part is never used to choose rules, thresholds, features or wording; figures
on it are reported beside dev and beside the majority-class baseline.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import yaml

SEED = 20261201
TEST_SHARE = 1 / 3
TEST_BATCH = 2
HERE = Path(__file__).resolve().parent


def draw_version_1(sources: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Per sector, a seeded shuffle of the batch-1 documents; the first third (at least one) to test."""
    by_sector: dict[str, list[str]] = defaultdict(list)
    for doc_id in sorted(sources):
        if sources[doc_id].get("batch", 1) == 1:
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


def draw_split(sources: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    """Dev: batch 1 (version 1's test retired into it) and every batch after the test batch (batch 3,
    collected on 2026-12-02, goes wholly to dev); test: batch 2, the fresh batch."""
    version_1 = draw_version_1(sources)
    later = [d for d, s in sources.items() if s.get("batch", 1) > TEST_BATCH]
    return {
        "dev": sorted(version_1["dev"] + version_1["test"] + later),
        "test": sorted(d for d, s in sources.items() if s.get("batch", 1) == TEST_BATCH),
        "retired_test": version_1["test"],
    }


def main() -> None:
    sources = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    split = draw_split(sources)
    header = (
        "# Locked split of the charter corpus (evals/corpus/split.py): dev is every batch-1 document,\n"
        "# test is batch 2 (collected after the review was built, labelled blind to it). retired_test is\n"
        f"# version 1's test part (seed {SEED}), seen on 2026-12-02 and moved into dev. Batch 3 was\n"
        "# collected on 2026-12-02 (after the split was locked) and goes wholly to dev. Never tune on test.\n"
    )
    (HERE / "split.yaml").write_text(header + yaml.safe_dump(split, sort_keys=False), encoding="utf-8")
    print(f"dev {len(split['dev'])}, test {len(split['test'])}, retired {len(split['retired_test'])}")


if __name__ == "__main__":
    main()
