"""Write the organisations and repositories already used by the labelled sets, for a new batch's collectors.

    python evals/known_sources.py /work/pg22    # writes known-orgs.txt, known-repos.txt, known-ids.txt

Collectors of a purpose batch or a charter-corpus batch take nothing from these (briefs: evals/purpose/
BRIEF.md, evals/corpus/BRIEF.md). The lists cover the purpose statements and their skipped sources, and
the corpus documents and their skipped sources (a " (batch N ...)" suffix on a skipped key is dropped),
and what is staged for the next batch (evals/purpose/staging and its folders, evals/corpus/staging/*/).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_SUFFIX = re.compile(r" \(batch \d+.*\)$")


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def known() -> tuple[set[str], set[str], set[str]]:
    """(organisations, owner/name repositories, corpus ids) the sets already hold or skipped."""
    staged = HERE / "purpose" / "staging"
    statements = list(_load(HERE / "purpose" / "statements.yaml"))
    purpose_skipped = dict(_load(HERE / "purpose" / "skipped.yaml"))
    for path in sorted(staged.rglob("*.yaml")):
        if path.stem.endswith("-skipped") or path.stem.startswith("skipped"):
            purpose_skipped.update(_load(path) or {})
        elif path.stem.startswith("batch") and not path.stem.endswith("-second"):
            statements += _load(path) or []
    orgs = {s["org"] for s in statements} | {s["group"] for s in statements if s.get("group")}
    repos = {s["source"]["repo"] for s in statements if "repo" in s["source"]}
    repos |= {_SUFFIX.sub("", key) for key in purpose_skipped}
    sources = dict(_load(HERE / "corpus" / "sources.yaml"))
    skipped = dict(_load(HERE / "corpus" / "skipped.yaml"))
    for folder in sorted((HERE / "corpus" / "staging").glob("*/")):
        for name, into in (("sources.yaml", sources), ("skipped.yaml", skipped)):
            if (folder / name).exists():
                into.update(_load(folder / name) or {})
    orgs |= {s["organisation"] for s in sources.values() if s.get("organisation")}
    repos |= {s["repo"] for s in sources.values() if s.get("repo")}
    for key, entry in skipped.items():
        if isinstance(entry, dict) and entry.get("repo"):
            repos.add(entry["repo"])
        elif "/" in key:
            repos.add(_SUFFIX.sub("", key))
    split = {part.strip() for r in repos for part in r.split(";")}
    return orgs, {r for r in split if "/" in r}, set(sources) | set(skipped)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    folder = Path(argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for name, values in zip(("known-orgs.txt", "known-repos.txt", "known-ids.txt"), known(), strict=True):
        (folder / name).write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
        print(f"{folder / name}: {len(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
