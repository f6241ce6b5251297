"""Batch charter review: one scorecard per charter and a summary table, failures reported while the
rest go on, unchanged files served from the cache, and the model path bounded and verified."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from advisor.capabilities.charter.batch import collect_charters, review_batch
from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.review import analyze_charter
from advisor.cli.main import app
from advisor.config import LLMSettings, ReviewSettings, Settings
from advisor.llm.models import load_chat_model
from tests.llm_server import FakeOpenAIServer

CHARTERS = Path(__file__).resolve().parents[1] / "evals" / "data" / "charters"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name in ("riverside-safe-streets.md", "maple-county-literacy-letter.md", "eastside-housing-tor.txt"):
        shutil.copy(CHARTERS / name, folder / name)
    (folder / "scanned.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "empty.md").write_text("")
    return folder


def test_batch_writes_scorecards_and_a_summary_and_reports_bad_files(drafts: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    report = review_batch(collect_charters([drafts]), settings=settings, out_dir=tmp_path / "out")
    assert sorted(o.name for o in report.failed) == ["empty.md", "scanned.pdf"]
    assert all("empty.md" in o.error or "scanned.pdf" in o.error for o in report.failed)  # type: ignore[operator]
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        "eastside-housing-tor.review.md",
        "maple-county-literacy-letter.review.md",
        "riverside-safe-streets.review.md",
        "summary.csv",
    ]
    scorecard = (tmp_path / "out" / "riverside-safe-streets.review.md").read_text()
    assert "Decision" in scorecard and "two-thirds vote" in scorecard
    rows = list(csv.DictReader((tmp_path / "out" / "summary.csv").open()))
    assert len(rows) == 5
    riverside = next(r for r in rows if r["file"] == "riverside-safe-streets.md")
    assert riverside["decision_making"] == "present"
    letter = next(r for r in rows if r["file"] == "maple-county-literacy-letter.md")
    assert letter["decision_making"] == "missing" and letter["transition"] == "missing"
    assert next(r for r in rows if r["file"] == "empty.md")["error"]


def test_unchanged_files_come_from_the_cache_and_changed_ones_are_reviewed_again(
    drafts: Path, tmp_path: Path
) -> None:
    settings = Settings(home=tmp_path / "home")
    files = [f for f in collect_charters([drafts]) if f[0].suffix in (".md", ".txt") and f[0].stat().st_size]
    first = review_batch(files, settings=settings)
    assert not any(o.cached for o in first.outcomes)
    (drafts / "maple-county-literacy-letter.md").write_text(
        (drafts / "maple-county-literacy-letter.md").read_text()
        + "\nThis partnership sunsets in 2031 unless renewed.\n"
    )
    second = review_batch(files, settings=settings)
    cached = {o.name: o.cached for o in second.outcomes}
    assert cached == {
        "eastside-housing-tor.txt": True,
        "maple-county-literacy-letter.md": False,
        "riverside-safe-streets.md": True,
    }
    unchanged = [0, 2]
    assert [second.reviews[i].model_dump() for i in unchanged] == [
        first.reviews[i].model_dump() for i in unchanged
    ]
    assert first.reviews[1].elements["transition"].status == "missing"
    assert second.reviews[1].elements["transition"].status != "missing"  # the new sunset clause counts


def test_a_batch_shared_among_processes_reads_as_one_reviewed_in_one(drafts: Path, tmp_path: Path) -> None:
    """Large offline batches are reviewed by several processes: the same scorecards, the same errors for
    the bad files, in the order given, and the cache still serves a second run."""
    files = collect_charters([drafts])
    alone = review_batch(
        files, settings=Settings(home=tmp_path / "alone", review=ReviewSettings(processes=1))
    )
    shared_settings = Settings(home=tmp_path / "shared", review=ReviewSettings(processes=2, parallel_from=2))
    seen: list[str] = []
    shared = review_batch(files, settings=shared_settings, on_result=lambda o: seen.append(o.name))
    assert seen == [name for _, name in files]
    assert [o.error for o in shared.outcomes] == [o.error for o in alone.outcomes]
    assert sorted(o.name for o in shared.failed) == ["empty.md", "scanned.pdf"]
    assert [r.model_dump() for r in shared.reviews] == [r.model_dump() for r in alone.reviews]
    again = review_batch(files, settings=shared_settings)
    assert [o.cached for o in again.outcomes if o.review] == [True, True, True]


def test_cached_reviews_are_redone_when_any_detector_changes() -> None:
    """A cached review is keyed by everything the review is made of; the defect detectors live in a
    sub-package, and a new detector once left reviews cached without its findings."""
    from advisor.capabilities.charter import defects
    from advisor.capabilities.charter.batch import rules_files

    names = {p.relative_to(Path(defects.__file__).parents[2]).as_posix() for p in rules_files()}
    assert "charter/defects/references.py" in names and "charter/defects/patterns.yaml" in names
    assert "charter/classifier.npz" in names and "purpose/rules.py" in names


def test_model_mode_is_concurrent_bounded_and_verified(tmp_path: Path) -> None:
    text = (CHARTERS / "riverside-safe-streets.md").read_text()
    quote = "To join, an organization sends a one-page letter of interest to the Coordinator"
    reply = json.dumps(
        {
            "elements": {
                "transition": {"status": "weak", "evidence": quote, "advice": "Say how the coalition ends."},
                "equity": {
                    "status": "present",
                    "evidence": "A sentence the charter never says.",
                    "advice": "x",
                },
            }
        }
    )
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(6):
        (folder / f"charter-{number}.md").write_text(text + f"\nCopy {number}.\n")
    # (the rules read each charter before its call: a latency well above a charter's reading keeps three
    # calls in flight even on a busy machine)
    with FakeOpenAIServer(lambda body: reply, latency_s=0.6) as server:
        settings = Settings(home=tmp_path / "home", llm=LLMSettings(base_url=server.url, concurrency=3))
        report = review_batch(collect_charters([folder]), settings=settings, llm=load_chat_model(settings))
    assert len(server.requests) == 6 and server.max_in_flight == 3
    review = report.reviews[0]
    assert review.elements["transition"].status == "weak"
    assert review.elements["transition"].evidence in text
    # the model's quote for equity is not in the text: the offline verdict stands
    offline = analyze_charter(text + "\nCopy 0.\n", "charter-0.md")
    assert review.elements["equity"] == offline.elements["equity"]
    assert "<<<UNTRUSTED charter-" in server.requests[0]["messages"][-1]["content"]


def test_a_failing_model_falls_back_per_file_and_is_not_cached(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(CHARTERS / "harbor-asthma-collaborative.md", folder)
    with FakeOpenAIServer(lambda body: "not json") as server:
        settings = Settings(
            home=tmp_path / "home", llm=LLMSettings(base_url=server.url, validation_retries=0)
        )
        llm = load_chat_model(settings)
        first = review_batch(collect_charters([folder]), settings=settings, llm=llm)
        second = review_batch(collect_charters([folder]), settings=settings, llm=llm)
    assert first.reviews[0].warnings and "not valid" in first.reviews[0].warnings[0]
    assert not second.outcomes[0].cached and len(server.requests) == 2


def test_cli_review_json_contract_and_exit_code(
    drafts: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    done = CliRunner().invoke(
        app, ["review", str(drafts), "--json", "--out", str(tmp_path / "out"), "--format", "json"]
    )
    assert done.exit_code == 1  # two files failed
    assert "scanned.pdf" in done.stderr and "empty.md" in done.stderr
    data = json.loads(done.stdout)
    assert len(data) == 3
    assert all(set(r) == {"file", "score", "elements", "purpose", "findings"} for r in data)
    assert all(list(r["elements"]) == list(ELEMENTS) for r in data)
    assert all(set(e) == {"status", "evidence", "advice"} for r in data for e in r["elements"].values())
    assert (tmp_path / "out" / "riverside-safe-streets.review.json").is_file()


def test_cli_review_prints_a_table_for_people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "home"))
    done = CliRunner().invoke(app, ["review", str(CHARTERS / "riverside-safe-streets.md")])
    assert done.exit_code == 0, done.output
    assert "riverside-safe-streets.md" in done.stdout and "present" in done.stdout


def test_reviewing_a_folder_into_itself_keeps_every_charter(tmp_path: Path) -> None:
    """A new user ran `advisor review docs/ --out docs/`: the scorecard, named like the charter,
    replaced it. Reports are named "<charter>.review.md", and a batch whose report would still land on
    a charter it reviews (one named "x.review.md" beside "x.md") is refused before anything is written."""
    folder = tmp_path / "docs"
    folder.mkdir()
    original = (CHARTERS / "riverside-safe-streets.md").read_bytes()
    (folder / "charter.md").write_bytes(original)
    done = CliRunner().invoke(app, ["review", str(folder), "--out", str(folder)])
    assert done.exit_code == 0, done.output
    assert (folder / "charter.md").read_bytes() == original
    assert "Charter review" in (folder / "charter.review.md").read_text()

    (folder / "notes.md").write_bytes(original)
    (folder / "notes.review.md").write_bytes(original)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    done = CliRunner().invoke(
        app, ["review", str(folder / "notes.md"), str(folder / "notes.review.md"), "-o", str(folder)]
    )
    assert done.exit_code != 0
    assert "would replace a charter" in done.output and "--out" in done.output
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_no_csv_cell_can_run_as_a_spreadsheet_formula(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    names = ["=HYPERLINK(evil).md", "+cmd.md", "-2+3.md", "@SUM(A1).md", "=broken.pdf"]
    for name in names:
        if name.endswith(".pdf"):
            (folder / name).write_bytes(b"%PDF-1.4 not a pdf")  # its error names it too
        else:
            shutil.copy(CHARTERS / "riverside-safe-streets.md", folder / name)
    settings = Settings(home=tmp_path / "home")
    review_batch(collect_charters([folder]), settings=settings, out_dir=tmp_path / "out")
    cells = [c for row in csv.reader((tmp_path / "out" / "summary.csv").open()) for c in row]
    starts = ("=", "+", "-", "@")
    live = [c for c in cells if c.startswith(starts)]
    written = [c for c in cells if c.lstrip("'").startswith(starts)]
    print(f"\nformula cells written: {len(written)} / live: {len(live)}")
    assert live == []
    assert "'=HYPERLINK(evil).md" in cells  # shown, not run
