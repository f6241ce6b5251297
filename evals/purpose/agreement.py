"""Agreement between the first labels (statements.yaml) and an independent second pass on a seeded
sample of 60 statements (labels-second.yaml, labelled from GUIDE.md without seeing the first):
per criterion, the share of equal calls and Cohen's kappa. Run: python evals/purpose/agreement.py"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).parent
CRITERIA = ("outcome", "population", "timeframe")


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = first * second + (1 - first) * (1 - second)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    first = {s["id"]: s for s in yaml.safe_load((HERE / "statements.yaml").read_text())}
    second = yaml.safe_load((HERE / "labels-second.yaml").read_text())
    print(f"statements {len(second)}")
    for criterion in CRITERIA:
        pairs = [(bool(first[s["id"]][criterion]), bool(s[criterion])) for s in second]
        agree = sum(a == b for a, b in pairs) / len(pairs)
        print(f"{criterion:11s} agree {agree:.2f}  kappa {kappa(pairs):.2f}")


if __name__ == "__main__":
    main()
