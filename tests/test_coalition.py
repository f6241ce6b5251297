"""Rosters and metric tables parse as users write them; statuses match the labelled tables; bad files
are refused with the row and the fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from advisor.capabilities.interests.analysis import map_interests_from_file
from advisor.documents.coalition import parse_metrics, parse_roster
from advisor.errors import DocumentError
from tests.conftest import write

DATA = Path(__file__).resolve().parents[1] / "evals" / "data"


@pytest.mark.parametrize("name", sorted(yaml.safe_load((DATA / "metrics" / "expected.yaml").read_text())))
def test_metric_statuses_match_the_labelled_tables(name: str) -> None:
    expected = yaml.safe_load((DATA / "metrics" / "expected.yaml").read_text())[name]
    as_of = date.fromisoformat(expected["as_of"])
    metrics = {m.metric: m for m in parse_metrics(DATA / "metrics" / name)}
    assert set(metrics) == set(expected["metrics"])
    for metric_name, want in expected["metrics"].items():
        metric = metrics[metric_name]
        assert metric.progress() == pytest.approx(want["progress"], abs=0.001)
        assert metric.expected(as_of) == pytest.approx(want["expected"], abs=0.002)
        assert metric.status(as_of) == want["status"], metric_name


def test_targets_that_go_down_count_progress_downwards(tmp_path: Path) -> None:
    path = write(
        tmp_path / "m.csv",
        "metric,unit,baseline,target,current,start,due\n"
        "Evictions,per year,400,200,300,2025-01-01,2027-01-01\n",
    )
    (metric,) = parse_metrics(path)
    assert metric.progress() == 0.5
    assert metric.status(date(2026, 1, 1)) == "on_track"
    assert metric.status(date(2026, 12, 1)) == "off_track"


def test_yaml_and_csv_rosters_with_an_objectives_file() -> None:
    yaml_roster = parse_roster(DATA / "rosters" / "riverside-safe-streets.yaml")
    assert yaml_roster.members[0].name == "Riverside Walks" and yaml_roster.objectives
    csv_roster = parse_roster(
        DATA / "rosters" / "harbor-county-food-access.csv",
        DATA / "rosters" / "harbor-county-food-access.objectives.yaml",
    )
    assert csv_roster.objectives and csv_roster.affected
    food_bank = csv_roster.members[0]
    assert food_bank.resources == ["warehouse and refrigerated trucks", "network of 60 partner pantries"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("metric,unit,baseline\nDeaths,n,3\n", "missing column(s) target, current, start, due"),
        ("metric,unit,baseline,target,current,start,due\nDeaths,n,ten,0,5,2024-01-01,2030-01-01\n", "row 2"),
        (
            "metric,unit,baseline,target,current,start,due\nDeaths,n,10,10,5,2024-01-01,2030-01-01\n",
            "target equals baseline",
        ),
        (
            "metric,unit,baseline,target,current,start,due\nDeaths,n,10,0,5,2030-01-01,2024-01-01\n",
            "due date is not after",
        ),
    ],
)
def test_bad_metric_tables_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(DocumentError, match=r"m\.csv: ") as caught:
        parse_metrics(write(tmp_path / "m.csv", content))
    assert message in str(caught.value)


def test_bad_rosters_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="needs a 'members' list"):
        parse_roster(write(tmp_path / "r.yaml", "coalition: X\n"))
    with pytest.raises(DocumentError, match="row 3: a member has no name"):
        parse_roster(
            write(
                tmp_path / "r.csv",
                "name,sector,positions,interests,resources,role\nA,community,,,,\n,x,,,,\n",
            )
        )


def test_a_yaml_alias_bomb_is_refused_at_once_naming_the_file(tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines.append("coalition: Bomb\nmembers:\n  - name: X\n    sector: community\n    positions: *j")
    bomb = write(tmp_path / "roster.yaml", "\n".join(lines) + "\n")
    assert bomb.stat().st_size < 1000
    with pytest.raises(DocumentError, match=r"roster\.yaml.*aliases"):
        parse_roster(bomb)


def test_a_misspelt_roster_key_is_named_with_the_fix(tmp_path: Path) -> None:
    roster = write(
        tmp_path / "roster.yaml",
        "coalition: Food Table\nobjectives: [Open two pantries]\nmembers:\n"
        "  - name: Eastside Pantry\n    sector: nonprofit\n    positions: [More shelf space]\n"
        "    intrests: [Families telling their story once]\n",
    )
    with pytest.raises(
        DocumentError, match=r"member 1 \(Eastside Pantry\) has an unknown key 'intrests'.*'interests'"
    ):
        parse_roster(roster)


def test_a_roster_of_people_and_their_organisations_is_read_as_a_leader_writes_it(tmp_path: Path) -> None:
    """A new user's roster named each person with `org:` and `position:`, no sector, one misspelt key and
    a "#1" YAML took for a comment: it was refused one key at a time, then every member weighed as an
    unknown sector and "no member is a community group" stood beside a tenants union and two pantries."""
    members = (
        "  - name: Keisha Brown\n    org: Harlan Tenants Union\n"
        "    position: Take on rent burden, not just food\n"
        "    intrests: [rent relief]\n"
        "  - name: Ruth Kessler\n    org: Harlan County Health Department\n    role: Epidemiologist\n"
        "    positon: Summer EBT enrollment must be the #1 priority this year\n"
    )
    head = "coalition: Harlan Food Security\nobjectives: [Enrol 5,000 children in Summer EBT]\nmembers:\n"
    both = write(tmp_path / "roster.yaml", head + members)
    with pytest.raises(DocumentError) as refused:  # every misspelt key at once, each with its fix
        parse_roster(both)
    assert "'intrests' (did you mean 'interests'?)" in str(refused.value)
    assert "'positon' (did you mean 'positions'?)" in str(refused.value)

    fixed = write(
        tmp_path / "fixed.yaml",
        head + members.replace("intrests", "interests").replace("positon", "position"),
    )
    parsed = parse_roster(fixed)
    assert [m.organization for m in parsed.members] == [
        "Harlan Tenants Union",
        "Harlan County Health Department",
    ]
    assert parsed.members[0].positions == ["Take on rent burden, not just food"]  # "position:" is read
    mapped = map_interests_from_file(fixed)
    assert not mapped.missing_community_voice
    by_name = {m.name: m.sector for m in mapped.members}
    assert by_name == {
        "Keisha Brown (Harlan Tenants Union)": "community",
        "Ruth Kessler (Harlan County Health Department)": "government",
    }
    assert any(
        "Sectors read from the members' names" in w and "Harlan Tenants Union: community" in w
        for w in mapped.warnings
    )
    assert any(
        "'Summer EBT enrollment must be the' was read without '#1 priority this year'" in w
        for w in mapped.warnings
    )


def test_a_roster_with_a_key_no_tool_reads_is_read_and_the_key_named(tmp_path: Path) -> None:
    """A coordinator's roster with a contact for each member was refused whole ("unknown key
    'contact'"): an extra key unlike any known one is set aside and named; a misspelt one still stops."""
    roster = write(
        tmp_path / "roster.yaml",
        "coalition: Willow Creek\nobjectives: [Restore 12 miles of river buffers]\nmembers:\n"
        "  - name: Farm Bureau\n    sector: business\n    contact: jo@example.org\n"
        "    positions: [No mandatory buffers]\n    interests: [keep farms in business]\n",
    )
    parsed = parse_roster(roster)
    assert [m.name for m in parsed.members] == ["Farm Bureau"] and parsed.ignored == ["contact"]
    mapped = map_interests_from_file(roster)
    assert any("'contact'" in w and "Not read" in w for w in mapped.warnings)


