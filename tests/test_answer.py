"""Offline answers are extractive, cited, grounded in retrieved chunks, and honest when nothing fits."""

from __future__ import annotations

from pathlib import Path

from advisor.capabilities.ask.answerable import unlikely_answered
from advisor.capabilities.ask.models import Answer
from advisor.capabilities.ask.offline import ANSWER_PASSAGES, ANSWER_PER_SOURCE, answer_question
from advisor.service.runtime import Runtime
from advisor.store.ingest import ingest_paths
from tests.conftest import write


def test_conflict_question_gets_the_whole_protocol_in_order(runtime: Runtime) -> None:
    answer = answer_question("How do we handle conflict between members?", retriever=runtime.retriever)
    assert answer.mode == "offline"
    assert 1 <= len(answer.citations) <= 3
    assert "knowledge/managing-conflict.md" in {c.source for c in answer.citations}
    for number in range(1, len(answer.citations) + 1):
        assert f"[{number}]" in answer.answer
    steps = ["Direct conversation", "Coordinator check-in", "Neutral facilitator", "Steering committee"]
    positions = [answer.answer.find(step) for step in steps]
    assert -1 not in positions and positions == sorted(positions), answer.answer  # all five steps, in order
    assert "Managing Conflict Between Members › A conflict-resolution protocol" in answer.answer


def test_every_quote_is_verbatim_from_a_stored_chunk_of_a_retrieved_section(runtime: Runtime) -> None:
    question = "How should we share money between partners?"
    retrieved = runtime.retriever.search(question, k=ANSWER_PASSAGES, per_source=ANSWER_PER_SOURCE)
    sections = {(p.source, p.heading) for p in retrieved}
    chunks = {c.chunk_id: c.text for p in retrieved for c in runtime.retriever.section(p)}
    answer = answer_question(question, retriever=runtime.retriever)
    assert answer.citations
    for citation in answer.citations:
        assert (citation.source, citation.section) in sections
        assert citation.quote and citation.quote in chunks[citation.chunk_id]


