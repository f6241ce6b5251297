"""Train the pivots reader on the real tables of the coalitions set: dev and the retired test tables
(`reader_data.RETIRED`), never the current test part.

    python evals/coalitions/train.py --cv       # leave-one-coalition-out cross-validation
    python evals/coalitions/train.py --batches  # train on batch 1's dev files, score batch 2
    python evals/coalitions/train.py --hold-out 7 [--all]  # train without batch 7, score batch 7
    python evals/coalitions/train.py --write [--to FILE]  # fit on all of them, write reader.npz
    python evals/coalitions/loo.py              # the product itself, leave one coalition out

Models (see `advisor/capabilities/pivots/reader.py`): signal kind per sentence, metric per signal.
Labelled sentences come from two sources: the notes of the coalitions set (every sentence
labelled, by `signal_details`) and the invented notes of `evals/data/metrics` (some sentences
labelled, by `signal_sentences`; a kind outside the note's `signals` is absent from all its
sentences; the rest is unknown and left out of training and scoring). Each invented note is a fold
of its own. Each model is a logistic regression over a few general features; its regularisation and
decision threshold are chosen by leave-one-coalition-out cross-validation (the out-of-fold F1, or
accuracy for metrics). The signal model is one-vs-rest, so each kind gets its own C and threshold
(`choose_per_kind`); plans are never signals.
Deterministic (lbfgs, fixed grids), so `--write` run twice writes the same file. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batches import batch_files
from reader_data import NOT_TRAINED_ON, UNKNOWN, Data, Task, load_data

from advisor.capabilities.pivots.reader import MODEL_FILE as READER_FILE
from advisor.capabilities.pivots.reader import SIGNAL_FEATURES
from advisor.capabilities.pivots.signals import KINDS
from advisor.evaluation.coalitions import Counts, count_signals
from advisor.text.logistic import Logistic, save_models

C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(np.round(np.arange(0.2, 0.81, 0.05), 2))
# A kind is said only when more likely than not (a balanced fit's own boundary, or above): lower
# thresholds won recall on the real notes but read progress figures in the invented ones as outside
# changes.
SIGNAL_THRESHOLDS = tuple(t for t in THRESHOLDS if t >= 0.5)


def fit(
    x: np.ndarray, y: np.ndarray, c: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Standardise, fit one logistic regression per output column (`c`: one C, or one per column):
    (mean, scale, weights, bias)."""
    cs = np.broadcast_to(np.asarray(c, dtype=float), (y.shape[1],))
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale < 1e-6, 1.0, scale)
    z = (x - mean) / scale
    weights, bias = np.zeros((x.shape[1], y.shape[1])), np.zeros(y.shape[1])
    for j in range(y.shape[1]):
        known = y[:, j] != UNKNOWN
        if y[known, j].min() == y[known, j].max():
            bias[j] = 10.0 if y[known, j][0] else -10.0
            continue
        model = LogisticRegression(C=float(cs[j]), class_weight="balanced", max_iter=2000).fit(
            z[known], y[known, j]
        )
        weights[:, j], bias[j] = model.coef_[0], model.intercept_[0]
    return mean, scale, weights, bias


def probabilities(params: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    mean, scale, weights, bias = params
    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ weights + bias)))


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, c: float | np.ndarray) -> np.ndarray:
    """Predicted probabilities for every row from a model trained without its fold."""
    predicted = np.zeros(y.shape, dtype=float)
    for fold in np.unique(folds):
        held = folds == fold
        predicted[held] = probabilities(fit(x[~held], y[~held], c), x[held])
    return predicted


def f1(y: np.ndarray, yes: np.ndarray) -> tuple[float, float, float]:
    tp = float((y & yes).sum())
    p = tp / yes.sum() if yes.sum() else 0.0
    r = tp / y.sum() if y.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def coalition_of(group: str) -> str:
    return group.split("#")[0].rsplit(".", 1)[0]


def choose(
    task: Task, score: Callable[[np.ndarray, np.ndarray, float], float]
) -> tuple[float, float, np.ndarray]:
    """(C, threshold, out-of-fold probabilities) maximising `score(y, probabilities, threshold)`."""
    x, y, groups = task.arrays()
    folds = np.array([coalition_of(g) for g in groups])
    best: tuple[float, float, float, np.ndarray] | None = None
    for c in C_GRID:
        predicted = out_of_fold(x, y, folds, c)
        for t in THRESHOLDS:
            value = score(y, predicted, t)
            if best is None or value > best[0] + 1e-9:
                best = (value, c, float(t), predicted)
    assert best is not None
    return best[1], best[2], best[3]


