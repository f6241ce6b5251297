"""What a search returns: passages (retrieved chunks with where they came from) and the citations
that point at them."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field

KNOWLEDGE_SCOPE = "knowledge"  # how passages of the knowledge base name their scope


class Citation(BaseModel):
    """A pointer to the retrieved chunk a claim came from."""

    source: str = Field(description="File the chunk came from (knowledge/<topic>.md or a workspace file).")
    title: str = Field(description="Title of that document.")
    section: str = Field(default="", description="Heading path of the section quoted, if it has one.")
    chunk_id: str = Field(description="Id of the retrieved chunk.")
    quote: str = Field(description="The words relied on, verbatim from the chunk.")

    @property
    def label(self) -> str:
        return source_label(self.title, self.section)


def source_label(title: str, section: str = "") -> str:
    """How people see a source: "title › section" (the file name is shown beside it)."""
    return f"{title} › {section}" if section else title


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with where it came from and how well it matched."""

    chunk_id: str
    text: str
    source: str
    title: str
    heading: str
    scope: str
    score: float
    similarity: float | None = None

    def citation(self, quote: str | None = None) -> Citation:
        return Citation(
            source=self.source,
            title=self.title,
            section=self.heading,
            chunk_id=self.chunk_id,
            quote=quote or self.text,
        )
