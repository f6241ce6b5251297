"""Agreement between the first labels (statements.yaml) and an independent second pass
(labels-second.yaml, labelled from GUIDE.md without seeing the first) on a seeded sample of 60
batch-1 statements, 30 each of batches 2 (seed 20261203), 3 (seed 20261205) and 4 (seed 20261207), and
29 of batch 5 (seed 20261209; pe413, the same text as pe209, is stored once), 30 of batch 6
(seed 20261211), 30 of batch 7 (seed 20261213), 30 of batch 8 (seed 20261215), 30 of batch 9
(seed 20261217), 30 of batch 10 (seed 20261219), 30 of batch 11 (seed 20261221), 30 of batch 12
(seed 20261223), 30 of batch 13 (seed 20261225), 30 of batch 14 (seed 20261227), 30 of batch 15
(seed 20261229), 30 of batch 16 (seed 20261231), 30 of batch 17 (seed 20270102)
30 of batch 18 (seed 20270104), 30 of batch 19 (seed 20270106), 30 of batch 20 (seed 20270108),
30 of batch 21 (seed 20270110), 30 of batch 22 (seed 20270112), 30 of batch 23 (seed 20270114),
30 of batch 24 (seed 20270116), 30 of batch 25 (seed 20270118), 30 of batch 26 (seed 20270120),
30 of batch 27 (seed 20270122), 30 of batch 28 (seed 20270124), 30 of batch 29 (seed 20270126),
30 of batch 30 (seed 20270128), 30 of batch 31 (seed 20270130), 30 of batch 32 (seed 20270132),
53 of batch 33 (all 23 collected first, then 30 of the other 53 drawn with seed 20270134), 30 of
batch 34 (seed 20270136), 30 of batch 35 (seed 20270138), 40 of batch 36
(seeds 20270140 and 20270141), 30 of batch 37 (seed 20270142), 16 of batch 38 (seed 20270144),
30 of batch 39 (seed 20270146), 30 of batch 40 (seed 20270148), 30 of batch 41 (seed 20270150),
30 of batch 42 (seed 20270152), 25 of batch 43 (seed 20270154), 24 of batch 44 (seed 20270156)
30 of batch 45 (seed 20270158), 30 of batch 46 (seed 20270160),
30 of batch 47 (seed 20270162), 30 of batch 48 (seed 20270164),
30 of batch 49 (seed 20270166), 18 of batch 50 (seed 20270168), 30 of batch 51 (seed 20270170),
30 of batch 52 (seed 20270172), 20 of batch 53 (seed 20270174) 29 of batch 54 (seed 20270176),
30 of batch 55 (seed 20270178), 30 of batch 56 (seed 20270180), 30 of batch 57 (seed 20270182), all 34
of batch 58, 30 of batch 59 (seed 20270188), 30 of batch 60 (seed 20270190), 30 of batch 61
(seed 20270192), 30 of batch 62 (seed 20270194), 30 of batch 63 (seed 20270196), 30 of batch 64
(seed 20270198), 30 of batch 65 (seed 20270200), all 13 of batch 66, 30 of batch 67
(seed 20270204), 30 of batch 68 (seed 20270206) 30 of batch 69 (seed 20270208) 30 of batch 70
(seed 20270210), all 28 of batch 71, 25 of batch 72 (30 drawn with seed 20270214, five dropped) 30 of
batch 73 (seed 20270216), 30 of batch 74 (seed 20270218), all 20 of batch 75,
30 of batch 76 (seed 20270222), 30 of batch 77 (seed 20270224),
all 20 of batch 78, all 29 of batch 79 and
30 of batch 80 (seed 20270226):
per criterion and batch, the share of equal calls and Cohen's kappa. Run: python evals/purpose/agreement.py"""

from __future__ import annotations

from pathlib import Path

import yaml

