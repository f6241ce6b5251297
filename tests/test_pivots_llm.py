"""The pivots chain through the loopback model server, and the `advisor pivots` contract."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from advisor.capabilities.pivots.analysis import pivots_from_files
from advisor.cli.main import app
from advisor.service.runtime import Runtime
from tests.scripted_model import ScriptedChatModel

DATA = Path(__file__).resolve().parents[1] / "evals" / "data" / "metrics"
METRICS, NOTES = DATA / "riverside-road-safety.csv", DATA / "riverside-road-safety.notes.md"
AS_OF = date(2026, 6, 30)


def test_model_options_must_name_real_metrics_and_cite_retrieved_passages(runtime: Runtime) -> None:
    reply = {
        "pivots": [
            {
                "title": "Lead with redesigned school crossings",
                "rationale": "Camera enforcement is 11% of the way at 50% pace and draws a petition; "
                "the redesign plan is ahead at 76%.",
                "addresses": ["Drivers over the limit on camera corridors", "Made-up metric"],
                "passage_ids": ["p1", "p99"],
            },
            {"title": "Do something", "rationale": "?", "addresses": ["Not a metric"], "passage_ids": []},
        ]
    }
    model = ScriptedChatModel(replies=[json.dumps(reply)])
    result = pivots_from_files(
        METRICS, NOTES, AS_OF, retriever=runtime.retriever, settings=runtime.settings, llm=model
    )
    first = result.pivots[0]
    assert first.title == "Lead with redesigned school crossings"
    assert first.addresses == ["Drivers over the limit on camera corridors"]
    assert len(first.citations) == 1 and first.citations[0].source.startswith("knowledge/")
    assert all(p.title != "Do something" for p in result.pivots)
    # the rules still cover the lagging metric the model left out
    assert any("Serious injury crashes" in p.addresses for p in result.pivots)
    prompt = model.prompts[0]
    assert "<<<UNTRUSTED notes>>>" in prompt and "ticket trap" in prompt


def test_cli_json_contract() -> None:
    done = CliRunner().invoke(
        app, ["pivots", str(METRICS), "--notes", str(NOTES), "--as-of", "2026-06-30", "--json"]
    )
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert set(data) == {"as_of", "metrics", "signals", "pivots"}
    assert data["as_of"] == "2026-06-30"
    assert all(set(m) == {"metric", "progress", "expected", "status"} for m in data["metrics"])
    assert all(set(s) == {"text", "kind", "metrics"} for s in data["signals"])
    assert all(set(p) == {"title", "rationale", "addresses", "citations"} for p in data["pivots"])
    assert data["pivots"][0]["title"] == "Shift effort from enforcement toward street redesign"


def test_cli_rejects_a_bad_date_with_the_format_to_use() -> None:
    done = CliRunner().invoke(app, ["pivots", str(METRICS), "--as-of", "June 30"])
    assert done.exit_code == 1 and "YYYY-MM-DD" in done.stderr