def assignment_accuracy(task: Task, predicted: np.ndarray, t: float) -> float:
    """Share of labelled signals whose best metric above `t` is one of theirs (none, when none is)."""
    _, y, groups = task.arrays()
    right = []
    for signal in dict.fromkeys(groups):
        rows = groups == signal
        p, truth = predicted[rows, 0], y[rows, 0].astype(bool)
        best = int(np.argmax(p))
        right.append(bool(truth[best]) if p[best] >= t else not truth.any())
    return float(np.mean(right))


def without_plans(data: Data, predicted: np.ndarray) -> np.ndarray:
    """Probabilities with plans at 0: the reader never reads a plan as a signal (`reader.read_note`)."""
    x, _, _ = data.signals.arrays()
    return np.where(x[:, [SIGNAL_FEATURES.index("plan")]] > 0.5, 0.0, predicted)


def choose_per_kind(data: Data) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(C per kind, threshold per kind, out-of-fold probabilities) of the signal model: each kind's
    model is its own (one-vs-rest), so each gets the C and threshold (of `SIGNAL_THRESHOLDS`) with its
    best out-of-fold F1 (plans scored as no signal) among those whose model, fitted on everything,
    reads the invented notes as labelled for that kind (`keeps_invented`: the tests' "keeps what it
    was taught"); on a tie, the smaller C and the lower threshold."""
    x, y, groups = data.signals.arrays()
    folds = np.array([coalition_of(g) for g in groups])
    by_c = {c: without_plans(data, out_of_fold(x, y, folds, c)) for c in C_GRID}
    fitted = {c: without_plans(data, probabilities(fit(x, y, c), x)) for c in C_GRID}
    cs, ts, columns = [], [], []
    for j, kind in enumerate(KINDS):
        best: tuple[bool, float, float, float] | None = None
        for c, predicted in by_c.items():
            only = np.where(np.arange(len(KINDS)) == j, predicted, 0.0)
            for t in SIGNAL_THRESHOLDS:
                value = float(signal_counts(data, only, float(t))[kind]["f1"])
                candidate = (keeps_invented(data, fitted[c], j, float(t)), value, c, float(t))
                if best is None or candidate[:2] > (best[0], best[1] + 1e-9):
                    best = candidate
        assert best is not None
        best = best[1:]
        assert best is not None
        cs.append(best[1])
        ts.append(best[2])
        columns.append(by_c[best[1]][:, j])
    return np.array(cs), np.array(ts), np.stack(columns, axis=1)


def keeps_invented(data: Data, fitted: np.ndarray, j: int, t: float) -> bool:
    """Whether in-fold probabilities `fitted` read kind `j` at `t` in the invented notes exactly where
    their labels put it: every sentence labelled `j` yes, every other labelled sentence no, and no
    sentence of a note without that kind yes."""
    groups = data.signals.arrays()[2]
    kind = KINDS[j]
    for group, (sentences, labelled, present) in data.invented.items():
        said = fitted[groups == group][:, j] >= t
        for s, yes in zip(sentences, said, strict=True):
            if s.text in labelled and yes != (labelled[s.text] == kind):
                return False
            if kind not in present and yes:
                return False
    return True


def report(data: Data) -> dict[str, Any]:
    """Leave-one-coalition-out figures for every model, with its chosen C and thresholds."""
    figures: dict[str, Any] = {}
    # chosen by the figure the eval reports, on the coalition notes; the invented notes only train
    c, t, predicted = choose_per_kind(data)
    figures["signals"] = {"C": c, "threshold": t, **signal_counts(data, predicted, t)}
    figures["signals"]["mean_f1"] = mean_signal_f1(data, predicted, t)
    if data.invented:
        figures["invented"] = invented_counts(data, predicted, t)
    c, t, predicted = choose(data.metrics, lambda y, p, t: assignment_accuracy(data.metrics, p, t))
    _, _, groups = data.metrics.arrays()
    nearest = assignment_accuracy(data.metrics, data.metrics.arrays()[0][:, [0]], -1.0)
    figures["metrics"] = {
        "C": c,
        "threshold": t,
        "accuracy": assignment_accuracy(data.metrics, predicted, t),
        "nearest_metric_accuracy": nearest,
        "signals": len(dict.fromkeys(groups)),
    }
    return figures


def signal_counts(data: Data, predicted: np.ndarray, t: float | np.ndarray) -> dict[str, Any]:
    """Per-kind precision, recall and F1 on the coalition notes, counted exactly as the eval counts them."""
    counts = {k: Counts() for k in KINDS}
    groups = data.signals.arrays()[2]
    for name, sentences in data.notes.items():
        rows = predicted[groups == name] >= t
        found = [
            (k, s.text)
            for s, row in zip(sentences, rows, strict=True)
            for k, yes in zip(KINDS, row, strict=True)
            if yes
        ]
        count_signals(counts, found, data.details[name])
    return {
        k: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "labelled": c.labelled}
        for k, c in counts.items()
    }


