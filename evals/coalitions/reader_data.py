"""The labelled sentences the pivots reader learns from (`train.py`): the real tables' notes (dev and
the retired test tables, every sentence labelled by `signal_details`) and the invented notes of
`evals/data/metrics` (some sentences labelled by `signal_sentences`), as feature rows with targets and
the coalition each row belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from split import BATCH_4, BATCH_5, BATCH_6, BATCH_7, BATCH_8, BATCH_9, BATCH_10, BATCH_11

from advisor.capabilities.pivots.analysis import metric_states
from advisor.capabilities.pivots.evidence import Relater
from advisor.capabilities.pivots.reader import Encoder, metric_features, signal_features
from advisor.capabilities.pivots.signals import KINDS, note_sentences
from advisor.documents.coalition import parse_metrics
from advisor.evaluation.coalitions import load_split, quotes_sentence
from advisor.llm.embeddings import MiniLMEmbeddings
from advisor.text.safe_yaml import load_yaml

ROOT = Path(__file__).resolve().parent
INVENTED = ROOT.parent / "data" / "metrics"  # the invented notes the tests read: dev data too
# The test tables of split version 3, retired into dev on 2026-12-02 when a fresh blind batch became the
# test part. Named, not read from split.yaml's test list: that list is the new test part once it lands.
# (Later retired test parts, batches 3-5, are in split.yaml's dev list.)
RETIRED = (
    "erpnext-foundation.csv",
    "minneapolis-clean-energy-partnership.csv",
    "minneapolis-vision-zero.csv",
)
UNKNOWN = -1  # a target nobody labelled: no row of a fit or a score for that output


@dataclass
class Task:
    """One binary (or one-per-kind) problem: features, targets (0, 1 or UNKNOWN) and the coalition
    (or invented note) of each row."""

    name: str
    x: list[np.ndarray] = field(default_factory=list)
    y: list[np.ndarray] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    outputs: tuple[str, ...] = ("yes",)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        x = np.vstack(self.x)
        y = np.vstack([np.atleast_2d(t).reshape(-1, len(self.outputs)) for t in self.y]).astype(int)
        groups = np.array([g for g, t in zip(self.groups, self.x, strict=True) for _ in range(len(t))])
        return x, y, groups


@dataclass
class Data:
    signals: Task
    metrics: Task
    notes: dict[str, list[Any]]  # coalition file -> its sentences, for the eval's signal count
    details: dict[str, list[dict[str, Any]]]
    invented: dict[str, tuple[list[Any], dict[str, str | None], set[str]]] = field(default_factory=dict)
    # group -> (sentences, {sentence: kind or None}, kinds present in the note)


# Batch 4 (split version 3's test part) was retired into dev on 2026-12-03 (ninth session). Refit with
# it (34 tables), leave one coalition out moved from 0.71/0.81/0.73/0.55 to 0.71/0.82/0.73/0.58, but
# the refit reader no longer read "Neighbours phoning neighbours worked better than anything else we
# tried, and the county has asked us to run it in two more towns." as an opportunity (0.58 against a
# threshold now 0.60; tests/test_pivots.py). The same again in the tenth session with batch 5 too (42
# tables: leave one coalition out 0.72/0.83/0.76/0.60, the sentence at 0.46 against 0.55, and the
# mediation option of the markdown-report test lost; with four more prototypes, opportunity and
# external change, the same). The shipped reader stays the one fit on 26 tables.
# Batches 7 and 8 (fourteenth session, the advisers' tables) were first used as held-out batches
# (`train.py --hold-out N [--all]`): the reader fit on 26 tables scored 0.53 / 0.57 / 0.29 / 0.40
# (capacity, backlash, opportunity, external change) on batch 7 and 0.48 / - / 0.40 / 0.48 on batch 8,
# and refits on more tables did no better there. Cues for money and ownership and for outside trends
# were then added to the lexicon (from batches 7 and 8), and a fresh batch 9, written blind, was held
# out to choose: the old reader 0.32 / - / 0.08 / 0.40 (tied 0.62), the new cues fit on 26 tables
# 0.34 / - / 0.08 / 0.40 (0.62), fit on every dev table but batch 9's 0.34 / - / 0.26 / 0.53 (0.75).
# Refit so (every dev table, the new cues, thresholds by 12-fold cross-validation), the reader again
# lost the invented tests' readings (tests/test_pivots.py: the county asking to run the scheme in two
# more towns read as no opportunity, "several principals now refer families early" as backlash, so the
# mediation option was lost), and reading a compound sentence clause by clause did not bring them
# back. The shipped reader stays the one fit on 26 tables; the cues and the refit wait for a reader
# whose features see money, ownership and openings (NOTES.md).
# Batch 6 (split version 5's test part) was retired into dev in the forty-sixth session, when batch 11
# became the test part; the reader was not refit with it, so `--write` still rebuilds the shipped reader.
# Batch 11 (split version 8's test part, scored once) was retired into dev in the fiftieth session, when
# batch 12 became the test part, and read: held out (`train.py --hold-out 11`), the shipped reader's
# product figures on it were capacity / backlash / opportunity / external change 0.79 / 0.78 / 0.79 / 0.62
# and a reader fit on every other dev table (`--all`) 0.72 / 0.71 / 0.85 / 0.59: a third blind batch on
# which more tables do not help. The shipped reader stays; batch 11 is not trained on.
NOT_TRAINED_ON = (
    frozenset(BATCH_4["metrics"])
    | frozenset(BATCH_5["metrics"])
    | frozenset(BATCH_6["metrics"])
    | frozenset(BATCH_7["metrics"])
    | frozenset(BATCH_8["metrics"])
    | frozenset(BATCH_9["metrics"])
    | frozenset(BATCH_10["metrics"])
    | frozenset(BATCH_11["metrics"])
)


def load_data(
    files: set[str] | None = None, invented: bool = True, left_out: frozenset[str] = NOT_TRAINED_ON
) -> Data:
    """Dev coalitions (all of `real_tables`, or those of them in `files`), and the invented notes of
    `evals/data/metrics` if `invented`."""
    split, expected = (d := load_split(ROOT))["split"], d["expected"]
    encoder = Encoder(MiniLMEmbeddings())
    data = Data(Task("signals", outputs=KINDS), Task("metrics"), {}, {})
    if invented:
        load_invented(data, encoder)
    for name in real_tables(split, left_out):
        if files is not None and name not in files:
            continue
        label = expected["metrics"][name]
        sentences = note_sentences((ROOT / "metrics" / label["notes"]).read_text("utf-8"))
        details = label.get("signal_details", [])
        data.notes[name], data.details[name] = sentences, details
        targets = np.array(
            [
                [any(d["kind"] == k and quotes_sentence(s.text, d["quote"]) for d in details) for k in KINDS]
                for s in sentences
            ]
        )
        data.signals.x.append(signal_features(sentences, encoder))
        data.signals.y.append(targets)
        data.signals.groups.append(name)
        states = metric_states(
            parse_metrics(ROOT / "metrics" / name), date.fromisoformat(str(label["as_of"]))
        )
        names = [s.name for s in states]
        relater = Relater(states, [], None)
        for s in sentences:
            concerned = [d for d in details if quotes_sentence(s.text, d["quote"])]
            if not concerned:
                continue
            metrics = {m for d in concerned for m in (d.get("metrics") or [])}
            data.metrics.x.append(metric_features(s, names, encoder, relater))
            data.metrics.y.append(np.array([[n in metrics] for n in names]))
            data.metrics.groups.append(f"{name}#{s.text}")  # one "row group" per signal (see assignment)
    return data


def real_tables(split: dict[str, Any], left_out: frozenset[str] = NOT_TRAINED_ON) -> list[str]:
    """The real tables the reader learns from: dev and the retired test tables (never the test part),
    less `left_out`."""
    return [n for n in dict.fromkeys([*split["metrics"]["dev"], *RETIRED]) if n not in left_out]


def load_invented(data: Data, encoder: Encoder) -> None:
    """Signal rows of the invented notes: their labelled sentences, and the kinds no sentence has."""
    expected = load_yaml((INVENTED / "expected.yaml").read_text("utf-8"))
    for name, label in expected.items():
        sentences = note_sentences((INVENTED / label["notes"]).read_text("utf-8"))
        labelled: dict[str, str | None] = label.get("signal_sentences") or {}
        unmatched = set(labelled) - {s.text for s in sentences}
        if unmatched:
            raise SystemExit(f"{INVENTED}/expected.yaml: {name}: no such sentence in its notes: {unmatched}")
        present = set(label["signals"])
        targets = np.array(
            [
                [
                    int(labelled[s.text] == k) if s.text in labelled else 0 if k not in present else UNKNOWN
                    for k in KINDS
                ]
                for s in sentences
            ]
        )
        group = f"invented/{name}"
        data.signals.x.append(signal_features(sentences, encoder))
        data.signals.y.append(targets)
        data.signals.groups.append(group)
        data.invented[group] = (sentences, labelled, present)
