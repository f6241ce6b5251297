"""Agreement between the primary labels (`labels/`) and the independent second pass
(`labels-second/`): Cohen's kappa per element, grade agreement, and defect-kind overlap.

    python evals/corpus/agreement.py        # prints the table and writes AGREEMENT.md
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# The charter elements, in the contract's order (as advisor.capabilities.charter.elements.ELEMENTS).
ELEMENTS = (
    *("purpose", "principles", "membership", "governance", "decision_making", "roles", "resources"),
    *("communication", "conflict_resolution", "measurement", "equity", "renewal", "transition"),
)


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two raters over the same items (1 = perfect, 0 = chance)."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def load(folder: Path) -> dict[str, dict[str, object]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def main() -> None:
    first, second = load(HERE / "labels"), load(HERE / "labels-second")
    ids = sorted(set(first) & set(second))
    rows = ["| element | agreement | Cohen's kappa |", "|---|---|---|"]
    all_a: list[str] = []
    all_b: list[str] = []
    for element in ELEMENTS:
        a = [first[i]["elements"][element]["status"] for i in ids]  # type: ignore[index]
        b = [second[i]["elements"][element]["status"] for i in ids]  # type: ignore[index]
        all_a += a
        all_b += b
        share = sum(x == y for x, y in zip(a, b, strict=True)) / len(ids)
        rows.append(f"| {element} | {share:.2f} | {cohen_kappa(a, b):.2f} |")
    overall = sum(x == y for x, y in zip(all_a, all_b, strict=True)) / len(all_a)
    rows.append(f"| **all elements** | {overall:.2f} | {cohen_kappa(all_a, all_b):.2f} |")
    grades = [(int(first[i]["grade"]), int(second[i]["grade"])) for i in ids]  # type: ignore[call-overload]
    exact = sum(x == y for x, y in grades) / len(ids)
    within = sum(abs(x - y) <= 1 for x, y in grades) / len(ids)
    kinds = [
        (
            {d["kind"] for d in first[i].get("defects") or []},  # type: ignore[union-attr]
            {d["kind"] for d in second[i].get("defects") or []},  # type: ignore[union-attr]
        )
        for i in ids
    ]
    both = sum(len(a & b) for a, b in kinds)
    either = sum(len(a | b) for a, b in kinds)
    text = "\n".join(
        [
            "# Labelling agreement",
            "",
            f"{len(ids)} documents labelled twice, independently (primary: `labels/`, second: "
            "`labels-second/`), by the guide in GUIDE.md. Produced by `python evals/corpus/agreement.py`.",
            "",
            *rows,
            "",
            f"Overall grade (1-5): exact {exact:.2f}, within one step {within:.2f}.",
            f"Defect kinds per document: {both} of {either} (document, kind) pairs named by both "
            f"(Jaccard {both / max(either, 1):.2f}).",
            "",
        ]
    )
    (HERE / "AGREEMENT.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
