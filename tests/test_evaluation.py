"""The eval suites: the offline suite passes its committed baseline and is deterministic, the gate
catches a regression, replay answers only from recordings (with no network), reports parse, and
`advisor eval --bless` writes the baseline. This is how CI runs the offline suite."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from advisor.config import Settings
from advisor.evaluation.baseline import baseline_path, check_gate, load_baseline
from advisor.evaluation.metrics import strip_timings
from advisor.evaluation.report import write_reports
from advisor.evaluation.results import EvalReport
from advisor.evaluation.runner import run_eval
from advisor.evaluation.scenarios import CAPABILITIES, SUITES, ScenarioError, load_scenarios
from advisor.service.runtime import Runtime

EVALS = Path(__file__).resolve().parents[1] / "evals"


def eval_settings(runtime: Runtime, **eval_fields: object) -> Settings:
    """The runtime's settings with some `eval.*` fields changed."""
    settings = runtime.settings
    return settings.model_copy(update={"eval": settings.eval.model_copy(update=eval_fields)})


def scenario_copy(tmp_path: Path, files: dict[str, str]) -> Path:
    """An `evals/` folder in tmp_path with the given scenario files and the real fixtures."""
    root = tmp_path / "evals"
    (root / "scenarios").mkdir(parents=True)
    for folder in ("data", "fixtures"):
        (root / folder).symlink_to(EVALS / folder)
    for name, text in files.items():
        (root / "scenarios" / name).write_text(text, encoding="utf-8")
    return root / "scenarios"


def gate(report: EvalReport, backend: str) -> list[str]:
    path = baseline_path(EVALS / "baselines", backend)
    return check_gate(report, load_baseline(path), path, tolerance=0.02).regressions


@pytest.fixture(scope="module")
def offline_report(runtime: Runtime) -> EvalReport:
    return run_eval(runtime, backend="offline")


def test_scenarios_cover_every_suite_and_capability() -> None:
    scenarios = load_scenarios(EVALS / "scenarios")
    assert len(scenarios) >= 60
    assert {s.suite for s in scenarios} == set(SUITES)
    assert {s.capability for s in scenarios} == set(CAPABILITIES)
    assert len({s.id for s in scenarios}) == len(scenarios)
    assert any(s.rubric for s in scenarios)


@pytest.mark.slow
def test_offline_suite_passes_its_committed_baseline(offline_report: EvalReport) -> None:
    assert gate(offline_report, "offline") == []
    assert all(r.passed for r in offline_report.scenarios if r.required)
    assert all(r.model_calls == 0 for r in offline_report.scenarios)
    assert offline_report.judge.startswith("skipped")
    for capability in CAPABILITIES:
        quality = offline_report.capabilities[capability].quality
        if capability == "charter":  # unseen invented charters: a fixed majority guess gets 0.54
            assert quality["status_accuracy"] > 0.6, quality
        else:
            assert quality["pass_rate"] > 0.5, (capability, quality)


@pytest.mark.slow
def test_two_offline_runs_agree_apart_from_timings(offline_report: EvalReport, runtime: Runtime) -> None:
    again = run_eval(runtime, backend="offline")
    assert strip_timings(again.model_dump(mode="json")) == strip_timings(
        offline_report.model_dump(mode="json")
    )


def test_a_broken_expectation_fails_the_gate(tmp_path: Path, runtime: Runtime) -> None:
    scenarios = yaml.safe_load((EVALS / "scenarios" / "purpose_check.yaml").read_text())
    first = next(s for s in scenarios if s["id"] == "purpose-check-p01")
    first["expected"]["criteria"]["outcome"] = False  # deliberately wrong: the statement has an outcome
    folder = scenario_copy(tmp_path, {"purpose_check.yaml": yaml.safe_dump(scenarios)})
    report = run_eval(
        runtime, suites=["purpose_check"], settings=eval_settings(runtime, scenarios_dir=folder)
    )
    regressions = gate(report, "offline")
    assert any("purpose-check-p01 went pass -> fail" in r for r in regressions), regressions
    assert any(r.startswith("purpose_check.pass_rate dropped") for r in regressions), regressions
    assert not any(r.startswith(("charter", "ask")) for r in regressions)  # only what ran is compared