HERE = Path(__file__).parent
CRITERIA = ("outcome", "population", "timeframe")


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    expected = first * second + (1 - first) * (1 - second)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    first = {s["id"]: s for s in yaml.safe_load((HERE / "statements.yaml").read_text())}
    second = yaml.safe_load((HERE / "labels-second.yaml").read_text())
    batches = {
        "batch 1 (ps…)": "ps",
        "batch 2 (pb…)": "pb",
        "batch 3 (pc…)": "pc",
        "batch 4 (pd…)": "pd",
        "batch 5 (pe…)": "pe",
        "batch 6 (pf…)": "pf",
        "batch 7 (pg…)": "pg",
        "batch 8 (ph…)": "ph",
        "batch 9 (pi…)": "pi",
        "batch 10 (pj…)": "pj",
        "batch 11 (pk…)": "pk",
        "batch 12 (pl…)": "pl",
        "batch 13 (pm…)": "pm",
        "batch 14 (pn…)": "pn",
        "batch 15 (po…)": "po",
        "batch 16 (pp…)": "pp",
        "batch 17 (pq…)": "pq",
        "batch 18 (pr…)": "pr",
        "batch 19 (pt…)": "pt",
        "batch 20 (pu…)": "pu",
        "batch 21 (pv…)": "pv",
        "batch 22 (pw…)": "pw",
        "batch 23 (px…)": "px",
        "batch 24 (py…)": "py",
        "batch 25 (pz…)": "pz",
        "batch 26 (qa…)": "qa",
        "batch 27 (qb…)": "qb",
        "batch 28 (qc…)": "qc",
        "batch 29 (qd…)": "qd",
        "batch 30 (qe…)": "qe",
        "batch 31 (qf…)": "qf",
        "batch 32 (qg…)": "qg",
        "batch 33 (qh…)": "qh",
        "batch 34 (qi…)": "qi",
        "batch 35 (qj…)": "qj",
        "batch 36 (qk…)": "qk",
        "batch 37 (ql…)": "ql",
        "batch 38 (qm…)": "qm",
        "batch 39 (qn…)": "qn",
        "batch 40 (qo…)": "qo",
        "batch 41 (qp…)": "qp",
        "batch 42 (qq…)": "qq",
        "batch 43 (qr…)": "qr",
        "batch 44 (qs…)": "qs",
        "batch 45 (qt…)": "qt",
        "batch 46 (qu…)": "qu",
        "batch 47 (qv…)": "qv",
        "batch 48 (qw…)": "qw",
        "batch 49 (qx…)": "qx",
        "batch 50 (qy…)": "qy",
        "batch 51 (qz…)": "qz",
        "batch 52 (ra…)": "ra",
        "batch 53 (rb…)": "rb",
        "batch 54 (rc…)": "rc",
        "batch 55 (rd…)": "rd",
        "batch 56 (re…)": "re",
        "batch 57 (rf…)": "rf",
        "batch 58 (rg…)": "rg",
        "batch 59 (rh…)": "rh",
        "batch 60 (ri…)": "ri",
        "batch 61 (rj…)": "rj",
        "batch 62 (rk…)": "rk",
        "batch 63 (rl…)": "rl",
        "batch 64 (rm…)": "rm",
        "batch 65 (rn…)": "rn",
        "batch 66 (ro…)": "ro",
        "batch 67 (rp…)": "rp",
        "batch 68 (rq…)": "rq",
        "batch 69 (rr…)": "rr",
        "batch 70 (rs…)": "rs",
        "batch 71 (rt…)": "rt",
        "batch 72 (ru…)": "ru",
        "batch 73 (rv…)": "rv",
        "batch 74 (rw…)": "rw",
        "batch 75 (rx…)": "rx",
        "batch 76 (ry…)": "ry",
        "batch 77 (rz…)": "rz",
        "batch 78 (sa…)": "sa",
        "batch 79 (sb…)": "sb",
        "batch 80 (sc…, the test part)": "sc",
        "all": "",
    }
    for name, prefix in batches.items():
        sample = [s for s in second if s["id"].startswith(prefix)]
        print(f"{name}: statements {len(sample)}")
        for criterion in CRITERIA:
            pairs = [(bool(first[s["id"]][criterion]), bool(s[criterion])) for s in sample]
            agree = sum(a == b for a, b in pairs) / len(pairs)
            print(f"  {criterion:11s} agree {agree:.2f}  kappa {kappa(pairs):.2f}")


if __name__ == "__main__":
    main()