def test_workspace_documents_are_used_and_cited(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    purpose = "# Riverside Safe Streets\n\n## Purpose\nCut traffic deaths in Riverside to zero by 2030."
    _workspace(runtime, write(tmp_path / "charter.md", purpose), workspace_name)
    answer = answer_question("What is our purpose?", retriever=runtime.retriever, workspace=workspace_name)
    assert answer.citations[0].source == "charter.md"
    assert "zero by 2030" in answer.answer


def test_unrelated_question_says_nothing_was_found(runtime: Runtime) -> None:
    answer = answer_question("qwertyuiop zxcvbnm", retriever=runtime.retriever)
    assert answer.citations == [] and "nothing" in answer.answer


def test_a_question_outside_coalition_building_says_so_and_still_shows_the_nearest(runtime: Runtime) -> None:
    for question in (
        "Which accounting app is cheapest for paying two part-time staff?",
        "Which bank gives nonprofits the best savings rate?",
        "What font should we print our coalition flyers in?",
    ):
        answer = answer_question(question, retriever=runtime.retriever)
        said = answer.answer
        assert said.startswith("The guidance does not seem to say anything about this."), said
        assert answer.citations  # the nearest passages are still quoted, in case one helps


def test_questions_the_guidance_answers_are_never_said_to_be_uncovered(runtime: Runtime) -> None:
    for question in (
        "How should we decide who sits on the steering committee?",
        "Our partners don't trust each other after the funding fight. What can we do?",
        "How do we measure whether our strategy works?",
    ):
        answer = answer_question(question, retriever=runtime.retriever)
        assert "do not seem to say" not in answer.answer, (question, answer.answer)


def test_a_clause_of_our_own_charter_that_answers_is_never_called_no_answer(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    charter = (
        "# Pinecrest Healthy Communities Charter\n\n## 7. Media\nOnly the Co-Chairs or the Coordinator may"
        " speak to the media on behalf of the coalition.\n\n## 8. Leaving\nA member may leave with 30 days'"
        " written notice to the Co-Chairs.\n"
    )
    _workspace(runtime, write(tmp_path / "pinecrest-charter.md", charter), workspace_name)
    question = "Who is allowed to talk to reporters for us?"
    assert unlikely_answered(runtime.retriever.embeddings.embed_query(question))  # the wording alone says no
    answer = answer_question(question, retriever=runtime.retriever, workspace=workspace_name)
    assert "do not seem to say" not in answer.answer, answer.answer
    assert "Only the Co-Chairs or the Coordinator may speak to the media" in answer.answer


def test_our_charter_on_leaving_quotes_its_withdrawal_clause_before_the_notes(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user's "What does our charter say about leaving the partnership?" drew the meeting notes
    (a member threatening to withdraw) and the conflict-of-interest section ("step out of that
    decision"), never section 7, "Withdrawal"; asked about a grant, it missed the clause on grants."""
    charter = (
        "# Kettle Valley Partnership Charter\n\n## 3. How we decide\nWe decide by consensus. Decisions about"
        " money (applying for grants over $50,000, signing MOUs) need a vote of the full membership.\n\n"
        "## 7. Withdrawal\nAny member can withdraw by giving written notice to the chair. We ask for 60 days'"
        " notice.\n\n## 9. Conflicts of interest\nMembers declare any financial interest in a parcel and step"
        " out of that decision.\n"
    )
    notes = (
        "# Meeting notes, September\n\nDale's email: the Farm Bureau is pausing participation and its board"
        " will decide in November whether to withdraw from the partnership. The room was quiet.\n"
    )
    _workspace(runtime, write(tmp_path / "kettle-charter.md", charter), workspace_name)
    _workspace(runtime, write(tmp_path / "notes-september.md", notes), workspace_name)
    leaving = answer_question(
        "What does our charter say about leaving the partnership?",
        retriever=runtime.retriever,
        workspace=workspace_name,
    )
    assert leaving.citations[0].section == "7. Withdrawal", leaving.answer
    assert "60 days' notice" in leaving.answer
    grant = answer_question(
        "Are we even allowed to apply for the state resilience grant without a vote of everyone?",
        retriever=runtime.retriever,
        workspace=workspace_name,
    )
    assert "need a vote of the full membership" in grant.answer, grant.answer


def test_advice_asked_of_a_full_workspace_still_brings_the_guidance(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """Three files of notes filled every place the search gives, so "... what do we do?" got the notes
    read back to the user and not a word of guidance."""
    for month in ("june", "july", "september"):
        notes = f"# Notes, {month}\n\n" + "".join(
            f"## {item}\nThe farm bureau is furious about the buyout map: it shows their members' parcels as"
            f" priority acquisitions and nobody asked them ({item.lower()}). Dale says the farm bureau will"
            " quit the partnership over the buyout map.\n\n"
            for item in ("Buyout map", "Farm bureau", "Next steps")
        )
        _workspace(runtime, write(tmp_path / f"notes-{month}.md", notes), workspace_name)
    answer = answer_question(
        "The farm bureau is furious about the buyout map and says they'll quit. What do we do?",
        retriever=runtime.retriever,
        workspace=workspace_name,
    )
    assert any(c.source.startswith("knowledge/") for c in answer.citations), answer.answer
    assert any(not c.source.startswith("knowledge/") for c in answer.citations)


def test_the_gate_stays_silent_with_another_embedding_model() -> None:
    assert unlikely_answered([0.1] * 1536) is False  # an OpenAI embedding: the gate learned MiniLM's


CHARTER = """# Harbor Food Alliance Charter

## Membership
Members may leave the Alliance at any time by writing to the chair. A member leaving gives 60 days'
notice so that shared commitments can be handed over.

## Meetings
| Month | Host |
|---|---|
| March | Harbor Food Bank |

The following rules apply to every meeting:
"""


def _charter_workspace(runtime: Runtime, tmp_path: Path, workspace: str) -> None:
    _workspace(runtime, write(tmp_path / "charter.md", CHARTER), workspace)


def _workspace(runtime: Runtime, path: Path, workspace: str) -> None:
    ingest_paths(
        [path],
        workspace,
        settings=runtime.settings,
        store=runtime.store,
        embeddings=runtime.embeddings,
    )


def test_a_question_about_our_charter_quotes_its_clause_first(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    _charter_workspace(runtime, tmp_path, workspace_name)
    answer = answer_question(
        "What does our charter say about leaving?", retriever=runtime.retriever, workspace=workspace_name
    )
    first = answer.citations[0]
    assert (first.source, first.label) == ("charter.md", "Harbor Food Alliance Charter › Membership")
    assert answer.answer.startswith("**Your documents: Harbor Food Alliance Charter › Membership**")
    assert "> Members may leave the Alliance at any time by writing to the chair." in answer.answer
    assert "| March |" not in answer.answer and "The following rules apply" not in answer.answer


def test_our_documents_not_answering_is_said_plainly(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    _charter_workspace(runtime, tmp_path, workspace_name)
    answer = answer_question(
        "What does our charter say about measuring results?",
        retriever=runtime.retriever,
        workspace=workspace_name,
    )
    assert answer.answer.startswith(f"Your documents in {workspace_name!r} do not seem to say anything")
    assert answer.citations and all(c.source.startswith("knowledge/") for c in answer.citations)


def test_how_to_join_quotes_the_joining_clause(runtime: Runtime, workspace_name: str) -> None:
    charter = (
        Path(__file__).resolve().parents[1] / "evals" / "data" / "charters" / "riverside-safe-streets.md"
    )
    _workspace(runtime, charter, workspace_name)
    answer = answer_question(
        "How do members join the coalition?", retriever=runtime.retriever, workspace=workspace_name
    )
    assert "letter of interest" in answer.answer


def test_a_question_about_one_member_quotes_that_members_record_of_the_roster(
    runtime: Runtime, workspace_name: str
) -> None:
    roster = (
        Path(__file__).resolve().parents[1] / "evals" / "data" / "rosters" / "riverside-safe-streets.yaml"
    )
    _workspace(runtime, roster, workspace_name)
    answer = answer_question(
        "What does the police department want?", retriever=runtime.retriever, workspace=workspace_name
    )
    first = answer.citations[0]
    assert first.section == "Riverside Police Department" and first.source == "riverside-safe-streets.yaml"
    assert "Expand automated speed camera enforcement citywide" in answer.answer
    assert "Riverside Walks" not in answer.answer and "name:" not in answer.answer  # one member, no YAML


def test_a_weak_clause_of_our_own_leads_and_the_guidance_still_answers(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user's terms of reference said only "Members should try to get along": the answer was
    that line and an unrelated data clause, and no guidance on handling conflict at all."""
    terms = (
        "# Willow Creek Partnership Terms of Reference\n\n## Conflict\nMembers should try to get along and"
        " resolve disagreements respectfully.\n\n## Data sharing\nMembers will share monitoring data with"
        " each other when appropriate.\n\n## Meetings\nThe partnership meets every second month.\n"
    )
    _workspace(runtime, write(tmp_path / "terms.md", terms), workspace_name)
    answer = answer_question(
        "How do we handle conflict between members?", retriever=runtime.retriever, workspace=workspace_name
    )
    assert answer.citations[0].source == "terms.md" and answer.citations[0].section == "Conflict"
    assert "share monitoring data" not in answer.answer  # not a clause about something else
    assert any(c.source == "knowledge/managing-conflict.md" for c in answer.citations), answer.answer


def _asked(runtime: Runtime, tmp_path: Path, workspace: str, question: str, files: dict[str, str]) -> Answer:
    """The offline answer to `question` in a workspace holding `files` (name -> text)."""
    for name, text in files.items():
        _workspace(runtime, write(tmp_path / name, text), workspace)
    return answer_question(question, retriever=runtime.retriever, workspace=workspace)


def test_a_label_over_a_list_is_quoted_with_its_list_never_alone(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user's learning review labelled its bullet lists with bare lines ("What went well"): the
    answer quoted the label alone, as if it said something."""
    review = (
        "# Learning review, November\n\nAttendance: Utility, SWCD, Anglers.\n\nWhat went well\n"
        "- River Classroom passed its student target early.\n- Cover-crop signups rose from 6 to 11.\n\n"
        "What didn't\n- Buffer miles are far behind: 2.1 of 12.\n- Nobody facilitated the dam argument.\n"
    )
    answer = _asked(runtime, tmp_path, workspace_name, "What went well this year?", {"review.md": review})
    quotes = [c.quote for c in answer.citations if c.source == "review.md"]
    assert any(q.startswith("What went well\n- River Classroom") for q in quotes), quotes
    assert all(c.quote.strip() not in ("What went well", "What didn't") for c in answer.citations)


def test_a_fact_our_documents_do_not_hold_is_said_plainly_and_no_far_clause_is_quoted(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user asked who their fiscal sponsor was: no document names one, and the answer quoted the
    meeting notes' open questions and wins (cosine 0.14) as if they answered."""
    review = (
        "# Learning review, November\n\nWhat went well\n- River Classroom passed its student target early.\n"
        "- Cover-crop signups rose from 6 to 11 farms.\n\nQuestions we didn't resolve\n"
        "- Should we keep the 12-mile buffer target?\n- Who decides when consensus fails?\n"
    )
    answer = _asked(runtime, tmp_path, workspace_name, "Who is our fiscal sponsor?", {"review.md": review})
    assert answer.answer.startswith(f"Your documents in {workspace_name!r} do not seem to say"), answer.answer
    assert [c.source for c in answer.citations if c.source == "review.md"] == []
    assert any(c.section == "Fiscal sponsorship" for c in answer.citations)


def test_why_a_metric_lags_quotes_the_notes_that_say_why_beside_the_metric(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    """A new user asked "Why is Summer EBT enrollment so low?": the answer quoted the metric's row and
    left out the notes' line that says why (a little less close than the row)."""
    metrics = write(
        tmp_path / "metrics.csv",
        "metric,unit,baseline,target,current,start,due\n"
        "Summer EBT enrollment (eligible kids enrolled),percent,38,75,46,2026-01-01,2026-12-31\n"
        "SNAP redemptions at farmers markets,dollars,12000,40000,15500,2026-01-01,2026-12-31\n",
    )
    notes = write(
        tmp_path / "notes.md",
        "# Q3 meeting\n\n## Didn't go well\n- Summer EBT enrollment only at 46%. Luis says the state portal"
        " was down for 3 weeks in June and the forms are English/Spanish only (we have a growing Marshallese"
        " community in Eastfork).\n- Still only 4 of 9 pantries sending monthly numbers. Fr. Michael said St."
        " Brigid won't share names/IDs, period. Shared intake system discussion got heated again, tabled"
        " AGAIN.\n- Market SNAP redemptions flat. Tom thinks double-up bucks would fix it but we haven't"
        " decided on using ARPA funds: nobody knows who decides.\n",
    )
    _workspace(runtime, metrics, workspace_name)
    _workspace(runtime, notes, workspace_name)
    question = "Why is Summer EBT enrollment so low?"
    answer = answer_question(question, retriever=runtime.retriever, workspace=workspace_name)
    assert "the state portal was down for 3 weeks" in answer.answer, answer.answer
    assert "do not mention" not in answer.answer
    # a place the documents never name: said before the nearest passages (the new user's own county's
    # figure came back as if it answered for Pike County)
    elsewhere = "What's the Summer EBT enrollment in Pike County?"
    answer = answer_question(elsewhere, retriever=runtime.retriever, workspace=workspace_name)
    assert answer.answer.startswith("The passages found do not mention “Pike County”"), answer.answer


def test_someone_under_strain_is_answered_as_a_person_first(runtime: Runtime) -> None:
    """A new user wrote "Honestly I'm exhausted ... I feel like I'm failing everyone" and got five
    quoted bullets and not a word for them."""
    answer = answer_question(
        "Honestly I'm exhausted. I feel like I'm failing everyone and nobody helps with the work.",
        retriever=runtime.retriever,
    )
    assert answer.answer.startswith("That sounds hard")
    assert any(c.source == "knowledge/capacity-and-leadership.md" for c in answer.citations)
    plain = answer_question("How do we share the coordination work?", retriever=runtime.retriever)
    assert not plain.answer.startswith("That sounds hard")


def test_two_clauses_of_our_own_bylaws_come_before_the_guidance(
    runtime: Runtime, workspace_name: str
) -> None:
    bylaws = Path(__file__).resolve().parents[1] / "evals" / "corpus" / "docs" / "pkic-consortium-bylaws.md"
    _workspace(runtime, bylaws, workspace_name)
    answer = answer_question("how are votes counted?", retriever=runtime.retriever, workspace=workspace_name)
    # the officers' election clause ranks first; the general voting rule must not be crowded out by guidance
    assert "decided by majority vote of the members of the Executive Council who cast a vote" in answer.answer
    assert [c.source for c in answer.citations[:2]] == ["pkic-consortium-bylaws.md"] * 2


JOINING_CHARTER = """# Riverside Safe Streets Coalition Charter

## 1. Purpose
The coalition exists to halve pedestrian deaths and serious injuries in Riverside by 31 December 2030.

## 2. Membership
2.1 Membership is open to any nonprofit, business, public agency or resident group that works in Riverside.
2.2 A member joins by written application approved by the Steering Committee.
2.3 A member may leave at any time by giving 30 days' written notice to the Chair.

## 3. Decision-making
3.1 The coalition decides by consensus of the delegates present at a meeting.

## 4. Meetings
Members meet monthly; a quorum is half of the member delegates.
"""


def test_the_best_own_clause_leads_even_when_another_section_ranked_first(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    _workspace(runtime, write(tmp_path / "charter.md", JOINING_CHARTER), workspace_name)
    answer = answer_question(
        "Who can join our coalition?", retriever=runtime.retriever, workspace=workspace_name
    )
    first = answer.citations[0]
    assert first.source == "charter.md" and first.section == "2. Membership", answer.answer
