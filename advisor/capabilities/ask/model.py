"""Grounded answers written by a model (`advisor ask` with a model configured), streamed.

The retrieved passages go into `prompts/ask.md` as untrusted data, each with a short id (`c1`…).
The model cites them as `[c3]`; markers are mapped back to chunk ids, renumbered `[1]`, `[2]` in
order of use, and markers of passages that were not retrieved are dropped. Small models often quote a
passage without its id: a quotation, or a run of words copied from a passage, is cited to that
passage (verified by string match). An answer with no verifiable citation says so. Remote images and links
in the reply are neutralised before anyone renders it. If the model fails, the offline extractive
answer is returned with a warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from advisor.capabilities.ask.models import Answer
from advisor.capabilities.ask.offline import MIN_RELEVANCE, answer_question, injection_warnings
from advisor.config import Settings, get_settings
from advisor.llm.models import model_slot
from advisor.llm.prompts import load_prompt, untrusted
from advisor.retrieval.hybrid import Citation, Passage, Retriever
from advisor.text.safety import strip_remote_content

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)
_MARKER = re.compile(r"\[(c\d+(?:\s*,\s*c\d+)*)\]")


@dataclass(frozen=True)
class AnswerUpdate:
    """The answer so far while streaming; `final` is set on the last update."""

    text: str
    final: Answer | None = None


def stream_answer(
    question: str,
    *,
    retriever: Retriever,
    llm: BaseChatModel,
    workspace: str | None = None,
    k: int | None = None,
    settings: Settings | None = None,
) -> Iterator[AnswerUpdate]:
    """Stream a model-written answer; the last update carries the cited `Answer`."""
    settings = settings or get_settings()
    passages = retriever.search(question.strip(), workspace=workspace, k=k)
    if not passages or max((p.similarity or 0.0) for p in passages) < MIN_RELEVANCE:
        offline = answer_question(question, retriever=retriever, workspace=workspace, k=k)
        yield AnswerUpdate(offline.answer, offline)
        return
    ids = {f"c{n}": p for n, p in enumerate(passages, 1)}
    listing = "\n\n".join(untrusted(p.text, f"{cid} {p.title}") for cid, p in ids.items())
    prompt = load_prompt("ask").render(question=untrusted(question, "question"), passages=listing)
    text = ""
    try:
        with model_slot(settings):
            for chunk in llm.stream(prompt):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    text += piece
                    yield AnswerUpdate(strip_remote_content(_hide_markers(text)))
    except Exception as exc:  # any model failure: the offline answer still helps
        logger.warning("model answer failed: %s", exc)
        offline = answer_question(question, retriever=retriever, workspace=workspace, k=k)
        warning = f"The model could not answer ({type(exc).__name__}); showing passages from the guidance."
        final = offline.model_copy(update={"warnings": [warning]})
        yield AnswerUpdate(final.answer, final)
        return
    answer, citations = cite(strip_remote_content(text), ids)
    warnings = injection_warnings(passages)
    if not citations:
        warnings.append(UNCITED_WARNING)
    yield AnswerUpdate(answer, Answer(answer=answer, mode="llm", citations=citations, warnings=warnings))


def cite(text: str, ids: dict[str, Passage]) -> tuple[str, list[Citation]]:
    """Replace `[c3]` markers by `[n]` in order of first use; drop markers of unknown passages; cite
    quotations and copied runs of words that a marker does not already cover."""
    order: list[str] = []
    quotes: dict[str, str] = {}

    def number(cid: str) -> str:
        if cid not in order:
            order.append(cid)
        return f"[{order.index(cid) + 1}]"

    def renumber(match: re.Match[str]) -> str:
        numbers = []
        for cid in (part.strip() for part in match.group(1).split(",")):
            if cid not in ids:
                logger.info("dropped a citation of a passage that was not retrieved: %s", cid)
                continue
            numbers.append(number(cid))
        return "".join(numbers)

    def cite_quote(match: re.Match[str]) -> str:
        quoted = match.group(0)
        cid = _source_of(match.group(1), ids)
        if cid is None or text[match.end() : match.end() + 2].lstrip().startswith("[c"):
            return quoted
        if match.group(1) in ids[cid].text:  # quoted exactly: show those words as the citation's quote
            quotes.setdefault(cid, match.group(1))
        return quoted + number(cid)

    answer = _QUOTATION.sub(cite_quote, text)
    answer = _MARKER.sub(renumber, answer)
    answer = "".join(_cite_copied(part, ids, number) for part in _SENTENCE.split(answer)).strip()
    return answer, [ids[cid].citation(quote=quotes.get(cid)) for cid in order]


UNCITED_WARNING = (
    "The model's answer cites none of the passages it was given, by id or by quotation: check it "
    "against the sources before relying on it."
)
_QUOTATION = re.compile(r"[\"“]([^\"“”\n]{20,400})[\"”]")
_SENTENCE = re.compile(r"(?<=[.!?])(\s+)")
COPIED_WORDS = 8  # a run of this many words copied from a passage cites it


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[\w'’-]+", text.lower()))


def _source_of(quote: str, ids: dict[str, Passage]) -> str | None:
    """The passage a quotation comes from (white space, case and punctuation aside)."""
    needle = _fold(quote)
    if len(needle.split()) < 4:
        return None
    return next((cid for cid, p in ids.items() if needle in _fold(p.text)), None)


def _cite_copied(sentence: str, ids: dict[str, Passage], number: Callable[[str], str]) -> str:
    """`sentence` with a citation added when it copies a run of words from a passage and cites nothing."""
    if not sentence.strip() or re.search(r"\[\d+\]", sentence):
        return sentence
    words = _fold(sentence).split()
    for start in range(len(words) - COPIED_WORDS + 1):
        run = " ".join(words[start : start + COPIED_WORDS])
        cid = next((c for c, p in ids.items() if run in _fold(p.text)), None)
        if cid is not None:
            stripped = sentence.rstrip()
            end = len(stripped) - 1 if stripped[-1:] in ".!?" else len(stripped)
            return stripped[:end] + number(cid) + stripped[end:] + sentence[len(stripped) :]
    return sentence


def _hide_markers(text: str) -> str:
    """While streaming, markers are not yet numbered: show them as they will look, unnumbered."""
    return _MARKER.sub("", text)
