"""The check that a training command rebuilds the model file the package ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np


def assert_retraining_rebuilds(script: Path, shipped_file: Path, tmp_path: Path, *, timeout: int) -> None:
    """Run `script --write --to <tmp>` and compare its arrays with `shipped_file`: names and labels
    exactly, numbers to 1e-5 (the embedding runtime's last bits differ between CPUs, so a retrain on
    another machine is the same model, not the same bytes)."""
    rebuilt = tmp_path / shipped_file.name
    done = subprocess.run(
        [sys.executable, str(script), "--write", "--to", str(rebuilt)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    with np.load(shipped_file) as shipped, np.load(rebuilt) as fresh:
        assert set(shipped.files) == set(fresh.files)
        for name in shipped.files:
            if shipped[name].dtype.kind in "USO":
                assert (shipped[name] == fresh[name]).all(), name
            else:
                np.testing.assert_allclose(shipped[name], fresh[name], atol=1e-5, err_msg=name)