def mean_signal_f1(data: Data, predicted: np.ndarray, t: float | np.ndarray) -> float:
    """The mean over kinds of `signal_counts`' F1."""
    return float(np.mean([c["f1"] for c in signal_counts(data, predicted, t).values()]))


def invented_counts(data: Data, predicted: np.ndarray, t: float | np.ndarray) -> dict[str, Any]:
    """On the invented notes, as their tests check them: labelled sentences read as exactly their
    kind (or as no signal), and kinds found in a note that has none of that kind."""
    groups = data.signals.arrays()[2]
    right, extra = 0, []
    for group, (sentences, labelled, present) in data.invented.items():
        rows = predicted[groups == group] >= t
        kinds = {
            s.text: {k for k, yes in zip(KINDS, row, strict=True) if yes}
            for s, row in zip(sentences, rows, strict=True)
        }
        right += sum(kinds[text] == ({kind} if kind else set()) for text, kind in labelled.items())
        extra += [f"{group}: {k}" for k in sorted(set().union(*kinds.values()) - present)]
    labelled_count = sum(len(labelled) for _, labelled, _ in data.invented.values())
    return {"sentences_right": f"{right}/{labelled_count}", "kinds_not_in_the_notes": extra}


def final(task: Task, c: float | np.ndarray, t: float | np.ndarray, without: str | None = None) -> Logistic:
    """The model fitted on every row of `task` (but those of coalition `without`)."""
    x, y, groups = task.arrays()
    kept = np.array([coalition_of(g) != coalition_of(without or "") for g in groups], dtype=bool)
    mean, scale, weights, bias = fit(x[kept], y[kept], c)
    thresholds = np.broadcast_to(np.asarray(t, dtype=float), (len(task.outputs),)).copy()
    return Logistic(task.outputs, mean, scale, weights, bias, thresholds)


def trained(data: Data, chosen: dict[str, Any], without: str | None = None) -> dict[str, Logistic]:
    """Both models with the chosen C and thresholds (trained without coalition `without`, if given)."""
    return {
        name: final(getattr(data, name), chosen[name]["C"], chosen[name]["threshold"], without)
        for name in ("signals", "metrics")
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--batches", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--to", type=Path, default=READER_FILE, help="where --write writes the models")
    parser.add_argument("--hold-out", type=int, help="train without this dev batch, then score it")
    parser.add_argument(
        "--all", action="store_true", help="learn from every dev batch (by default not NOT_TRAINED_ON's)"
    )
    args = parser.parse_args()
    left_out = frozenset() if args.all else NOT_TRAINED_ON
    if args.batches or args.hold_out:
        held_batch = args.hold_out or 2
        held_files = batch_files(held_batch)
        train = load_data(batch_files(1)) if args.batches else load_data(left_out=left_out | held_files)
        held = load_data(held_files, invented=False, left_out=frozenset())
        models = trained(train, report(train))
        print_batch(held_batch, held, models)
        product_on_batch(held_batch, models)
        return
    data = load_data(left_out=left_out)
    figures = report(data)
    for name, values in figures.items():
        print(name, {k: shown(v) for k, v in values.items()})
    if args.write:
        models = trained(data, figures)
        save_models(args.to, {"signals": models["signals"], "metrics": models["metrics"]})
        print(f"wrote {args.to}")


def shown(value: Any) -> Any:
    """A figure rounded for printing (thresholds per kind as a list)."""
    if isinstance(value, np.ndarray):
        return [round(float(v), 2) for v in value]
    return round(value, 3) if isinstance(value, float) else value


def product_on_batch(batch: int, models: dict[str, Logistic]) -> None:
    """The product itself on a held-out batch with models trained without it (written to a temporary
    folder)."""
    import tempfile

    from batches import print_figures, score_batch

    from advisor.capabilities.pivots import reader

    with tempfile.TemporaryDirectory() as folder:
        reader.MODEL_FILE = Path(folder, "reader.npz")
        save_models(reader.MODEL_FILE, {"signals": models["signals"], "metrics": models["metrics"]})
        reader.reader_models.cache_clear()
        print_figures(batch, score_batch(batch))


def print_batch(batch: int, held: Data, models: dict[str, Logistic]) -> None:
    """Figures of models on a batch none of which they saw in training."""
    x, _, _ = held.signals.arrays()
    counts = signal_counts(held, models["signals"].probabilities(x), models["signals"].thresholds)
    for kind, c in counts.items():
        print(f"batch {batch} signal {kind}: P {c['precision']:.2f} R {c['recall']:.2f} F1 {c['f1']:.2f}")
    x, _, _ = held.metrics.arrays()
    accuracy = assignment_accuracy(
        held.metrics, models["metrics"].probabilities(x), float(models["metrics"].thresholds[0])
    )
    print(f"batch {batch} metric assignment accuracy: {accuracy:.2f}")


if __name__ == "__main__":
    main()
