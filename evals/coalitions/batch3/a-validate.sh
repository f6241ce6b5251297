#!/usr/bin/env bash
# Validate batch3/a-expected.yaml with the unchanged check.py on a merged copy made OUTSIDE the repo:
# copies evals/coalitions to a temp dir, merges a-expected.yaml into expected.yaml, adds the batch's
# as_of dates to compute_expected.AS_OF there, and runs check.py. Nothing in the repo is modified.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cp -r "$HERE" "$TMP/coalitions"
cd "$TMP/coalitions"
python3 - <<'PY'
import yaml
base = yaml.safe_load(open("expected.yaml"))
new = yaml.safe_load(open("batch3/a-expected.yaml"))
for k in ("rosters", "metrics"):
    clash = set(base[k]) & set(new[k])
    assert not clash, clash
    base[k].update(new[k])
yaml.safe_dump(base, open("expected.yaml", "w"), sort_keys=False, allow_unicode=True, width=110)
src = open("compute_expected.py").read()
anchor = "AS_OF = {\n"
add = "".join(f'    "{n}": "{v["as_of"]}",\n' for n, v in new["metrics"].items())
assert anchor in src
open("compute_expected.py", "w").write(src.replace(anchor, anchor + add, 1))
for f, v in new["metrics"].items():
    for d in v["signal_details"] + v["explained_gaps"]:
        n = len(d["quote"].split())
        assert 4 <= n <= 32, (f, d["quote"])
        assert "**" not in d["quote"] and not d["quote"].startswith("#"), d["quote"]
PY
python3 check.py
