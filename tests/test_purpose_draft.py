"""Purpose drafting: three checked statements from a goal or a workspace's documents, offline and
through the loopback model server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from advisor.capabilities.charter.classifier import purpose_sentence
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.capabilities.purpose.draft import (
    GOAL_FROM_A_DESCRIPTION,
    _goal_made_of,
    _purpose_by_model,
    documents_goal_clauses,
    draft_purpose,
)
from advisor.capabilities.purpose.markdown import drafts_markdown
from advisor.capabilities.purpose.models import PurposeDrafts
from advisor.capabilities.purpose.rules import find_population
from advisor.capabilities.purpose.wishes import restate_wish
from advisor.cli.main import app
from advisor.errors import AdvisorError
from advisor.retrieval.passages import Passage
from advisor.service.runtime import Runtime
from advisor.store.ingest import ingest_paths
from tests.conftest import write
from tests.scripted_model import ScriptedChatModel

NOTES = (
    "# Founding meeting notes\n\nThe partners agreed the coalition exists to cut serious injury crashes on "
    "the Route 9 corridor by 40 percent. Members want results before the 2028 election cycle, so the "
    "target date is the end of 2027. Children walking to Lincoln Elementary School face the worst "
    "crossings.\n"
)


def test_a_complete_goal_gives_three_distinct_drafts_that_pass_their_check() -> None:
    result = draft_purpose(goal="Cut childhood asthma ER visits in the Harbor district by 40 percent by 2027")
    statements = [d.statement for d in result.drafts]
    assert len(set(statements)) == 3
    assert all(d.check.score == 100 for d in result.drafts[:2])
    assert all("Harbor district" in s and "40 percent" in s for s in statements)


def test_a_vague_goal_gets_placeholders_not_invented_facts() -> None:
    result = draft_purpose(goal="We want to make streets safer in Riverside.")
    first = result.drafts[0].statement
    assert first.startswith("Make streets safer in Riverside")
    assert "[by how much" in first and "by [year]" in first
    assert not result.drafts[0].check.criteria["timeframe"].met


SPECIFIC_GOALS = {
    "Cut the share of children in Harbor County without a dental check-up from 14% to 9% by 2028.": [
        "14% to 9%",
        "Harbor County",
        "2028",
    ],
    "Our goal is to vaccinate 95% of two-year-olds in Kisumu County against measles by December 2026.": [
        "95% of two-year-olds",
        "Kisumu County",
        "December 2026",
    ],
    "Reduce heat-related hospital admissions among people over 65 in São Paulo by 25% by 2030.": [
        "people over 65",
        "São Paulo",
        "25%",
        "2030",
    ],
    "Bring clean drinking water to 12,000 households in Nuevo León by the end of 2026.": [
        "12,000 households",
        "Nuevo León",
        "by the end of 2026",
    ],
}


def test_a_specific_goal_keeps_its_numbers_places_and_dates_in_every_draft() -> None:
    for goal, facts in SPECIFIC_GOALS.items():
        for draft in draft_purpose(goal=goal).drafts:
            assert all(fact.lower() in draft.statement.lower() for fact in facts), draft.statement
            assert "[" not in draft.statement.split(",")[0], draft.statement  # no slot for a fact it gave
            assert ". " not in re.sub(r"\[[^\]]*\]", "", draft.statement), draft.statement  # one sentence


def test_a_draft_with_a_slot_to_fill_is_never_scored_as_passing() -> None:
    for goal in ("End homelessness.", "Cut serious injury crashes on Lake Street by 40 percent by 2028."):
        for draft in draft_purpose(goal=goal).drafts:
            if "[" in draft.statement:
                assert draft.check.score < 100, draft.statement


def test_nothing_to_draft_from_says_what_to_give() -> None:
    with pytest.raises(AdvisorError, match="--goal"):
        draft_purpose()


@pytest.fixture
def notes_workspace(runtime: Runtime, tmp_path: Path, workspace_name: str) -> str:
    path = write(tmp_path / "notes.md", NOTES)
    ingest_paths(
        [path], workspace_name, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )
    return workspace_name


def test_drafts_from_a_workspace_use_its_facts_and_cite_it(runtime: Runtime, notes_workspace: str) -> None:
    result = draft_purpose(
        workspace=notes_workspace, retriever=runtime.retriever, rank_purpose=purpose_sentence
    )
    best = result.drafts[0]
    assert "cut serious injury crashes" in best.statement.lower() and "40 percent" in best.statement
    assert "by the end of 2027" in best.statement
    assert best.check.criteria["outcome"].met and best.check.criteria["population"].met
    assert {c.source for c in result.citations} == {"notes.md"}
    assert all(c.quote in NOTES.replace("\n", " ") or c.quote in NOTES for c in result.citations)


def test_with_a_model_drafts_are_checked_and_only_retrieved_chunks_cited(
    runtime: Runtime, notes_workspace: str
) -> None:
    passages = runtime.retriever.search("purpose", workspace=notes_workspace, knowledge=False)
    reply = {
        "statements": [
            "Cut serious injury crashes on the Route 9 corridor by 40 percent by the end of 2027.",
            "Make Route 9 better.",
        ],
        "passage_ids": [passages[0].chunk_id, "invented-chunk"],
    }
    model = ScriptedChatModel(replies=[json.dumps(reply)])
    result = draft_purpose(
        workspace=notes_workspace, retriever=runtime.retriever, settings=runtime.settings, llm=model
    )
    assert result.drafts[0].statement == reply["statements"][0]
    assert result.drafts[0].check.score == 100
    assert result.drafts[1].check.score < 50  # the model's weak draft is judged, not trusted
    assert len(result.drafts) == 3  # padded with a rule-based draft
    assert [c.chunk_id for c in result.citations] == [passages[0].chunk_id]
    assert "<<<UNTRUSTED" in model.prompts[0]


def test_cli_draft_json_contract() -> None:
    done = CliRunner().invoke(
        app, ["purpose", "draft", "--goal", "Halve evictions in Eastside by 2028", "--json"]
    )
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert set(data) == {"drafts", "citations"}
    assert len(data["drafts"]) == 3
    assert all(set(d) == {"statement", "check"} for d in data["drafts"])
    assert set(data["drafts"][0]["check"]) == {"statement", "score", "criteria", "suggestions", "rewrite"}


WATERSHED_TERMS = (
    "# Upper Willow Creek Partnership Terms of Reference\n\n## Purpose\nThe Partnership exists to make Willow"
    " Creek better.\n\n## Goals\n- Restore riparian buffers along 12 miles of stream bank.\n"
)
WATERSHED_METRICS = (
    "metric,unit,baseline,target,current,start,due,owner\n"
    "Nitrate at utility intake (annual mean),mg/L,13.2,9.5,12.6,2024-01-01,2027-01-01,Water Utility\n"
    "Riparian buffer restored,stream miles,0,12,2.1,2024-03-01,2026-12-31,SWCD\n"
    "Students participating in River Classroom,students,0,600,640,2024-09-01,2026-06-30,School District\n"
)


def test_drafts_take_the_amount_and_the_date_from_the_metrics_table_row_on_the_same_thing(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user's metrics table said nitrate was due to fall from 13.2 to 9.5 mg/L by 1 January 2027;
    the drafts still asked "[by how much]" and "by [year]"."""
    terms = write(tmp_path / "terms.md", WATERSHED_TERMS)
    metrics = write(tmp_path / "metrics.csv", WATERSHED_METRICS)
    assert CliRunner().invoke(app, ["ingest", "-w", workspace_name, str(terms), str(metrics)]).exit_code == 0

    def drafts(*goal: str) -> dict:
        done = CliRunner().invoke(app, ["purpose", "draft", "-w", workspace_name, *goal, "--json"])
        assert done.exit_code == 0, done.output
        return json.loads(done.stdout)

    typed = drafts("--goal", "Cut nitrate at the Cedar Falls intake")
    first = typed["drafts"][0]["statement"]
    assert first == "Cut nitrate at the Cedar Falls intake from 13.2 to 9.5 mg/L by 1 January 2027.", first
    assert any(c["source"] == "metrics.csv" and "Target: 9.5" in c["quote"] for c in typed["citations"])
    found = [d["statement"] for d in drafts()["drafts"]]
    assert "Restore riparian buffers along 12 miles of stream bank by the end of 2026." in found, found
    # one shared word ("students") is no tie: a jobs goal takes no date from the classroom's head count
    jobs = [d["statement"] for d in drafts("--goal", "Help students find summer jobs")["drafts"]]
    assert not any("2026" in s or "600" in s for s in jobs), jobs


REPORT = (
    "# Leadership council learning session\n\n## Youth on the Rise\nAll three re-engagement centres are open "
    "and 640 young people have come back to school or into work. The goal remains one in three by 2020.\n"
)


FRAGMENT_NOTES = (
    "# Coalition meeting notes\n\n## Safety gets safer, we name every partner who helped\n"
    "Bring Your Bike Day drew 400 riders. Each member organization has one vote.\n\n"
    "## Decisions\nIn one month, each member will report back. The county asked us to train every "
    "crossing guard, which would add 40 people a year if we find a trainer.\n\n"
    "## Our purpose\nOur goal is to halve pedestrian injuries in Oak Hollow by 2029.\n"
)


