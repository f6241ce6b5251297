"""Where the evidence quote goes wrong, on the dev part only (never test): for each element a
labeller called present or weak, the rank of the labelled passage among the clauses the relevance
model ranks for it (models trained out of fold, as `train.py --cv` does), and how often a second
labeller's quote lands on the same passage as the first's (the ceiling a quote can be held to).

    python evals/corpus/evidence_ranks.py

A passage found at rank 1 is what the review quotes today; one found in the top 10 but not at 1
is a ranking miss; one not ranked at all is a clause-splitting miss.
"""

from __future__ import annotations

import numpy as np
from train import Example, load_examples, out_of_fold  # evals/corpus/train.py, beside this file

from advisor.capabilities.charter.elements import ELEMENTS
from advisor.data import bundled
from advisor.evaluation.corpus import DocumentLabel, same_passage
from advisor.text.safe_yaml import load_yaml

DEPTHS = (1, 3, 5, 10, 20)


def passage_ranks(examples: list[Example]) -> list[int | None]:
    """Per labelled (document, element) pair, the 1-based rank of the first clause overlapping the
    labelled quote in the out-of-fold relevance ranking (None: no clause overlaps it)."""
    ranks: list[int | None] = []
    for ex, (relevance, _) in zip(examples, out_of_fold(examples), strict=True):
        for e, element in enumerate(ELEMENTS):
            if ex.document.label.elements[element].status == "missing":
                continue
            order = np.argsort(-relevance[:, e], kind="stable")
            hits = np.flatnonzero(ex.targets[order, e])
            ranks.append(int(hits[0]) + 1 if len(hits) else None)
    return ranks


def second_labeller_on_passage(examples: list[Example]) -> tuple[int, float]:
    """Pairs both labellers call present or weak, on dev documents labelled twice, and the share of
    them where the two quotes overlap."""
    flags = []
    for ex in examples:
        second = bundled("evals") / "corpus" / "labels-second" / f"{ex.document.id}.yaml"
        if not second.exists():
            continue
        other = DocumentLabel.model_validate(load_yaml(second.read_text(encoding="utf-8")))
        for element, label in ex.document.label.elements.items():
            theirs = other.elements[element]
            if label.status != "missing" and theirs.status != "missing":
                flags.append(same_passage(ex.document.path, label.evidence, theirs.evidence))
    return len(flags), sum(flags) / len(flags) if flags else 0.0


def main() -> None:
    examples = load_examples()
    ranks = passage_ranks(examples)
    print(f"{len(ranks)} labelled pairs on dev; no clause overlaps the quote: {ranks.count(None)}")
    print("| labelled passage within | share |\n|---|---|")
    for depth in DEPTHS:
        print(f"| top {depth} | {sum(r is not None and r <= depth for r in ranks) / len(ranks):.3f} |")
    pairs, share = second_labeller_on_passage(examples)
    print(f"second labeller on the first one's passage: {share:.3f} of {pairs} pairs")


if __name__ == "__main__":
    main()
