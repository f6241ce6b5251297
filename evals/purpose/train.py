"""Experiment: per-criterion logistic models over the rules' verdicts, general evidence features and
the MiniLM embedding of the statement, measured by grouped cross-validation on the dev part only.

    python evals/purpose/train.py --cv      # grouped CV on dev: rules vs models, per fold

Reads `statements.yaml` and `split.yaml` beside this file and keeps the `dev` ids only: the test part
is never read into a fold, scored or looked at. Groups are `split.py`'s (the `group` field, else the
organisation), so one body's statements never sit on both sides of a fold. The invented tuning set
(`evals/data/purpose_statements.yaml`) may join the training folds (`--invented`), never a result.

Honesty note: the rules were tuned on all of dev, so their accuracy on any dev fold is in-sample,
and a model fed their verdicts inherits that advantage; the figures compare two optimistic numbers.
C and the threshold are chosen inside each outer fold (nested grouped CV), never on the fold scored.
Needs scikit-learn. Deterministic: fixed seed, fixed grids, lbfgs.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from advisor.capabilities.purpose.check import CRITERIA, check_purpose_rules
from advisor.capabilities.purpose.rules import CONCRETE_VERBS, VAGUE_VERBS
from advisor.capabilities.purpose.vocabulary import inflected
from advisor.llm.embeddings import MiniLMEmbeddings

HERE = Path(__file__).resolve().parent
INVENTED = HERE.parent / "data" / "purpose_statements.yaml"
SEED = 20261203
FOLDS = 5
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(np.round(np.arange(0.2, 0.81, 0.05), 2))

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"\d")
_QUANTITY = re.compile(
    r"\d[\d,.]*\s*(?:%|percent|per cent|million|billion|thousand|hectares?|km|tonnes?|people|"
    r"species|schools?|sites?|countries|members)|\$\s*\d",
    re.I,
)
_CHANGE = re.compile(rf"\b(?:{inflected(CONCRETE_VERBS)})\b", re.I)
_VAGUE = re.compile(rf"\b(?:{inflected(VAGUE_VERBS)})\b", re.I)
_MONTH = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december)\b", re.I
)
_DEADLINE = re.compile(r"\b(?:by|within|until|before|through|over the next)\b", re.I)
_NAMED = re.compile(r"(?<![.:]\s)(?<!^)\b[A-Z][a-z]+")
_GROUP_WORDS = re.compile(
    r"\b(?:people|children|women|girls|youth|students|families|households|residents|workers|farmers|"
    r"communities|countries|governments|maintainers|developers|researchers|patients|citizens)\b",
    re.I,
)


def group_key(entry: dict) -> str:
    return entry.get("group") or entry["org"]


def load_dev() -> list[dict]:
    split = yaml.safe_load((HERE / "split.yaml").read_text("utf-8"))
    dev = set(split["dev"])
    entries = yaml.safe_load((HERE / "statements.yaml").read_text("utf-8"))
    return [e for e in entries if e["id"] in dev]  # test ids are dropped before anything is computed


def load_invented() -> list[dict]:
    return [dict(e, org=f"invented/{e['id']}") for e in yaml.safe_load(INVENTED.read_text("utf-8"))]


def general_features(statement: str) -> list[float]:
    """Evidence of any criterion, not the rules' verdicts: numbers, dates, quantities, verbs, names."""
    words = len(statement.split())
    return [
        float(bool(_NUMBER.search(statement))),
        float(bool(_YEAR.search(statement))),
        float(bool(_MONTH.search(statement))),
        float(bool(_DEADLINE.search(statement))),
        float(bool(_QUANTITY.search(statement))),
        min(len(_CHANGE.findall(statement)), 3) / 3,
        min(len(_VAGUE.findall(statement)), 3) / 3,
        min(len(_NAMED.findall(statement)), 5) / 5,
        float(bool(_GROUP_WORDS.search(statement))),
        min(words, 80) / 80,
    ]


def features(entries: list[dict], embed: MiniLMEmbeddings, parts: str) -> np.ndarray:
    """Per statement: `r` the rules' verdicts, `g` general evidence features, `e` the statement's
    embedding, `v` the embeddings of the rules' evidence spans (zeros when none)."""
    texts = [" ".join(e["statement"].split()) for e in entries]
    blocks = []
    checks = [check_purpose_rules(t) for t in texts]
    if "r" in parts:
        blocks.append(np.array([[float(c.criteria[k].met) for k in CRITERIA] for c in checks]))
    if "g" in parts:
        blocks.append(np.array([general_features(t) for t in texts]))
    if "e" in parts:
        blocks.append(embed.encode_array(texts).astype(np.float64))
    if "v" in parts:
        for k in CRITERIA:
            spans = [c.criteria[k].evidence or "" for c in checks]
            vectors = embed.encode_array([s or "." for s in spans]).astype(np.float64)
            vectors[[not s for s in spans]] = 0.0
            blocks.append(vectors)
    return np.hstack(blocks)


