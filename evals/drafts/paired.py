"""A paired, blind round: two builds drafted the same texts and a reviewer judged every distinct draft
without knowing which build wrote it. Per build: the share of its drafts passing each item and all
five, and the share of texts whose first draft (or any draft) passes all five.

    python evals/drafts/paired.py --attach /work/drafts-audit/abkeys h35.yaml   # once, before export
    python evals/drafts/paired.py evals/drafts/round18                          # the table

`--attach` writes, for each judged draft, the rank each build gave it (`builds: {p: 1, q: null}`), so
the stored round keeps the comparison even where the licence keeps no draft text.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

ITEMS = ("sentence", "own_words", "facts_kept", "slots_ok", "useful")
ROUNDS = {
    "round18": {
        "p": "b9c5726 (the sixteenth session's start)",
        "q": "0ee8fb3 (after the session's fixes from rounds 14-17)",
    },
    "round19": {
        "p": "0ee8fb3 (round 18's second build)",
        "q": "00d0e7d (round 18 read and fixed; the seventeenth session's sweeps)",
    },
    "round20": {
        "p": "00d0e7d (round 19's second build)",
        "q": "6a0d7a4 (more sweeps; round 19 read and fixed)",
    },
    "round21": {
        "p": "6a0d7a4 (round 20's second build)",
        "q": "d00b38e (round 20 read and fixed)",
    },
    "round22": {
        "p": "5c833eb (the eighteenth session's start)",
        "q": "f96a384 (dev sweeps of the session; both builds drafted every text alike)",
    },
    "round23": {
        "p": "f96a384 (round 22's builds)",
        "q": "1330884 (round 22 read and fixed; one text of 50 drafted differently)",
    },
    "round24": {
        "p": "1330884 (round 23's second build)",
        "q": "2e99465 (round 23's complaints fixed; no-goal texts drafted from what the body is for)",
    },
    "round25": {
        "p": "2e99465 (round 24's second build)",
        "q": "5775392 (round 24 read and fixed: facts another sentence states fill the gaps)",
    },
    "round26": {
        "p": "5775392 (round 25's second build)",
        "q": "890f9cb (round 25 read and fixed; both builds drafted every text alike)",
    },
    "round27": {
        "p": "f81a73a (the session's fixes, three orderings of one aim)",
        "q": "b5f8647 (the third draft is another aim the text states)",
    },
    "round28": {
        "p": "b5f8647 (round 27's second build)",
        "q": "a06beb8 (the fixes after round 27; both builds drafted every text alike)",
    },
    "round29": {
        "p": "a06beb8 (round 28's second build)",
        "q": "84ea267 (a workspace with no goal: the sentence the charter model ranks most like a purpose)",
    },
    "round30": {
        "p": "84ea267 (round 29's second build)",
        "q": "d7d813c (round 28-29's fixes: a count another aim gives, places in names, fallback filters)",
    },
    "round31": {
        "p": "d7d813c (round 30's second build)",
        "q": "60b1d47 (unless a clause is stated as the mission, the model's purpose sentence first)",
    },
    "round32": {
        "p": "b0c645e (the twenty-first session's start)",
        "q": "e7371ac (round 31's complaints: how-to sections, 'these boats', glued rules)",
    },
    "round33": {
        "p": "e7371ac (round 32's second build)",
        "q": "fb26bec (round 32's complaints; batch 10 read into the purpose check)",
    },
    "round34": {
        "p": "fb26bec (round 33's second build)",
        "q": "aed3b03 (round 32-33's complaints, an emphasised mission line, 'the school' named)",
    },
    "round35": {
        "p": "aed3b03 (round 34's second build)",
        "q": "108b251 (round 34's complaints, chunks keep paragraph breaks, batches 12-13 read)",
    },
    "round36": {
        "p": "294b021 (round 35's complaints, the twenty-third session's end)",
        "q": "dc583ad (round 35's later complaints, batch 15 read, the classifier refit on 460)",
    },
    "round37": {
        "p": "dc583ad (round 36's second build)",
        "q": "6a0ff06 (round 36's complaints, batches 16-17 read, the classifier refit on 498)",
    },
    "round38": {
        "p": "6a0ff06 (round 37's second build)",
        "q": "96b5069 (round 37's complaints, purpose 18-19 and charter 12-13 read, refit on 576)",
    },
    "round39": {
        "p": "96b5069 (round 38's second build)",
        "q": "4d559d1 (round 38's complaints: a shouted goal, a comma splice, a board's duty)",
    },
    "round40": {
        "p": "4d559d1 (round 39's second build)",
        "q": "9ff9fa7 (rounds 38-39's complaints: means and consequences, verb forms, purpose 20 read)",
    },
    "round41": {
        "p": "9ff9fa7 (round 40's second build)",
        "q": "ef1cb28 (round 40's complaints, purpose 21-22 read, charter 14 read, refit on 615)",
    },
}


def attach(keys: Path, files: list[Path]) -> None:
    for path in files:
        entries = yaml.safe_load(path.read_text("utf-8"))
        for entry in entries:
            key = json.loads((keys / f"{entry['id']}.json").read_text("utf-8"))
            for draft in entry["drafts"]:
                draft["builds"] = key[draft["statement"]]
        path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=110), "utf-8")
        print(f"{path}: builds attached")


def table(folder: Path) -> None:
    entries = [e for f in sorted(folder.glob("*.yaml")) for e in yaml.safe_load(f.read_text("utf-8"))]
    builds = sorted({b for e in entries for d in e["drafts"] for b in d["builds"]})
    columns = ["build", "texts", "drafts", *ITEMS, "all five", "first draft all five", "any draft all five"]
    print(f"| {' | '.join(columns)} |")
    print("|---" * (len(ITEMS) + 6) + "|")
    for build in builds:
        drafts = [(e["id"], d) for e in entries for d in e["drafts"] if d["builds"].get(build)]
        texts = {i for i, _ in drafts}
        passes = {id(d): all(d.get(k) for k in ITEMS) for _, d in drafts}
        first = [d for _, d in drafts if d["builds"][build] == 1]
        any_pass = {i for i, d in drafts if passes[id(d)]}
        cells = [f"{sum(bool(d.get(k)) for _, d in drafts) / len(drafts):.0%}" for k in ITEMS]
        name = ROUNDS.get(folder.name, {}).get(build, build)
        print(
            f"| {name} | {len(texts)} | {len(drafts)} | {' | '.join(cells)} | "
            f"{sum(passes.values()) / len(drafts):.0%} | {sum(passes[id(d)] for d in first)}/{len(first)} | "
            f"{len(any_pass)}/{len(texts)} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--attach", type=Path, help="folder of the run's keys (statement -> builds)")
    args = parser.parse_args()
    if args.attach:
        attach(args.attach, args.paths)
    else:
        for folder in args.paths:
            table(folder)


if __name__ == "__main__":
    main()
