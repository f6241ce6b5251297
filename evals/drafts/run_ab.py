"""Paired, blind drafting for one reviewer of a drafts round: two builds (snapshots of the
repository, `git worktree add --detach /work/rNN COMMIT`) draft the reviewer's texts; the distinct
drafts of each text are written in a seeded random order without saying which build wrote which;
the key (statement -> rank per build) goes to a folder the reviewer never reads.

    AB_BUILDS=p=/work/r25,q=/work/r26 python evals/drafts/run_ab.py /work/drafts-audit/h47

Reads FOLDER/texts.yaml, a list of {id: h47-01, kind: goal|workspace, file: path}: a goal file is the
goal as typed; a workspace file is one document, ingested into an empty workspace with `advisor
ingest` and drafted with `advisor purpose draft --workspace`. Writes FOLDER/drafts.yaml and one key
per text in AB_KEYS (default: FOLDER/../abkeys). Each build runs in its own folder with its own
PYTHONPATH (`python -c` puts the working folder first on sys.path: it must be the build's).
Then: `python evals/drafts/paired.py --attach KEYS judged.yaml`, `export.py`, `paired.py FOLDER`.
The brief given to reviewers is BRIEF.md beside this file.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

GOAL = (
    "import json, sys; from advisor.capabilities.purpose.draft import draft_purpose; "
    "print(json.dumps([d.statement for d in draft_purpose(goal=open(sys.argv[1]).read()).drafts]))"
)


def builds() -> dict[str, str]:
    pairs = os.environ.get("AB_BUILDS", "")
    found = dict(pair.split("=", 1) for pair in pairs.split(",") if "=" in pair)
    if len(found) != 2:
        sys.exit("set AB_BUILDS=p=/path/to/snapshot,q=/path/to/other (two builds)")
    return found


def drafts(build: str, kind: str, file: str) -> list[str]:
    env = dict(os.environ, PYTHONPATH=build)

    def run(*args: str) -> str:
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=True, cwd=build)
        return done.stdout

    if kind == "goal":
        return list(json.loads(run(sys.executable, "-c", GOAL, file)))
    with tempfile.TemporaryDirectory() as home:
        env["ADVISOR_HOME"] = home
        cli = (sys.executable, "-m", "advisor.cli.main")
        run(*cli, "ingest", file, "-w", "ws")
        out = run(*cli, "purpose", "draft", "-w", "ws", "--json")
        return [d["statement"] for d in json.loads(out)["drafts"]]


def main() -> None:
    folder = Path(sys.argv[1])
    keys = Path(os.environ.get("AB_KEYS", folder.parent / "abkeys"))
    keys.mkdir(exist_ok=True)
    named = builds()
    out = []
    for text in yaml.safe_load((folder / "texts.yaml").read_text("utf-8")):
        key: dict[str, dict[str, int | None]] = {}
        for name, build in named.items():
            try:
                made = drafts(build, text["kind"], text["file"])
            except subprocess.CalledProcessError as exc:
                print(f"{text['id']}: build {name} failed: {exc.stderr[-500:]}", file=sys.stderr)
                made = []
            for rank, statement in enumerate(made, 1):
                key.setdefault(statement, dict.fromkeys(named))[name] = rank
        statements = sorted(key)
        random.Random(text["id"]).shuffle(statements)
        (keys / f"{text['id']}.json").write_text(json.dumps(key), "utf-8")
        listed = [{"draft_id": f"d{i}", "statement": s} for i, s in enumerate(statements, 1)]
        out.append({"id": text["id"], "kind": text["kind"], "file": text["file"], "drafts": listed})
        print(f"{text['id']}: {len(statements)} distinct drafts")
    dumped = yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=110)
    (folder / "drafts.yaml").write_text(dumped, "utf-8")


if __name__ == "__main__":
    main()
