"""Agreement between the first labels (questions-v2.yaml) and an independent second pass on a seeded
sample of 45 questions of batch q2, and 20 each of batches q3 and q4
(questions-second.yaml, labelled from GUIDE-questions.md without seeing the
first): kind, expected topics (any shared; same first topic) and workspace passages (the same
clause, by the grading rule of advisor.evaluation.questions). Run: python evals/retrieval/agreement.py"""

from __future__ import annotations

from pathlib import Path

import yaml

from advisor.evaluation.questions import holds

HERE = Path(__file__).parent


def main() -> None:
    first = {q["id"]: q for q in yaml.safe_load((HERE / "questions-v2.yaml").read_text())}
    second = yaml.safe_load((HERE / "questions-second.yaml").read_text())
    report("all", first, second)
    for batch in ("q2", "q3", "q4"):
        report(f"batch {batch}", first, [s for s in second if s["id"].startswith(batch + "-")])


def report(name: str, first: dict[str, dict], second: list[dict]) -> None:
    topics = [(first[s["id"]]["expected"], s["expected"]) for s in second]
    topics = [(a, b) for a, b in topics if a or b]
    passages = [(first[s["id"]]["passages"], s["passages"]) for s in second]
    passages = [(a, b) for a, b in passages if a and b]
    print(f"{name}: questions {len(second)}")
    kinds = sum(first[s["id"]]["kind"] == s["kind"] for s in second) / len(second)
    print(f"  kind agrees        {kinds:.2f}")
    shared = sum(bool(set(a) & set(b)) for a, b in topics) / len(topics)
    print(f"  topics share one   {shared:.2f} (n={len(topics)})")
    print(f"  same first topic   {sum(a[:1] == b[:1] for a, b in topics) / len(topics):.2f}")
    same = sum(any(holds(x, y) or holds(y, x) for x in a for y in b) for a, b in passages)
    print(f"  same passage       {same / len(passages):.2f} (n={len(passages)})")


if __name__ == "__main__":
    main()
