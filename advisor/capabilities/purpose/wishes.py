"""A goal typed as a wish ("We want fewer kids ending up in the ER") read as the result it asks for
("Cut the number of kids ending up in the ER"), so the drafts are made from the leader's own words."""

from __future__ import annotations

import re

from advisor.text.sentences import sentence_spans

# "We want fewer ...", "I'd really like to see more ...", "We hope for less ..."
_WISH = re.compile(
    r"(?i:we|i)(?:['’]d)?\s+(?i:(?:really|just|all|would)\s+)*(?i:want|like|hope|wish|need)\s+"
    r"(?i:(?:to\s+see|for|there\s+to\s+be)\s+)?(?P<direction>(?i:fewer|less|more))\s+(?P<rest>\w.*)",
    re.DOTALL,
)
# plurals that do not end in "s": "more children" is a count to raise, "more funding" an amount
_PLURALS = frozenset({"children", "people", "men", "women", "youth", "staff", "police", "cattle", "fish"})


def restate_wish(goal: str) -> str:
    """`goal` with each sentence that is a wish for fewer, less or more of something restated as the
    result it asks for; every other sentence as it was."""
    parts: list[str] = []
    last = 0
    for start, end in sentence_spans(goal):
        parts.append(goal[last:start])
        parts.append(_as_result(goal[start:end]))
        last = end
    return "".join(parts) + goal[last:]


# "We want clean, cold water in Willow Creek", "We need a healthier river": a state wished for
# (never "We want the county to fund two nurses": someone else's act, nor "We want to ...")
_STATE_WISHED = re.compile(
    r"(?i:we|i)(?:['’]d)?\s+(?i:(?:really|just|all|would)\s+)*(?i:want|like|need|hope\s+for|wish\s+for)\s+"
    r"(?P<rest>(?!(?i:to|that|it|this|them|him|her|us|you|more|fewer|less|every|each|all|our|the|their|my|"
    r"his|its|these|those|some|any|no)\b)(?:(?i:a|an)\s+)?[a-z][^.!?]*)",
    re.DOTALL,
)


def _as_result(sentence: str) -> str:
    wish = _WISH.fullmatch(sentence.strip())
    if wish is None:
        state = _STATE_WISHED.fullmatch(sentence.strip().rstrip(".!"))
        if state is None or re.search(r"\bto\s+[a-z]", state["rest"]):
            return sentence
        return f"Achieve {state['rest']}" + sentence.strip()[len(sentence.strip().rstrip(".!")) :]
    rest, direction = wish["rest"], wish["direction"].lower()
    first = rest.split()[0].lower()
    countable = first.endswith("s") or first in _PLURALS
    if direction == "fewer" or (direction == "less" and countable):
        verb = "Cut the number of"
    elif direction == "less":
        verb = "Reduce"
    else:
        verb = "Raise the number of" if countable else "Increase"
    return f"{verb} {rest}"
