#!/bin/sh
# Validate batch3/b-expected.yaml without touching the repo's label files: copy evals/coalitions to a
# temp dir, merge b-expected.yaml into expected.yaml and its as_of dates into compute_expected.AS_OF
# there, and run the unchanged check.py on the copy. Needs python + pyyaml; does not import the advisor.
#     sh evals/coalitions/batch3/b_validate.sh
set -e
HERE=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
cp -r "$HERE" "$TMP/coalitions"
cd "$TMP/coalitions"
python - <<'PY'
import yaml
exp = yaml.safe_load(open('expected.yaml'))
b = yaml.safe_load(open('batch3/b-expected.yaml'))
for k in ('rosters', 'metrics'):
    clash = set(exp[k]) & set(b[k])
    assert not clash, clash
    exp[k].update(b[k])
open('expected.yaml', 'w').write(yaml.safe_dump(exp, sort_keys=False, allow_unicode=True, width=110))
src = open('compute_expected.py').read()
anchor = 'AS_OF = {\n'
add = ''.join(f'    "{f}": "{v["as_of"]}",\n' for f, v in b['metrics'].items())
assert anchor in src
open('compute_expected.py', 'w').write(src.replace(anchor, anchor + add, 1))
PY
python check.py
rm -rf "$TMP"