def test_workspace_drafts_are_one_goal_sentence_never_stitched_from_headings_or_notes(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    path = write(tmp_path / "meeting.md", FRAGMENT_NOTES)
    ingest_paths(
        [path], workspace_name, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )
    for goal in (None, "Make walking safe for everyone."):
        result = draft_purpose(
            goal=goal, workspace=workspace_name, retriever=runtime.retriever, rank_purpose=purpose_sentence
        )
        statements = [d.statement for d in result.drafts]
        assert any("halve pedestrian injuries in oak hollow by 2029" in s.lower() for s in statements), (
            statements
        )
        for statement in statements:
            lowered = statement.lower()
            assert "we name every partner" not in lowered and "for bring" not in lowered, statement
            assert "each member organization has one" not in lowered and "in one month" not in lowered
            assert "if we find" not in lowered and ". " not in re.sub(r"\[[^\]]*\]", "", statement), statement
        if goal:  # the goal typed is used
            assert any(s.startswith("Make walking safe") for s in statements), statements


def test_drafts_never_stitch_a_report_of_what_happened_into_a_goal(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    path = write(tmp_path / "review.md", REPORT)
    ingest_paths(
        [path], workspace_name, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )
    result = draft_purpose(
        workspace=workspace_name, retriever=runtime.retriever, rank_purpose=purpose_sentence
    )
    for draft in result.drafts:
        assert "open and 640" not in draft.statement.lower(), draft.statement
        # a missing outcome stays a visible placeholder, and the draft is not scored as having one
        assert "[a result you can count" in draft.statement and not draft.check.criteria["outcome"].met
    assert result.warnings  # and says the documents state no goal


def test_a_placeholder_is_never_evidence() -> None:
    check = check_purpose_rules(
        "[measurable result, e.g. cut X by 30%] for [defined group or place] by [year]."
    )
    assert not any(c.met for c in check.criteria.values()) and check.score <= 10


def test_a_name_that_opens_the_goal_keeps_its_capital_after_a_fronted_date() -> None:
    goal = "Singapore will be a green and beautiful City in Nature by 2030."
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    fronted = [d for d in drafts if d.startswith("By 2030, ")]
    assert fronted, drafts
    assert all(d.startswith("By 2030, Singapore will be") for d in fronted), fronted
    # an imperative after the date is still lower-cased
    goal = "Deploy 60,000 EV charging points across Singapore by 2030."
    fronted = [d.statement for d in draft_purpose(goal=goal).drafts if d.statement.startswith("By 2030, ")]
    assert fronted and all(d.startswith("By 2030, deploy 60,000") for d in fronted), fronted


@pytest.mark.parametrize(
    ("goal", "opening"),
    [
        # found on real mission statements in benchmarks/purpose_drafts.py's report
        (
            "Launched in 2013, Code.org® is a non-profit dedicated to expanding participation in computer "
            "science by making it available in more schools, and increasing participation by women and "
            "underrepresented students of color.",
            "Expand participation in computer science by making it available in more schools, and increase "
            "participation by women",
        ),
        (
            "We want New York’s governments to work for the people, by the people, for the 21st century.",
            "Get New York’s governments to work for the people",
        ),
        (
            "Green Web Foundation is a non-profit organisation working towards a fossil-free internet "
            "by 2030.",
            "Work towards a fossil-free internet",
        ),
        (
            "Founded in 1999, the coalition works to end hunger in Travis County.",
            "End hunger in Travis County",
        ),
        (
            "By working collectively, we aim to coordinate various activities and promote the sharing of "
            "information related to Post-Quantum Cryptography.",
            "Coordinate various activities and promote the sharing of information",
        ),
    ],
)
def test_a_mission_that_describes_its_organisation_is_drafted_as_the_goal_it_names(
    goal: str, opening: str
) -> None:
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(d.startswith(opening) for d in drafts), drafts
    # the goal's words stay whole and appear once: no history, no description, no repeated place
    assert not any(re.search(r"Launched|Founded|is a non-profit|We want|we aim", d) for d in drafts), drafts
    assert all(d.count("New York") <= 1 for d in drafts), drafts


def test_a_fronted_date_is_never_taken_for_the_means_of_a_goal() -> None:
    drafts = [
        d.statement for d in draft_purpose(goal="By 2030, we will plant 1 million trees in Leeds.").drafts
    ]
    assert all("2030" in d and "1 million trees" in d for d in drafts), drafts


# Found by two reviewers who ran the drafts on 40 real goals and 10 public documents (all of them
# then read while fixing: the drafts' held-out figure comes from a later audit on other text).
CHARTER = (
    "# Feed Philly plan\n\n## 1. Mission\n\n"
    "<!-- Describe the project's purpose. -->\n"
    "The [Feed Philly Coalition](https://example.org/fpc) (FPC) aims to halve the number of\n"
    "food-insecure households in Philadelphia by 2030.\n\n"
    "## 2. Members\n\nMembers will meet monthly. The Chair shall be elected annually.\n"
)


def test_a_workspace_goal_is_found_through_markup_and_wrapped_lines(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    path = write(tmp_path / "charter.md", CHARTER)
    ingest_paths(
        [path], workspace_name, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )
    result = draft_purpose(
        workspace=workspace_name, retriever=runtime.retriever, rank_purpose=purpose_sentence
    )
    best = result.drafts[0].statement
    assert best.startswith("Halve the number of food-insecure households in Philadelphia"), best
    assert "2030" in best and result.drafts[0].check.score == 100
    assert not result.warnings
    assert not any(
        re.search(r"Meet monthly|Be elected|https?:|<!--|\]\(", d.statement) for d in result.drafts
    )


@pytest.mark.parametrize(
    "goal",
    [
        "CivicTechWR was founded in 2014. It is a community group that meets weekly.",
        "In 2014, over 240 Rhode Islanders lost their lives to overdose.",
    ],
)
def test_a_goal_that_only_describes_gets_slots_and_says_why_never_a_deadline_on_a_description(
    goal: str,
) -> None:
    result = draft_purpose(goal=goal)
    assert result.warnings and "says what should change" in result.warnings[0]
    for draft in result.drafts:
        assert not re.search(r"By \[year\], (?:[A-Z]|in 2014|it is)", draft.statement), draft.statement
        assert "Rhode Islanders lost" not in draft.statement and "founded" not in draft.statement


def test_a_pasted_list_keeps_each_goal_whole_and_one_sentence_per_draft() -> None:
    goal = (
        "Halve our greenhouse gas emissions by 2030\nAchieve net zero emissions by 2050\n"
        "- Disclose progress yearly"
    )
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    halve, net_zero = "Halve our greenhouse gas emissions by 2030.", "Achieve net zero emissions by 2050."
    assert drafts[:2] == [halve, net_zero]
    # two aims are two drafts: never a third that is one of them with its deadline moved first
    words = [sorted(re.findall(r"\w+", d.lower())) for d in drafts]
    assert all(a != b for i, a in enumerate(words) for b in words[i + 1 :]), drafts
    assert all(d.count(" by 20") <= 1 and "Achieve" not in d[1:] for d in drafts), (
        drafts
    )  # items never run together
    assert any(d.startswith("Halve our greenhouse gas emissions") and "2030" in d for d in drafts), drafts


def test_a_rewrite_never_asks_twice_for_what_a_slot_already_asks() -> None:
    check = check_purpose_rules("Promote recycling for [a defined group or place] by [year].")
    assert check.rewrite is None or (
        check.rewrite.count("[year]") <= 1 and check.rewrite.count("[a defined group or place") <= 1
    ), check.rewrite


@pytest.mark.parametrize(
    ("goal", "opening"),
    [
        # a second round of the audit (read while fixing; a third round, on other text, is the figure)
        (
            "OW2 is an independent, non-profit community organisation dedicated to promoting open source "
            "software for corporate information systems and to fostering their business ecosystems.",
            "Promote open source software for corporate information systems and foster their business",
        ),
        (
            "The FAO is a specialized agency of the United Nations that leads international efforts to "
            "defeat hunger.",
            "Lead international efforts to defeat hunger",
        ),
        (
            "The F# Software Foundation is a not-for-profit organization dedicated to growing, supporting, "
            "and educating a diverse community around the F# language.",
            "Grow, support, and educate a diverse community",
        ),
        (
            "Open Philanthropy is a grant-making organisation aiming to share its findings openly.",
            "Share our findings openly",
        ),
        (
            "The purpose of the Consortium is to raise,\nbudget and spend funds for open source.",
            "Raise, budget",
        ),
        ("We’re building a platform for students across LA County.", "Build a platform for students"),
        (
            "Maintaining and developing the Open Smart Grid Platform via a publicly accessible source.",
            "Maintain and develop the Open Smart Grid Platform",
        ),
        (
            "The purpose of Health for Rural Africa, Inc. (HERA) shall be to improve the lives of families "
            "in the Rwenzori region.",
            "Improve the lives of families in the Rwenzori region",
        ),
        (
            "HERA is working with the Kasese Foundation to transform healthcare delivery in the "
            "Rwenzori region.",
            "Transform healthcare delivery in the Rwenzori region",
        ),
        (
            "To achieve this, we maintain an ecosystem of public software.",
            "Maintain an ecosystem of public software",
        ),
        ("To cut child poverty in half by 2030, we will expand pre-K.", "Cut child poverty in half"),
        (
            "Missing Maps is a collective of organizations working towards a common goal of creating "
            "accessible map data where humanitarian organizations are operating.",
            "Create accessible map data",
        ),
        (
            "Partnering with open source maintainers to find new vulnerabilities in open source code.",
            "Partner with open source maintainers",
        ),
        (
            "The Tenants Union is committed to collectively building the power of tenants.",
            "Collectively build",
        ),
        ("About us\n\nMission\nAccelerate the recovery of the Puget Sound", "Accelerate the recovery"),
        (
            "The Club's objects increasing the number of girls who play cricket in the Leeds area.",
            "Increase the number of girls who play cricket",
        ),
        (
            "The Riverside Food Network aims at fostering the reuse of pantry data across the county.",
            "Foster the reuse of pantry data",
        ),
        (
            "The Riverside Food App empowers and incentivizes volunteers to log every food rescue.",
            "Empower and incentivize volunteers",
        ),
        (  # a list of purposes after a means: one form for every item
            "Our mission is to restore the river by planting trees along its banks, to ensure clean water "
            "for every town, and to protect the salmon runs.",
            "Restore the river by planting trees along its banks, ensure clean water for every town, and "
            "protect",
        ),
    ],
)
def test_more_ways_a_mission_names_its_goal(goal: str, opening: str) -> None:
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(d.startswith(opening) for d in drafts), drafts


def test_a_conditional_is_never_a_goal() -> None:
    result = draft_purpose(
        goal="If your goal is to run larger events, then having several core members is good."
    )
    assert not any(d.statement.startswith("Run larger events") for d in result.drafts)


@pytest.mark.parametrize(
    "goal",
    [
        "Wilmore Pantry is a volunteer-run food pantry serving families in Jessamine County.",
        "Founded in 1998, the Network is a nonprofit (EIN 12-3456789) in the United States.",
        "Our World Is Not For Sale is a loose grouping of organizations and social movements worldwide.",
    ],
)
def test_a_goal_with_no_aim_still_gives_whole_sentences_and_no_facts_from_a_description(goal: str) -> None:
    """Slots to fill, but each draft a sentence with its verb (never '[result] for [group] by [year].'),
    and nothing of the description drafted (no place taken from it: 'in Sale' from 'Not For Sale')."""
    result = draft_purpose(goal=goal)
    assert result.warnings and "says what should change" in result.warnings[0]
    for draft in result.drafts:
        assert re.match(r"(?:By \[year\], )?[Rr]each \[a result you can count", draft.statement), draft
        assert not re.search(r"nonprofit|Network is|Sale|Jessamine|United States", draft.statement), draft


@pytest.mark.parametrize(
    ("goal", "never"),
    [
        (
            "The Network works with local communities, indigenous peoples, investors and others to "
            "shape policy.",
            "indigenou ",
        ),
        (
            "The Network works with local communities, indigenous peoples, investors and others to "
            "shape policy.",
            "investor ",
        ),
        (
            "The GCF helps countries adapt to climate change. These funds come mainly from developed "
            "countries.",
            "Fund come",
        ),
        ("To become a member of OGP, participating countries must endorse a declaration.", "Become a member"),
        ("Sharing design tokens across tools should be simple.", "Share design tokens"),
        ("Housing is a human right.", "House is"),
        ("Funding comes from nearly 1,500 annual memberships and from donations.", "Fund comes"),
        ("Our mission is to support advocates to improve the health of _their_ riverscapes.", "_their_"),
        (
            "Our mission is to prevent suicide loss through education, advocacy, and support, for survivors "
            "of suicide loss and those who love and care for them.",
            "care for them [by how much",
        ),
        ("We focus on the long-term growth of community-driven projects.", "the by [year] growth"),
    ],
)
def test_words_are_never_broken_nor_a_subject_read_as_a_verb(goal: str, never: str) -> None:
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert not any(never in d for d in drafts), drafts


def test_a_list_of_purposes_under_a_heading_is_drafted_and_a_voting_rule_never_is(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    doc = write(
        tmp_path / "terms.md",
        "# Terms of reference\n\n### Mission\n\n"
        "  - To maintain and develop services that enable Canadian researchers to generate the greatest\n"
        "  possible scientific return on telescopes.\n\n"
        "### Amendments\n\nChanges to this charter must receive 2/3 of the votes cast in the approval "
        "vote to pass.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, doc, workspace_name).drafts]
    assert drafts[0].startswith("Maintain and develop services that enable Canadian researchers"), drafts
    assert not any("votes" in d for d in drafts), drafts


def test_where_the_text_says_it_works_fills_the_place_its_goal_leaves_out() -> None:
    text = (
        "The Literacy Center is a not-for-profit organization in Evansville, Indiana. "
        "Our mission is to improve basic adult literacy in our community."
    )
    assert all("Evansville" in d.statement for d in draft_purpose(goal=text).drafts)
    named = "Our World is not for Sale is a network. Our mission is to fight corporate globalization."
    assert not any("Sale" in d.statement for d in draft_purpose(goal=named).drafts)
    areas = (
        "The Hale Residents Association represents and supports Residents in the Hale and Ditton areas. "
        "We work to promote local interests, share local news and run a forum for discussion."
    )
    drafts = [d.statement for d in draft_purpose(goal=areas).drafts]
    assert all("the Hale and Ditton areas" in d for d in drafts), drafts
    assert any(d.startswith("Represent and support Residents") for d in drafts), drafts


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a deadline another sentence gives, never a [year] slot in its place
        (
            "Our vision is that every family on the island has a warm home by 2040. "
            "Our mission is to insulate the homes of older tenants.",
            "by 2040",
        ),
        (
            "Our mission is to plant willows along eroding banks in our community. "
            "With your support, our volunteers will be busier than ever on Ohio's rivers in 2028.",
            "by the end of 2028",
        ),
        # the place the body's work belongs to, in place of a vague "in our community"
        (
            "Our mission is to plant willows along eroding banks in our community. "
            "With your support, our volunteers will be busier than ever on Ohio's rivers in 2028.",
            "Ohio",
        ),
        (
            "The Fresh Start Project is North Dakota's network to cut food waste in our communities.",
            "North Dakota",
        ),
        # the place in the name of the body the text is about
        (
            "The Tacoma Reading Fund is a charity whose mission is to give every child a love of books. "
            "The Tacoma Reading Fund invests in school libraries.",
            "Tacoma",
        ),
        ("Leicester Food Share recovers unsold bread and shares it with families in need.", "Leicester"),
        # the period a plan or a project covers, stated in another sentence
        (
            "Our charter covers a four-year period of 2026-2030 and many themes. We aim to connect every "
            "library in the region to the shared catalogue.",
            "by 2030",
        ),
        (
            "Reading Bridges is a three-year pilot project of two universities. We aim to pair every new "
            "teacher with a mentor.",
            "within three years",
        ),
        # the city a state's name begins, never the state: "Colorado Springs", not "Colorado"
        (
            "Friends of Bear Creek is recognised by the city of Colorado Springs Parks, Recreation, and "
            "Cultural Services Department. Our mission is to maintain and restore Bear Creek Park.",
            "in Colorado Springs",
        ),
        (
            "The Harlan County Growers' Union's (HCGU's) purpose is to support our values as shown below. "
            "HCGU's Mission: We help local growers sell their produce at a fair price.",
            "Harlan County",
        ),
    ],
)
def test_a_fact_the_text_states_in_another_sentence_fills_the_gap_its_goal_leaves(
    text: str, kept: str
) -> None:
    drafts = draft_purpose(goal=text).drafts
    assert all(kept.lower() in d.statement.lower() for d in drafts), [d.statement for d in drafts]


def test_an_opening_that_says_where_the_body_is_based_or_lists_its_means_leaves_the_aim_first() -> None:
    text = (
        "Based in the North Downs, we strive to plant hedgerows that shelter wildlife. Through walks, "
        "talks and school visits about birds, bees and bats, we aim to make every pupil a nature "
        "watcher. We are dedicated to keeping our events free."
    )
    drafts = [d.statement for d in draft_purpose(goal=text).drafts]
    assert "plant hedgerows" in drafts[0].lower() or "nature watcher" in drafts[0], drafts
    assert all("North Downs" in d for d in drafts), drafts


def test_history_that_opens_with_a_year_is_never_the_goal_and_a_dated_plan_is() -> None:
    history = (
        "We believe music belongs to everyone. In 1982 two teachers created a chance for pupils "
        "to play with them in their garage."
    )
    assert not any("garage" in d.statement for d in draft_purpose(goal=history).drafts)
    founded = "In 2019 we were founded to end hunger in Ohio."
    assert draft_purpose(goal=founded).drafts[0].statement.startswith("End hunger in Ohio")
    plan = "In 2030, every child in Ohio will read by third grade."
    assert draft_purpose(goal=plan).drafts[0].statement == plan


@pytest.mark.parametrize(
    ("goal", "opening"),
    [
        (
            "We envision a just world where all people live independent lives free of discrimination.",
            "Build a just world where all people live",
        ),
        (
            "Lakeside Housing Alliance — Coalition advocating for renter protections",
            "Advocate for renter protections",
        ),
        (
            "A nonprofit organization promoting open methods in chemistry through organizing workshops.",
            "Promote open methods in chemistry",
        ),
        (
            "The Open Labs mission is designed to rapidly transform agencies and universities.",
            "Rapidly transform",
        ),
        (
            "The Harbor Fund is about making grant data easier to find and use.",
            "Make grant data easier to find and use",
        ),
        (
            "The coalition was formed in 2019 by tenants and organizations who advocate together for "
            "policies that keep rents affordable in Tacoma.",
            "Advocate together for policies that keep rents affordable in Tacoma",
        ),
        (
            "Establish a framework for regional accessibility that:\n- Sets minimum standards for venues.\n"
            "- Coordinates services across county lines.",
            "Establish a framework for regional accessibility",
        ),
        (
            "Greenway fosters a culture of shared stewardship along the river.\n\nWe do this by:\n\n"
            "* Creating volunteer crews in every ward\n* Building a tool library",
            "Foster a culture of shared stewardship",
        ),
        # a named body's "will", after a date with a comma, an aside, or "also"
        (
            "By June 30, 2028, the County Health Department, in close collaboration with clinics, will "
            "reduce the number of uninsured children to 400 from a baseline of 950.",
            "By June 30, 2028, reduce the number of uninsured children to 400",
        ),
        (
            "The working group will also publish a shared intake form for the county's pantries.",
            "Publish a shared intake form",
        ),
        # no stated aim: what the thing it is does, or what "the mission" does
        (
            "Riverside Tool Hub is a makerspace that provides Riverside tenants with a shared workshop.",
            "Provide Riverside tenants with a shared workshop",
        ),
        (
            "Grace Pantry is a food pantry. The mission provides food and household items to families "
            "in need.",
            "Provide food and household items to families in need",
        ),
    ],
)
def test_an_aim_stated_as_a_vision_a_headline_or_a_relative_clause_is_drafted_not_replaced_by_slots(
    goal: str, opening: str
) -> None:
    result = draft_purpose(goal=goal)
    assert not result.warnings, result.warnings
    assert result.drafts[0].statement.startswith(opening), [d.statement for d in result.drafts]


@pytest.mark.parametrize(
    ("goal", "never"),
    [
        ("Our mission is to protect the Bay's wetlands.", "starting with ["),
        ("Reach more families.", "starting with ["),
        ("Serve the residents of the Greater Kent Area.", "[by how much"),
        (
            "Our goal is to assess the food needs of Bridgeport and to provide a forum for advocacy.",
            "and to provide",
        ),
        ("Collect, Manage, Store and Publish research data in a FAIR manner.", "Manage, Store"),
        (
            "Our vision is to see Battle Creek thrive as one community, and our mission is to act as a "
            "catalyst for racial equity.",
            "our mission is",
        ),
        # no group cut off mid-word or mid-clause, nor an adjective read as a listed doing
        (
            "The guild is an international network of librarians working with information technology and "
            "digital services to support research and teaching. Our aim is to support research and teaching.",
            "to support rese",
        ),
        (
            "We aim to accelerate new and existing policies to cut pollution, build resilience and save "
            "energy.",
            "exist ",
        ),
        # no fact from a saint's name, a history or a list of fields
        ("Volunteers at St. Mary's food bank aim to feed every family that asks for help.", " in Mary"),
        # a rule after "; and" with a subject of its own is no aim
        (
            "The Society is called the Leeds Debating Society. The Society's objects advancing public debate "
            "in Leeds; and the income and property of the Society shall be applied solely to those objects.",
            "And the income",
        ),
        # "Mt." is no sentence end
        ("Our mission is to conserve the Mt. Pisgah Arboretum for every visitor.", "Conserve the Mt,"),
        (
            "The foundation coordinates open climate software across Europe. Today's models are the result "
            "of over 30 years of development.",
            "30 years",
        ),
        ("In 2019 the partners adopted a charter. Our aim is to restore the river's salmon runs.", "2019"),
        ("**Our mission is to feed every family in Riverside.**&#x20;", "&#x20"),
        ("We want to house every homeless veteran in Riverside as soon as possible.", "as by [year]"),
        (
            "The network helps students find free meals. The network formed in 2019, in response to growing "
            "concerns about hunger among students in Riverside.",
            "Grow concerns",
        ),
        (
            "NOSAL is the Northern Sports and Arts League which aims to build trust through joint work in "
            "Health, the Arts and Sport. NOSAL's programmes contribute to the achievement of the Global "
            "Goals defined in Agenda 2030, adopted by the member clubs in 2019.",
            "2019",
        ),
        (
            "NOSAL is the Northern Sports and Arts League which aims to build trust through joint work in "
            "Health, the Arts and Sport.",
            "In Health",
        ),
        # a place's adjective after "the" is no place to work in ("the Dutch network of developers")
        (
            "Pantry NL is the Dutch network of volunteers improving food aid using shared stock data.",
            "in the Dutch",
        ),
    ],
)
def test_a_draft_invents_no_slot_and_no_stray_words(goal: str, never: str) -> None:
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert drafts and not any(never in d for d in drafts), drafts


def test_a_goal_with_every_fact_is_offered_as_written_and_reordered_never_padded_with_slots() -> None:
    drafts = [
        d.statement
        for d in draft_purpose(goal="Cut asthma ER visits in the Harbor district by 40% by 2027").drafts
    ]
    assert "In the Harbor district, cut asthma ER visits by 40% by 2027." in drafts, drafts
    assert not any("[" in d for d in drafts), drafts


@pytest.mark.parametrize(
    "goal",
    [
        "Build tools and infrastructure that connect materials scientists.",
        "Create technical infrastructure for R users.",
    ],
)
def test_moving_the_deadline_to_the_front_never_changes_a_drafts_score(goal: str) -> None:
    scores = {d.statement: d.check.score for d in draft_purpose(goal=goal).drafts}
    fronted = [s for s in scores if s.startswith("By [year], ")]
    assert fronted, scores
    for statement in fronted:
        rest = statement.removeprefix("By [year], ").removesuffix(".")
        original = f"{rest[0].upper()}{rest[1:]} by [year]."
        assert scores[statement] == check_purpose_rules(original).score > 0, scores


@pytest.mark.parametrize(
    ("goal", "opening"),
    [
        (
            "The Harbor Alliance was formally established in 2018 for the express purpose of standardizing "
            "the Harbor open-source software.",
            "Standardize the Harbor open-source software",
        ),
        (
            "In 2030 there is understanding and acceptance of autism across Lewis County.",
            "By 2030, achieve understanding and acceptance of autism across Lewis County.",
        ),
        (
            "Our campaign led us to launch the Free Net Trust -- a volunteer driven organisation dedicated "
            "to advancing user rights by working on privacy and fighting censorship.",
            "Advance user rights by working on privacy and fighting censorship",
        ),
        (
            "MOUNTAIN VIEW, California November 12, 2019 -- The Wasm Alliance is a newly formed community "
            "dedicated to creating new software foundations, building on open standards.",
            "Create new software foundations, building on open standards",
        ),
    ],
)
def test_round_eight_aims_are_drafted_in_their_own_words(goal: str, opening: str) -> None:
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert drafts[0].startswith(opening), drafts
    assert not any("California" in d for d in drafts), drafts  # a dateline is no place the body serves


def test_no_group_slot_for_a_group_the_text_names_and_a_vague_beneficiary_is_asked_to_be_defined() -> None:
    named = (
        "The foundation supports the broader open source geospatial community. Our mission is to support and "
        "promote the collaborative development of open geospatial technologies and data."
    )
    assert not any("[a defined group" in d.statement for d in draft_purpose(goal=named).drafts)
    kept = "Our mission is to get more people riding bikes more often."
    drafts = [d.statement for d in draft_purpose(goal=kept).drafts]
    assert all("get more people riding bikes" in d.lower() for d in drafts), drafts
    beneficiary = "Our mission is to promote health and wellness for the community."
    assert "not 'the community'" in draft_purpose(goal=beneficiary).drafts[0].statement


def test_the_article_of_a_name_is_not_taken_for_the_place() -> None:
    goal = (
        "The Watersheds Partnership is a working group of the California Water Quality Monitoring Council "
        "and has a mission to promote the restoration of watershed health throughout California."
    )
    assert not any(
        "the California," in d.statement or "in the California" in d.statement
        for d in draft_purpose(goal=goal).drafts
    )


def test_a_charters_roles_and_procedures_are_never_its_purpose(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    doc = write(
        tmp_path / "charter.md",
        "# Working group charter\n\n## Mission\n\nThe group exists to help companies run successful open "
        "source program offices.\n\n## Roles\n\nA Liaison serves as a coordination point between the "
        "Steering Committee and one or more working groups.\n\nA standard protocol to achieve committer "
        "status shall be established across projects.\n\nMembers will strive to adhere to the following:\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, doc, workspace_name).drafts]
    assert drafts[0].startswith("Help companies run successful open source program offices"), drafts
    assert not any(re.search(r"Liaison|committer|the following", d) for d in drafts), drafts
    statutes = write(
        tmp_path / "statutes.md",
        "# Statutes\n\n## Aim {#aim}\n\nThe league is a federation of walking clubs with the collective aim "
        "of promoting walking and advocating for safe paths across the valley.\n\n## General Assembly {#ga}"
        "\n\nThe General Assembly shall hold all powers "
        "expressly granted to it by Belgian law.\n\n## Auditors\n\nThe auditors shall produce a report at "
        "least annually which is presented to the General Assembly.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, statutes, workspace_name + "-statutes").drafts]
    assert drafts[0].startswith("Promote walking and advocate for safe paths"), drafts
    assert not any(re.search(r"powers|auditors|report at least", d) for d in drafts), drafts


def test_bylaws_purpose_under_mission_and_purposes_comes_first_and_dissolution_or_duties_never_do(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    bylaws = write(
        tmp_path / "bylaws.md",
        "# Bylaws of the Valley Food Institute\n\n## ARTICLE I: MISSION AND PURPOSES\n\nThe Institute is "
        "organized exclusively for charitable purposes. The organization develops food-sharing programs "
        "that connect farms with pantries across the valley.\n\n## ARTICLE IV: STEERING COMMITTEE\n\n"
        "- Establish and maintain a Code of Conduct to facilitate the effective operations of the "
        "Institute\n\n## ARTICLE XI: DISSOLUTION AND MERGER\n\n- Preserve organizational mission "
        "through transfer to compatible organizations\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, bylaws, workspace_name).drafts]
    assert drafts[0].startswith("Develop food-sharing programs that connect farms with pantries"), drafts
    assert not any(re.search(r"Code of Conduct|transfer to compatible", d) for d in drafts), drafts


def test_a_readmes_html_ground_rules_and_contact_line_never_enter_a_draft(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    readme = write(
        tmp_path / "README.md",
        "# Harbour Food Consortium\n\nThe Harbour Food Consortium is a group of pantries and growers, "
        "formed\n"
        "*to share surplus produce between pantries and to cut food waste across the harbour.*\n\n"
        '<p align="center">\n<img src="images/logos.png" width="720" align="center">\n</p>\n\n'
        "The consortium was first convened by the city in 2019 as a pilot for three pantries.\n\n"
        "## Ground Rules\n\nTo ensure smooth operations of the consortium, we request that:\n\n"
        "- posts stay on topic\n\n## Contact\n\nCheck our website if you want to get in contact.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, readme, workspace_name).drafts]
    assert drafts[0].startswith("Share surplus produce between pantries and cut food waste"), drafts
    assert not any(re.search(r"<|img|smooth operations|get in contact", d) for d in drafts), drafts


def test_a_readmes_setup_steps_and_a_list_item_pointing_back_are_never_the_aim(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    readme = write(
        tmp_path / "README.md",
        "# Pantry tracker\n\n## Overview\n\nA small web app for the volunteers of the Riverside pantry.\n\n"
        "## Setup\n\n### Prerequisites\n\n* Install **Docker** - [All Platforms](https://docs.docker.com)\n"
        "* Install **Node 18** - [Mac](https://nodejs.org)\n\n### Production\n\nTo make the app available "
        "for deployment, run the following command: make dist\n\n## Contribution and workflow\n\n"
        "To manually run tests: `coverage run -m pytest`\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, readme, workspace_name).drafts]
    assert not any(re.search(r"Install|Docker|make dist|deployment|coverage", d) for d in drafts), drafts
    bylaws = write(
        tmp_path / "bylaws.md",
        "# Rowing Club Bylaws\n\n## 1.0 OBJECTIVES\n\n-----------To promote safe rowing on the river for "
        "people of all ages; to improve the public's appreciation of these boats; to train 40 new coxes "
        "every year.\n\n## 2.0 HISTORY\n\nThe club was founded in 1952.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, bylaws, workspace_name + "-bylaws").drafts]
    assert not any("these boats" in d or "---" in d for d in drafts), drafts
    assert any(d.startswith(("Promote safe rowing", "Train 40 new coxes")) for d in drafts), drafts


def test_the_school_a_constitution_names_once_is_named_in_its_drafts(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    body = (
        "\n\n## Objectives\n\nThe objectives of the Parent Council are:\n\n"
        "- To work in partnership with the school to make every family welcome\n"
        "- To represent the views of parents on the education provided by the school\n"
    )
    one = write(
        tmp_path / "one.md", "# Constitution\n\nThis is the constitution of Riverside Primary School." + body
    )
    drafts = [d.statement for d in drafts_from(runtime, one, workspace_name).drafts]
    assert all("Riverside Primary School" in d and "the school" not in d for d in drafts), drafts
    two = write(
        tmp_path / "two.md",
        "# Constitution\n\nThe council serves Riverside Primary School and Hillside High School." + body,
    )
    drafts = [d.statement for d in drafts_from(runtime, two, workspace_name + "-two").drafts]
    # two schools: which one "the school" is, is not guessed (a draft names both or neither)
    assert drafts and not any(("Riverside Primary" in d) != ("Hillside High" in d) for d in drafts), drafts
    assert any("the school" in d for d in drafts), drafts


def test_a_pages_emphasised_mission_line_comes_before_a_partners_stated_aim(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    page = write(
        tmp_path / "mission.md",
        "---\ntitle: Mission\n---\n\n"
        "_Enabling neighbours to cook, share and grow food together in Riverside._\n\n"
        "### Our partners\n\nWith our harvest offering, the Hill Farm trust is setting up a garden project. "
        "The aim is to establish 40 small kitchen gardens for families at risk.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, page, workspace_name).drafts]
    assert drafts[0].startswith("Enable neighbours to cook, share and grow food together"), drafts


def test_nothing_to_draft_from_gives_one_template_to_fill_not_three_copies() -> None:
    result = draft_purpose(goal="The Steering Committee is the governing body of the project.")
    assert result.warnings and len(result.drafts) == 1, [d.statement for d in result.drafts]
    assert result.drafts[0].statement.startswith("Reach [a result you can count")


@pytest.mark.parametrize(
    ("goal", "opening", "never"),
    [
        (
            "The Green Code Foundation is a non-profit with the mission to create a trusted ecosystem of "
            "people and tools for building green software.",
            "Create a trusted ecosystem of people and tools for building green software",
            "Reach [",
        ),
        (
            "We are a new non-profit organization that defends, enforces, and advances data rights.",
            "Defend, enforce, and advance data rights",
            "enforces",
        ),
        (
            "Our mission is to support the development, maintenance, and long-term viability of research "
            "software.",
            "Support the development, maintenance, and long-term viability of research software",
            "and by [year] viability",
        ),
        (
            "Net Sans Borders is a non-profit whose objective is to defend digital rights. Net Sans Borders "
            "has led advocacy efforts against internet shutdowns in West Africa.",
            "Defend digital rights",
            "West Africa",
        ),
    ],
)
def test_round_nine_aims_keep_their_words_and_take_no_place_from_history(
    goal: str, opening: str, never: str
) -> None:
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert drafts[0].startswith(opening), drafts
    assert not any(never in d for d in drafts), drafts


def test_the_paragraph_under_a_mission_heading_and_a_stated_mission_about_licences_are_drafted(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    strategy = write(
        tmp_path / "strategy.md",
        "# Strategic plan\n\n## Mission\n\nThe Archive Alliance is an international network of members "
        "that fosters expertise and a community of practice for the preservation of digital heritage.\n\n"
        "## Values\n\nCollaboration and inclusiveness are the operational values of the Alliance.\n",
    )
    charter = write(
        tmp_path / "charter.md",
        "# Technical charter\n\n1. **Mission and Scope of the Project**\n\n> a. **Mission**. The mission of "
        "the Project is to provide a platform that documents the license compliance risks of public "
        "datasets.\n\n2. **Voting**\n\nDecisions need a majority of the votes cast.\n",
    )
    for doc, opening in (
        (strategy, "Foster expertise and a community of practice for the preservation of digital heritage"),
        (charter, "Provide a platform that documents the license compliance risks of public datasets"),
    ):
        result = drafts_from(runtime, doc, f"{workspace_name}-{doc.stem}")
        assert not result.warnings, result.warnings
        assert result.drafts[0].statement.startswith(opening), [d.statement for d in result.drafts]


def test_moving_the_place_to_the_front_never_changes_a_drafts_score() -> None:
    scores = {
        d.statement: d.check.score for d in draft_purpose(goal="Build a community network in Toronto.").drafts
    }
    fronted = [s for s in scores if s.startswith("In Toronto, ")]
    assert fronted, scores
    assert all(scores[s] == max(scores.values()) > 0 for s in fronted), scores


def test_the_last_draft_offers_another_aim_the_text_states_rather_than_the_same_aim_reordered() -> None:
    goal = (
        "Our mission is to cut food waste across the county. We also aim to teach every school to "
        "compost its kitchen scraps."
    )
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert all("food waste" in d for d in drafts[:2]), drafts
    assert "compost" in drafts[2], drafts


def test_a_count_another_aim_gives_fills_the_result_a_draft_would_ask_for() -> None:
    goal = (
        "We are a network of neighbours working together to make Harbourtown a greener place to live. "
        "Our target is to plant 5,000 street trees by 2030."
    )
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert statements[0] == "Plant 5,000 street trees by 2030.", statements  # "Our target is to" states it
    assert (
        "Work together to make Harbourtown a greener place to live, planting 5,000 street trees by 2030."
        in statements
    ), statements
    assert not any("[a result you can count" in s for s in statements), statements
    # never a count due by another date than the draft's
    dated = (
        "Our mission is to create more affordable homes in Leeds.\n\n* Develop a business model by 2021\n"
        "* Create 1000 community-led homes by 2027"
    )
    dated_statements = [d.statement for d in draft_purpose(goal=dated).drafts]
    assert not any("1000" in s and "2021" in s for s in dated_statements), dated_statements


def test_the_stated_mission_is_drafted_before_a_further_aim() -> None:
    goal = (
        "We are a local chapter of an international mentorship group. Our mission is to promote, educate "
        "and advance a diverse Python community through outreach and events. The chapter also aims to "
        "provide a friendly support network for women and a bridge to the larger Python world."
    )
    first = draft_purpose(goal=goal).drafts
    assert any("promote, educate and advance a diverse Python community" in d.statement for d in first[:2])
    assert not any("support network" in d.statement for d in first[:2]), [d.statement for d in first]


def test_a_phrase_cut_off_by_the_list_after_it_is_dropped_not_left_dangling() -> None:
    goal = (
        "The Continuum of Care promotes a shared commitment to the goal of ending homelessness with a "
        "focus on;\nQuickly rehousing homeless individuals and families;\nOptimizing stability once housed."
    )
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(s.startswith(("End homelessness", "By [year], end homelessness")) for s in statements)
    assert not any("focus on by" in s or s.rstrip(".").endswith(" on") for s in statements), statements


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        # a fronted sponsor line hides nothing: the aim after it is drafted
        (
            "Funded by the Ministry of Science, OpenLab aims to create a shared toolkit for lab data.",
            "Create a shared toolkit for lab data",
        ),
        # why members work together is the goal, though written as a description
        (
            "Harbor Net is a movement of charities and funders, collaborating to achieve clean water in "
            "every coastal town.",
            "Achieve clean water in every coastal town",
        ),
        # what a framework is for
        (
            "The Healthy Rivers plan provides a framework for action to reduce farm runoff into the Ouse.",
            "Reduce farm runoff into the Ouse",
        ),
        # a list of means before the subject, and the body's doings in their base form
        (
            "By collecting, cataloguing and lending tools to neighbours, the Tool Library cuts waste and "
            "builds trust across Leith.",
            "Cut waste and build trust across Leith",
        ),
        (
            "The tasks of this group focus on finding, detailing and recommending practices for data "
            "citation.",
            "Find, detail and recommend practices",
        ),
        # a heading line above its paragraph is a sentence of its own
        (
            "Together we can grow food for everyone\n\nShared Plots provides tools and seeds so families "
            "across the Wye Valley can grow their own vegetables.",
            "Provide tools and seeds so families across the Wye Valley can grow",
        ),
        (
            "Welcome to the Riverside Orchard – a project that will bring free fruit to every street in "
            "the ward while teaching children to graft trees.",
            "Bring free fruit to every street",
        ),
        (
            "The Linden Trust's purpose is to uphold our values as shown below. Our mission: We plant trees.",
            "Plant",
        ),
        # "The organization" is the body: its verbs, all of them, in their base form
        (
            "The organization develops tools and programs that help tenants organise across Leeds.",
            "Develop tools and programs that help tenants organise across Leeds",
        ),
        (
            "The network shares experience with existing food banks, identifies gaps in supply and "
            "collaborates towards shared solutions.",
            "identify gaps in supply and collaborate towards shared solutions",
        ),
        (
            "The hub provides a shared van and includes a cold store for the pantries of the valley.",
            "Provide a shared van and include a cold store",
        ),
    ],
)
def test_aims_written_as_descriptions_are_drafted_in_their_own_words(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(drafted in s for s in statements), statements


def test_an_aim_after_its_our_goal_to_or_we_hope_to_also_is_drafted_in_its_words() -> None:
    goal = (
        "Teens face rising anxiety. It's our goal to provide adolescents with the wellness tools they need."
    )
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(s.startswith("Provide adolescents with the wellness tools") for s in statements), statements
    statements = [
        d.statement for d in draft_purpose(goal="We hope to also provide SAT tutoring in Oakland.").drafts
    ]
    assert any(s.startswith("Provide SAT tutoring in Oakland") for s in statements), statements
    assert not any(s.lower().startswith(("also", "by [year], also")) for s in statements), statements


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        # what a body is for, after the body noun or its funder
        (
            "The Clear Sky Initiative is a regional partnership to accelerate clean heating in Lodz.",
            "Accelerate clean heating in Lodz",
        ),
        (
            "The Reading Hubs are funded by the State Library to improve adult literacy in rural Victoria.",
            "Improve adult literacy in rural Victoria",
        ),
        # a quoted statement is the statement
        (
            "“We partner to end child hunger in Fresno County.”",
            "Partner to end child hunger in Fresno County",
        ),
        # a goal of doing two things: both in their base form
        (
            "The Schema Group is a community of people with the common goal of evolving and maintaining the "
            "open transit schema.",
            "Evolve and maintain the open transit schema",
        ),
        # "it's our goal to" after an opening phrase
        (
            "At Harbor Teens, it’s our goal to provide\nadolescents with peer counselling after school.",
            "Provide adolescents with peer counselling after school",
        ),
    ],
)
def test_round_twelve_aims_are_drafted_in_their_own_words(goal: str, drafted: str) -> None:
    result = draft_purpose(goal=goal)
    statements = [d.statement for d in result.drafts]
    assert not result.warnings, result.warnings
    assert any(s.startswith(drafted) for s in statements), statements


def test_a_name_that_opens_with_a_verb_is_no_goal_and_emoji_codes_are_dropped() -> None:
    goal = "Open Tulsa believes civic data belongs to everyone :rocket:. We train residents to use city data."
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert all("believes" not in s and ":rocket" not in s for s in statements), statements
    assert statements[0].startswith(("Train residents", "By [year], train residents")), statements


@pytest.mark.parametrize(
    ("goal", "kept", "never"),
    [
        # a list of places stays whole, and is never moved to the front cut in two
        (
            "Their mission is to fund local theatre in England, Scotland and Wales.",
            "in England, Scotland and Wales",
            "In England, fund",
        ),
        (
            "The pilots run in Indore (India), Jakarta (Indonesia) and Nairobi (Kenya). We aim to cut "
            "roadside dust.",
            "Indore (India), Jakarta (Indonesia) and Nairobi (Kenya)",
            "In Indore,",
        ),
        # the place a name holds is no place of the goal; a label's "City" is no place
        (
            "The hub is a collaboration with the University of Arkansas. The goal of this project is to "
            "support data linkage for rural clinics.",
            "Support data linkage for rural clinics",
            "Arkansas",
        ),
        ("**City-seeded trusts:** Denver funds 5 land trusts with $10M each.", "in Denver", "in City"),
        # the place in the body's name fills a vague "our community"; a region of a state stays a region;
        # "the X area" keeps its area word
        (
            "The Maple Township Interfaith Council brings congregations and neighbours together to "
            "strengthen service across our community.",
            "Maple Township",
            "[a defined group or place",
        ),
        (
            "The United Way of Northern Ohio believes strong boards matter. This is why the United Way of "
            "Northern Ohio is committed to strengthening the capacity of our agencies and partners.",
            "in Northern Ohio",
            "in Ohio",
        ),
        (
            "We are dedicated to promoting fitness among older individuals in the Fresno area. Our club "
            "offers a supportive community. Join us in our mission to prioritize health and wellness for "
            "all.",
            "Prioritize health and wellness for all in the Fresno area",
            "in the Fresno by",
        ),
        # a quotation the aim ends inside stays closed
        (
            'Its primary mission is to ensure "a sustainable food system" in order to create a '
            '"food-secure City of Leeds."',
            '"food-secure City of Leeds"',
            "City of Leeds,",
        ),
        # a town no list holds, before its state, is never widened to a country the gazetteer knows
        (
            "Main Street Pantry is a food pantry in China Grove, North Carolina. The pantry provides food "
            "to families in need.",
            "China Grove, North Carolina",
            "in China,",
        ),
        # the means after the aim are cut
        (
            "Our mission is to ensure great art is available to everyone in Wales, and we do this by "
            "funding venues and training artists.",
            "Ensure great art is available to everyone in Wales",
            "we do this",
        ),
    ],
)
def test_a_drafts_places_are_the_goals_and_kept_whole(goal: str, kept: str, never: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(kept in s for s in statements), statements
    assert not any(never in s for s in statements), statements


def test_a_target_the_text_states_is_the_drafts_result_and_deadline() -> None:
    goal = (
        "We provide open clinical forms for rural clinics.\n\n## Goals 2027\n\n- ✅ 3 country deployments\n"
        "- 🎯 8 country deployments\n- 🎯 40 forms\n"
    )
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any("reaching 8 country deployments and 40 forms by 2027" in s for s in statements), statements
    assert not any("3 country deployments" in s or "[year]" in s for s in statements), statements
    told = (
        "Provide seedlings to farmers. The target to achieve 40% more tree cover in Kitui by 2035 was set "
        "in 2021."
    )
    statements = [d.statement for d in draft_purpose(goal=told).drafts]
    assert any(s.endswith("by 2035.") for s in statements), statements


def test_a_workspaces_numbered_objective_and_purpose_article_are_drafted_and_asset_rules_are_not(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    constitution = write(
        tmp_path / "constitution.md",
        "# Constitution\n\n2.1 Main Objective\nTo promote community forestry across the Sahel.\n\n"
        "2.2 Specific Objectives\nThe Network shall have the following objectives: a) To train forest "
        "groups; b) To publish prices.\n",
    )
    bylaws = write(
        tmp_path / "bylaws.md",
        "# Bylaws\n\n## Article II - Purpose\nThe Fund is organized exclusively for charitable purposes. "
        "Specifically, the Fund shall provide grants to students in Fresno for books and fees.\n\n"
        "## Article IX - Assets\nAll the assets and earnings of the Fund shall be used exclusively for its "
        "exempt purposes.\n",
    )
    mou = write(
        tmp_path / "mou.md",
        "# Memorandum\n\n## Article 2\n\n1. The objective of the Partnership is to develop and promote "
        "integrated river basin management and to that end:\n\na) support national dialogues;\n",
    )
    # the body named with "the", then "will" (or "will also"): its aim, never slots only
    charter = write(
        tmp_path / "charter.md",
        "# Charter\n\n## Purpose\n\nThe alliance will cut food waste in Leeds by 30% by 2028.\n",
    )
    for doc, expected in (
        (charter, "ut food waste in Leeds by 30%"),
        (constitution, "Promote community forestry across the Sahel"),
        (bylaws, "Provide grants to students in Fresno for books and fees"),
        (mou, "Develop and promote integrated river basin management"),
    ):
        statements = [d.statement for d in drafts_from(runtime, doc, f"{workspace_name}-{doc.stem}").drafts]
        assert any(expected in s for s in statements), statements
        assert not any("assets" in s or "and to," in s or "that end" in s for s in statements), statements


def test_a_workspace_that_states_no_goal_is_drafted_from_the_sentence_most_like_a_purpose(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    charter = write(
        tmp_path / "charter.md",
        "# Riverside Food Network\n\n## About\n\nThe Riverside Food Network is a partnership of pantries and "
        "clinics that connects families in need with food and health services across Riverside County.\n\n"
        "## Meetings\n\nThe group meets on the first Monday of each month. Minutes are shared by email.\n",
    )
    result = drafts_from(runtime, charter, workspace_name)
    statements = [d.statement for d in result.drafts]
    assert any(s.startswith("Connect families in need with food and health services") for s in statements), (
        statements
    )
    assert not any("meets" in s or "Minutes" in s for s in statements), statements
    # it says the drafts come from a description, and cites the sentence
    assert result.warnings == [GOAL_FROM_A_DESCRIPTION]
    assert any("connects families in need" in c.quote for c in result.citations), result.citations
    # a charity's objects quoted as a block ("> ") read the same
    quoted = write(
        tmp_path / "articles.md",
        "# Articles\n\n## 4. Objects\n\n> For the public benefit, build and support a community around\n"
        "> climate technology projects in Scotland.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, quoted, f"{workspace_name}-quoted").drafts]
    assert any("uild and support a community around climate technology projects" in s for s in statements), (
        statements
    )


@pytest.mark.parametrize(
    ("sentence", "goal"),
    [
        (
            "For the public benefit, build and support a community around climate technology projects.",
            "Build and support a community around climate technology projects",
        ),
        (
            "Our aim is to make it easy to share second hand school uniform across Leeds.",
            "Make it easy to share second hand school uniform across Leeds",
        ),
        # a statement cut into an order, an aim that points back, a document's own purpose: no goal
        ("To tackle food waste in the city it is important to build open community structures.", None),
        ("The Digital Hub will foster this network, hosting training resources for museums.", None),
        ("This charter describes how the steering group makes decisions and resolves disputes.", None),
    ],
)
def test_a_sentence_like_a_purpose_becomes_a_goal_only_when_it_reads_as_one(
    sentence: str, goal: str | None
) -> None:
    assert _goal_made_of(sentence) == goal


def drafts_from(runtime: Runtime, doc: Path, workspace: str) -> PurposeDrafts:
    """The rule drafts of a workspace holding `doc` alone."""
    ingest_paths(
        [doc], workspace, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )
    return draft_purpose(workspace=workspace, retriever=runtime.retriever, rank_purpose=purpose_sentence)


@pytest.mark.parametrize(
    ("goal", "drafted", "never"),
    [
        (
            "The Genome Bridge project is helping create a shared registry of rare disease data.",
            "Create a shared registry",
            "Help",
        ),
        (
            "Our members see the benefits of working collectively to improve transparency in aid.",
            "Improve transparency in aid",
            "See",
        ),
        (
            "Clinic Sunday is a non-profit that provides free dental care to uninsured adults.",
            "Provide free dental care",
            "Clinic",
        ),
        (
            "The Foundation exists to support long-term, sustainable growth in Laurens County.",
            "long-term, sustainable growth",
            "by [year], sustainable",
        ),
    ],
)
def test_round_thirteen_aims_are_drafted_whole(goal: str, drafted: str, never: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(drafted in s for s in statements), statements
    assert not any(s.startswith(never) or never in s for s in statements), statements


def test_a_subject_is_never_turned_into_a_verb() -> None:
    for goal, never in (
        ("Our partners represent the whole music industry in 12 countries.", "Partner represent"),
        (
            "A coalition dedicated to advancing tenant rights was central to our strategy.",
            "Advance tenant rights was",
        ),
        ("There will be no child without a library card in Ohio by 2030.", ", There"),
        ("Joining as a member or other partner means joining a network of tenant unions.", "Join as a"),
    ):
        statements = [d.statement for d in draft_purpose(goal=goal).drafts]
        assert not any(never in s for s in statements), statements


def test_a_bylaws_purpose_article_is_drafted_and_duties_blanks_and_provisos_are_not(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    bylaws = write(
        tmp_path / "bylaws.md",
        "# Bylaws\n\n## ARTICLE I. NAME AND PURPOSE\n\nThe name of the association shall be the Elm Park "
        "Association.\n\nThe association will operate in an effort to maintain and improve the parks of "
        "Elm Park.\n\n## ARTICLE IX. FISCAL MATTERS\n\n1. Fiscal Year: The fiscal year shall end on [TBD — "
        "e.g., December 31].\n",
    )
    charter = write(
        tmp_path / "charter.md",
        "# Working group charter\n\n## Members\n\nSteering members are required to:\n\n* Provide sustained "
        "development from two or more persons each year.\n\n## Scope\n\nThe group works to make lab "
        "software interchangeable.\n\n## Legal\n\nIn the event the parties seek to enter into a binding "
        "contract, a written agreement shall be signed.\n",
    )
    corporate = write(
        tmp_path / "corporate.md",
        "# Bylaws\n\n3.1 Purposes\n\nThe purposes for which the Company is formed include maintaining the "
        "Ruby package index for the companies that rely on it.\n",
    )
    for doc, expected in (
        (bylaws, "Maintain and improve the parks of Elm Park"),
        (charter, "Make lab software interchangeable"),
        (corporate, "Maintain the Ruby package index"),
    ):
        statements = [d.statement for d in drafts_from(runtime, doc, f"{workspace_name}-{doc.stem}").drafts]
        assert any(expected in s for s in statements), statements
        assert not any(re.search(r"TBD|two or more persons|binding contract", s) for s in statements), (
            statements
        )


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        ("We envision training 5,000 youth organizers by 2030", "Train 5,000 youth organizers by 2030"),
        # the sentences before a lead-in on their line ("Also, we:") still count
        (
            "Harbor Youth's mission is to open a teen center in every ward of Harbor City. Also, we:",
            "Open a teen center in every ward of Harbor City",
        ),
        # a defined term between the mission and the body
        (
            'The primary mission (the "Mission") of the Open Film Fund (the "Fund") is to fund open source '
            "tools for film archives.",
            "Fund open source tools for film archives",
        ),
        (
            "This group is focused specifically on establishing open standards for clinic software, hence, "
            "its members meet monthly.",
            "Establish open standards for clinic software",
        ),
    ],
)
def test_round_fourteen_aims_are_drafted_in_their_own_words(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(s.startswith(drafted) or s.startswith(f"By 2030, {drafted[0].lower()}") for s in statements), (
        statements
    )
    assert not any("hence" in s or "(the" in s.lower() for s in statements), statements


def test_every_verb_of_a_list_takes_its_base_form_and_a_cut_placeholder_is_no_goal() -> None:
    statements = [
        d.statement for d in draft_purpose(goal="The Fund supports and sponsors open data projects.").drafts
    ]
    assert any(s.startswith("Support and sponsor open data projects") for s in statements), statements
    statements = [
        d.statement for d in draft_purpose(goal="Partners will support people who use drugs].").drafts
    ]
    assert not any("drugs]" in s for s in statements), statements


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        # a gerund and a plural noun that are the subject: "Giving circles" is no "Give circles"
        ("Giving circles pool resources to fund grassroots groups in Detroit.", "Pool resources to fund"),
        (
            "Member organizations share data to reduce asthma in Fresno.",
            "Share data to reduce asthma in Fresno",
        ),
        ("We negotiate bilateral agreements for refugees in Kenya.", "Negotiate bilateral agreements"),
        ("We want every child in Accra reading by age 8!", "Get every child in Accra reading by age 8"),
        # an emoji ends nothing and is never drafted; the sentence after "!" is one of its own
        (
            "Our mission is to end hunger in Laurens County! 🎉 We feed 2,000 families a week.",
            "End hunger in",
        ),
    ],
)
def test_round_fourteen_subjects_emoji_and_exclamations_are_drafted_whole(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert statements[0].startswith(drafted), statements
    assert not any(re.search(r"Give circles|[!🎉]|\[a defined group", s) for s in statements), statements
    assert not any("County!" in s or "end hunger County" in s for s in statements), statements


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        # a setting before the subject, then the lead-in
        (
            "In the spirit of faith and service, we strive to bring neighbours closer together.",
            "Bring neighbours",
        ),
        ("We come together to grow food and plant trees for the neighborhood.", "Grow food and plant trees"),
        (
            "The main focus of the clinic was and is to help families in Tema get care.",
            "Help families in Tema",
        ),
        (
            "Vision: “To empower the women of Kibera to start their own businesses.”",
            "Empower the women of Kibera",
        ),
        (
            "Riverside Relief is working at the grass root level to empower women to start businesses.",
            "Empower women",
        ),
        (
            "In concert with 120 community groups, as the Bikeways Coalition, we’re calling on the city to "
            "build 100 kilometres of bikeways.",
            "Get the city to build 100 kilometres of bikeways",
        ),
        (
            "The Institute for Community Inclusion at Lakeside University supports the rights of adults with "
            "disabilities to live in the community.",
            "Support the rights of adults with disabilities",
        ),
        ("It is vital for the Society to ensure that smoke-free laws are enacted in Ohio.", "Ensure that"),
        (
            "Moved by the plight of refugees, members of the Parish Circle volunteer with the Refugee "
            "Service to visit people held near the airport.",
            "Volunteer with the Refugee Service to visit people held near the airport",
        ),
        ("We have planning to open 50 learning centers in Delhi.", "Open 50 learning centers in Delhi"),
        (
            "The Youth Forum is designing this (Amani project) to encourage young people to take part in "
            "peacebuilding in 5 territories of North Kivu. The project will be implemented from January "
            "2015.",
            "Encourage young people to take part in peacebuilding in 5 territories of North Kivu",
        ),
        (
            "East Side Transit is a union project fighting to build fare-free transit for working people.",
            "Build fare-free transit",
        ),
    ],
)
def test_round_fifteen_aims_are_drafted_in_their_own_words_not_slots(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(
        s.startswith(drafted) or s.startswith(f"By [year], {drafted[0].lower()}{drafted[1:]}")
        for s in statements
    ), statements
    assert not any(
        re.search(r"“|”|will be implemented|Fight to|for \[a defined group", s) for s in statements
    ), statements


def test_a_noun_after_a_present_verb_a_belief_and_a_figure_in_words_are_never_drafted_as_doings() -> None:
    statements = [
        d.statement
        for d in draft_purpose(
            goal="Hope House is a charity that provides education and training to adults in Mombasa."
        ).drafts
    ]
    assert any(s.startswith("Provide education and training to adults") for s in statements), statements
    statements = [
        d.statement
        for d in draft_purpose(
            goal="To serve our patients with basic care with the understanding that every life matters."
        ).drafts
    ]
    assert not any("understand" in s.lower() for s in statements), statements
    statements = [
        d.statement for d in draft_purpose(goal="To empower them to be leaders in their villages.").drafts
    ]
    assert any(s.startswith("Empower them to be leaders") for s in statements), statements


@pytest.mark.parametrize(
    ("document", "opening"),
    [
        # a purposes list under a numbered heading
        (
            "# Rules\n\n### **4. Purposes**\n\n4.1. The Society is established for charitable purposes, "
            "namely:\n\n- (i) advancing education by running meetups and courses on open data in Otago.\n"
            "- (ii) as a support community for open data.\n",
            "Advance education by running meetups and courses on open data",
        ),
        # with no mission stated, what the body is for comes before a listed activity
        (
            "# Leeds Repair Network\n\n## What we do\n\n- Run a monthly repair café in each ward.\n- Publish "
            "a list of repairers.\n\n## About\n\nThe Leeds Repair Network is a partnership of libraries and "
            "community groups that helps residents repair household goods rather than throw them away.\n",
            "Help residents repair household goods rather than throw them away",
        ),
    ],
)
def test_a_workspaces_first_draft_is_what_its_body_is_for(
    runtime: Runtime, tmp_path: Path, workspace_name: str, document: str, opening: str
) -> None:
    statements = [
        d.statement for d in drafts_from(runtime, write(tmp_path / "doc.md", document), workspace_name).drafts
    ]
    assert statements[0].startswith(opening), statements


def test_a_workspaces_purpose_list_mission_and_plan_period_are_drafted_and_a_membership_count_is_not(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    plan = write(
        tmp_path / "plan.md",
        "# Youth Climate Foundation\n# STRATEGIC PLAN: 2025-2026\n\n## Mission\nTo mobilize young people in "
        "Ghana to act on climate change.\n\n## Objectives\n- **Objective 1.1**: Develop and deliver at "
        "least 3 workshops for young people on climate issues.\n",
    )
    terms = write(
        tmp_path / "terms.md",
        "# Technical Committee\n\n## Membership\n\n* Up to three (3) members from the Members Committee\n\n"
        "Their term may vary from one (1) to three (3) years.\n\n## Objectives\n\nShare learning and best "
        "practice. • To recognise excellence. • To develop an evidence base.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, plan, f"{workspace_name}-p").drafts]
    assert statements[0].startswith("Mobilize young people in Ghana to act on climate change"), statements
    assert all("2026" in s for s in statements), statements
    statements = [d.statement for d in drafts_from(runtime, terms, f"{workspace_name}-t").drafts]
    assert not any(s.startswith("Three") or "•" in s for s in statements), statements


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        (
            "Our mission is to co-create safe spaces for young women in Barwani. 2025 - Pilots launched.",
            "Co-create",
        ),
        (
            "The museum wants to guard, preserve and promote the study of its collection.",
            "Guard, preserve and",
        ),
        (
            "Our River Guardians initiative focuses on monitoring the water quality of the Avon.",
            "Monitor the water",
        ),
        (
            "The Mission of the Print Association is:\n\n> _Delivering open standards for printing._",
            "Deliver open",
        ),
        ("The object of the CIO is for the advancement of education in Southampton.", "Advance education in"),
        ("The objects of the charity are the relief of poverty in Leeds.", "Relieve poverty in Leeds"),
        ("Mission: Provision of basic education to orphans in Gulu.", "Provide basic education to orphans"),
        (
            "We monitor, investigate and help solve planning issues in North Toronto.",
            "Monitor, investigate and",
        ),
        (
            "We endeavor to be a strong voice of small farmers in Nepal. We also want to sell seeds.",
            "Be a strong voice",
        ),
        (
            "Co-operatives have the objective of creating jobs and generating wealth in Quito.",
            "Create jobs and generate wealth",
        ),
        # a one-line goal whose list was cut off is still the goal
        (
            "Maintain and develop shared guidance for food banks to meet the needs of members:",
            "Maintain and develop shared guidance for food banks",
        ),
        # what a named body does, an aim in a relative clause, a vision "that it helps"
        (
            "The Opportunity Fund (a.k.a. 'TOF') engages landlords, tenants and builders to fix damp homes.",
            "Engage landlords, tenants and builders to fix damp homes",
        ),
        (
            "This toolkit was written by the Eastside Alliance, which aims to end evictions of families "
            "with children.",
            "End evictions of families with children",
        ),
        ("Our vision for the fund is that it helps tenant unions to win repairs.", "Help tenant unions"),
        (
            "The working group is focused on documenting and outlining possible roles for residents.",
            "Document and outline possible roles",
        ),
        ("The Riverside Fund quickly assesses, funds, and grows tenant unions.", "Assess, fund, and grow"),
        ("The purpose of working groups is to study and report on housing.", "Study and report on housing"),
        ("Our vision is of a city where every renter has a safe home.", "Build a city where every renter"),
        # round 22: a name holding "to <Verb>", a headline's focus, a doing "core to what we do", a plan
        # that "calls for" a doing, an opening before the body, a gerund after the body's noun
        (
            "The Harbour Fund to End Hunger (HFEH) is a partnership of food banks. It raises and invests "
            "money to support pantries in Leeds.",
            "Raise and invest money to support pantries",
        ),
        (
            "Riverside Tenants - Leeds' founding renters' org, focused on advocating for repairs in homes.",
            "Advocate for repairs in homes",
        ),
        (
            "Providing legal advice to tenants, and ensuring that repairs are made, is core to what we do.",
            "Provide legal advice to tenants, and ensure that repairs are made, reaching",
        ),
        (
            'Objective 5 of the plan calls for "Developing and strengthening partnerships of tenant unions".',
            "Develop and strengthen partnerships of tenant unions",
        ),
        (
            "As defined in the charter, the Tenant Steering Committee oversees all repair campaigns.",
            "Oversee all repair campaigns",
        ),
        ("Renters United is a member-led project, building an open register of landlords.", "Build an open"),
        (
            "The mission of the group is to ensure landlords meet the repair standard through the following "
            "activities: inspections; training.",
            "Ensure landlords meet the repair standard, reaching",
        ),
        ("Its programmes include: Support of youth programs in Kisumu.", "Support youth programs"),
        ("Our mission: to empower Children,Young People,Women in Kisumu.", "Empower Children, Young"),
        # round 23: what "they are currently doing", a clinic's or a heading's plain verb
        (
            "Parents for Clean Air is a grassroots group. They are currently advocating for electric "
            "school buses. They meet monthly.",
            "Advocate for electric school buses",
        ),
        (
            "Harbour Street Clinic clinic offers harm reduction services to people who use drugs.",
            "Offer harm",
        ),
        ("## Mission\n\nProvides APIs for the shared referral system of the county.", "Provide APIs for"),
        # no goal the rules know, but what the body is for: an infinitive of purpose, what its people
        # do, a doing after its role
        (
            "The Transit Data Group was convened by the city in 2016, consisting of agencies and "
            "developers, to define common practices for bus data.",
            "Define common practices for bus data",
        ),
        (
            "Code for Harbour is a volunteer meetup of designers and many others who use creative "
            "technology to solve civic problems.",
            "Use creative technology to solve civic problems",
        ),
        (
            "The Division for Sustainable Development Goals in the United Nations Department of Economic "
            "and Social Affairs acts as the Secretariat for the goals, providing substantive support to "
            "member states.",
            "Provide substantive support to member states",
        ),
    ],
)
def test_aims_written_in_other_ways_are_drafted_not_replaced_by_slots(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert statements[0].startswith(drafted), statements


def test_tags_links_conditions_and_the_means_keep_out_of_a_draft() -> None:
    goals = [
        ("Build up genderless leadership in Lima (SDG #5, #10).", "SDG"),
        ("The Chapter supports the aims of OSGeo([http://osgeo.org](http://osgeo.org/)) in the UK.", "http"),
        (
            "The object of the CIO is the advancement of education in Leeds, without distinction of sex.",
            "without",
        ),
        (
            "Hope House welcomes refugees by providing shelter, advice and bridges into the community.",
            "and bridge ",
        ),
    ]
    for goal, never in goals:
        statements = [d.statement for d in draft_purpose(goal=goal).drafts]
        assert statements and not any(never in s for s in statements), statements


def test_a_constitutions_objects_are_drafted_first_and_its_powers_and_tenure_rules_never(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    club = write(
        tmp_path / "club.md",
        "# Constitution\n\n## 2. Object\n\n2.1 The objects for which the Club is established are:\n\n"
        "a) To encourage girls' football in and around Farnham.\n\nb) To provide organisational support for "
        "each team.\n\n## 4. Officers\n\nOfficers shall hold office for 3 calendar years and shall be "
        "re-eligible once.\n",
    )
    charity = write(
        tmp_path / "charity.md",
        "# Constitution\n\n### 3. Objects###\n\nThe charity's objects are:\n\nThe Chapter raises the profile "
        "of open mapping within Wales.\n\n### 4. Powers\n\nThe charity may obtain and pay for such goods and "
        "services as are necessary for carrying out its work.\n",
    )
    rules = write(
        tmp_path / "rules.md",
        "# Rules\n\n## 2. Objects\n\nThe objects of the Club shall be to promote the game of football in "
        "Feering.\n",
    )
    for doc, expected in (
        (club, "Encourage girls' football in and around Farnham"),
        (charity, "Raise the profile of open mapping within Wales"),
        (rules, "Promote the game of football in Feering"),
    ):
        statements = [d.statement for d in drafts_from(runtime, doc, f"{workspace_name}-{doc.stem}").drafts]
        assert statements[0].startswith(expected), statements
        assert not any(re.search(r"hold office|goods and services", s) for s in statements), statements


def test_a_draft_asks_for_no_group_its_text_does_not_name_and_the_check_still_says_it_is_missing() -> None:
    # reviewers judged an added "for [a defined group or place]" a needless slot in 60% of the drafts
    # that had one (evals/drafts rounds 10-16, 469 drafts): the check beside the draft asks instead
    drafts = draft_purpose(
        goal="Our mission is to develop and maintain a data standard for solid biomass."
    ).drafts
    assert drafts and not any("[a defined group" in d.statement for d in drafts), [
        d.statement for d in drafts
    ]
    assert all(not d.check.criteria["population"].met for d in drafts)
    assert all(d.check.score < 100 for d in drafts)


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        ("Our mission can be summed up in a quest to pioneer rural journalism in Enugu.", "Pioneer rural"),
        ("The mission encapsulates a mission to re-discover the prospects of rural dwellers.", "Re-discover"),
        (
            "To change this and to make our roads safer by teaching road sense,we started a camp in Chennai.",
            "Change this and make our roads safer",
        ),
        (
            "What the Friends can do is to strengthen the library's offerings, to increase its use, and to "
            "demonstrate its value.",
            "Strengthen the library's offerings, increase its use, and demonstrate",
        ),
        (
            "Using a method which bypasses the need to learn the alphabet, ALfA unlocks paired learning in "
            "Mali.",
            "Unlock paired learning",
        ),
        (
            "The Colorado Adult Education Association, CAEPA, provides leadership to adult educators (CAEPA, "
            "n.d., Mission Statement).",
            "Provide leadership to adult educators",
        ),
        ("GeriLife is a toolkit designed to empower caregivers in care homes.", "Empower caregivers"),
        ("We leverage open mapping to solve the needs of communities in Manila.", "Leverage open mapping"),
        ("Let's gather leaders in Local Chapters to share what works.", "Gather leaders"),
        (
            "The objectives of the Association shall be the furthering of studies in the philosophy of "
            "science.",
            "Further studies",
        ),
        ("Strawberry Fair was founded to run a free event that is open to everyone.", "Run a free event"),
    ],
)
def test_round_seventeen_aims_are_drafted_in_their_own_words(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert statements[0].startswith(drafted), statements
    assert not any(re.search(r"n\.d\.|not 'everyone'|Expand and", s) for s in statements), statements
    assert (
        "As cities expand"
        not in draft_purpose(goal="As cities expand, people grow food.").drafts[0].statement
    )


def test_a_workspaces_stated_mission_under_a_heading_or_its_title_is_drafted(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    plan = write(
        tmp_path / "plan.md",
        "# Strategic plan\n\n## Services\n\n- Provide answers and information for all ages.\n\n"
        "### These goals are supported by our mission statement:\nTo provide education and enrichment to "
        "the people of Darien.\n",
    )
    foundation = write(
        tmp_path / "foundation.md",
        "# Overarching Goal of the Makerspace Foundation\nTo aid in the growth of the maker community by "
        "working with groups to develop spaces.\n\n* Run events with member spaces\n",
    )
    bylaws = write(
        tmp_path / "bylaws.md",
        "# Bylaws\n\n## Article II: Purposes\n\nThe Cooperative shall strive to perform data analysis for a "
        "sustainable world.\n\nThe Cooperative shall strive to provide members with fulfilling work.\n",
    )
    for doc, expected in (
        (plan, "Provide education and enrichment to the people of Darien"),
        (foundation, "Aid in the growth of the maker community"),
        (bylaws, "Perform data analysis for a sustainable world"),
    ):
        statements = [d.statement for d in drafts_from(runtime, doc, f"{workspace_name}-{doc.stem}").drafts]
        assert statements[0].startswith(expected), statements


def test_a_hard_wrapped_mission_is_one_sentence_and_an_institutions_name_is_no_group() -> None:
    wrapped = (
        "The mission of the Earth group is to advance research and education of Chinese\n"
        "Earth Sciences and to promote scientific collaboration between China and other\ncountries."
    )
    first = draft_purpose(goal=wrapped).drafts[0].statement
    assert first.startswith("Advance research and education of Chinese Earth Sciences and promote"), first
    named = "The Vanita women's university aims to make an impact on wildlife preservation in Pune."
    statements = [d.statement for d in draft_purpose(goal=named).drafts]
    assert not any("for women" in s for s in statements), statements
    assert check_purpose_rules("Improve women's health in Kenya by 2030.").criteria["population"].met


def test_a_doing_that_helps_bring_about_a_result_is_drafted_with_its_result() -> None:
    first = draft_purpose(goal="Providing garden plots for renters helps to makes Leeds greener.").drafts[0]
    statement = first.statement
    assert statement.startswith("Provide garden plots for renters to make Leeds greener"), statement


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        (
            "Our primary focus is on player welfare and development; to be inclusive.",
            "Focus on player welfare",
        ),
        ('The mission of the Care Group is to "restore the bush" on Cooleman Ridge.', "Restore the bush on"),
        (
            "The Farmers Union is an advocate for family farmers in Wyoming.",
            "Be an advocate for family farmers",
        ),
        (
            "Harm reduction programs provide information on the risks if one chooses to experiment.",
            "Provide information on the risks",
        ),
    ],
)
def test_round_eighteen_aims_are_drafted_and_a_structure_rule_is_not(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert statements[0].startswith(drafted), statements
    assert not any(re.search(r"Focus is|if one chooses|“|\"", s) for s in statements), statements
    structure = "The cooperative shall be structured to form an equitable organization for building software."
    assert not any(
        s.statement.startswith("The cooperative shall") for s in draft_purpose(goal=structure).drafts
    )


def test_a_named_plan_sets_the_deadline_and_a_definition_clause_is_no_purpose(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    doc = write(
        tmp_path / "strategy.md",
        "# Our strategic plan\n\nThis was the first year of our work under Strategy 2020, the five-year "
        'plan.\n\n## Definitions\n\nThe expression "the faculty" shall mean the Faculty of Engineering, '
        "hereinafter referred to as the faculty.\n\n### Our mission\n\nTo reduce suffering across "
        "Australia.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, doc, f"{workspace_name}-s").drafts]
    assert statements[0].startswith("Reduce suffering across Australia"), statements
    assert all("2020" in s for s in statements), statements
    assert not any("faculty" in s for s in statements), statements


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        # a headline: the body, then what it is for
        (
            "A community coalition to cut child food insecurity in Dayton from 14% to 9% by 2028.",
            "Cut child food insecurity in Dayton from 14% to 9% by 2028.",
        ),
        (
            "A network of clinics to expand dental care for children in rural Montana.",
            "Expand dental care for children in rural Montana",
        ),
        # an end state named as a noun phrase
        ("Zero traffic deaths in Portland by 2035.", "Achieve zero traffic deaths in Portland by 2035."),
        (
            "Our goal: fewer ER visits for asthma in Fresno by 2027.",
            "Reduce the number of ER visits for asthma in Fresno",
        ),
        (
            "Every child in Leeds reading at grade level by 2030.",
            "Get every child in Leeds reading at grade level by 2030.",
        ),
    ],
)
def test_a_goal_written_as_a_headline_or_an_end_state_is_drafted_in_its_own_words(
    goal: str, drafted: str
) -> None:
    result = draft_purpose(goal=goal)
    statements = [d.statement for d in result.drafts]
    assert not result.warnings, result.warnings
    assert any(s.startswith(drafted) for s in statements), statements


@pytest.mark.parametrize(
    "clause",
    [
        "The Board may establish a working group to review the budget.",
        "More information is available on the website.",
        "Every member organisation meeting the criteria may vote.",
    ],
)
def test_a_rule_or_a_notice_is_never_drafted_as_a_goal(clause: str) -> None:
    result = draft_purpose(goal=clause)
    assert all(d.statement.startswith("Reach [") for d in result.drafts), [d.statement for d in result.drafts]


@pytest.mark.parametrize(
    ("goal", "drafted"),
    [
        # a setting before the verb or the lead-in
        (
            "In close collaboration with the county, lead a review of the shelter standards.",
            "Lead a review of the shelter standards",
        ),
        (
            "During the three year period, the Alliance will aim to engage four partner cities.",
            "Engage four partner cities",
        ),
        ("As soon as possible, we'd like to open a second pantry in Leith.", "Open a second pantry in Leith"),
        # a pledge, a target, a commitment to doing
        (
            "Under the Paris Agreement, Ruritania pledged to cut emissions 40 percent by 2030.",
            "Cut emissions",
        ),
        ("The county's target to halve rough sleeping by 2027 was set in May.", "Halve rough sleeping"),
        (
            "Vision Zero Leeds is the commitment and approach to eliminating deaths from road crashes.",
            "Eliminate deaths from road crashes",
        ),
        ("Countries joining the pledge commit to a collective goal of reducing flaring.", "Reduce flaring"),
        # an apposition before "aims to"; an adverb before the verb; verbs of every kind
        (
            "The Bee Project, a moonshot for ecology, aims to sequence every bee species.",
            "Sequence every bee",
        ),
        ("Significantly increase the share of renewable power in Kenya.", "Significantly increase the share"),
        ("Add at least two new members to the board.", "Add at least two new members"),
        ("finalize the data-sharing agreement", "Finalize the data-sharing agreement"),
        # a year in the lead-in stays; a fundraising target is money to raise
        ("Our goal for 2026 is to open a tool library in Leith.", "By the end of 2026, open a tool library"),
        ("Our first fundraising target is $50,000 by the end of 2027.", "Raise $50,000 by the end of 2027"),
        # a purpose after "is to:", a setting clause, an adverb, "is intended to", "aspire to", "focus is to"
        ("The purpose of the Council is to: Streamline the intake forms.", "Streamline the intake forms"),
        (
            "As rents keep rising across Leith, we aim to bridge the gap with a tenants' fund.",
            "Bridge the gap with a tenants' fund",
        ),
        ("Politically, the Fellowship aims to be a voice for small farms.", "Be a voice for small farms"),
        (
            "The Map is intended to provide data on every food pantry in Ohio.",
            "Provide data on every food pantry",
        ),
        ("We aspire to provide every student with a mentor in Leeds.", "Provide every student with a mentor"),
        (
            "Our focus is to help more women lead tenant unions in Leeds.",
            "Help more women lead tenant unions",
        ),
        ("The long-term vision for the Hub is to serve as a resource for clinics.", "Serve as a resource"),
        # what a body was founded for, as a doing; gerunds after a preposition stay nouns
        (
            "The SSI was founded in 2010 as the first group dedicated to improving software in research.",
            "Improve software in research",
        ),
        (
            "The group is devoted to overseeing a tool for recording, documenting and running surveys.",
            "Oversee a tool for recording, documenting and running surveys",
        ),
        # round 35: "its" straight after the goal's verb, once the body's name is gone, is "our"
        ("The Leith Pantry Network helps its members share food.", "Help our members share food"),
        # round 35: what follows a name and a colon describes the name ("X: A seamless ...")
        (
            "The alliance was formed in 2002 to foster work towards building the Leith Food Map: A shared, "
            "open map of every pantry in the city.",
            "Foster work towards building the Leith Food Map, a shared, open map",
        ),
        # round 35: a report number inside a name ("(Report-No. 12)") ends no sentence
        (
            "Develop a shared intake form compliant with the county's Intake Standard (Report-No. 12). "
            "The board meets monthly.",
            "Develop a shared intake form compliant with the county's Intake Standard (Report-No. 12)",
        ),
        # round 35: an adverb before a list of doings after "for" keeps the list whole
        (
            "The Pantry Strategy centers on the On Ramp that implements an approach for directly feeding, "
            "housing and supporting Leith families.",
            "Implement an approach for directly feeding, housing and supporting Leith families",
        ),
        # round 20: a body set up to do several things, a modal subject after a setting, a heading line
        # run into its paragraph, efforts to do, a name with "with", an apposition, nouns of the doing
        (
            "The Fund is an African body set up to define, assess and enhance good governance.",
            "Define, assess",
        ),
        ("With your support, the Friends staff will keep Leith Park safe and clean.", "Keep Leith Park safe"),
        ("Mission  Lost Dog & Cat Rescue helps homeless pets find loving homes.", "Help homeless pets"),
        (
            "Association activities are focused on efforts to protect the lakes of Grand County.",
            "Protect the lakes",
        ),
        (
            "Friends of People with Disabilities provides a safe home for children in Kampala.",
            "Provide a safe home",
        ),
        (
            "The program, now in its second cohort, aims to bridge the digital divide in Accra.",
            "Bridge the digital",
        ),
        (
            "KYAF is a foundation dedicated to the growth and strengthening of youth involvement in policy.",
            "Grow and strengthen youth involvement",
        ),
        # round 19: the objective "of NGOs like us", an aim stated after another lead-in, a heading run in
        ("Thus, it is the objective of NGOs like us to provide drinking water in the villages.", "Provide"),
        (
            "The members are committed to being part of the network and their aim is to encourage trust.",
            "Encourage trust",
        ),
        (
            "OUR MISSION Green Streets Initiative helps people shift trips to cleaner modes.",
            "Help people shift",
        ),
        # what others should do, as the goal names it
        (
            "The council's long-term goal (LTG) for city buses to reach zero emissions by 2035.",
            "Get city buses to reach zero emissions by 2035",
        ),
        (
            "For input data, the goal is for all shelter data to have automatic checks.",
            "Get all shelter data",
        ),
        # a name that opens with a verb and a lead-in ("Resolve to Save Lives ... with a mission to")
        (
            "Resolve to Save Lives is an initiative with a mission to prevent 100 million deaths.",
            "Prevent 100 million deaths",
        ),
        # a setting with "With", a dash before the doing
        ("With a network of volunteers, we are creating a free map of food pantries.", "Create a free map"),
        ("The Library is part of the Book Alliance – bringing books to every child by 2030.", "Bring books"),
        # an aim that points back ("these efforts"): the main clause is the goal
        (
            "To support these efforts, the Mayor will invite every county to join a heat pact by 2027.",
            "Invite every county to join a heat pact by 2027",
        ),
        # a list's colon inside the sentence is no place for a capital
        (
            "Our aim is to build a city where: The river is safe to swim in.",
            "Build a city where the river is",
        ),
        (
            "Our objectives will be to deliver: A roadmap for shared data.",
            "Deliver a roadmap for shared data",
        ),
    ],
)
def test_more_real_ways_of_stating_an_aim_are_drafted_in_their_own_words(goal: str, drafted: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any(s.startswith(drafted) for s in statements), statements


def test_a_month_is_never_taken_for_a_place() -> None:
    statements = [
        d.statement for d in draft_purpose(goal="Hold a summit in May to plan the work in Leeds.").drafts
    ]
    assert not any(s.startswith("In May") for s in statements), statements
    assert not find_population("Hold a summit in May").met


def test_an_aim_announced_as_the_following_objectives_is_the_objective_not_the_announcement() -> None:
    goal = (
        "Initially, the WG will focus on the following objectives. Become a hub for R initiatives in Leeds."
    )
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert statements[0].startswith("Become a hub for R initiatives"), statements


def test_rules_how_tos_disclaimers_and_pronoun_clauses_in_a_workspace_are_never_drafted_as_its_goal(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    doc = write(
        tmp_path / "process.md",
        "# How the group works\n\n## Process\n\nThe vote lasts ten days. Voting ends at 23:59 UTC.\n\n"
        "Steering members serve a one-year term.\n\nTo publish a release, the Maintainer will merge the "
        "release branch.\n\nTo join, create a GitHub account if you don't have one.\n\nThe Project does not "
        "intend to be a marketing organization.\n\nThe Committee shall meet as necessary but shall strive to "
        "do so no less than quarterly.\n\nAn explicit non-goal is to prepare a funding strategy.\n\n"
        "To give feedback, email the chair.\n\nIts purpose is to describe how decisions are made.\n\n"
        "Publishers should aim to adopt a new version within 18 months.\n\nRun model.py under /code to "
        "produce the forecast.\n\nThe Treasurer shall prepare the annual report.\n\nSponsors that want to "
        "have an issue prioritized should contact us.\n\nTo suggest changes or issues, use the tracker."
        "\n\n"
        "Since the goal of the fund is to pay maintainers, the licence matters.\n\nThe Secretary shall "
        "complete the Annual Financial Report.\n\nTo fast-track a pull request, apply the fast-track label."
        "\n\nTo land, the pull request itself also needs two approvals.\n\nTo contribute to this guide see "
        "CONTRIBUTING.md\n\nParticipants are asked to state a position.\n\nMany proposals are created "
        "simply to gauge interest.\n\nThe proposer intends to retire the proposal on the closing date.\n\n"
        "To read more about the expert groups go here.\n\nThe fund will run for one year.\n\nTo fulfill its "
        "purpose, the association\n\nThe objective is to support delivery of these overall concerns and "
        "objectives.\n\nOur aim is to provide a summary here, and highly recommend that all\n\nEach party "
        "will be consulted before public announcements.\n\nTo maximize the number of funding sources that "
        "can use clr.fund, clr.fund must have a set of core properties.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, doc, workspace_name).drafts]
    junk = (
        r"23:59|one-year term|merge|GitHub|marketing|[Dd]o so|funding strategy|feedback|decisions|18 months"
        r"|model|annual|Annual|prioritized|tracker|maintainers|label|[Ll]and|approvals|guide|position"
        r"|gauge|retire|expert groups|one year|fulfill|delivery|summary|consulted|funding sources"
    )
    assert not any(re.search(junk, d) for d in drafts), drafts


@pytest.mark.parametrize(
    ("text", "drafted"),
    [
        (
            "# Board\n\n## Role\n\nThe role of the Resident Board is to advise the agencies on reaching "
            "tenants in Fresno.\n",
            "Advise the agencies on reaching tenants in Fresno",
        ),
        (
            "# Committee\n\n## Remit\n\nThe Marketing Committee is established to research and report on "
            "marketing strategies for the Network.\n",
            "Research and report on marketing strategies",
        ),
        (
            "# Group\n\n## Working Group Definition\n\nThe primary objective of this working group is "
            "to support career development in community roles.\n",
            "Support career development in community roles",
        ),
        (
            "# Committee\n\nThe Network establishes the Membership Committee for the purpose of handling "
            "applications from new partners.\n",
            "Handle applications from new partners",
        ),
        (
            "# Committee\n\n## Purpose\n\nThe main purpose of the committee is to uphold the Code of Conduct "
            "across the network's events.\n",
            "Uphold the Code of Conduct",
        ),
    ],
)
def test_a_workspaces_role_remit_and_establishing_purpose_are_drafted(
    runtime: Runtime, tmp_path: Path, workspace_name: str, text: str, drafted: str
) -> None:
    doc = write(tmp_path / "tor.md", text)
    drafts = [d.statement for d in drafts_from(runtime, doc, workspace_name).drafts]
    assert any(d.startswith(drafted) for d in drafts), drafts


def test_a_group_named_at_the_start_of_a_sentence_is_not_capitalised_inside_the_draft() -> None:
    goal = "Each member state commits to: Accelerating clean energy deployment at the state level."
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert any("for each member state" in s for s in statements), statements


def test_a_group_without_a_place_gets_the_place_the_text_says_the_body_works_in() -> None:
    goal = (
        "Lifting Honduras is a nonprofit dedicated to empowering children in Honduras by providing "
        "supplies. Our mission is to improve access to education for underserved communities."
    )
    assert all("Honduras" in d.statement for d in draft_purpose(goal=goal).drafts)
    # a place inside a name ("Association of Nigeria") or in history is never taken
    goal = (
        "The Care Association of Nigeria was founded in Lagos in 2003. We provide hospice care for families."
    )
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert not any("Nigeria" in s or "Lagos" in s for s in statements), statements
    goal = "Improve inclusion of women in the leadership of The CBO."
    assert any("of the CBO" in d.statement for d in draft_purpose(goal=goal).drafts)


@pytest.mark.parametrize(
    ("goal", "never"),
    [
        ("We will have 120 pupils over the next few years.", "over the next few years by"),
        ("To engage in charitable work and shall not carry on activities prohibited by law.", "shall not"),
        ("Our mission is to serve the families of Leith.*", ".*"),
        # an infinitive that is the subject of its sentence (round 21)
        ("To make this happen requires organizing people across the country.", "Make this happen requires"),
    ],
)
def test_round_nineteen_broken_endings_are_gone(goal: str, never: str) -> None:
    statements = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert not any(never in s for s in statements), statements


def test_a_societys_powers_and_books_are_never_its_goal_and_a_listed_object_as_a_noun_is(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    doc = write(
        tmp_path / "bylaws.md",
        "# Bye-laws of the Society\n\n6. AIMS OF THE SOCIETY:\n\n- Promotion and development of open data in "
        "Kerala.\n\n7. POWERS OF THE EXECUTIVE:\n\n- To sincerely work for achieving the aims and objectives "
        "of the Society.\n- To take necessary action against Members who commit a breach of the rules.\n- To "
        "appoint the auditor and determine his or her remuneration.\n- To enter into contracts for the "
        "required work.\n- To carry out any other objectives incidental or connected to the above.\n",
    )
    drafts = [d.statement for d in drafts_from(runtime, doc, workspace_name).drafts]
    assert drafts[0].startswith("Promote and develop open data in Kerala"), drafts
    assert not any(re.search(r"breach|auditor|contracts|incidental|aims and objectives", d) for d in drafts)


def test_the_time_a_lead_in_or_a_label_gives_stays_with_the_aim() -> None:
    for goal, drafted in (
        ("The goal this year is to open two more pantries in Leeds.", "This year, open two more pantries"),
        (
            "For our first year, the partners focus on: Cutting wait times at the county's food banks",
            "For our first year, cut wait times",
        ),
    ):
        statements = [d.statement for d in draft_purpose(goal=goal).drafts]
        assert statements[0].startswith(drafted), statements
        assert not any("[year]" in s for s in statements), statements


def test_a_line_that_only_introduces_a_list_is_no_goal() -> None:
    lead_in = "The purposes of this corporation shall be:"
    statements = [d.statement for d in draft_purpose(goal=lead_in).drafts]
    assert statements[0].startswith("Reach [a result"), statements


def test_a_place_in_the_bodys_name_is_kept_and_greetings_conditions_and_splices_are_not_goals() -> None:
    cases = (
        (
            "The Tenants Alliance Australia is dedicated to providing safe homes for renters.",
            r"in Australia",
        ),
        ("Greening Arundel: UK network of groups collaborating to improve local parks.", r"in the UK\b"),
        ("Welcome to Aylestone Allotments. We grow food in Leicester.", r"^(?!Welcome)"),
        (
            "Grassroots Grants funds small groups. Groups need to have been active for a year.",
            r"^(?!Have been)",
        ),
        (
            "To retain the creek, PANIL is working with the District to repair bank erosion in Oakland.",
            r"^Retain the creek(?!, PANIL)",
        ),
    )
    for goal, pattern in cases:
        statements = [d.statement for d in draft_purpose(goal=goal).drafts]
        assert re.search(pattern, statements[0]), (goal, statements)


def test_round_twenty_three_slots_quotes_and_splices() -> None:
    for goal, never in (
        # "[by how much]" only after a comparative that ends the goal, never after "a more X city"
        (
            "A tenants' group dedicated to making Calgary a more affordable, green and inclusive city.",
            "city [",
        ),
        # who said a quoted goal is not part of it
        (
            "“The purpose of the Youth Council is to educate young people about councils,” Cr Law said.",
            "said",
        ),
        # the aim before a named campaign's past deed, not a comma splice
        (
            "To increase litter prevention outcomes, the Clean Coast education campaign created awareness of "
            "marine debris.",
            "created",
        ),
    ):
        statements = [d.statement for d in draft_purpose(goal=goal).drafts]
        assert not any(never in s for s in statements), statements


def test_round_35_documents_draft_whole_clauses_never_html_or_a_dangling_preposition(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A lead-in ending "for:" before its list, adjectives before one noun ("a collaborative,
    welcoming space") and an HTML list opened under an objective (round 35's documents)."""
    mission = write(
        tmp_path / "mission.md",
        "# Leith Makers\n\n**Leith Makers' mission is to provide a safe and creative space for people "
        "of all ages to share skills and tools in a collaborative, welcoming atmosphere that encourages "
        "learning.**\n",
    )
    statements = [d.statement for d in drafts_from(runtime, mission, workspace_name).drafts]
    welcoming = "in a collaborative, welcoming atmosphere that encourages learning"
    assert any(welcoming in s for s in statements), statements
    lead_in = write(
        tmp_path / "sig.md",
        "# Pantry Data SIG\n\n## Mission\n\nThe mission is driving working sessions for pantry staff and "
        "volunteers to come together for:\n\n- Finding the gaps in shared referral data.\n"
        "- Agreeing on one intake form.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, lead_in, f"{workspace_name}-sig").drafts]
    assert statements and not any(re.search(r"\bfor[,.]| for by ", s) for s in statements), statements
    listed = write(
        tmp_path / "tor.md",
        "# Food Data Team\n\n## Terms of reference\n\n1. Maintain and develop guidance on data sharing "
        'to meet the needs of Members:\n<ol type="a" style="margin-left:2em;">\n<li>Develop a shared intake '
        "form for pantries (Report-No. 12).</li>\n</ol>\n",
    )
    statements = [d.statement for d in drafts_from(runtime, listed, f"{workspace_name}-tor").drafts]
    assert statements and not any("<" in s or "style=" in s for s in statements), statements


def test_lettered_items_under_a_numbered_mission_heading_are_the_aims(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """ "### 1. Mission of the Foundation." then "The mission ... is to:" and "a. Foster ...", "b. Host ...":
    the lettered items are what the body is for (round 35: slots only were drafted)."""
    charter = write(
        tmp_path / "charter.md",
        "# Leith Food Foundation Charter\n\n### 1. Mission of the Leith Food Foundation.\n\n"
        "The mission of the Leith Food Foundation is to:\n\na. Foster and coordinate the community of "
        "growers and pantries sharing surplus food across Leith.\n\nb. Host the shared cold store for the "
        "Foundation.\n\n### 2. Membership\n\na. The Foundation shall be composed of pantries and growers.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, charter, workspace_name).drafts]
    assert statements[0].startswith("Foster and coordinate the community of growers and pantries"), statements
    typed = "The mission of the Leith Food Foundation is to:\n\na. Foster and coordinate the growers"
    assert draft_purpose(goal=typed).drafts[0].statement.startswith("Foster and coordinate the growers")


def test_a_persons_duties_a_bare_governing_role_and_a_stitched_list_are_no_goals(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """Round 35: a maintainer's commitment ("Maintainers are dedicated to developing ..."), an
    organiser's responsibility and "the body responsible for governing the Project" were drafted as
    the coalition's aim; a list's lead-in was run into its first item ("... of Members: Develop ...")."""
    roles = write(
        tmp_path / "roles.md",
        "# Pantry Link roles\n\n## Maintainer\n\nMaintainers are dedicated to developing Pantry Link in a "
        "part-time or full-time capacity, whether they are from a member pantry or elsewhere.\n\n"
        "## Organiser\n\nIt is the local organiser's responsibility to create and keep safely a list of "
        'volunteers and to provide it to the board on request.\n\n## Board\n\nThe "Board" is the body '
        "that is responsible for governing the Pantry Link Project.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, roles, workspace_name).drafts]
    not_aims = r"(?i)develop(?:ing)? pantry link|list of volunteers|^govern"
    assert not any(re.search(not_aims, s) for s in statements), statements
    listed = write(
        tmp_path / "tor.md",
        "# Food Data Team\n\nThe team will maintain and develop shared guidance on referral data to meet "
        "the needs of Members: Develop a shared intake form for pantries and publish it.\n",
    )
    statements = [d.statement for d in drafts_from(runtime, listed, f"{workspace_name}-tor").drafts]
    assert statements and not any("Members: Develop" in s for s in statements), statements


def test_a_labelled_mission_in_bold_or_with_the_bodys_name_comes_first() -> None:
    """ "**Mission:** to reduce ..." and "OpenPantry's Mission: to enable ..." are the stated mission,
    ranked before a rule's aim ("To focus our efforts, we avoid duplication ...") and a line of values
    that come earlier in the document (round 35: "Focus our efforts" and "Be a welcoming place" were
    drafted first)."""

    def passage(number: int, heading: str, text: str) -> Passage:
        return Passage(
            chunk_id=str(number), text=text, source="c.md", title="", heading=heading, scope="ws", score=1.0
        )

    bold = [
        passage(0, "Cross-group relationships", "To focus our efforts, we avoid duplication by working with "
                "groups that focus on one food bank."),
        passage(1, "About", "**Mission:** to reduce the food thrown away because stock data is "
                "missing."),
    ]  # fmt: skip
    clauses, _ = documents_goal_clauses(bold, purpose_sentence)
    assert clauses[0].text.startswith("Reduce the food thrown away"), clauses
    named = [
        passage(0, "Community values", "The OpenPantry project aims to be a welcoming place where members "
                "feel safe to share their opinions."),
        passage(1, "Mission", "> Our north star\n\nOpenPantry's Mission: **to enable effective stock "
                "sharing by making portable data ubiquitous.**"),
    ]  # fmt: skip
    clauses, _ = documents_goal_clauses(named, purpose_sentence)
    assert clauses[0].text.startswith("Enable effective stock sharing"), clauses


def test_a_conceded_aim_and_the_end_of_a_range_are_no_goals() -> None:
    """ "Whilst the Agreement is a framework to prevent X, it still lacks Y": X is someone else's aim;
    "from established agencies to new innovators": "New innovators" is no order to act on."""
    conceded = (
        "Whilst the Paris Agreement is a framework to prevent warming above 1.5C, it still lacks a way to "
        "record verified actions. Our shared future needs participation from established agencies to new "
        "climate innovators and, ultimately, individual citizens."
    )
    statements = [d.statement for d in draft_purpose(goal=conceded).drafts]
    assert not any(
        re.match(r"(?i)(?:by \[year\], )?(?:prevent warming|new climate)", s) for s in statements
    ), statements


def test_an_aim_cut_before_its_list_of_means_does_not_end_on_by() -> None:
    """Round 36: "CWHPC's mission is to promote the advancement of the field by" (its means listed after)
    was drafted as "Promote the advancement of the field by, reaching ..."."""
    passage = Passage(chunk_id="0", text="x", source="c.md", title="", heading="About", scope="ws", score=1.0)

    def ranker(text: str) -> tuple[float, str]:
        return 1.0, "The Pantry Guild's mission is to promote the sharing of surplus food across Leith by"

    clauses = _purpose_by_model([passage], ranker)
    assert [c.text for c in clauses] == ["Promote the sharing of surplus food across Leith"]


def test_a_body_organized_and_operated_for_its_purposes_is_a_description_not_a_goal() -> None:
    """Round 36: "By [year], CWHPC is organized and will be operated exclusively for educational ...
    purposes" put a deadline on a legal description."""
    typed = "LPG is organized and will be operated exclusively for educational purposes in its specialty."
    statements = [d.statement for d in draft_purpose(goal=typed).drafts]
    assert not any("will be operated" in s for s in statements), statements


def test_a_thing_designed_to_be_so_is_no_order_to_be_so() -> None:
    """A tool "intended to be used by pantries to share stock data" is drafted as what the pantries do
    with it, never "Be used by pantries ..."; a document "intended to be updated annually" gives no aim
    (round 36: "it will be designed from the ground up to be extendable" drafted as "Be extendable")."""
    tool = "PantryLink is intended to be used by pantries and councils to share live stock data across Leith."
    statements = [d.statement for d in draft_purpose(goal=tool).drafts]
    assert statements[0].startswith("Share live stock data across Leith"), statements
    document = "The handbook is intended to be updated annually to reflect the latest practice."
    statements = [d.statement for d in draft_purpose(goal=document).drafts]
    assert not any(re.match(r"(?:By \[year\], )?[Bb]e updated", s) for s in statements), statements


def test_round_36_a_documents_own_purpose_and_a_leftover_objective_are_no_goals() -> None:
    """Round 36: "The purpose of these bylaws is to specify operation, management, and continuity of
    FOKGZ" (what the bylaws do) and "Increase ... investments in support of Objectives 1 and 2" (an
    objective leaning on others it left behind) were drafted as the body's aims."""
    text = (
        "The purpose of these bylaws is to specify the operation, management and continuity of the "
        "Leith Pantry Guild.\n\n"
        "- Increase, in a measurable way, member investments in support of Objectives 1 and 2.\n"
        "- Open 12 community pantries across Leith by 2028."
    )
    passage = Passage(
        chunk_id="0", text=text, source="b.md", title="", heading="Purpose", scope="ws", score=1.0
    )
    clauses, _ = documents_goal_clauses([passage])
    assert [c.text for c in clauses] == ["Open 12 community pantries across Leith by 2028"]


def test_round_36_a_belief_and_a_headings_subtitle_are_not_drafted_as_aims() -> None:
    """Round 36: "By [year], open source software is essential for modern statistical production"
    put a deadline on a belief; "Define Exchange Patterns for EEHRxF Data: How existing profiles can be
    used ..." kept a heading's question as part of the aim."""
    belief = (
        "Open data is essential for local food planning, fostering trust between pantries and promoting "
        "shared stock records across Leith."
    )
    statements = [d.statement for d in draft_purpose(goal=belief).drafts]
    assert not any(re.match(r"(?i)(?:by \[year\], )?open data is essential", s) for s in statements), (
        statements
    )
    assert statements[0].startswith("Foster trust between pantries"), statements
    titled = (
        "Define Stock Exchange Patterns for Pantry Data: How existing formats can be reused to share stock."
    )
    statements = [d.statement for d in draft_purpose(goal=titled).drafts]
    assert all("How existing" not in s for s in statements), statements
    assert statements[0].startswith("Define Stock Exchange Patterns for Pantry Data"), statements


def test_round_37_a_qualifying_gerund_a_leaning_aim_and_a_month_before_for() -> None:
    """Round 37: "Enabling environment for digital inclusion" was drafted "Enable environment for ...";
    "We work closely with them to ..." was drafted as a further aim with "them" left dangling; a
    deadline "in October 2025 for approval" was not read, and "[year]" asked for."""
    heading = "Enabling environment for digital inclusion of older pantry users in Leith."
    statements = [d.statement for d in draft_purpose(goal=heading).drafts]
    assert not any(
        s.lower().startswith(("enable environment", "by [year], enable environment")) for s in statements
    )
    leaning = (
        "Leith Pantry Guild runs shared pantries. We work closely with them to improve food access for all."
    )
    statements = [d.statement for d in draft_purpose(goal=leaning).drafts]
    assert not any("with them" in s for s in statements), statements
    dated = (
        "The pantry standard will be submitted to the council in October 2026 for approval as a city rule."
    )
    statements = [d.statement for d in draft_purpose(goal=dated).drafts]
    assert all("[year]" not in s for s in statements), statements


def test_round_37_a_noun_after_to_and_a_lead_in_cut_from_its_list_are_no_aims() -> None:
    """Round 37: "a Hawaii farm to school program" gave the draft "School program, reaching ...", and "The
    purpose of the program shall be to:" gave "The purpose of the farm to school program shall be"."""
    law = (
        "There is established within the council a Leith farm to school program. The purpose of the farm "
        "to school program shall be to:\n\n(1) Improve pupil health;\n\n(2) Expand school gardens in Leith."
    )
    statements = [d.statement for d in draft_purpose(goal=law).drafts]
    assert not any(s.startswith(("School program", "The purpose")) for s in statements), statements
    assert any(s.startswith(("Improve pupil health", "Expand school gardens")) for s in statements), (
        statements
    )


def test_round_38_a_shouted_goal_a_spliced_sentence_and_a_boards_duty() -> None:
    """Round 38: an all-caps goal gave "By [year], pROMOTE GENDER DIVERSITY ..."; "... families in the
    Antelope Valley, the long-term goal is to help ..." kept a comma splice; and round 37's "Manage the
    finances of NEHS" (a board's duty) was drafted as a society's aim."""
    shouted = "**THE PANTRY GUILD IS A NETWORK WHOSE MISSION IS TO OPEN SHARED PANTRIES ACROSS EDINBURGH.**"
    statements = [d.statement for d in draft_purpose(goal=shouted).drafts]
    assert statements[0].startswith("Open shared pantries across Edinburgh"), statements
    spliced = (
        "We run free cooking classes for families in Leith, the long-term goal is to help them eat well."
    )
    statements = [d.statement for d in draft_purpose(goal=spliced).drafts]
    assert all("the long-term goal is" not in s for s in statements), statements
    duty = _goal_made_of("The Board shall manage the finances of the Leith Pantry Guild.")
    assert duty is None


def test_round_38_every_listed_verb_before_a_name_takes_the_base_form() -> None:
    """Round 38: "The UXL Foundation Working Group defines, builds, and maintains UXLF specifications"
    was drafted "Define, build, and maintains UXLF ...": the last verb kept its -s before a capital."""
    typed = "The Leith Pantry Guild defines, builds, and maintains PDS specifications and open recipe sets."
    statements = [d.statement for d in draft_purpose(goal=typed).drafts]
    assert statements[0].startswith("Define, build, and maintain PDS specifications"), statements


def test_round_38_what_happened_next_is_cut_from_the_aim() -> None:
    """Round 38: "... to address the underrepresentation of women and rebranded in January 2017 to ..."
    was drafted with the history kept ("Address the underrepresentation of women and rebranded ...")."""
    typed = (
        "The guild was set up by the council in May 2015 to open pantries for families in Leith and "
        "renamed in June 2018 to serve more groups such as students and older people."
    )
    statements = [d.statement for d in draft_purpose(goal=typed).drafts]
    assert statements and all("renamed in June 2018" not in s for s in statements), statements


def test_round_38_the_means_to_an_aim_is_no_aim_of_its_own() -> None:
    """Round 38: "Our goal is to enable people ... To achieve this we run free regular workshops ..."
    was drafted first as "Achieve this we run free regular workshops ...": the means, and no sentence."""
    typed = (
        "Our goal is to help families in Leith cook with surplus food. To achieve this we run free weekly "
        "classes, regular one-off events and try to create 20 new pantry volunteer roles."
    )
    statements = [d.statement for d in draft_purpose(goal=typed).drafts]
    assert statements[0].startswith("Help families in Leith cook with surplus food"), statements
    assert all("chieve this" not in s and not s.startswith("Run ") for s in statements), statements


def test_round_38_a_list_of_nouns_keeps_its_plurals_and_a_counted_verb_its_base() -> None:
    """Round 38: "brings together community members, volunteers, humanitarian and community organizations"
    was drafted "... volunteer, humanitarian ...", turning volunteers into a kind of organisation; and a
    listed verb before a number kept its -s ("fund projects and trains 50 mentors")."""
    typed = "The guild brings together tenants, volunteers, civic and faith groups to open pantries in Leith."
    statements = [d.statement for d in draft_purpose(goal=typed).drafts]
    assert statements[0].startswith("Bring together tenants, volunteers, civic and faith groups"), statements
    counted = "The alliance convenes partners, funds pantries and trains 50 volunteers a year."
    statements = [d.statement for d in draft_purpose(goal=counted).drafts]
    assert statements[0].startswith("Convene partners, fund pantries and train 50 volunteers"), statements


def test_round_39_a_cited_address_a_consequence_and_an_aim_after_a_description() -> None:
    """Round 39: "... improve how we measure impact. \\[www.godan.info\\]" kept the address and a full stop
    inside the draft; "This will establish a foundation for ..." (what the aim leads to) was drafted as an
    aim; "committed to supporting and strengthening X" gave "Support and strengthening X"; and "X is
    the national network for CSA farms, and aims to support ..." was passed over for the purpose of
    the network's annual meeting ("to come together to share knowledge")."""
    cited = "We work to open shared pantries in Leith and cut food waste. \\[www.pantry.example\\]"
    statements = [d.statement for d in draft_purpose(goal=cited).drafts]
    assert all("pantry.example" not in s and "waste." not in s[:-1] for s in statements), statements
    consequence = (
        "The focus of the guild is to open a shared pantry in every Leith school. This will establish "
        "a foundation for a citywide food network."
    )
    statements = [d.statement for d in draft_purpose(goal=consequence).drafts]
    assert all("foundation" not in s for s in statements), statements
    gerunds = "The guild is committed to supporting and strengthening Leith's family food banks."
    statements = [d.statement for d in draft_purpose(goal=gerunds).drafts]
    assert statements[0].startswith("Support and strengthen Leith's family food banks"), statements
    described = (
        "Pantry Network Leith is the city network for food banks, and aims to support and promote the "
        "work of food banks in Leith. The Network helps to organise an annual meeting for all food banks "
        "to come together to share knowledge and to get to know each other."
    )
    statements = [d.statement for d in draft_purpose(goal=described).drafts]
    assert any(s.startswith("Support and promote the work of food banks in Leith") for s in statements)
    assert all(not s.startswith("Share knowledge") for s in statements), statements
    unstated = (
        "Our goal is to open 20 shared pantries in Leith by 2028. We will also ensure we meet our main aim, "
        "and that the pantry app is fit for purpose and used by 500 families."
    )
    statements = [d.statement for d in draft_purpose(goal=unstated).drafts]
    assert all("main aim" not in s for s in statements), statements  # an aim it never states


def test_round_40_links_appointments_labels_typos_and_lists_of_doings() -> None:
    """Round 40: "To find out more visit: www.polioeradication.org" and "The Founding Chair will be
    Melissa Cragin" were drafted as aims; "Edge/Mobile:" gave "In Mobile"; "has has" was kept;
    "monitoring, translating and adapting" gave "Monitor, translate and adapting"; and "As part of
    X we work to learn, share, and organize in an effort to ..." lost its first doing."""
    linked = "Its goal is to end hunger in Leith. To find out more visit: www.pantry.example"
    statements = [d.statement for d in draft_purpose(goal=linked).drafts]
    assert all("visit" not in s for s in statements), statements
    chair = "The Pillar will focus on sharing surplus food across Leith. The Founding Chair will be Ann Lee."
    statements = [d.statement for d in draft_purpose(goal=chair).drafts]
    assert all("Ann Lee" not in s for s in statements), statements
    label = "Cold/Mobile: Enable pantries to share surplus food through mobile apps and cold rooms."
    statements = [d.statement for d in draft_purpose(goal=label).drafts]
    assert all("in Mobile" not in s and "In Mobile" not in s for s in statements), statements
    typo = "The guild aims to open pantries in a city that has has 11 food banks."
    statements = [d.statement for d in draft_purpose(goal=typo).drafts]
    assert all("has has" not in s for s in statements), statements
    doings = "The pillar will focus on monitoring, translating and adapting pantry policy for Leith."
    statements = [d.statement for d in draft_purpose(goal=doings).drafts]
    assert statements[0].startswith("Monitor, translate and adapt pantry policy"), statements
    listed = (
        "As part of the national network we have been working to learn, share, and organize in an "
        "effort to get meals to more hungry families in Leith."
    )
    statements = [d.statement for d in draft_purpose(goal=listed).drafts]
    assert all(not s.startswith("Share, and organize") for s in statements), statements


def test_a_season_is_a_time_never_a_place_to_move_to_the_front() -> None:
    drafts = [
        d.statement
        for d in draft_purpose(
            goal="Hold a pantry fair in the Spring of 2027 to bring growers together."
        ).drafts
    ]
    assert drafts and all("in the Spring of 2027" in d for d in drafts)
    assert not any(d.startswith("In the Spring,") for d in drafts)


MEASURED_NOTES = (
    "# Harbor City Asthma Partnership: autumn review\n\n"
    "## The year in numbers\nChild asthma admissions fell from 310 to 280. Volunteer hours rose to 1,200. "
    "Apprenticeship starts jumped to 52, well ahead of plan.\n\n"
    "## Actions\n- Keep the school nurse pilot.\n"
)


@pytest.mark.parametrize(
    ("goal", "result"),
    [
        # a harm the notes counted: aim below its last count
        (
            "Keep children in Harbor City out of hospital with asthma.",
            "fewer child asthma admissions than the 280",
        ),
        # anything else: aim above it
        ("Open apprenticeships to young people in Harbor City.", "more apprenticeship starts than the 52"),
        # nothing counted on what the goal is about: the slot stays
        ("Plant street trees for families in Harbor City.", "[a result you can count"),
    ],
)
def test_a_goal_with_no_result_takes_a_count_the_notes_measured_as_the_one_to_beat(
    runtime: Runtime, tmp_path: Path, workspace_name: str, goal: str, result: str
) -> None:
    path = write(tmp_path / "review.md", MEASURED_NOTES)
    ingest_paths(
        [path], workspace_name, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )
    drafted = draft_purpose(goal=goal, workspace=workspace_name, retriever=runtime.retriever)
    best = drafted.drafts[0]
    assert best.statement.startswith(goal.rstrip(".")) and result in best.statement, best.statement
    counted = not result.startswith("[")
    assert best.check.criteria["outcome"].met is counted
    assert any(result.split(" than ")[0].split()[-1] in c.quote.lower() for c in drafted.citations) is counted


def test_a_documents_goal_with_no_result_takes_the_count_they_measured_on_it(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    notes = (
        "# Harbor City Heat Coalition\n\n## Our purpose\nOur aim is to keep older residents of Harbor City"
        " safe in heat waves.\n\n## Last summer\nHeat deaths fell from 22 to 17. Volunteer hours rose to"
        " 1,200.\n"
    )
    drafted = drafts_from(runtime, write(tmp_path / "heat.md", notes), workspace_name)
    best = drafted.drafts[0]
    assert "fewer heat deaths than the 17 last counted" in best.statement, best.statement
    assert "volunteer hours" not in best.statement.lower() and best.check.criteria["outcome"].met
    assert any("Heat deaths fell from 22 to 17" in c.quote for c in drafted.citations), drafted.citations


def test_a_typed_goal_the_rules_cannot_read_says_the_drafts_come_from_the_documents(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user typed "We want fewer kids in Pinecrest County ending up in the ER with asthma attacks"
    and got three drafts of the charter's purpose with no word that the goal was set aside."""
    charter = tmp_path / "pinecrest-charter.md"
    charter.write_text(
        "# Pinecrest Charter\n\n## Purpose\nOur purpose is to improve health and wellness in Pinecrest"
        " County.\n"
    )
    drafts_from(runtime, charter, workspace_name)  # the workspace holds the charter
    vague = "Too many kids in Pinecrest County end up in the ER with asthma attacks"
    set_aside = draft_purpose(goal=vague, workspace=workspace_name, retriever=runtime.retriever)
    assert any("the drafts come from the workspace's documents" in w for w in set_aside.warnings)
    assert "health and wellness" in set_aside.drafts[0].statement.lower()
    # a wish for fewer of something is the result it asks for, in the leader's words
    wish = "We want fewer kids in Pinecrest County ending up in the ER with asthma attacks"
    wished = draft_purpose(goal=wish, workspace=workspace_name, retriever=runtime.retriever)
    assert not any("come from the workspace's documents" in w for w in wished.warnings)
    assert wished.drafts[0].statement.startswith(
        "Cut the number of kids in Pinecrest County ending up in the ER with asthma attacks"
    )
    used = draft_purpose(
        goal="Cut asthma emergency visits among children in Pinecrest County by 30% by 2028.",
        workspace=workspace_name,
        retriever=runtime.retriever,
    )
    assert not any("come from the workspace's documents" in w for w in used.warnings)
    assert used.drafts[0].statement.startswith("Cut asthma emergency visits")


@pytest.mark.parametrize(
    ("wish", "result"),
    [
        ("We want fewer kids ending up in the ER.", "Cut the number of kids ending up in the ER."),
        ("We'd really like to see more families owning their homes.", "Raise the number of families owning"),
        ("I hope for more funding for the trails.", "Increase funding for the trails."),
        ("We want less litter on the trails.", "Reduce litter on the trails."),
        ("We need fewer children waiting. Partners agree.", "Cut the number of children waiting. Partners"),
        ("We want the county to fund two nurses.", "We want the county to fund two nurses."),
        # a state wished for (a new user's watershed goal was set aside as unreadable)
        ("We want clean, cold water in Willow Creek.", "Achieve clean, cold water in Willow Creek."),
        ("We need a healthier river for everyone", "Achieve a healthier river for everyone"),
        ("We want to restore the creek.", "We want to restore the creek."),
    ],
)
def test_a_wish_is_read_as_the_result_it_asks_for(wish: str, result: str) -> None:
    assert restate_wish(wish).startswith(result)


def test_the_drafts_name_each_document_they_drew_on_once() -> None:
    """A new user's drafts said "Drawn from: *Charter* (charter.md); *Charter* (charter.md)"."""
    passage = Passage(
        chunk_id="1", text="x", source="charter.md", title="Charter", heading="", scope="ws", score=1
    )
    drafts = PurposeDrafts(
        drafts=[],
        citations=[passage.citation(quote="Cut nitrate."), passage.citation(quote="Restore 12 miles.")],
    )
    assert drafts_markdown(drafts).count("charter.md") == 1


def test_a_goal_opening_we_will_with_any_verb_is_drafted_from_its_verb() -> None:
    """A new user's charter said "We will buy out 120 repetitive-loss homes ... by 2029, restore ...":
    "buy" was no verb the drafts knew, so the charter's own aims were passed over for a roster line."""
    goal = "We will buy out 120 repetitive-loss homes from willing sellers by 2029."
    drafts = [d.statement for d in draft_purpose(goal=goal).drafts]
    assert drafts[0].startswith("Buy out 120 repetitive-loss homes from willing sellers by 2029"), drafts