def test_a_capability_that_raises_is_an_error_counted_against_its_metrics(
    tmp_path: Path, runtime: Runtime
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("   \n", encoding="utf-8")
    folder = scenario_copy(
        tmp_path,
        {
            "broken.yaml": f"""
- id: charter-empty
  suite: charter
  required: true
  inputs: {{charter: {empty}}}
  expected:
    elements: {{purpose: present, governance: weak}}
  checks:
    - matches_expected: true
"""
        },
    )
    report = run_eval(runtime, settings=eval_settings(runtime, scenarios_dir=folder))
    (result,) = report.scenarios
    assert result.status == "error" and "no readable text" in result.reasons[0]
    metrics = report.capabilities["charter"]
    assert (metrics.errors, metrics.quality["pass_rate"], metrics.quality["element_recall"]) == (1, 0.0, 0.0)


def test_replay_without_a_recording_fails_that_scenario_with_the_reason(
    tmp_path: Path, runtime: Runtime, no_network: None
) -> None:
    settings = eval_settings(runtime, recordings_dir=tmp_path / "nothing-recorded")
    report = run_eval(runtime, backend="replay", suites=["purpose_check"], settings=settings)
    assert report.scenarios and all(r.status == "fail" for r in report.scenarios)
    reason = report.scenarios[0].reasons[0]
    assert reason.startswith(
        "model call failed: MissingRecording: no recorded reply for prompt 'purpose_check'"
    )
    assert "advisor eval --backend live" in reason


@pytest.mark.slow
def test_replay_on_the_committed_recordings_passes_with_no_network(
    runtime: Runtime, no_network: None
) -> None:
    report = run_eval(runtime, backend="replay")
    assert gate(report, "replay") == []
    assert not [r.reasons for r in report.scenarios if any("model call" in x for x in r.reasons)]
    asked = [r for r in report.scenarios if r.model_calls]
    assert len(asked) >= len(report.scenarios) - 1  # the off-topic question never reaches the model
    assert all(r.prompt_tokens > 0 and r.completion_tokens > 0 and r.cost_usd > 0 for r in asked)
    assert report.capabilities["ask"].quality["citation_validity"] == 1.0
    assert report.judge.startswith("skipped")


def test_a_live_run_records_what_replay_then_answers(tmp_path: Path, runtime: Runtime) -> None:
    from tests.eval_responder import respond
    from tests.llm_server import FakeOpenAIServer

    recordings = tmp_path / "recordings"
    with FakeOpenAIServer(respond) as server:
        settings = eval_settings(runtime, recordings_dir=recordings).model_copy(
            update={"llm": runtime.settings.llm.model_copy(update={"mode": "openai", "base_url": server.url})}
        )
        live = run_eval(runtime, backend="live", suites=["purpose_check"], settings=settings)
    assert live.recorded == len(live.scenarios) == 24
    judged = [r.judge for r in live.scenarios if r.judge is not None]
    assert judged and all(j.scores == [4, 4, 4] and j.mean == 4 and j.spread == 0 for j in judged)
    committed = EVALS / "recordings" / "purpose_check"
    for path in recordings.glob("purpose_check/*.json"):  # the committed replies are exactly reproducible
        assert path.read_text() == (committed / path.name).read_text()
    replay = run_eval(
        runtime,
        backend="replay",
        suites=["purpose_check"],
        settings=eval_settings(runtime, recordings_dir=recordings),
    )
    judging = {"judge", "prompt_tokens", "completion_tokens", "cost_usd"}  # a live run also pays the judge
    for played, recorded in zip(replay.scenarios, live.scenarios, strict=True):
        leave_out = judging if recorded.judge is not None else {"judge"}
        assert strip_timings(played.model_dump(exclude=leave_out)) == strip_timings(
            recorded.model_dump(exclude=leave_out)
        )


@pytest.mark.slow
def test_reports_are_written_and_junit_parses(offline_report: EvalReport, tmp_path: Path) -> None:
    paths = write_reports(offline_report, tmp_path)
    assert [p.name for p in paths] == ["eval-offline.json", "eval-offline.md", "eval-offline.junit.xml"]
    root = ET.parse(paths[2]).getroot()
    cases = root.findall("testsuite/testcase")
    assert len(cases) == len(offline_report.scenarios)
    failed = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
    assert (
        len(failed) == len(offline_report.failed) == int(root.get("failures", 0)) + int(root.get("errors", 0))
    )
    markdown = paths[1].read_text()
    assert "## Pass rate per capability" in markdown and "█" in markdown
    assert EvalReport.model_validate_json(paths[0].read_text()).scenarios == offline_report.scenarios


def test_bless_writes_the_baseline_and_the_cli_gates_on_it(
    tmp_path: Path, runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import advisor.cli.evaluate
    from advisor.cli.main import app

    monkeypatch.setattr(advisor.cli.evaluate, "eval_runtime", lambda settings: runtime)
    monkeypatch.setenv("ADVISOR_EVAL_BASELINES_DIR", str(tmp_path / "baselines"))
    monkeypatch.setenv("ADVISOR_EVAL_REPORT_DIR", str(tmp_path / "reports"))
    cli = CliRunner()
    blessed = cli.invoke(app, ["eval", "--suite", "charter", "--bless"])
    assert blessed.exit_code == 0, blessed.output
    path = tmp_path / "baselines" / "offline.json"
    baseline = load_baseline(path)
    assert baseline is not None and set(baseline.metrics) == {"charter"}
    assert baseline.scenarios["charter-valley-food-security-charter"].status == "pass"
    assert (tmp_path / "reports" / "eval-offline.junit.xml").is_file()

    assert cli.invoke(app, ["eval", "--suite", "charter"]).exit_code == 0
    baseline.metrics["charter"]["pass_rate"] = 1.0  # claim a better past: the run now falls short
    path.write_text(baseline.model_dump_json())
    gated = cli.invoke(app, ["eval", "--suite", "charter"])
    assert gated.exit_code == 1
    assert "charter.pass_rate dropped" in gated.output


def test_a_malformed_scenario_file_is_refused_naming_file_scenario_and_field(tmp_path: Path) -> None:
    good = (
        "- id: s1\n  suite: purpose\n  required: true\n  inputs: {statement: x}\n"
        "  checks: [{matches_expected: true}]\n"
    )
    charter = good.replace("suite: purpose", "suite: charter")
    cases = {
        good.replace(
            "required: true", "required: true\n  colour: red"
        ): "scenario 's1': unknown key 'colour'",
        good.replace(
            "{statement: x}", "{statement: x, roster: r.yaml}"
        ): "inputs.roster is not used by suite 'purpose'",
        good.replace(
            "{matches_expected: true}", "{equals: {path: a}}"
        ): "missing key 'checks.0.equals.value'",
        good.replace("[{matches_expected: true}]", "[{matches_expected: true, max_tokens: {budget: 9}}]"): (
            "a check has exactly one kind"
        ),
        charter.replace(
            "{statement: x}", "{}"
        ): "inputs: suite 'charter' needs either `charter` (a file) or `text`",
        charter.replace("{statement: x}", "{charter: nope.md}"): "inputs.charter: no file 'nope.md'",
        good + good: "scenario 's1' is also defined in bad.yaml",
    }
    for number, (text, message) in enumerate(cases.items()):
        folder = tmp_path / str(number)
        folder.mkdir()
        (folder / "bad.yaml").write_text(text)
        with pytest.raises(ScenarioError) as caught:
            load_scenarios(folder)
        assert str(caught.value).startswith("bad.yaml: ") and message in str(caught.value)


def test_paths_into_the_output_select_items_and_name_what_is_missing() -> None:
    from advisor.evaluation.checks import PathError, resolve

    output = {"metrics": [{"metric": "Traffic deaths", "status": "on_track"}], "drafts": [{"statement": "x"}]}
    assert resolve(output, "metrics[metric=Traffic deaths].status") == "on_track"
    assert resolve(output, "drafts[0].statement") == "x"
    with pytest.raises(PathError, match=r"nothing at 'drafts\[1\]'"):
        resolve(output, "drafts[1].statement")
    with pytest.raises(PathError, match=r"nothing at 'metrics\.status'"):
        resolve(output, "metrics.status")


def test_a_live_run_counts_a_fallback_to_the_rules_as_a_model_failure(
    tmp_path: Path, runtime: Runtime
) -> None:
    """Rules that pass the checks do not make a model that never answered validly pass."""
    from tests.llm_server import FakeOpenAIServer

    with FakeOpenAIServer(lambda body: "Sure! Here is the JSON schema you sent me.") as server:
        llm = runtime.settings.llm.model_copy(
            update={"mode": "openai", "base_url": server.url, "validation_retries": 0, "max_retries": 0}
        )
        settings = eval_settings(runtime, recordings_dir=tmp_path / "rec").model_copy(update={"llm": llm})
        live = run_eval(runtime, backend="live", suites=["purpose_check"], settings=settings)
    assert live.scenarios and all(r.status == "fail" for r in live.scenarios)
    assert all("model fell back to the rules on 1 of 1 calls" in r.reasons for r in live.scenarios)
    quality = live.capabilities["purpose_check"].quality
    assert quality["model_valid"] == 0 and quality["model_valid_first_try"] == 0
