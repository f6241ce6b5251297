"""The deterministic checks of a scenario, run against its outcome.

Paths into the output JSON are dotted (`criteria.outcome.met`), with list indices (`drafts[0]`) and
selectors (`metrics[metric=Traffic deaths].status`: the first item whose field has that value).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, Field

from advisor.evaluation.labels import Comparison, Outcome, gap_matches, stem
from advisor.evaluation.scenarios import Check, Scenario
from advisor.text.tokens import count_tokens

_SEGMENT = re.compile(r"\[(-?\d+)\]|\[([^=\]]+)=([^\]]*)\]|\.?([^.\[\]]+)")


class CheckResult(BaseModel):
    """One check's verdict."""

    check: str = Field(description="The check, in a few words.")
    passed: bool
    detail: str = Field(default="", description="Why it failed (or what it saw).")


class PathError(LookupError):
    """A path that leads nowhere in the output."""


def resolve(data: Any, path: str) -> Any:
    """The value at `path` inside `data`; `PathError` naming the first segment that is missing."""
    value = data
    position = 0
    while position < len(path):
        match = _SEGMENT.match(path, position)
        if match is None or match.end() == position:
            raise PathError(f"bad path {path!r} at {path[position:]!r}")
        index, key, wanted, name = match.groups()
        try:
            if index is not None:
                value = value[int(index)]
            elif key is not None:
                value = next(item for item in value if str(item.get(key.strip())) == wanted.strip())
            else:
                value = value[name]
        except (KeyError, IndexError, TypeError, StopIteration, AttributeError):
            raise PathError(f"nothing at {path[: match.end()]!r}") from None
        position = match.end()
    return value


def run_checks(scenario: Scenario, outcome: Outcome, comparison: Comparison) -> list[CheckResult]:
    return [run_check(check, outcome, comparison) for check in scenario.checks]


def run_check(check: Check, outcome: Outcome, comparison: Comparison) -> CheckResult:
    name = describe(check)
    try:
        passed, detail = _verdict(check, outcome, comparison)
    except PathError as exc:
        passed, detail = False, str(exc)
    return CheckResult(check=name, passed=passed, detail=detail)


def describe(check: Check) -> str:
    """A check in a few words, for reports."""
    kind = check.kind
    spec = getattr(check, kind)
    if kind in ("equals", "contains", "at_least", "at_most"):
        symbol = {"equals": "==", "contains": "contains", "at_least": ">=", "at_most": "<="}[kind]
        return f"{spec.path} {symbol} {json.dumps(spec.value, ensure_ascii=False)}"
    if kind == "gap":
        parts = [spec.kind, spec.member, f"about '{spec.about}'" if spec.about else None]
        return ("gap " if spec.found else "no gap ") + " ".join(p for p in parts if p)
    if kind == "cites":
        among = f" among {', '.join(spec.among)}" if spec.among else ""
        return f"at least {spec.min} citation(s){among}"
    if kind == "retrieved":
        return f"one of {', '.join(spec.among)} retrieved within {spec.within}"
    if kind == "max_tokens":
        return f"{spec.path or 'output'} within {spec.budget} tokens"
    return kind.replace("_", " ")


def _verdict(check: Check, outcome: Outcome, comparison: Comparison) -> tuple[bool, str]:
    output = outcome.output
    if check.equals is not None:
        got = resolve(output, check.equals.path)
        return got == check.equals.value, f"got {_show(got)}"
    if check.contains is not None:
        got = resolve(output, check.contains.path)
        return _contains(got, check.contains.value), f"got {_show(got)}"
    if check.at_least is not None or check.at_most is not None:
        spec = check.at_least or check.at_most
        assert spec is not None
        got = resolve(output, spec.path)
        number = len(got) if isinstance(got, list | dict | str) else got
        if not isinstance(number, int | float):
            return False, f"not a number or a list: {_show(got)}"
        ok = number >= spec.value if check.at_least is not None else number <= spec.value
        return ok, f"got {number}"
    if check.gap is not None:
        spec_gap = check.gap
        found = [
            g
            for g in output.get("gaps") or []
            if gap_matches(g, spec_gap.kind, spec_gap.member, spec_gap.about)
        ]
        return bool(found) == spec_gap.found, f"{len(found)} matching gap(s)"
    if check.cites is not None:
        stems = [stem(str(c.get("source", ""))) for c in outcome.citations]
        outside = [s for s in stems if check.cites.among and s not in check.cites.among]
        ok = len(stems) >= check.cites.min and not outside
        return ok, f"cited {', '.join(stems) or 'nothing'}"
    if check.retrieved is not None:
        ranked = [stem(p.source) for p in outcome.first_search][: check.retrieved.within]
        return bool(set(ranked) & set(check.retrieved.among)), f"retrieved {', '.join(ranked) or 'nothing'}"
    if check.citations_retrieved is not None:
        retrieved = outcome.retrieved_ids
        stray = [c.get("chunk_id") for c in outcome.citations if c.get("chunk_id") not in retrieved]
        return not stray, (
            f"not retrieved: {stray}" if stray else f"{len(outcome.citations)} citation(s), all retrieved"
        )
    if check.max_tokens is not None:
        value = resolve(output, check.max_tokens.path) if check.max_tokens.path else output
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        tokens = count_tokens(text)
        return tokens <= check.max_tokens.budget, f"{tokens} tokens"
    mismatches = comparison.mismatches
    return not mismatches, "; ".join(mismatches[:3]) + (
        f" (+{len(mismatches) - 3} more)" if len(mismatches) > 3 else ""
    )


def _contains(container: Any, value: Any) -> bool:
    if isinstance(container, str):
        return isinstance(value, str) and value.lower() in container.lower()
    if isinstance(container, list):
        if value in container:
            return True
        return isinstance(value, str) and any(
            isinstance(i, str) and value.lower() in i.lower() for i in container
        )
    if isinstance(container, dict):
        return value in container
    return False


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."
