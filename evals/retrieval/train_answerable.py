"""Train the answer's "nothing here answers this" gate on the dev questions (never the test part).

    python evals/retrieval/train_answerable.py --cv      # each writers' batch held out in turn
    python evals/retrieval/train_answerable.py --write   # fit on all dev questions, write answerable.npz

Neither the best passage's similarity nor the share of the question's words found in the answer
separates the questions the sources do not answer from the ones they do (both tried on dev); the
question itself does: a leader asking for payroll steps, a logo's colours or a state's filing
deadline asks about something the guidance never covers. So the gate is one logistic regression
over the question's sentence embedding (the bundled MiniLM, 384 dimensions), labelled by the
questions' `kind` (unanswerable or not), with a balanced class weight.

Its regularisation is chosen by holding out each batch of questions by other writers in turn (q2
questions 1-148, q2 questions 149 on, q3), and its threshold is the lowest that keeps the held-out
answerable questions said to be unanswered at 2% or fewer: a false "nothing answers" costs a leader
more than a missed one, since the answer still shows the nearest passages either way.
Deterministic (lbfgs), so `--write` run twice writes the same file. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from advisor.capabilities.ask.answerable import MODEL_FILE
from advisor.data import bundled
from advisor.evaluation.questions import Question, load_questions
from advisor.llm.embeddings import MiniLMEmbeddings
from advisor.text.logistic import Logistic, save_models

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
MAX_FALSE_SHARE = 0.02


def writers_batch(question: Question) -> str:
    """The batch of writers a question came from: q2 1-148, q2 149 on, q3 (dev holds no other)."""
    prefix, number = question.id.split("-")
    if prefix != "q2":
        return prefix
    return "q2a" if int(number) <= 148 else "q2b"


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale < 1e-6, 1.0, scale)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit((x - mean) / scale, y)
    return mean, scale, model


def held_out(x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    """Probabilities of each question from a model fit without its writers' batch."""
    out = np.zeros(len(y))
    for group in sorted(set(groups)):
        train = groups != group
        mean, scale, model = fit(x[train], y[train], c)
        out[~train] = model.predict_proba((x[~train] - mean) / scale)[:, 1]
    return out


def threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The lowest probability cut that says "unanswered" of at most MAX_FALSE_SHARE of the answerable."""
    answerable = np.sort(probabilities[~y])[::-1]
    allowed = int(MAX_FALSE_SHARE * len(answerable))
    return float(answerable[allowed]) + 1e-6


def report(probabilities: np.ndarray, y: np.ndarray, groups: np.ndarray, cut: float) -> dict[str, str]:
    said = probabilities >= cut
    rows = {}
    for group in ["all", *sorted(set(groups))]:
        rows_of = np.ones(len(y), bool) if group == "all" else groups == group
        hit, false = said[rows_of & y].sum(), said[rows_of & ~y].sum()
        rows[str(group)] = (
            f"unanswered found {hit}/{(rows_of & y).sum()}, "
            f"answerable said unanswered {false}/{(rows_of & ~y).sum()}"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="report each C held out by writers' batch")
    parser.add_argument("--write", action="store_true", help=f"fit on all dev questions: {MODEL_FILE.name}")
    args = parser.parse_args()
    questions = load_questions(bundled("evals") / "retrieval")["dev"]
    x = np.asarray(MiniLMEmbeddings().embed_documents([q.question for q in questions]), dtype=np.float64)
    y = np.array([q.kind == "unanswerable" for q in questions])
    groups = np.array([writers_batch(q) for q in questions])
    chosen: tuple[float, float, float] | None = None  # (recall, C, threshold)
    for c in C_GRID:
        probabilities = held_out(x, y, groups, c)
        cut = threshold(probabilities, y)
        recall = float(np.mean(probabilities[y] >= cut))
        if args.cv:
            print(f"C={c}: threshold {cut:.3f}", report(probabilities, y, groups, cut))
        if chosen is None or recall > chosen[0]:
            chosen = (recall, c, cut)
    assert chosen is not None
    recall, c, cut = chosen
    print(f"chosen C={c}, threshold {cut:.3f}: held-out recall of unanswered questions {recall:.2f}")
    if args.write:
        mean, scale, model = fit(x, y, c)
        gate = Logistic(
            names=("unanswered",),
            mean=mean,
            scale=scale,
            weights=model.coef_.T.astype(np.float64),
            bias=model.intercept_.astype(np.float64),
            thresholds=np.array([cut]),
        )
        save_models(Path(MODEL_FILE), {"gate": gate})
        print(f"wrote {MODEL_FILE}")


if __name__ == "__main__":
    main()
