"""Validate expected.yaml against the files in this folder and print label counts.

    python evals/coalitions/check.py

Plain python + pyyaml; it does not import or run the advisor. Checks:
- rosters: every labelled file exists and parses; every member, interest and affected string named
  by a label exists exactly; position_without_interest and missing_community_voice agree with their
  structural definitions (GUIDE.md 1.1 and 1.4); every roster has all four keys.
- metrics: every labelled CSV exists with the accepted columns; every metric name exists; statuses
  equal the rule in compute_expected.py; every quote is an exact substring of its notes file, on one
  line; kinds are valid; `signals` is the set of kinds in signal_details; every off_track metric is in
  explained_gaps or unexplained_gaps (and only off_track metrics are); notes are 150-900 words
  (batches 7-8's advisers wrote to a 150-400-word brief; their shortest notes have 188 words).
Prints counts per gap kind and per signal kind, overall and per split (if split.yaml exists).
Exits 1 on any problem.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROSTER_COLUMNS = ("name", "sector", "positions", "interests", "resources", "role")
METRIC_COLUMNS = ("metric", "unit", "baseline", "target", "current", "start", "due")
GAP_KINDS = (
    "position_without_interest",
    "interest_not_addressed",
    "missing_stakeholder",
    "missing_community_voice",
)
SIGNAL_KINDS = ("capacity", "backlash", "opportunity", "external_change")

sys.path.insert(0, str(HERE))
import compute_expected  # noqa: E402  (the status rule, copied from evals/data/metrics)

problems: list[str] = []


def problem(msg: str) -> None:
    problems.append(msg)


def split_list(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(";") if p.strip()]


def load_roster(name: str) -> dict:
    path = HERE / "rosters" / name
    if name.endswith(".csv"):
        with open(path, newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != ROSTER_COLUMNS:
                problem(f"{name}: columns {reader.fieldnames} != {ROSTER_COLUMNS}")
            members = [
                {
                    "name": r["name"].strip(),
                    "sector": r["sector"].strip().lower(),
                    "positions": split_list(r["positions"]),
                    "interests": split_list(r["interests"]),
                }
                for r in reader
            ]
        extra = yaml.safe_load((HERE / "rosters" / name.replace(".csv", ".objectives.yaml")).read_text())
        return {
            "members": members,
            "affected": extra.get("affected") or [],
            "objectives": extra.get("objectives") or [],
        }
    data = yaml.safe_load(path.read_text())
    unknown = set(data) - {"coalition", "affected", "objectives", "members"}
    if unknown:
        problem(f"{name}: unknown roster keys {sorted(unknown)}")
    for m in data["members"]:
        bad = set(m) - set(ROSTER_COLUMNS)
        if bad:
            problem(f"{name}: member {m.get('name')} has unknown keys {sorted(bad)}")
        m["sector"] = str(m.get("sector") or "").lower()
        m["positions"] = m.get("positions") or []
        m["interests"] = m.get("interests") or []
    return data


def check_rosters(labels: dict) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    on_disk = {
        p.name
        for p in (HERE / "rosters").iterdir()
        if p.suffix in (".yaml", ".csv") and not p.name.endswith(".objectives.yaml")
    }
    if set(labels) != on_disk:
        problem(f"rosters labelled {sorted(set(labels) ^ on_disk)} differ from files on disk")
    for name, lab in labels.items():
        roster = load_roster(name)
        members = {m["name"]: m for m in roster["members"]}
        for key in GAP_KINDS:
            if key not in lab:
                problem(f"{name}: missing label key {key}")
        pwi = set(lab.get("position_without_interest") or [])
        for n in pwi:
            if n not in members:
                problem(f"{name}: position_without_interest names unknown member {n!r}")
        structural = {n for n, m in members.items() if m["positions"] and not m["interests"]}
        if pwi != structural:
            problem(f"{name}: position_without_interest {sorted(pwi)} != structural {sorted(structural)}")
        for item in lab.get("interest_not_addressed") or []:
            m = members.get(item["member"])
            if m is None:
                problem(f"{name}: interest_not_addressed names unknown member {item['member']!r}")
            elif item["interest"] not in m["interests"]:
                problem(f"{name}: {item['member']!r} has no interest {item['interest']!r}")
        for a in lab.get("missing_stakeholder") or []:
            if a not in roster["affected"]:
                problem(f"{name}: missing_stakeholder {a!r} is not in affected")
        voice = not any(m["sector"] == "community" for m in roster["members"])
        if lab.get("missing_community_voice") is not voice:
            problem(
                f"{name}: missing_community_voice {lab.get('missing_community_voice')} != structural {voice}"
            )
        counts[name] = Counter(
            {
                "position_without_interest": len(pwi),
                "interest_not_addressed": len(lab.get("interest_not_addressed") or []),
                "missing_stakeholder": len(lab.get("missing_stakeholder") or []),
                "missing_community_voice": int(bool(lab.get("missing_community_voice"))),
            }
        )
    return counts


def check_metrics(labels: dict) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    on_disk = {p.name for p in (HERE / "metrics").glob("*.csv")}
    if set(labels) != on_disk:
        problem(f"metric tables labelled {sorted(set(labels) ^ on_disk)} differ from files on disk")
    for name, lab in labels.items():
        path = HERE / "metrics" / name
        with open(path, newline="") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != METRIC_COLUMNS:
                problem(f"{name}: columns {reader.fieldnames} != {METRIC_COLUMNS}")
            names = [r["metric"] for r in reader]
        if compute_expected.AS_OF.get(name) != lab["as_of"]:
            problem(f"{name}: as_of {lab['as_of']} differs from compute_expected.AS_OF")
        computed = {
            m: (round(p, 3), round(e, 3), st)
            for m, p, e, st, _ in compute_expected.compute(path, lab["as_of"])
        }
        if set(lab["metrics"]) != set(names):
            problem(
                f"{name}: labelled metrics differ from the CSV: {sorted(set(lab['metrics']) ^ set(names))}"
            )
        for m, v in lab["metrics"].items():
            if m in computed and (v["progress"], v["expected"], v["status"]) != computed[m]:
                problem(f"{name}: {m!r} labelled {v} but computed {computed[m]}")
        notes_path = HERE / "metrics" / lab["notes"]
        notes = notes_path.read_text()
        lines = notes.splitlines()
        words = len(notes.split())
        if not 150 <= words <= 900:
            problem(f"{lab['notes']}: {words} words, outside 150-900")

        def check_quote(
            q: str, where: str, name: str = name, notes: str = notes, lines: list = lines
        ) -> None:
            if q not in notes:
                problem(f"{name}: {where} quote not in notes: {q!r}")
            elif not any(q in line for line in lines):
                problem(f"{name}: {where} quote spans lines: {q!r}")

        c = Counter()
        for d in lab["signal_details"]:
            if d["kind"] not in SIGNAL_KINDS:
                problem(f"{name}: unknown signal kind {d['kind']!r}")
            if d["metrics"] is not None:
                if not d["metrics"]:
                    problem(f"{name}: empty metrics list (use null) for {d['quote']!r}")
                for m in d["metrics"]:
                    if m not in names:
                        problem(f"{name}: signal names unknown metric {m!r}")
            check_quote(d["quote"], f"signal ({d['kind']})")
            c[d["kind"]] += 1
        if sorted(set(d["kind"] for d in lab["signal_details"])) != sorted(lab["signals"]):
            problem(f"{name}: `signals` {lab['signals']} is not the set of kinds in signal_details")
        off = {m for m, v in lab["metrics"].items() if v["status"] == "off_track"}
        explained = {g["metric"] for g in lab["explained_gaps"]}
        for g in lab["explained_gaps"]:
            if g["metric"] not in names:
                problem(f"{name}: explained gap names unknown metric {g['metric']!r}")
            check_quote(g["quote"], "explained gap")
        unexplained = set(lab["unexplained_gaps"])
        if explained & unexplained:
            problem(f"{name}: metrics both explained and unexplained: {sorted(explained & unexplained)}")
        if (explained | unexplained) != off:
            problem(
                f"{name}: explained+unexplained {sorted(explained | unexplained)} != off_track {sorted(off)}"
            )
        c["explained_gaps"] = len(explained)
        c["unexplained_gaps"] = len(unexplained)
        c["off_track"] = len(off)
        counts[name] = c
    return counts


def table(title: str, counts: dict[str, Counter], keys: tuple[str, ...], split: dict | None) -> None:
    groups = {"all": list(counts)}
    if split:
        groups.update({k: split.get(k, []) for k in ("dev", "test")})
    print(f"\n{title}")
    print("  " + "kind".ljust(28) + "".join(g.rjust(8) for g in groups))
    for k in keys:
        row = [sum(counts[f][k] for f in files if f in counts) for files in groups.values()]
        print("  " + k.ljust(28) + "".join(str(v).rjust(8) for v in row))
    print("  " + "files".ljust(28) + "".join(str(len(files)).rjust(8) for files in groups.values()))


def main() -> int:
    labels = yaml.safe_load((HERE / "expected.yaml").read_text())
    r = check_rosters(labels["rosters"])
    m = check_metrics(labels["metrics"])
    split = yaml.safe_load((HERE / "split.yaml").read_text()) if (HERE / "split.yaml").exists() else None
    table(
        "Roster gaps (missing_community_voice = rosters where true)", r, GAP_KINDS, split and split["rosters"]
    )
    table(
        "Metric-note signals",
        m,
        (*SIGNAL_KINDS, "explained_gaps", "unexplained_gaps", "off_track"),
        split and split["metrics"],
    )
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        return 1
    print(
        "\nOK: every label names an existing member, interest, affected group or metric;"
        " every quote is exact."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
