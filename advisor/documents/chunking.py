"""Cut documents into token-bounded, heading-aware chunks with deterministic ids.

Chunks never cross a section boundary, so each carries one heading path. Paragraphs are packed
up to `max_tokens`; a paragraph that is too long is split at sentences, and a sentence that is
too long at token boundaries. Neighbouring chunks in a section share up to `overlap_tokens` of
trailing sentences. The id hashes the source, the file's content hash, the position and the text:
re-ingesting an unchanged file yields the same ids, a changed file yields new ones.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from advisor.documents.read import Document
from advisor.text.sentences import split_sentences
from advisor.text.tokens import decode, encode

# Characters per token allowed before a sentence is encoded in windows (prose averages about 4), so a
# sentence within the token budget is practically never cut and a pathological one is encoded in pieces.
_CHARS_PER_TOKEN_BOUND = 16


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage of a document."""

    id: str
    text: str
    source: str
    title: str
    heading: str
    index: int
    file_sha: str
    summary: str = ""

    @property
    def embedding_text(self) -> str:
        """What gets embedded: the passage with its title, heading and the document's summary (when it
        has one), which carry much of what the passage is about."""
        context = " > ".join(part for part in (self.title, self.heading) if part)
        return "\n".join(part for part in (context, self.summary, self.text) if part)


def chunk_document(document: Document, *, max_tokens: int = 200, overlap_tokens: int = 30) -> list[Chunk]:
    """All chunks of `document`, in reading order."""
    summary = str(document.metadata.get("summary") or "")
    texts: list[tuple[str, str]] = []
    for section in document.sections:
        texts.extend((section.heading, t) for t in _pack_section(section.text, max_tokens, overlap_tokens))
    return [
        Chunk(
            id=_chunk_id(document, index, text),
            text=text,
            source=document.source,
            title=document.title,
            heading=heading,
            index=index,
            file_sha=document.sha256,
            summary=summary,
        )
        for index, (heading, text) in enumerate(texts)
    ]


def _pack_section(text: str, max_tokens: int, overlap_tokens: int) -> list[str]:
    # Units are sentences (or list lines); a unit that opens a paragraph keeps the blank line before it
    # (a list's last item never runs into the paragraph after it), a list line its newline.
    units: list[tuple[str, int, str]] = []
    for paragraph in re.split(r"\n\s*\n", text):
        for position, sentence in enumerate(split_sentences(paragraph)):
            for piece, tokens in _split_long(sentence, max_tokens):
                joint = "\n\n" if position == 0 else "\n" if sentence[:1] in "-*0123456789|" else " "
                units.append((piece, tokens, joint))
    chunks: list[str] = []
    current: list[tuple[str, int, str]] = []
    size = 0
    for unit in units:
        if current and size + unit[1] > max_tokens:
            chunks.append(_join(current))
            current, size = _overlap(current, overlap_tokens, max_tokens - unit[1])
        current.append(unit)
        size += unit[1]
    if current:
        chunks.append(_join(current))
    return chunks


def _join(units: list[tuple[str, int, str]]) -> str:
    return "".join(joint + piece for piece, _, joint in units).strip()


def _overlap(
    units: list[tuple[str, int, str]], overlap_tokens: int, room: int
) -> tuple[list[tuple[str, int, str]], int]:
    """The trailing units to repeat at the start of the next chunk (whole sentences only)."""
    kept: list[tuple[str, int, str]] = []
    size = 0
    for unit in reversed(units):
        if size + unit[1] > min(overlap_tokens, room):
            break
        kept.insert(0, unit)
        size += unit[1]
    return kept, size


def _split_long(sentence: str, max_tokens: int) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    for window in _windows(sentence, max_tokens * _CHARS_PER_TOKEN_BOUND):
        tokens = encode(window)
        if len(tokens) <= max_tokens:
            pieces.append((window, len(tokens)))
            continue
        pieces.extend(
            (decode(tokens[i : i + max_tokens]), len(tokens[i : i + max_tokens]))
            for i in range(0, len(tokens), max_tokens)
        )
    return pieces


def _windows(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters, at the last space of each where there is one.

    BPE merging is superlinear in the length of one unbroken word, so a 1 MiB line with no spaces would
    take seconds to encode in one call; encoding bounded windows keeps chunking linear in the text.
    """
    if len(text) <= size:
        return [text]
    windows: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        end = cut + 1 if cut > 0 else start + size
        windows.append(text[start:end])
        start = end
    windows.append(text[start:])
    return windows


def _chunk_id(document: Document, index: int, text: str) -> str:
    digest = hashlib.sha256(f"{document.source}\0{document.sha256}\0{index}\0{text}".encode()).hexdigest()
    return digest[:32]
