"""Split the retrieval questions into dev and a locked test set.

    python evals/retrieval/split-questions.py

Version 2 (2026-12-03, tenth session): the test part is batch 3 (ids q3-…, 64 questions written blind
by two new writers); version 1's test part (scored more than once) is retired into dev
(`retired_test`), after batch 3 had been written.

Version 3 (2026-12-03, tenth session, later): batch 3 was scored once (hit@3 0.71: workspace questions
0.55) and its failures had to be read, so batch 4 (ids q4-…, 64 questions by two more new writers,
blind, over corpus documents no earlier question used) was written first and is the test part;
batch 3 was then retired into dev (`retired_test_2`). Version 1 (below, `split`) is kept as drawn:

Seeded draw (random.Random(20261202)) of round(35%) of the questions of each kind (knowledge,
workspace, both, unanswerable: strata taken in sorted order, ids sorted within each) as test; the rest
is dev. Writes split-questions.yaml {dev: [ids], test: [ids]}. Run once, after labelling was finished
(2026-12-02). Tune retrieval only on dev; report test beside dev. If test must ever be looked into,
say so and draw a fresh split with a new seed, as evals/corpus/README.md describes.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import yaml

SEED = 20261202
TEST_SHARE = 0.35
HERE = Path(__file__).resolve().parent


def split(items: list[dict]) -> dict[str, list[str]]:
    rng = random.Random(SEED)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for q in items:
        by_kind[q["kind"]].append(q["id"])
    test: list[str] = []
    for kind in sorted(by_kind):
        ids = sorted(by_kind[kind])
        test += rng.sample(ids, round(TEST_SHARE * len(ids)))
    test_set = set(test)
    return {"dev": sorted(i for q in items if (i := q["id"]) not in test_set), "test": sorted(test_set)}


def main() -> None:
    items = yaml.safe_load((HERE / "questions-v2.yaml").read_text(encoding="utf-8"))
    first = [q for q in items if q["id"].startswith("q2-") and q["id"] <= "q2-148"]
    retired = split(first)["test"]  # version 1's test part, as drawn then
    parts = {
        "dev": sorted(q["id"] for q in items if q["id"].startswith(("q2-", "q3-"))),
        "test": sorted(q["id"] for q in items if q["id"].startswith("q4-")),
        "retired_test": retired,
        "retired_test_2": sorted(q["id"] for q in items if q["id"].startswith("q3-")),
    }
    kinds = {q["id"]: q["kind"] for q in items}
    header = (
        "# Split of questions-v2.yaml, version 3 (split-questions.py): test is batch 4 (q4-…, written\n"
        "# blind by two new writers); dev is every q2 and q3 question, with version 1's test part\n"
        "# (random.Random(20261202), 35% of each kind of q2-001..q2-148, retired_test) and version 2's\n"
        "# (batch 3, retired_test_2) retired into it. test is locked: never tune on it.\n"
    )
    (HERE / "split-questions.yaml").write_text(
        header + yaml.safe_dump(parts, sort_keys=False), encoding="utf-8"
    )
    for part, ids in parts.items():
        per: dict[str, int] = defaultdict(int)
        for i in ids:
            per[kinds[i]] += 1
        print(f"{part}: {len(ids)} ({', '.join(f'{k} {v}' for k, v in sorted(per.items()))})")


if __name__ == "__main__":
    main()
