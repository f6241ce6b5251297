"""The rules' verdicts on each batch as they were before anyone read it: what the outcome model
(`train.py`) learns to trust the rules by.

Every batch from 2 on was scored once as a test part by the rules of one commit, before its failures
were read and the rules tuned on it. Those verdicts are the rules' true behaviour on unseen text; the
current rules' verdicts on the same statements are in-sample (tuned on them) and far too good. This
script checks out each of those commits into a temporary git worktree, runs that commit's rules on
that batch's statements (the current text of `statements.yaml`) and writes `fresh_verdicts.yaml`.

    python evals/purpose/fresh_verdicts.py        # needs the git history (a full clone)

A batch is added here once it has been scored as a test part, with the commit that scored it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "fresh_verdicts.yaml"

# id prefix -> the commit whose rules scored that batch once, before it was read
SCORED_AT = {
    "pb": "1a1fe31",  # split version 2
    "pc": "96170d2",  # version 3
    "pd": "a088d34",  # version 4
    "pe": "75dae7f",  # version 5
    "pf": "95243c4",  # version 6
    "pg": "74089c8",  # version 7
    "ph": "103e9ed",  # version 8
    "pi": "f98bcdf",  # version 9
    "pj": "ab1a5c6",  # version 10
    "pk": "c3f8d8f",  # version 11 (scored by these rules; the merge commit changed only data)
    "pl": "27fbd6d",  # version 12 (the same)
    "pm": "d061b28",  # version 13 (the same)
    "pn": "12c8c57",  # version 14 (the same)
    "po": "fee8aff",  # version 15 (the same)
    "pp": "b8348fa",  # version 16 (the same)
    "pq": "808c78b",  # version 17 (the same)
    "pr": "ae4f73f",  # version 18 (the same)
    "pt": "fe93097",  # version 19 (the same)
    "pu": "968d35f",  # version 20 (the same)
    "pv": "f1cc326",  # version 21, batch 21 (the same)
    "pw": "f1cc326",  # version 21, batch 22 (the same)
    "px": "6214316",  # version 22 (the same)
    "py": "8c3f460",  # version 23 (the same)
    "pz": "9aea36b",  # version 24 (the same)
    "qa": "a1ff2ae",  # version 25 (the same)
    "qb": "b3ffa3f",  # version 26 (the same)
    "qc": "c496d25",  # version 27 (the same)
    "qd": "ca86dfa",  # version 28 (the same)
    "qe": "f05c1ca",  # version 29 (the same)
    "qf": "9d8ae96",  # version 30 (the same)
    "qg": "7e0a11a",  # version 31 (the same)
    "qh": "6dc9e40",  # version 32 (the same)
    "qi": "165d5a9",  # version 33 (the same)
    "qj": "ee984a8",  # version 34 (the same)
    "qk": "efa3705",  # version 35 (the same)
    "ql": "4e89ea6",  # version 36 (the same)
    "qm": "6729ee1",  # version 37 (the same)
    "qn": "7bb93ea",  # version 38 (the same)
    "qo": "0abaafa",  # version 39 (the same)
    "qp": "37038e9",  # version 40 (the same)
    "qq": "76b05e8",  # version 41 (the same; batch 41 was read at 0b19e64, 76b05e8 changed spans only)
    "qr": "13beec6",  # version 42 (the same)
    "qs": "1d3d359",  # version 43 (the same)
    "qt": "90278a2",  # version 44 (the same)
    "qu": "13f433c",  # version 45 (the same)
    "qv": "3c91324",  # version 46 (the same)
    "qw": "c5c9702",  # version 47 (the same)
    "qx": "f4f885f",  # version 48 (the same)
    "qy": "5fa809e",  # version 49 (the same)
    "qz": "bdfe5b3",  # version 50 (the same)
    "ra": "3e4db24",  # version 51 (the same)
    "rb": "bed2da7",  # version 52 (the same)
    "rc": "d1647c3",  # version 53 (the same)
    "rd": "28fb263",  # version 54 (the same)
    "re": "c02cb04",  # version 55 (the same)
    "rf": "d205bea",  # version 56 (the same)
    "rg": "c367597",  # version 57 (the same)
    "rh": "a4393cd",  # version 58 (the same)
    "ri": "e63dbc0",  # version 59 (the same)
    "rj": "12452d4",  # version 60 (the same)
    "rk": "fff07bf",  # version 61 (the same)
    "rl": "92730e2",  # version 62 (the same)
    "rm": "3f762b6",  # version 63 (the same)
    "rn": "67d0905",  # version 64 (the same)
    "ro": "1824b08",  # version 65 (the same)
    "rp": "1824b08",  # version 65 (the same)
    "rq": "d50cf9f",  # version 66 (the same)
    "rr": "7879f8b",  # version 67 (the same)
    "rs": "a90e521",  # version 68 (the same)
    "rt": "d6f5a3b",  # version 69 (the same)
    "ru": "e353dde",  # version 70 (the same)
    "rv": "d354b33",  # version 71 (the same)
    "rw": "b19d97d",  # version 72 (the same)
    "rx": "aea01d1",  # version 73 (the same)
    "ry": "aea01d1",  # version 73 (the same)
    "rz": "9ba2f70",  # version 74 (the same)
    "sa": "067976f",  # version 75 (the same)
    "sb": "ac930d6",  # version 76 (the same)
    "sc": "58ea4f6",  # version 77 (the rules of the commit that merged it; the reader switched off)
}

# Run inside the worktree's interpreter path: that commit's rules on the statements given on stdin.
# From the fiftieth session on, the check weighs the rules' outcome with the outcome reader; the reader's
# stack is fit on these verdicts, so they stay the rules' alone (`_weighed` switched off where it exists).
_RUNNER = """
import json, sys
import advisor.capabilities.purpose.check as check
from advisor.capabilities.purpose.check import check_purpose_rules
if hasattr(check, "_weighed"):
    check._weighed = lambda statement, outcome: outcome
out = {}
for sid, text in json.load(sys.stdin).items():
    c = check_purpose_rules(text)
    out[sid] = {k: c.criteria[k].met for k in ("outcome", "population", "timeframe")}
print(json.dumps(out))
"""


def verdicts_at(commit: str, statements: dict[str, str]) -> dict[str, dict[str, bool]]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), commit], check=True
        )
        try:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            done = subprocess.run(
                [sys.executable, "-c", _RUNNER],
                input=json.dumps(statements),
                capture_output=True,
                text=True,
                cwd=tmp,
                env=env,
                check=True,
            )
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    return json.loads(done.stdout)


def main() -> int:
    entries = yaml.safe_load((HERE / "statements.yaml").read_text(encoding="utf-8"))
    rows: dict[str, dict] = {}
    for prefix, commit in SCORED_AT.items():
        batch = {e["id"]: " ".join(e["statement"].split()) for e in entries if e["id"].startswith(prefix)}
        for sid, verdict in verdicts_at(commit, batch).items():
            rows[sid] = {"commit": commit, **verdict}
        print(f"{prefix}: {len(batch)} statements, rules of {commit}")
    header = (
        "# The rules' verdicts on each batch before it was read (fresh_verdicts.py): batch prefix -> the\n"
        "# commit that scored it once as a test part. Written by the script; do not edit.\n"
    )
    OUT.write_text(header + yaml.safe_dump(rows, sort_keys=True, width=100), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
