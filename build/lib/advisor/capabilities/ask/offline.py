"""Grounded answers to free questions (`advisor ask`).

Offline, the answer is extractive: the best sentences of the retrieved passages
(`advisor.retrieval.highlights`) become cited bullet points. Every citation points at a chunk that was
retrieved for this question, quoting the sentence used.
"""

from __future__ import annotations

from advisor.capabilities.ask.models import Answer
from advisor.documents.injection import find_injections, injection_warning
from advisor.retrieval.highlights import select_sentences
from advisor.retrieval.hybrid import Citation, Passage, Retriever

# Below this cosine similarity between the question and the best passage, we say we found nothing.
MIN_RELEVANCE = 0.25


def answer_question(
    question: str,
    *,
    retriever: Retriever,
    workspace: str | None = None,
    k: int | None = None,
) -> Answer:
    """Answer `question` from the knowledge base and, if given, the workspace's documents."""
    question = question.strip()
    passages = retriever.search(question, workspace=workspace, k=k)
    if not passages or max((p.similarity or 0.0) for p in passages) < MIN_RELEVANCE:
        where = "the knowledge base" + (f" or the {workspace!r} workspace" if workspace else "")
        return Answer(
            answer=f"I found nothing in {where} that answers this. Try rephrasing with the coalition "
            "situation you face (for example: members, purpose, charter, funding, conflict, measurement).",
            mode="offline",
            citations=[],
        )
    points = select_sentences(question, passages, retriever.embeddings)
    answer = compose_answer(points, workspace)
    return answer.model_copy(update={"warnings": injection_warnings([p for p, _ in points])})


def injection_warnings(passages: list[Passage]) -> list[str]:
    """A warning per source whose passages try to instruct an AI (they are still only data)."""
    warnings: dict[str, str] = {}
    for passage in passages:
        findings = find_injections(passage.text)
        if findings and passage.source not in warnings:
            warnings[passage.source] = injection_warning(passage.source, findings)
    return list(warnings.values())


def compose_answer(points: list[tuple[Passage, list[tuple[str, str]]]], workspace: str | None) -> Answer:
    """Cited markdown bullets, one per passage used."""
    used_workspace = any(p.scope != "knowledge" for p, _ in points)
    intro = "From your coalition's documents and the guidance:" if used_workspace else "From the guidance:"
    lines = [intro, ""]
    citations: list[Citation] = []
    for number, (passage, sentences) in enumerate(points, 1):
        label = passage.heading or passage.title
        lines.append(f"- **{label}**: {' '.join(s for s, _ in sentences)} [{number}]")
        citations.append(passage.citation(quote=" … ".join(q for _, q in sentences)))
    return Answer(answer="\n".join(lines), mode="offline", citations=citations)
