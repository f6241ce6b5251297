"""Split the v2 retrieval questions into dev and a locked test set.

    python evals/retrieval/split-questions.py

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
    parts = split(items)
    kinds = {q["id"]: q["kind"] for q in items}
    header = (
        "# Split of questions-v2.yaml (split-questions.py: random.Random(20261202), round(35%) of each\n"
        "# kind drawn as test). Drawn once, after labelling, before any retrieval run on the set.\n"
        "# test is locked: never tune on it; report it beside dev.\n"
    )
    (HERE / "split-questions.yaml").write_text(
        header + yaml.safe_dump(parts, sort_keys=False), encoding="utf-8"
    )
    for part, ids in parts.items():
        per = defaultdict(int)
        for i in ids:
            per[kinds[i]] += 1
        print(f"{part}: {len(ids)} ({', '.join(f'{k} {v}' for k, v in sorted(per.items()))})")


if __name__ == "__main__":
    main()
