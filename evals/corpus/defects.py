"""The defect detectors on the dev part only (never test): per kind, how many labelled defects a
finding of the same kind quotes (caught), how many findings there are and how many of them a label
confirms; with `--misses KIND`, the labelled defects of that kind no finding caught, and the
findings of that kind no label confirms, one line each.

    python evals/corpus/defects.py                      # the table
    python evals/corpus/defects.py --misses placeholder # what to read next
    python evals/corpus/defects.py --batch 7 --misses all   # one batch of dev (the newly retired one)

The test part is not an option: reading its misses is what retires a test part (split.py), and
that is decided by drawing a fresh batch first, not by a flag.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field

import yaml

from advisor.capabilities.charter.review import analyze_charter, charter_text
from advisor.data import bundled
from advisor.documents.read import read_document
from advisor.evaluation.corpus import DEFECT_KINDS, load_corpus, same_defect


@dataclass
class KindCounts:
    labelled: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    confirmed: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)


def count(misses_of: str | None = None, batch: int | None = None) -> KindCounts:
    counts = KindCounts()
    root = bundled("evals") / "corpus"
    batches = yaml.safe_load((root / "sources.yaml").read_text(encoding="utf-8"))
    for document in load_corpus(root)["dev"]:
        if batch is not None and batches[document.id].get("batch", 1) != batch:
            continue
        text = charter_text(read_document(document.path), document.path)
        review = analyze_charter(text, document.path.name)
        for label in document.label.defects:
            caught = any(same_defect(document.path, label, f) for f in review.findings)
            counts.labelled[label.kind] += 1
            counts.caught[label.kind] += caught
            if misses_of in (label.kind, "all") and not caught:
                counts.misses.append(f"missed  {document.id}: {label.quotes[0][:140]!r} ({label.note})")
        for finding in review.findings:
            confirmed = any(same_defect(document.path, label, finding) for label in document.label.defects)
            counts.found[finding.kind] += 1
            counts.confirmed[finding.kind] += confirmed
            if misses_of in (finding.kind, "all") and not confirmed:
                counts.misses.append(f"unconfirmed  {document.id}: {finding.quotes[0][:140]!r}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--misses",
        choices=(*DEFECT_KINDS, "all"),
        help="list one kind's (or every kind's) misses and unconfirmed findings",
    )
    parser.add_argument("--batch", type=int, help="only the dev documents of this batch (sources.yaml)")
    args = parser.parse_args()
    counts = count(args.misses, args.batch)
    print(f"{'kind':22} {'caught':>8} {'labelled':>8} {'findings':>8} {'confirmed':>9}")
    for kind in DEFECT_KINDS:
        print(
            f"{kind:22} {counts.caught[kind]:8} {counts.labelled[kind]:8} {counts.found[kind]:8} "
            f"{counts.confirmed[kind]:9}"
        )
    total = [sum(c.values()) for c in (counts.caught, counts.labelled, counts.found, counts.confirmed)]
    print(f"{'all':22} {total[0]:8} {total[1]:8} {total[2]:8} {total[3]:9}")
    print("\n".join(counts.misses))


if __name__ == "__main__":
    main()