def test_a_misspelt_objectives_file_key_is_named_with_the_expected_keys(tmp_path: Path) -> None:
    header = "name,sector,positions,interests,resources,role\n"
    roster = write(tmp_path / "roster.csv", header + "Pantry,nonprofit,,,,\n")
    objectives = write(tmp_path / "objectives.yaml", "objectives: [Open two pantries]\nafected: [renters]\n")
    with pytest.raises(DocumentError, match=r"unknown key 'afected'.*'affected'.*objectives, affected"):
        parse_roster(roster, objectives)


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        ("nan", "baseline"),
        ("inf", "target"),
        ("-Infinity", "current"),
        ("NaN", "current"),
        ("1e999", "target"),
    ],
)
def test_nan_and_inf_in_metrics_are_refused_with_row_and_column(
    tmp_path: Path, cell: str, column: str
) -> None:
    values = {"baseline": "10", "target": "0", "current": "5", column: cell}
    row = f"Deaths,n,{values['baseline']},{values['target']},{values['current']},2024-01-01,2030-01-01"
    header = "metric,unit,baseline,target,current,start,due"
    with pytest.raises(DocumentError) as caught:
        parse_metrics(write(tmp_path / "m.csv", f"{header}\nOK,n,1,2,1,2024-01-01,2030-01-01\n{row}\n"))
    assert f"row 3, column {column}" in str(caught.value) and "NaN or inf" in str(caught.value)
