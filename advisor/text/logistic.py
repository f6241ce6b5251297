"""Small trained logistic models scored in numpy: standardised features, one column per output.

The pivots capability ships its trained weights as `reader.npz` (no pickles) beside its modules;
`evals/coalitions/train.py` writes it with `save_models` (scikit-learn is needed to train, never to
score).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from advisor.errors import ConfigError

Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Logistic:
    """`probabilities(x)` = sigmoid(((x - mean) / scale) @ weights + bias), one column per output."""

    names: tuple[str, ...]  # the outputs (e.g. signal kinds)
    mean: Array
    scale: Array
    weights: Array  # (features, outputs)
    bias: Array  # (outputs,)
    thresholds: Array  # (outputs,): a probability at or above it says yes

    def probabilities(self, features: Array) -> Array:
        """(rows, outputs) probabilities for (rows, features)."""
        rows = np.atleast_2d(np.asarray(features, dtype=np.float64))
        if rows.shape[1] != self.weights.shape[0]:
            raise ValueError(f"expected {self.weights.shape[0]} features, got {rows.shape[1]}")
        logits = ((rows - self.mean) / self.scale) @ self.weights + self.bias
        result: Array = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        return result

    def decide(self, features: Array) -> npt.NDArray[np.bool_]:
        """(rows, outputs): whether each probability reaches its output's threshold."""
        decisions: npt.NDArray[np.bool_] = self.probabilities(features) >= self.thresholds
        return decisions

    def arrays(self, prefix: str) -> dict[str, npt.NDArray[np.generic]]:
        fields = {
            "names": np.array(self.names),
            "mean": self.mean,
            "scale": self.scale,
            "weights": self.weights,
            "bias": self.bias,
            "thresholds": self.thresholds,
        }
        return {f"{prefix}_{key}": value for key, value in fields.items()}

    @classmethod
    def from_arrays(
        cls, data: dict[str, npt.NDArray[np.generic]] | np.lib.npyio.NpzFile, prefix: str
    ) -> Logistic:
        def get(key: str) -> Array:
            return np.asarray(data[f"{prefix}_{key}"], dtype=np.float64)

        return cls(
            names=tuple(str(n) for n in data[f"{prefix}_names"].tolist()),
            mean=get("mean"),
            scale=get("scale"),
            weights=get("weights"),
            bias=get("bias"),
            thresholds=get("thresholds"),
        )


def save_models(path: Path, models: dict[str, Logistic]) -> None:
    """Write named models into one `.npz` (float32 is plenty for a linear model's weights)."""
    arrays: dict[str, npt.NDArray[np.generic]] = {}
    for prefix, model in models.items():
        for key, value in model.arrays(prefix).items():
            arrays[key] = value.astype(np.float32) if value.dtype.kind == "f" else value
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


def load_models(path: Path, prefixes: tuple[str, ...], rebuild: str) -> dict[str, Logistic]:
    """The named models stored in `path`; `ConfigError` saying how to rebuild the file if unreadable."""
    try:
        with np.load(path, allow_pickle=False) as data:
            return {prefix: Logistic.from_arrays(data, prefix) for prefix in prefixes}
    except (OSError, KeyError, ValueError) as exc:
        raise ConfigError(
            f"{path}: cannot read the trained model ({exc}); rebuild it with `{rebuild}`"
        ) from None
