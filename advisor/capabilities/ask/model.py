"""Grounded answers written by a model (`advisor ask` with a model configured), streamed.

The retrieved passages go into `prompts/ask.md` as untrusted data, each with a short id (`c1`…).
The model replies with points of advice, each naming the passage it rests on; the reply's schema
goes to the server as `response_format` with the ids as an enum, so a server that constrains
decoding (llama.cpp, vLLM, OpenAI) cannot return a point without a retrieved passage's id, and
every string is bounded, so a small model cannot run on. Points are shown as they stream and
numbered `[1]`, `[2]` in order of use. A server that ignores the format may still answer in prose:
then `[c3]` markers are mapped back, markers of passages that were not retrieved are dropped, and a
quotation or a run of words copied from a passage is cited to it (verified by string match). An
answer with no verifiable citation says so. Remote images and links in the reply are neutralised
before anyone renders it. If the model fails, the offline extractive answer is returned with a
warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from langchain_core.utils.json import parse_partial_json
from pydantic import BaseModel, Field

from advisor.capabilities.ask.models import Answer
from advisor.capabilities.ask.offline import MIN_RELEVANCE, answer_question, injection_warnings
from advisor.config import Settings, get_settings
from advisor.llm.prompts import load_prompt, untrusted
from advisor.llm.structured import (
    ModelOutcome,
    Sentence,
    json_messages,
    parse_json_object,
    record_outcome,
    reply_schema,
    stream_json,
)
from advisor.retrieval.hybrid import Retriever
from advisor.retrieval.passages import Citation, Passage
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
    messages = json_messages(prompt, answer_schema(list(ids)))
    text = ""
    try:
        for text in stream_json(llm, messages, "Answer", answer_schema(list(ids)), settings):
            yield AnswerUpdate(strip_remote_content(_shown(text, ids)))
    except Exception as exc:  # any model failure: the offline answer still helps ...
        if _cut_by_token_limit(exc, text):  # ... unless the reply was only cut short: its points stand
            logger.info("model answer reached the reply's token limit; keeping its finished points")
        else:
            yield _offline_after_failure(exc, question, retriever, workspace, k)
            return
    points = _points(text)
    record_outcome(ModelOutcome("ask", 1, points is not None))
    if points == []:  # the model says the passages do not answer: show the closest guidance
        offline = answer_question(question, retriever=retriever, workspace=workspace, k=k)
        final = offline.model_copy(update={"warnings": [*offline.warnings, NOT_ANSWERED_WARNING]})
        yield AnswerUpdate(final.answer, final)
        return
    if points is None and _partial(text) is not None:  # JSON that never got to a point
        offline = answer_question(question, retriever=retriever, workspace=workspace, k=k)
        final = offline.model_copy(update={"warnings": [*offline.warnings, UNFINISHED_WARNING]})
        yield AnswerUpdate(final.answer, final)
        return
    if points is None:  # prose from a server that ignored the format
        answer, citations = cite(strip_remote_content(text), ids)
    else:
        answer, citations = _cited_points(points, ids)
    warnings = injection_warnings(passages)
    if not citations:
        warnings.append(UNCITED_WARNING)
    yield AnswerUpdate(answer, Answer(answer=answer, mode="llm", citations=citations, warnings=warnings))


def _cut_by_token_limit(exc: Exception, text: str) -> bool:
    """Whether the reply streamed `text` and then stopped at `llm.max_tokens` (the client raises then)."""
    from openai import LengthFinishReasonError  # loaded already by the model client that raised

    return bool(text) and isinstance(exc, LengthFinishReasonError)


def _offline_after_failure(
    exc: Exception, question: str, retriever: Retriever, workspace: str | None, k: int | None
) -> AnswerUpdate:
    logger.warning("model answer failed: %s", exc)
    offline = answer_question(question, retriever=retriever, workspace=workspace, k=k)
    warning = f"The model could not answer ({type(exc).__name__}); showing passages from the guidance."
    final = offline.model_copy(update={"warnings": [warning]})
    return AnswerUpdate(final.answer, final)


class AnswerPoint(BaseModel):
    """One point of the model's answer and the passage it rests on."""

    advice: Sentence
    source: str = Field(max_length=8)


class ModelAnswer(BaseModel):
    """The model's answer: up to five points; none when the passages do not answer the question."""

    points: list[AnswerPoint] = Field(max_length=5)


def answer_schema(passage_ids: list[str]) -> dict[str, Any]:
    """The reply schema with `source` limited to the ids of the passages given."""
    schema: dict[str, Any] = reply_schema(ModelAnswer.model_json_schema())
    source = schema["$defs"]["AnswerPoint"]["properties"]["source"]
    source.pop("maxLength", None)
    source["enum"] = passage_ids
    return schema


NOT_ANSWERED = "The passages found do not answer this question."
UNFINISHED_WARNING = (
    "The model's answer stopped before its first point (it reached the reply's token limit); "
    "showing passages from the guidance."
)
NOT_ANSWERED_WARNING = (
    "The model found no answer to this question in the passages; showing the closest guidance instead."
)


def _points(text: str) -> list[AnswerPoint] | None:
    """The reply's points, or None when the reply is not an answer object (prose instead). Read
    leniently: a server in JSON mode does not enforce the schema's bounds, and a reply cut short by
    `llm.max_tokens` keeps its finished points."""
    try:
        data = parse_json_object(text)
    except ValueError:
        data = _partial(text)
        if isinstance(data, dict) and isinstance(data.get("points"), list):
            data["points"] = [p for p in data["points"] if isinstance(p, dict) and p.get("source")]
            if not data["points"]:
                return None  # cut short before its first point was finished: not an answer
    if not isinstance(data, dict) or not isinstance(data.get("points"), list):
        return None
    return _as_points(data["points"])


def _partial(text: str) -> Any:
    """The JSON object begun in `text`, closed where it stops (None if it is not one)."""
    body = text.strip().removeprefix("```json").removeprefix("```").strip()
    if not body.startswith("{"):
        return None
    try:
        return parse_partial_json(body)
    except ValueError:
        return None


def _as_points(items: list[Any]) -> list[AnswerPoint]:
    return [
        AnswerPoint.model_construct(advice=str(item.get("advice") or ""), source=str(item.get("source")))
        for item in items
        if isinstance(item, dict)
    ]


def _cited_points(points: list[AnswerPoint], ids: dict[str, Passage]) -> tuple[str, list[Citation]]:
    """The points as a markdown list, each ending in the number of its passage (in order of first
    use); a point whose source was not among the passages given stays, uncited."""
    order: list[str] = []
    lines = []
    for point in points:
        advice = strip_remote_content(" ".join(point.advice.split()))
        if not advice:
            continue
        marker = ""
        if point.source in ids:
            if point.source not in order:
                order.append(point.source)
            marker = f" [{order.index(point.source) + 1}]"
        lines.append(f"- {advice}{marker}")
    answer = "\n".join(lines) or NOT_ANSWERED
    return answer, [ids[cid].citation() for cid in order]


def _shown(text: str, ids: dict[str, Passage]) -> str:
    """What to show of a reply still streaming: its points so far, or the prose without markers."""
    if not text.lstrip().startswith(("{", "```")):
        return _hide_markers(text)
    data = _partial(text)
    items = data.get("points") if isinstance(data, dict) else None
    shown = _as_points(items) if isinstance(items, list) else []
    return _cited_points(shown, ids)[0] if any(p.advice.strip() for p in shown) else ""


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
