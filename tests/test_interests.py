"""Interests map: exact gaps on the labelled rosters, the JSON contract, and small rosters of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from langchain_core.embeddings import Embeddings

from advisor.capabilities.interests.analysis import interests_markdown, map_interests, map_interests_from_file
from advisor.capabilities.interests.grid import member_power, stakeholder_grid
from advisor.capabilities.interests.judge import GROUP_FEATURES, INTEREST_FEATURES, judge_models
from advisor.capabilities.interests.models import GAP_KINDS, InterestMap
from advisor.documents.coalition import Member, Roster, parse_roster
from tests.conftest import write

ROSTERS = Path(__file__).resolve().parents[1] / "evals" / "data" / "rosters"
EXPECTED = yaml.safe_load((ROSTERS / "expected.yaml").read_text(encoding="utf-8"))
Found = dict[str, set[tuple[str, ...]]]


def _objectives_file(name: str) -> Path | None:
    path = ROSTERS / f"{Path(name).stem}.objectives.yaml"
    return path if path.exists() else None


def _found(roster: Roster, result: InterestMap) -> Found:
    """The gaps as comparable keys: member; (member, interest); affected group (quoted in the detail)."""
    found: Found = {kind: set() for kind in GAP_KINDS}
    interests = {m.name: m.interests for m in roster.members}
    for gap in result.gaps:
        if gap.kind == "position_without_interest":
            found[gap.kind].add((str(gap.member),))
        elif gap.kind == "interest_not_addressed":
            quoted = [i for i in interests[str(gap.member)] if f"'{i}'" in gap.detail]
            assert len(quoted) == 1, gap.detail
            found[gap.kind].add((str(gap.member), quoted[0]))
        else:
            groups = [g for g in roster.affected if gap.detail.startswith(f"'{g}'")]
            assert gap.member is None and len(groups) == 1, gap.detail
            found[gap.kind].add((groups[0],))
    return found


def _expected(case: dict[str, list[object]]) -> Found:
    return {
        "position_without_interest": {(str(m),) for m in case["position_without_interest"]},
        "interest_not_addressed": {
            (str(x["member"]), str(x["interest"]))  # type: ignore[index]
            for x in case["interest_not_addressed"]
        },
        "missing_stakeholder": {(str(g),) for g in case["missing_stakeholder"]},
    }


@pytest.fixture(scope="module")
def labelled(embeddings: Embeddings) -> dict[str, tuple[Roster, InterestMap]]:
    results = {}
    for name in EXPECTED:
        roster = parse_roster(ROSTERS / name, _objectives_file(name))
        results[name] = (roster, map_interests(roster, embeddings=embeddings))
    return results


def _scores(found: Found, expected: Found) -> dict[str, tuple[int, int, int]]:
    return {
        k: (len(found[k] & expected[k]), len(found[k] - expected[k]), len(expected[k] - found[k]))
        for k in GAP_KINDS
    }


@pytest.mark.parametrize("name", list(EXPECTED))
def test_labelled_roster_gaps_are_all_found(
    name: str, labelled: dict[str, tuple[Roster, InterestMap]]
) -> None:
    """Every labelled gap of our own rosters is found; the factual kinds exactly. The judged kinds may
    add a few: the trained judge (judge.py) was chosen by its F1 on the real rosters, where it trades
    some precision for recall; these rosters were written for the rules and tuned on."""
    roster, result = labelled[name]
    expected, found = _expected(EXPECTED[name]), _found(roster, result)
    assert found["position_without_interest"] == expected["position_without_interest"]
    for kind in ("interest_not_addressed", "missing_stakeholder"):
        assert expected[kind] <= found[kind], (kind, [g.detail for g in result.gaps])
    assert result.missing_community_voice is EXPECTED[name]["missing_community_voice"]


def test_precision_and_recall_per_gap_kind(labelled: dict[str, tuple[Roster, InterestMap]]) -> None:
    totals = dict.fromkeys(GAP_KINDS, (0, 0, 0))
    for name, (roster, result) in labelled.items():
        for kind, (tp, fp, fn) in _scores(_found(roster, result), _expected(EXPECTED[name])).items():
            totals[kind] = (totals[kind][0] + tp, totals[kind][1] + fp, totals[kind][2] + fn)
    print(f"\n{'gap kind':28} {'tp':>3} {'fp':>3} {'fn':>3} {'precision':>9} {'recall':>6}")
    for kind, (tp, fp, fn) in totals.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{kind:28} {tp:3} {fp:3} {fn:3} {precision:9.2f} {recall:6.2f}")
        assert recall == 1.0 and precision >= 0.5, kind


def test_json_contract(labelled: dict[str, tuple[Roster, InterestMap]]) -> None:
    _, result = labelled["riverside-safe-streets.yaml"]
    data = json.loads(result.model_dump_json())
    assert set(data) == {"members", "gaps", "missing_community_voice", "questions"}
    assert all(set(m) == {"name", "sector", "positions", "interests", "gaps"} for m in data["members"])
    assert all(set(g) == {"kind", "member", "detail"} and g["kind"] in GAP_KINDS for g in data["gaps"])
    police = next(m for m in data["members"] if m["name"] == "Riverside Police Department")
    assert police["gaps"] == ["position_without_interest"]
    merchants = next(g for g in data["gaps"] if g["kind"] == "interest_not_addressed")
    assert merchants["detail"].startswith(
        "Main Street Merchants Association wants 'more customer parking', "
        "which none of the 6 objectives serves"
    )
    assert (
        "What would winning on 'Expand automated speed camera enforcement citywide' get Riverside Police "
        "Department? What worry sits behind it?" in data["questions"]
    )
    assert any("people with disabilities" in q and "interpretation" in q for q in data["questions"])


def _roster(tmp_path: Path, objectives: list[str], members: list[dict[str, object]], **extra: object) -> Path:
    data = {"coalition": "Test Coalition", "objectives": objectives, "members": members, **extra}
    return write(tmp_path / "roster.yaml", yaml.safe_dump(data))


def test_interest_served_in_other_words_is_not_flagged(tmp_path: Path, embeddings: Embeddings) -> None:
    path = _roster(
        tmp_path,
        ["Redesign school-zone intersections for safety", "Publish crash data every quarter"],
        [
            {"name": "Parents for Safe Routes", "sector": "community", "positions": ["Slow the cars down"],
             "interests": ["fewer kids hit by cars near schools"]},
            {"name": "Downtown Hotels", "sector": "business", "positions": ["Support the festival"],
             "interests": ["more hotel bookings during festivals"]},
        ],
    )  # fmt: skip
    result = map_interests_from_file(path, embeddings=embeddings)
    flagged = [g.detail for g in result.gaps if g.kind == "interest_not_addressed"]
    assert len(flagged) == 1
    assert flagged[0].startswith(
        "Downtown Hotels wants 'more hotel bookings during festivals', which none of the 2"
    )
    assert result.missing_community_voice is False


def test_a_shared_word_alone_does_not_make_an_objective_serve_an_interest(
    tmp_path: Path, embeddings: Embeddings
) -> None:
    path = _roster(
        tmp_path,
        ["Cut the rate of heat deaths in half", "Train clinic staff to spot heat illness"],
        [{"name": "Power Co", "sector": "business", "positions": ["Back efficiency rebates"],
          "interests": ["approval of a rate increase for grid upgrades", "a bigger office for our staff"]}],
    )  # fmt: skip
    by_meaning = map_interests_from_file(path, embeddings=embeddings)
    assert [g.kind for g in by_meaning.gaps] == ["interest_not_addressed"] * 2
    assert "shared words: rate" in by_meaning.gaps[0].detail
    by_words_only = map_interests_from_file(path)  # no embeddings: shared words decide
    assert by_words_only.gaps == []


def test_an_objective_serves_what_an_interest_asks_for_not_whom_it_is_for(
    tmp_path: Path, embeddings: Embeddings
) -> None:
    path = _roster(
        tmp_path,
        ["Run a weekly homework club for students at every library", "Fund stipends for 20 youth mentors"],
        [{"name": "Career Centre", "sector": "nonprofit", "positions": ["Back the clubs"],
          "interests": ["students placed in paid summer internships"]},
         {"name": "Library Friends", "sector": "nonprofit", "positions": ["Keep branches open"],
          "interests": ["steady funding for our branch staff", "homework help for students after school"]},
         {"name": "Mentor Network", "sector": "community", "positions": ["Pay mentors"],
          "interests": ["mentors paid for the time they give"]}],
        affected=["students in the county", "young people without a mentor"],
    )  # fmt: skip
    result = map_interests_from_file(path, embeddings=embeddings)
    flagged = {g.detail.split("'")[1]: g.detail for g in result.gaps if g.kind == "interest_not_addressed"}
    # the who ("students") is shared, the what (internships) is not. (The library asks for money and
    # the only money on offer is for mentors' stipends: the rules flag that, the trained judge, which
    # decides when embeddings are present, does not: a known miss, see NOTES.md.)
    assert "students placed in paid summer internships" in flagged
    assert "homework help for students after school" not in flagged
    assert "mentors paid for the time they give" not in flagged


def test_one_objective_is_named_as_such(tmp_path: Path) -> None:
    member = {"name": "Readers Club", "sector": "community", "interests": ["more poetry evenings"]}
    result = map_interests_from_file(_roster(tmp_path, ["Open two new libraries"], [member]))
    assert [g.kind for g in result.gaps] == ["interest_not_addressed"]
    assert "which the coalition's one objective does not serve" in result.gaps[0].detail


def test_csv_roster_with_objectives_file(tmp_path: Path, embeddings: Embeddings) -> None:
    roster = write(
        tmp_path / "roster.csv",
        "name,sector,positions,interests,resources,role\n"
        "Northside Food Bank,nonprofit,Open more pantries,a food pantry near every public housing complex,"
        "warehouse;trucks,lead convener\n"
        "Corner Grocers,business,Oppose food-waste reporting,,surplus produce,member\n",
    )
    objectives = write(
        tmp_path / "objectives.txt",
        "- Open 4 food pantries within walking distance of every public housing complex\n"
        "- Recover 100 tonnes of surplus food from grocers\n",
    )
    result = map_interests_from_file(roster, objectives, embeddings=embeddings)
    assert [(g.kind, g.member) for g in result.gaps] == [("position_without_interest", "Corner Grocers")]
    assert result.members[1].gaps == ["position_without_interest"]
    assert result.missing_community_voice is True
    assert any("No member is a community group" in q for q in result.questions)


def test_missing_stakeholders_and_community_voice(tmp_path: Path, embeddings: Embeddings) -> None:
    path = _roster(
        tmp_path,
        ["Open 10 cooling centres with evening hours every summer"],
        [
            {"name": "County Health Department", "sector": "government", "interests": ["fewer heat deaths"],
             "positions": ["Declare heat emergencies"], "resources": ["community health workers"]},
            {"name": "Senior Services Agency", "sector": "government", "positions": ["Check on seniors"],
             "interests": ["older adults kept cool in heatwaves"]},
        ],
        affected=["older adults living alone", "farmworkers", "Spanish-speaking families"],
    )  # fmt: skip
    result = map_interests_from_file(path, embeddings=embeddings)
    missing = [g.detail for g in result.gaps if g.kind == "missing_stakeholder"]
    assert [d.split("'")[1] for d in missing] == ["farmworkers", "Spanish-speaking families"]
    assert result.missing_community_voice is True
    assert sum("Who could bring the voice of farmworkers" in q for q in result.questions) == 1


def test_roster_without_objectives_flags_no_interest(tmp_path: Path) -> None:
    path = _roster(
        tmp_path, [], [{"name": "Tenants Union", "sector": "community", "interests": ["stay housed"]}]
    )
    result = map_interests_from_file(path)
    assert result.gaps == []
    assert any("lists no objectives" in q for q in result.questions)


def test_stakeholder_grid_and_markdown(labelled: dict[str, tuple[Roster, InterestMap]]) -> None:
    roster, result = labelled["lake-county-heat-health.yaml"]
    points = {p.name: p for p in stakeholder_grid(roster, result)}
    assert list(points) == [m.name for m in roster.members]
    lead = points["Lake County Public Health Department"]
    assert lead.power > points["Meals on Wheels Lake County"].power
    assert lead.quadrant == "manage closely"
    assert all(0 <= p.power <= 1 and 0 <= p.interest <= 1 for p in points.values())
    report = interests_markdown(result)
    assert "**Community voice: missing.**" in report
    assert "| missing stakeholder | - | 'outdoor workers' is affected" in report
    assert "## Questions to ask" in report and "1. " in report


def test_a_group_a_member_speaks_for_has_a_voice_and_an_unnamed_one_is_missing(
    tmp_path: Path, embeddings: Embeddings
) -> None:
    path = _roster(
        tmp_path,
        ["Build 12 miles of protected bike lanes to downtown", "Add a daily express bus to the hospital"],
        [{"name": "Transit Riders Union", "sector": "community", "positions": ["Keep fares low"],
          "interests": ["buses that come every ten minutes"]}],
        affected=["bus riders", "night-shift nurses"],
    )  # fmt: skip
    result = map_interests_from_file(path, embeddings=embeddings)
    missing = [g.detail.split("'")[1] for g in result.gaps if g.kind == "missing_stakeholder"]
    assert missing == ["night-shift nurses"]


def test_a_members_organisation_says_whom_it_speaks_for_but_one_word_of_a_name_does_not(
    tmp_path: Path, embeddings: Embeddings
) -> None:
    """A new user's flood partnership: Jean Carter of "Homeowners for a Dry Valley" was not heard as
    the homeowners' voice (organisations were never read), and once they were, the "River Trust"
    seemed to speak for the "Kettle River Band" and a "Kettle County" bureau for it too."""
    path = _roster(
        tmp_path,
        ["Buy out 120 repetitive-loss homes from willing sellers by 2029"],
        [{"name": "Jean Carter", "organization": "Homeowners for a Dry Valley", "sector": "community",
          "interests": ["fair market price for bought-out homes"]},
         {"name": "Dev Patel", "organization": "River Trust", "sector": "environment",
          "interests": ["restored wetlands in the lower valley"]},
         {"name": "Tom Becker", "organization": "Kettle County Farm Bureau", "sector": "agriculture",
          "interests": ["farmland kept in production"]}],
        affected=["homeowners in the repetitive-loss zone", "Kettle River Band tribal members"],
    )  # fmt: skip
    result = map_interests_from_file(path, embeddings=embeddings)
    missing = [g.detail.split("'")[1] for g in result.gaps if g.kind == "missing_stakeholder"]
    assert missing == ["Kettle River Band tribal members"]


def test_the_shipped_judge_matches_its_features() -> None:
    models = judge_models()
    assert models["interests"].weights.shape == (len(INTEREST_FEATURES), 1)
    assert models["groups"].weights.shape == (len(GROUP_FEATURES), 1)


def test_a_tribal_nation_weighs_like_a_government_and_no_gaps_never_hides_a_missing_voice() -> None:
    """A new user's tribal nation (sector "tribal government") was placed at power 0.25, "keep
    informed"; and "Gaps (0) / No gaps found" stood right under "Community voice: missing"."""

    def member(name: str, sector: str) -> Member:
        return Member(name=name, sector=sector, role="member", positions=[], interests=[], resources=[])

    nation, agency = member("Kettle River Band", "tribal government"), member("County Parks", "government")
    assert member_power(nation) == member_power(agency) > member_power(member("Anglers", "recreation"))
    roster = Roster(coalition="Willow Creek", objectives=[], members=[nation, agency])
    report = interests_markdown(map_interests(roster))
    assert "Community voice: missing" in report and "No gaps found" not in report
    assert "the missing community voice above is the gap to close first" in report


def test_positions_that_pull_against_each_other_become_a_question() -> None:
    """A coordinator expects the map to notice members pulling against each other (a new user's
    dam removal against a farm bureau); it asks about the pair, never about members who agree."""

    def member(name: str, *positions: str) -> Member:
        return Member(name=name, sector="community", role="member", positions=list(positions))

    roster = Roster(
        objectives=["Cut serious injuries on Main Street by half by 2028"],
        members=[
            member("Main Street Merchants", "Oppose removing on-street parking on Main Street"),
            member("Bike Collective", "Build protected bike lanes on Main Street"),
            member("Walking Group", "Lower residential speed limits to 20 mph"),
        ],
    )
    questions = map_interests(roster).questions
    clash = [q for q in questions if "takes the position" in q]
    assert len(clash) == 1 and "Main Street Merchants" in clash[0] and "Bike Collective" in clash[0]
    assert "both concern Main Street" in clash[0] and "Walking Group" not in clash[0]
