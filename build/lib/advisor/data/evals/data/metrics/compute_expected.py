"""Compute expected metric statuses for the metric tables in this folder.

Rule:
  progress = (current - baseline) / (target - baseline)   (works for downward targets)
  expected = (as_of - start) / (due - start), clipped to [0, 1]
  status   = done      if progress >= 1
             ahead     if progress >= expected + 0.10
             on_track  if progress >= expected - 0.10
             off_track otherwise
Prints YAML for the `metrics:` block of expected.yaml, plus the margin to the
nearest status threshold so borderline cases can be spotted.
"""

import csv
import sys
from datetime import date
from pathlib import Path

AS_OF = {
    "riverside-road-safety.csv": "2026-06-30",
    "eastside-housing-stability.csv": "2026-03-31",
    "lake-county-heat-health.csv": "2025-09-30",
}


def status_for(progress, expected):
    if progress >= 1:
        return "done"
    if progress >= expected + 0.10:
        return "ahead"
    if progress >= expected - 0.10:
        return "on_track"
    return "off_track"


def main():
    here = Path(__file__).parent
    for name, as_of in AS_OF.items():
        as_of_d = date.fromisoformat(as_of)
        print(f"{name}:  # as_of {as_of}")
        with open(here / name, newline="") as fh:
            for row in csv.DictReader(fh):
                b, t, c = float(row["baseline"]), float(row["target"]), float(row["current"])
                start, due = date.fromisoformat(row["start"]), date.fromisoformat(row["due"])
                progress = (c - b) / (t - b)
                expected = (as_of_d - start).days / (due - start).days
                expected = min(1.0, max(0.0, expected))
                st = status_for(progress, expected)
                margin = min(
                    abs(progress - 1), abs(progress - expected - 0.1), abs(progress - expected + 0.1)
                )
                print(
                    f"    {row['metric']}: {{progress: {progress:.3f}, expected: {expected:.3f}, "
                    f"status: {st}}}  # margin {margin:.3f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
