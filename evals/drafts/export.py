"""Store a reviewer's audit file in the repository, keeping only what each source's licence allows.

    python evals/drafts/export.py /path/to/h11.yaml /path/to/h12.yaml --round round6

Open licences (permissive, CC BY, CC BY-SA, CC0, W3C): everything. Copyleft (GPL, AGPL, EUPL, MPL):
the goal text goes, the drafts and judgements stay. No licence found, or one that grants nothing:
only the source, the scores and the yes/no judgements (drafts and notes quote the text).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent
OPEN = re.compile(
    r"^(?:MIT|Apache-2\.0|BSD-[23]-Clause|ISC|Unlicense|CC0-1\.0|CC-BY(?:-SA)?-[234]\.[05]"
    r"|W3C Software and Document License)\b"
)
COPYLEFT = re.compile(r"GPL|EUPL|MPL")


def stored(entry: dict[str, Any]) -> dict[str, Any]:
    """`entry` with only what its source's licence allows."""
    licence = str(entry.get("source", {}).get("licence"))
    entry = dict(entry)
    if OPEN.match(licence):
        return entry
    if COPYLEFT.search(licence):
        if "goal" in entry:
            entry.pop("goal")
            entry["goal_not_stored"] = f"licence {licence}: the text is not stored; see source"
        return entry
    entry.pop("goal", None)
    entry["goal_not_stored"] = f"licence {licence}: no text of the source is stored; see source"
    entry["drafts"] = [
        {k: v for k, v in d.items() if k not in ("statement", "note")} for d in entry["drafts"]
    ]
    return entry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="reviewers' YAML files (BRIEF format)")
    parser.add_argument("--round", required=True, help="folder under evals/drafts, e.g. round6")
    args = parser.parse_args()
    folder = ROOT / args.round  # an absolute path stays as given
    folder.mkdir(exist_ok=True)
    for path in args.files:
        entries = [stored(e) for e in yaml.safe_load(path.read_text("utf-8"))]
        text = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=110)
        (folder / path.name).write_text(text, "utf-8")
        print(f"{folder / path.name}: {len(entries)} entries")


if __name__ == "__main__":
    main()
