"""Leaders' phrasings of what each knowledge section answers (`knowledge/asks.yaml`): they point at
sections that exist, a mistake in the file is named, and a question in a leader's own words finds
the guidance it needs because of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from advisor.config import RetrievalSettings, Settings
from advisor.errors import ConfigError
from advisor.retrieval.asks import SectionKey, read_asks
from advisor.retrieval.hybrid import Retriever
from advisor.service.runtime import Runtime

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"
# A phrasing no guidance section is about.
ODD = "Should the tuba player from the brass band bring cake to the lighthouse on Thursday?"


def test_every_topic_has_asks_for_sections_that_exist() -> None:
    asks = read_asks(KNOWLEDGE)  # raises on a topic or section that does not exist
    topics = {key.source for key in asks}
    assert topics == {f"knowledge/{path.name}" for path in KNOWLEDGE.glob("*.md")}
    assert all(2 <= len(texts) <= 8 for texts in asks.values())
    assert sum(len(texts) for texts in asks.values()) >= 300


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('quick-wins:\n  "Why early wins matter!":\n    - "a"\n', "'Why early wins matter!'"),
        ('quick-wins-typo:\n  "Why early wins matter":\n    - "a"\n', "'quick-wins-typo'"),
        ("quick-wins: [a, b]\n", "topic → section → list of asks"),
    ],
)
def test_a_mistake_in_the_asks_file_is_named(tmp_path: Path, content: str, named: str) -> None:
    (tmp_path / "quick-wins.md").write_text((KNOWLEDGE / "quick-wins.md").read_text("utf-8"), "utf-8")
    (tmp_path / "asks.yaml").write_text(content, "utf-8")
    with pytest.raises(ConfigError) as raised:
        read_asks(tmp_path)
    assert named in str(raised.value) and "asks.yaml" in str(raised.value)


def test_subsections_belong_to_their_section() -> None:
    key = SectionKey(source="knowledge/x.md", heading="Preventing burnout")
    assert key.holds("knowledge/x.md", "Preventing burnout > Rotating the chair")
    assert not key.holds("knowledge/x.md", "Preventing burnout soon")
    assert not key.holds("knowledge/y.md", "Preventing burnout")


def test_a_section_is_found_by_how_leaders_ask_for_it(tmp_path: Path, embeddings: Embeddings) -> None:
    """Phrasing that shares no word and little meaning with a section still finds it when the asks
    file says leaders ask for it that way; without the asks it does not."""
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    for path in KNOWLEDGE.glob("*.md"):
        (knowledge / path.name).write_text(path.read_text("utf-8"), "utf-8")
    (knowledge / "asks.yaml").write_text(f'quick-wins:\n  "Celebrating wins well":\n    - "{ODD}"\n', "utf-8")
    runtime = Runtime(Settings(home=tmp_path / "home", knowledge_dir=knowledge), embeddings=embeddings)
    runtime.ensure_knowledge()
    found = runtime.retriever.search(ODD, k=3)
    assert ("knowledge/quick-wins.md", "Celebrating wins well") in [(p.source, p.heading) for p in found]
    plain = Retriever(
        runtime.settings.model_copy(update={"retrieval": RetrievalSettings(asks_weight=0)}),
        runtime.store,
        runtime.embeddings,
    )
    assert "knowledge/quick-wins.md" not in [p.source for p in plain.search(ODD, k=3)]