def folds_of(groups: list[str], k: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold per row: groups shuffled with the seed, then each to the currently smallest fold."""
    keys = sorted(set(groups))
    random.Random(seed).shuffle(keys)
    size = {g: groups.count(g) for g in keys}
    load = [0] * k
    fold_of = {}
    for g in sorted(keys, key=lambda g: -size[g]):  # stable after the shuffle: ties keep shuffled order
        f = int(np.argmin(load))
        fold_of[g] = f
        load[f] += size[g]
    return np.array([fold_of[g] for g in groups])


CENTROID: slice | None = None  # columns of the statement embedding, turned into one centroid feature


def centroid(x: np.ndarray, y: np.ndarray, xt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Replace the embedding columns by cosine to the training positives' mean minus the negatives'."""
    if CENTROID is None:
        return x, xt
    e = x[:, CENTROID]
    direction = e[y].mean(axis=0) - e[~y].mean(axis=0) if y.any() and (~y).any() else np.zeros(e.shape[1])
    keep = np.ones(x.shape[1], dtype=bool)
    keep[CENTROID] = False
    return (
        np.hstack([x[:, keep], (e @ direction)[:, None]]),
        np.hstack([xt[:, keep], (xt[:, CENTROID] @ direction)[:, None]]),
    )


def fit_predict(x: np.ndarray, y: np.ndarray, xt: np.ndarray, c: float) -> np.ndarray:
    x, xt = centroid(x, y, xt)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale < 1e-6, 1.0, scale)
    if y.min() == y.max():
        return np.full(len(xt), float(y[0]))
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit((x - mean) / scale, y)
    return model.predict_proba((xt - mean) / scale)[:, 1]


def choose(x: np.ndarray, y: np.ndarray, groups: list[str], scored: np.ndarray) -> tuple[float, float]:
    """C and threshold by grouped inner CV: accuracy on the `scored` rows (real statements) only."""
    inner = folds_of(groups, k=4, seed=SEED + 1)
    best = (-1.0, 0.0, 0.5)
    for c in C_GRID:
        p = np.zeros(len(y))
        for f in range(4):
            held = inner == f
            p[held] = fit_predict(x[~held], y[~held], x[held], c)
        for t in THRESHOLDS:
            acc = float(((p >= t) == y)[scored].mean())
            if acc > best[0] + 1e-9:
                best = (acc, c, float(t))
    return best[1], best[2]


def cross_validate(parts: str, invented: bool) -> None:
    dev = load_dev()
    extra = load_invented() if invented else []
    entries = dev + extra
    embed = MiniLMEmbeddings()
    x = features(entries, embed, parts)
    groups = [group_key(e) for e in entries]
    is_dev = np.array([True] * len(dev) + [False] * len(extra))
    outer = folds_of([group_key(e) for e in dev])
    outer = np.concatenate([outer, np.full(len(extra), -1)])  # invented rows: always training
    rules = np.array(
        [[check_purpose_rules(e["statement"]).criteria[k].met for k in CRITERIA] for e in entries]
    )
    print(
        f"features {parts!r} ({x.shape[1]}), invented {invented}; dev {len(dev)} statements, "
        f"{len(set(groups[: len(dev)]))} groups, {FOLDS} folds"
    )
    for j, k in enumerate(CRITERIA):
        y = np.array([bool(e[k]) for e in entries])
        predicted = np.zeros(len(entries), dtype=bool)
        per_fold = []
        for f in range(FOLDS):
            held = outer == f
            train = ~held
            train_groups = [g for g, t in zip(groups, train, strict=True) if t]
            c, t = choose(x[train], y[train], train_groups, is_dev[train])
            predicted[held] = fit_predict(x[train], y[train], x[held], c) >= t
            per_fold.append(
                f"f{f}: n={held.sum()} rules {(rules[held, j] == y[held]).mean():.2f} "
                f"model {(predicted[held] == y[held]).mean():.2f} (C={c}, t={t})"
            )
        d = is_dev
        model_acc = (predicted[d] == y[d]).mean()
        rules_acc = (rules[d, j] == y[d]).mean()
        recall_m = (predicted[d] & y[d]).sum() / y[d].sum()
        recall_r = (rules[d, j] & y[d]).sum() / y[d].sum()
        print(
            f"{k:<10} rules {rules_acc:.3f} (recall {recall_r:.2f})  model {model_acc:.3f} "
            f"(recall {recall_m:.2f})"
        )
        for line in per_fold:
            print("    " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--features", default="rge", help="r rules, g general, e embedding, v spans")
    parser.add_argument("--invented", action="store_true")
    parser.add_argument("--centroid", action="store_true", help="embedding as one centroid feature")
    args = parser.parse_args()
    if args.centroid:
        global CENTROID
        start = 3 * ("r" in args.features) + 10 * ("g" in args.features)
        CENTROID = slice(start, start + 384)
    if args.cv:
        cross_validate(args.features, args.invented)


if __name__ == "__main__":
    sys.exit(main())
