"""Leaders' own phrasings of what each knowledge section answers (`knowledge/asks.yaml`).

A leader rarely asks in the guidance's words ("I'm replying to messages at 1am" is a question about
the convener's capacity). For each section of the knowledge base the file lists a few questions in
everyday, indirect and emotional phrasing, written from the guidance alone. A query is compared
with all of them by meaning (one matrix product over a few hundred vectors, no store call), and
the sections whose asks come closest form a third ranking of the knowledge scope, fused with the
vector and BM25 rankings (`Retriever`). The asks are never shown or quoted: only guidance is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import yaml
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, RootModel, ValidationError

from advisor.errors import ConfigError

logger = logging.getLogger(__name__)
ASKS_FILE = "asks.yaml"


class AsksFile(RootModel[dict[str, dict[str, list[str]]]]):
    """topic (file name without .md) → section heading (as written after `## `) → asks."""


class SectionKey(BaseModel, frozen=True):
    source: str  # knowledge/<topic>.md, as chunks record it
    heading: str  # the `## ` heading; chunks under its `###` subheadings belong to it too

    def holds(self, source: str, heading: str) -> bool:
        return source == self.source and (heading == self.heading or heading.startswith(self.heading + " > "))


@dataclass(frozen=True)
class Asks:
    """Every ask's vector and the section it points to."""

    sections: list[SectionKey]
    owners: npt.NDArray[np.intp]  # row → index into `sections`
    vectors: npt.NDArray[np.float32]  # unit rows

    def rank_sections(self, query_vector: npt.ArrayLike, n: int) -> list[SectionKey]:
        """The `n` sections whose closest ask is closest to the query, best first."""
        similarity = self.vectors @ np.asarray(query_vector, dtype=np.float32)
        best = np.full(len(self.sections), -np.inf, dtype=np.float32)
        np.maximum.at(best, self.owners, similarity)
        return [self.sections[i] for i in np.argsort(-best)[:n]]


def read_asks(knowledge_dir: Path) -> dict[SectionKey, list[str]]:
    """The asks of `knowledge_dir/asks.yaml` (none if the folder has no such file); `ConfigError`
    naming the topic or section that the knowledge files do not have."""
    path = knowledge_dir / ASKS_FILE
    if not path.is_file():
        return {}
    try:
        data = AsksFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {}).root
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(
            f"{path} is not a mapping of topic → section → list of asks: {' '.join(str(exc).split())[:300]}",
            hint="see the comment at the top of the file for its shape",
        ) from None
    asks: dict[SectionKey, list[str]] = {}
    for topic, sections in data.items():
        document = knowledge_dir / f"{topic}.md"
        if not document.is_file():
            raise ConfigError(
                f"{path}: topic {topic!r} has no file {document.name}", hint="fix the topic name"
            )
        headings = {
            line[3:].strip() for line in document.read_text("utf-8").splitlines() if line.startswith("## ")
        }
        for heading, texts in sections.items():
            if heading not in headings:
                raise ConfigError(
                    f"{path}: {topic!r} has no section {heading!r}",
                    hint=f"use a `## ` heading of {document.name} exactly as written",
                )
            asks[SectionKey(source=f"knowledge/{topic}.md", heading=heading)] = [
                t for t in texts if t.strip()
            ]
    return asks


def load_asks(knowledge_dir: Path, embeddings: Embeddings) -> Asks | None:
    """The asks of `knowledge_dir`, embedded (the shipped vectors serve the bundled ones)."""
    asks = read_asks(knowledge_dir)
    if not asks:
        return None
    sections = list(asks)
    texts = [text for key in sections for text in asks[key]]
    owners = np.asarray([i for i, key in enumerate(sections) for _ in asks[key]], dtype=np.intp)
    vectors = np.asarray(embeddings.embed_documents(texts), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    logger.debug("%d asks for %d knowledge sections", len(texts), len(sections))
    return Asks(sections, owners, vectors)


def ask_texts(knowledge_dir: Path) -> list[str]:
    """The texts `load_asks` embeds, for the shipped vector table."""
    return [text for texts in read_asks(knowledge_dir).values() for text in texts]
