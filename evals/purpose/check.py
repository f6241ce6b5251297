"""Validate evals/purpose/statements.yaml and print counts.

Run with plain Python and PyYAML:  python evals/purpose/check.py [statements.yaml]

Checks: ids unique and well formed; the three criteria are booleans; a true criterion has an
evidence string that is an exact substring of the statement, a false one has none; org, sector,
kind present; provenance complete (a corpus doc id that exists in evals/corpus/sources.yaml, or
repo + path + 40-hex commit + licence); statements unique. Exits 1 on any problem.
"""

import collections
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
CRITERIA = ("outcome", "population", "timeframe")
SECTORS = {
    "community",
    "public_health",
    "environment",
    "education",
    "philanthropy",
    "research",
    "intergovernmental",
    "standards",
    "open_source",
    "civic_tech",
}
KINDS = {"mission", "purpose", "goal", "objective", "vision"}

ID = re.compile(r"(?:p[sbcdefghijklmnopqrtuvwxyz]|q[a-z]|r[a-z]|s[a-c])\d{3,}")  # the batches' id prefixes


def load(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def check(entries, corpus_ids):
    problems = []
    ids, texts = set(), set()
    for n, e in enumerate(entries):
        where = e.get("id", f"entry #{n}")
        if not ID.fullmatch(str(e.get("id", ""))):
            problems.append(f"{where}: bad id")
        if e.get("id") in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(e.get("id"))
        st = e.get("statement")
        if not isinstance(st, str) or not st.strip():
            problems.append(f"{where}: empty statement")
            continue
        if st in texts:
            problems.append(f"{where}: duplicate statement")
        texts.add(st)
        ev = e.get("evidence") or {}
        for c in CRITERIA:
            v = e.get(c)
            if not isinstance(v, bool):
                problems.append(f"{where}: {c} is not a boolean")
                continue
            if v and not (isinstance(ev.get(c), str) and ev[c] and ev[c] in st):
                problems.append(f"{where}: {c} is true but its evidence is missing or not a substring")
            if not v and c in ev:
                problems.append(f"{where}: {c} is false but has evidence")
        for k in ev:
            if k not in CRITERIA:
                problems.append(f"{where}: unknown evidence key {k}")
        for k in ("org", "sector", "kind"):
            if not e.get(k):
                problems.append(f"{where}: {k} missing")
        if e.get("sector") and e["sector"] not in SECTORS:
            problems.append(f"{where}: unknown sector {e['sector']}")
        if e.get("kind") and e["kind"] not in KINDS:
            problems.append(f"{where}: unknown kind {e['kind']}")
        src = e.get("source") or {}
        if "doc" in src:
            if src["doc"] not in corpus_ids:
                problems.append(f"{where}: corpus doc {src['doc']} not in sources.yaml")
        else:
            for k in ("repo", "path", "commit", "licence"):
                if not src.get(k):
                    problems.append(f"{where}: source.{k} missing")
            if src.get("commit") and not re.fullmatch(r"[0-9a-f]{40}", str(src["commit"])):
                problems.append(f"{where}: commit is not 40 hex digits")
    return problems


def counts(entries):
    out = []
    n = len(entries)
    out.append(f"statements: {n}")
    for c in CRITERIA:
        t = sum(1 for e in entries if e[c])
        out.append(f"  {c:<10} true {t:>3}  false {n - t:>3}")
    all3 = sum(1 for e in entries if all(e[c] for c in CRITERIA))
    none = sum(1 for e in entries if not any(e[c] for c in CRITERIA))
    out.append(f"  all three true {all3}, none true {none}")
    sources = collections.Counter("corpus" if "doc" in e["source"] else "repository" for e in entries)
    out.append("source: " + ", ".join(f"{k} {v}" for k, v in sources.most_common()))
    out.append(
        "kind: "
        + ", ".join(f"{k} {v}" for k, v in collections.Counter(e["kind"] for e in entries).most_common())
    )
    out.append("sector:")
    for s, v in collections.Counter(e["sector"] for e in entries).most_common():
        sub = [e for e in entries if e["sector"] == s]
        tf = "/".join(str(sum(1 for e in sub if e[c])) for c in CRITERIA)
        out.append(f"  {s:<18} {v:>3}  (outcome/population/timeframe true: {tf})")
    orgs = collections.Counter(e["org"] for e in entries)
    out.append(f"organisations: {len(orgs)}")
    for o, v in orgs.most_common():
        out.append(f"  {v:>3}  {o}")
    return "\n".join(out)


def main(argv):
    path = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "statements.yaml"
    entries = load(path)
    corpus = load(HERE.parent / "corpus" / "sources.yaml")
    problems = check(entries, set(corpus))
    print(counts(entries))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
