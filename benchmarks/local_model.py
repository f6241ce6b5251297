"""The live eval suites against a real small model on this machine: SmolLM2-135M-Instruct served by
llama.cpp (xllamacpp) in this process, as `ADVISOR_LLM_LOCAL_MODEL` does for users.

    python benchmarks/local_model.py [--suite NAME]... [--limit N] [--json OUT]

Prints, per capability: model calls valid on the first try, after re-asks and fallen back; runaway
generations (a reply stopped by `llm.max_tokens`); `ask` answers with no citation although passages
were retrieved; seconds per model call; and the model's speed (prompt and generated tokens per
second, from llama.cpp's own timings). Recordings and reports go to a temporary folder (the
committed replay recordings are not touched); the rubric judge is skipped (it is the same model).
Figures depend on the machine and its load: they are measurements, not test thresholds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from advisor.config import Settings  # noqa: E402
from advisor.evaluation import runner  # noqa: E402
from advisor.evaluation.metrics import JudgeResult  # noqa: E402
from advisor.evaluation.models import CallLog, CallTracker  # noqa: E402
from advisor.evaluation.scenarios import load_scenarios  # noqa: E402
from advisor.llm.local import start_local_server  # noqa: E402
from advisor.service.runtime import Runtime  # noqa: E402
from tests.real_model import model_path, require_runtime  # noqa: E402

SUITES = ["purpose", "interests", "pivots", "ask"]


class FinishTracker(CallTracker):
    """The eval's call tracker, also noting each call's seconds and how it stopped."""

    calls: ClassVar[list[dict[str, Any]]] = []

    def on_llm_end(self, response: Any, *, run_id: Any, **kwargs: Any) -> None:
        started = self._pending.get(run_id, ([], time.perf_counter()))[1]
        info = response.generations[0][0].generation_info or {} if response.generations else {}
        self.calls.append({"seconds": time.perf_counter() - started, "finish": info.get("finish_reason")})
        super().on_llm_end(response, run_id=run_id, **kwargs)

    def on_llm_error(self, error: BaseException, *, run_id: Any, **kwargs: Any) -> None:
        started = self._pending.get(run_id, ([], time.perf_counter()))[1]
        finish = "length" if "length limit" in str(error) else type(error).__name__
        self.calls.append({"seconds": time.perf_counter() - started, "finish": finish})
        super().on_llm_error(error, run_id=run_id, **kwargs)


def speed(url: str, max_tokens: int = 128) -> dict[str, float]:
    """llama.cpp's timings for one plain request of a few hundred prompt tokens."""
    prompt = "Explain, step by step, how a coalition of nonprofits should agree its purpose. " * 20
    body = {"messages": [{"role": "user", "content": prompt}], "max_tokens": max_tokens, "temperature": 0}
    timings = httpx.post(f"{url}/chat/completions", json=body, timeout=600).json()["timings"]
    return {
        "prompt_tokens_per_s": round(timings["prompt_per_second"], 1),
        "generated_tokens_per_s": round(timings["predicted_per_second"], 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", action="append", help=f"Suite to run (default: {', '.join(SUITES)}).")
    parser.add_argument("--limit", type=int, default=0, help="At most N scenarios per capability.")
    parser.add_argument("--json", type=Path, help="Write the figures here as JSON too.")
    args = parser.parse_args(argv)
    require_runtime()
    server = start_local_server(model_path())
    runner._judge = lambda *a, **k: (JudgeResult(rubric="skipped", scores=[]), CallLog())  # type: ignore[attr-defined]
    runner.CallTracker = FinishTracker  # type: ignore[attr-defined, misc]
    with tempfile.TemporaryDirectory(prefix="advisor-local-bench-") as folder:
        work = Path(folder)
        settings = Settings(
            home=work / "home",
            llm={"base_url": server.url, "model": "smollm2-135m", "allow_remote": False},
            eval={"recordings_dir": work / "recordings", "report_dir": work / "reports"},
        )
        scenarios_dir = settings.eval.scenarios_dir
        if args.limit:
            scenarios_dir = _limited(
                scenarios_dir, work / "evals" / "scenarios", args.suite or SUITES, args.limit
            )
            settings.eval.scenarios_dir = scenarios_dir
        started = time.perf_counter()
        report = runner.run_eval(
            Runtime(settings),
            backend="live",
            suites=args.suite or SUITES,
            settings=settings,
            on_result=lambda r: print(f"{r.id}: {r.status} {r.counts}", file=sys.stderr, flush=True),
        )
        seconds = time.perf_counter() - started
    figures = _figures(report, FinishTracker.calls, speed(server.url), seconds)
    server.close()
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


def _limited(source: Path, target: Path, suites: list[str], limit: int) -> Path:
    """A copy of the scenario files with at most `limit` scenarios per capability."""
    import yaml

    target.mkdir(parents=True)  # inside a folder of its own: evals_dir is the scenarios' parent
    for sibling in source.parent.iterdir():  # scenario inputs are found beside the scenarios folder
        if sibling.is_dir() and sibling.name in ("data", "fixtures"):
            (target.parent / sibling.name).symlink_to(sibling)
    kept: dict[str, list[str]] = defaultdict(list)
    for scenario in load_scenarios(source, suites):
        if len(kept[scenario.capability]) < limit:
            kept[scenario.capability].append(scenario.id)
    wanted = {id_ for ids in kept.values() for id_ in ids}
    for path in source.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        chosen = [s for s in data if s.get("id") in wanted]
        (target / path.name).write_text(yaml.safe_dump(chosen, sort_keys=False), encoding="utf-8")
    return target


def _figures(
    report: Any, calls: list[dict[str, Any]], speeds: dict[str, float], seconds: float
) -> dict[str, Any]:
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for result in report.scenarios:
        counts = per[result.capability]
        counts["scenarios"] += 1
        counts["passed"] += result.passed
        for key in ("model_calls_total", "model_valid_first_try", "model_valid"):
            counts[key] += result.counts.get(key, 0)
        if result.capability == "ask":
            counts["answers_by_model"] += not result.warnings or all(
                "cites none" in w for w in result.warnings
            )
            counts["uncited_answers"] += result.counts.get("cited_total", 0) == 0
    capabilities = {}
    for capability, counts in per.items():
        total = counts["model_calls_total"]
        row = {key: int(value) for key, value in counts.items()}
        if total:
            row["first_try_validity"] = round(counts["model_valid_first_try"] / total, 3)
            row["validity"] = round(counts["model_valid"] / total, 3)
        capabilities[capability] = row
    durations = [c["seconds"] for c in calls]
    return {
        "capabilities": capabilities,
        "model_calls": len(calls),
        "runaway_generations": sum(c["finish"] == "length" for c in calls),
        "finish_reasons": dict(sorted(_count(str(c["finish"]) for c in calls).items())),
        "seconds_per_call_median": round(statistics.median(durations), 1) if durations else None,
        "seconds_per_call_max": round(max(durations), 1) if durations else None,
        **speeds,
        "run_s": round(seconds, 1),
    }


def _count(values: Any) -> dict[str, int]:
    counted: dict[str, int] = defaultdict(int)
    for value in values:
        counted[value] += 1
    return counted


if __name__ == "__main__":
    raise SystemExit(main())
