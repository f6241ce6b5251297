"""Merge staging folders of labelled metric tables (the format of /work/coal7: map.txt, expected.yaml,
provenance.yaml, metrics/) into this set as one dev batch.

    python evals/coalitions/merge_staging.py --batch 9 --note "the writers' batch 9" /work/coal9a /work/coal9b

Copies each table and its notes, appends the labels to expected.yaml and the sources and files to
provenance.yaml (each under a `# batch N` comment), and adds the as_of dates to compute_expected.AS_OF.
split.py's BATCH_N (and its comment) is written by hand, then `python split.py` and `python check.py`.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def section(text: str, key: str, until: str | None = None) -> str:
    """The body of a top-level YAML mapping `key:` (up to `until:`), as text."""
    body = text.split(f"\n{key}:\n", 1)[1] if not text.startswith(f"{key}:\n") else text[len(key) + 2 :]
    return body.split(f"\n{until}:\n", 1)[0] if until else body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--note", required=True, help="where the batch comes from, for the comments")
    args = parser.parse_args()
    comment = f"  # batch {args.batch}: {args.note}, wholly dev\n"
    expected, sources, files, dates = [], [], [], []
    known = yaml.safe_load((HERE / "expected.yaml").read_text("utf-8"))["metrics"]
    for folder in args.folders:
        rows = [line.split() for line in (folder / "map.txt").read_text("utf-8").splitlines() if line.strip()]
        for name, _, as_of in rows:
            if f"{name}.csv" in known:
                raise SystemExit(f"{folder}: {name}.csv is already in expected.yaml")
            for suffix in (".csv", ".notes.md"):
                shutil.copy(folder / "metrics" / f"{name}{suffix}", HERE / "metrics" / f"{name}{suffix}")
            dates.append(f'    "{name}.csv": "{as_of}",\n')
        expected.append(section((folder / "expected.yaml").read_text("utf-8"), "metrics").rstrip("\n"))
        provenance = (folder / "provenance.yaml").read_text("utf-8")
        sources.append(section(provenance, "sources", "files").rstrip("\n"))
        files.append(section(provenance, "files").rstrip("\n"))
    path = HERE / "expected.yaml"
    path.write_text(path.read_text("utf-8").rstrip("\n") + "\n" + comment + "\n".join(expected) + "\n")
    path = HERE / "provenance.yaml"
    head, tail = path.read_text("utf-8").split("\nfiles:\n", 1)
    path.write_text(
        head.rstrip("\n")
        + "\n"
        + comment
        + "\n".join(sources)
        + "\n\nfiles:\n"
        + tail.rstrip("\n")
        + "\n"
        + comment
        + "\n".join(files)
        + "\n"
    )
    path = HERE / "compute_expected.py"
    text = path.read_text("utf-8")
    end = text.index("\n}\n", text.index("AS_OF = {"))
    path.write_text(text[: end + 1] + comment.replace("  #", "    #", 1) + "".join(dates) + text[end + 1 :])
    for name in ("expected.yaml", "provenance.yaml"):
        yaml.safe_load((HERE / name).read_text("utf-8"))
    print(f"merged {len(dates)} tables as batch {args.batch}; now add BATCH_{args.batch} to split.py")


if __name__ == "__main__":
    main()
