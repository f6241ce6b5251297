"""A question in everyday words also searches (BM25) for the words governance documents use
(`advisor/retrieval/vocabulary.yaml`), whatever form of the word the leader uses and even when the
leader splits a phrase around what it is about."""

from __future__ import annotations

import pytest

from advisor.retrieval.vocabulary import expand_query


@pytest.mark.parametrize(
    "question",
    [
        "Can a partner walk away?",
        "Our branch is thinking of quitting the network.",  # another form of "quit"
        "We're thinking of pulling our agency out.",  # "pull * out"
        "Can we pull the agency out?",
    ],
)
def test_a_way_of_saying_leave_also_searches_for_withdrawal(question: str) -> None:
    expanded = expand_query(question)
    assert expanded.startswith(f"{question} {question} ") and "withdrawal" in expanded


@pytest.mark.parametrize(
    "question",
    [
        "Should the tuba player bring cake on Thursday?",
        "We pulled together a great event; everyone came out.",  # more than two words between
    ],
)
def test_a_question_with_no_such_phrase_is_left_as_asked(question: str) -> None:
    assert expand_query(question) == question
