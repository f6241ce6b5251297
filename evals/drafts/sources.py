"""Where the offline drafter finds a goal, on real text the team did not write (dev parts only).

    python evals/drafts/sources.py              # both tables
    python evals/drafts/sources.py --list none  # the dev statements drafted as slots only
    python evals/drafts/sources.py --list wrong # the corpus documents whose first goal clause is
                                                # not from the labelled purpose passage

1. Goals: the dev part of `evals/purpose` (real purpose, mission and goal statements); how many are
   drafted as slots only ("Reach [a result ...]": no aim found), among them those labelled with an
   outcome (an aim the drafter surely should find).
2. Workspaces: the dev part of the charter corpus (`evals/corpus`), each document read as a workspace;
   for those whose purpose element is labelled with evidence, whether the drafter's first goal clause
   comes from that passage (half its words or more), none is found, or another clause comes first.
   Unless a clause is stated as the mission, the drafter puts first the sentence the charter review's
   relevance model ranks most like a purpose; that model was trained on these documents' labels, so
   here each document's comes from a model trained without it (the five folds of evals/corpus/train.py).
   Baselines on the same documents: the document's first sentence, and its first sentence naming a
   purpose, mission, aim, goal, objective or vision. A labelled purpose passage is often a description
   ("X is the governing body of Y") that no goal can be drafted from, so this counts where the drafter
   looks, not whether its drafts are good: the reviewers' rounds judge that.

The test parts are never read here.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

from advisor.capabilities.charter.classifier import CharterClassifier, most_like
from advisor.capabilities.purpose.compose import NO_GOAL_SLOT
from advisor.capabilities.purpose.draft import PurposeRanker, documents_goal_clauses, draft_purpose
from advisor.documents.read import read_document
from advisor.retrieval.passages import Passage
from advisor.text.sentences import split_sentences

EVALS = Path(__file__).resolve().parent.parent
_KEYWORD = re.compile(r"\b(?:purpose|mission|aims?|goals?|objectives?|vision)\b", re.I)


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", (text or "").lower()))


def _from(evidence: str, sentence: str | None) -> bool:
    """Whether `sentence` is the labelled passage: half the words of the shorter one shared."""
    ev, words = _words(evidence), _words(sentence)
    return bool(words) and len(ev & words) >= 0.5 * min(len(ev), len(words))


def goals() -> tuple[int, list[dict], int]:
    statements = yaml.safe_load((EVALS / "purpose" / "statements.yaml").read_text("utf-8"))
    dev = set(yaml.safe_load((EVALS / "purpose" / "split.yaml").read_text("utf-8"))["dev"])
    rows = [s for s in statements if s["id"] in dev]
    none = [
        s for s in rows if draft_purpose(goal=s["statement"]).drafts[0].statement.startswith(NO_GOAL_SLOT)
    ]
    return len(rows), none, sum(bool(s["outcome"]) for s in none)


def _models_without_each_document() -> dict[str, PurposeRanker]:
    import sys

    sys.path.insert(0, str(EVALS / "corpus"))
    import train  # evals/corpus/train.py: the folds the shipped model's cross-validation uses

    def ranker(classifier: CharterClassifier) -> PurposeRanker:
        def rank(text: str) -> tuple[float, str] | None:
            found = most_like("purpose", text, classifier)
            return (found[0], found[1].text) if found else None

        return rank

    examples = train.load_examples()
    return {
        ex.document.id: ranker(CharterClassifier(relevance, grade, None, None))  # type: ignore[arg-type]
        for ex, (relevance, grade) in zip(examples, train._fold_models(examples), strict=True)
    }


def workspaces() -> tuple[list[dict], int, int]:
    corpus = EVALS / "corpus"
    found, first, keyword = [], 0, 0
    held_out = _models_without_each_document()
    for doc_id in yaml.safe_load((corpus / "split.yaml").read_text("utf-8"))["dev"]:
        label = yaml.safe_load((corpus / "labels" / f"{doc_id}.yaml").read_text("utf-8"))
        purpose = label["elements"]["purpose"]
        if purpose["status"] == "missing" or not purpose.get("evidence"):
            continue
        path = next((corpus / "docs").glob(f"{doc_id}.*"))
        doc = read_document(path)
        passages = [
            Passage(chunk_id=str(i), text=s.text, source=path.name, title=doc.title or "", heading=s.heading,
                    scope="dev", score=1.0)
            for i, s in enumerate(doc.sections)
        ]  # fmt: skip
        clauses, _ = documents_goal_clauses(passages, held_out[doc_id])  # the fallback's model without it
        top = clauses[0].sentence if clauses else None
        sentences = [s for section in doc.sections for s in split_sentences(section.text)]
        first += bool(sentences) and _from(purpose["evidence"], sentences[0])
        keyword += _from(purpose["evidence"], next((s for s in sentences if _KEYWORD.search(s)), None))
        found.append({"id": doc_id, "evidence": purpose["evidence"], "top": top,
                      "hit": top is not None and _from(purpose["evidence"], top)})  # fmt: skip
    return found, first, keyword


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--list", choices=("none", "wrong"))
    args = parser.parse_args()
    total, none, with_outcome = goals()
    found, first, keyword = workspaces()
    if args.list == "none":
        for s in none:
            print(f"{s['id']}  outcome={s['outcome']}  {s['statement'][:160]}")
    if args.list == "wrong":
        for f in found:
            if f["top"] and not f["hit"]:
                print(f"{f['id']}\n  label: {f['evidence'][:140]}\n  first: {f['top'][:140]}")
    print(f"goals (evals/purpose dev): {total} statements, {len(none)} drafted as slots only, "
          f"{with_outcome} of them labelled with an outcome")  # fmt: skip
    hits, empty = sum(f["hit"] for f in found), sum(f["top"] is None for f in found)
    print(
        f"workspaces (evals/corpus dev, purpose labelled): {len(found)} documents; first goal clause "
        f"from the labelled passage {hits}, none found {empty}, another clause {len(found) - hits - empty}; "
        f"baselines: first sentence {first}, first sentence naming a purpose {keyword}"
    )


if __name__ == "__main__":
    main()
