"""Every supported format reads into titled, sectioned text; every kind of bad file is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.documents.read import read_document
from advisor.errors import DocumentError
from tests.builders import encrypted_pdf_bytes, pdf_bytes, write_docx
from tests.conftest import write


@pytest.mark.parametrize(
    ("text", "title", "metadata", "sections"),
    [
        (
            "---\ntitle: Riverside Charter\nsummary: Our rules.\n---\n"
            "# Riverside Charter\n\nIntro line.\n\n## Governance\n### Steering committee\nSeven seats.\n",
            "Riverside Charter",
            {"title": "Riverside Charter", "summary": "Our rules."},
            [("", "Intro line."), ("Governance > Steering committee", "Seven seats.")],
        ),
        (  # empty front matter: skipped, never the text up to the next "---" rule
            "---\n---\n# Bylaws of the Pantry Network\n\nThe network feeds families in Riverside.\n\n---\n\n"
            "## Article I: Name\n\nThe name is the Pantry Network.\n",
            "Bylaws of the Pantry Network",
            {},
            [
                ("", "The network feeds families in Riverside.\n\n---"),
                ("Article I: Name", "The name is the Pantry Network."),
            ],
        ),
        (  # a site's header that is not YAML: read as the document's text, never a refused file
            "---\nlayout: page\nsubtitle: <a href='#'>BYLAWS OF THE\nNETWORK</a>.\n---\n"
            "# Bylaws\n\nThe board meets monthly.\n",
            "Bylaws",
            {},
            [
                ("", "---\nlayout: page\nsubtitle: <a href='#'>BYLAWS OF THE\nNETWORK</a>.\n---"),
                ("", "The board meets monthly."),
            ],
        ),
    ],
)
def test_markdown_front_matter_title_and_heading_paths(
    tmp_path: Path, text: str, title: str, metadata: dict[str, str], sections: list[tuple[str, str]]
) -> None:
    doc = read_document(write(tmp_path / "charter.md", text))
    assert doc.title == title and doc.metadata == metadata
    assert [(s.heading, s.text.strip()) for s in doc.sections] == sections


def test_plain_text_utf16_and_bom(tmp_path: Path) -> None:
    utf16 = tmp_path / "notes.txt"
    utf16.write_bytes("Learning review: backlash to enforcement.".encode("utf-16"))
    assert "backlash" in read_document(utf16).text
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffMeeting notes".encode())
    assert read_document(bom).text == "Meeting notes"


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "mou.pdf"
    path.write_bytes(pdf_bytes(["Memorandum of understanding", "Members decide by consent."]))
    doc = read_document(path)
    assert "decide by consent" in doc.text
    assert doc.kind == "pdf" and doc.sections[0].heading == "page 1"


def test_docx_headings_become_sections(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "charter.docx",
        "Harbor Health Alliance",
        {"Purpose": "Halve childhood asthma admissions by 2029.", "Roles": "The county convenes."},
    )
    doc = read_document(path)
    assert doc.title == "Harbor Health Alliance"
    assert ("Purpose", "Halve childhood asthma admissions by 2029.") in [
        (s.heading, s.text) for s in doc.sections
    ]


def test_csv_rows_read_one_section_each_as_labelled_lines(tmp_path: Path) -> None:
    """An answer once quoted a metrics table as one run-on paragraph of "metric: ...; unit: ..." rows."""
    path = write(
        tmp_path / "metrics.csv",
        "metric,unit,baseline,target\nTraffic deaths,deaths/yr,24,0\nBike lanes built,miles,3,20\n",
    )
    doc = read_document(path)
    assert [s.heading for s in doc.sections] == ["Traffic deaths", "Bike lanes built"]
    assert doc.sections[0].text == "Traffic deaths.\nUnit: deaths/yr.\nBaseline: 24.\nTarget: 0."
    assert doc.metadata["columns"] == ["metric", "unit", "baseline", "target"]


def test_yaml_roster_keeps_its_structure(tmp_path: Path) -> None:
    path = write(
        tmp_path / "roster.yaml",
        "coalition: Safe Streets\nmembers:\n  - name: Bike Union\n    interests: [safe routes]\n",
    )
    doc = read_document(path)
    assert doc.title == "Safe Streets"
    assert "Bike Union" in doc.text and "safe routes" in doc.text


def test_a_yaml_rosters_members_are_read_one_section_each_in_plain_lines(tmp_path: Path) -> None:
    """An answer once quoted a whole roster as one run-on paragraph ("name: Riverside Walks sector:
    community positions: • Lower ... interests: ..."): each member is its own section, in lines."""
    path = write(
        tmp_path / "roster.yaml",
        "coalition: Safe Streets\nmembers:\n  - name: Bike Union\n    sector: community\n"
        "    interests: [safe routes, bike parking]\n    resources: []\n"
        "  - name: Police Department\n    positions: [More speed cameras]\n",
    )
    doc = read_document(path)
    assert [s.heading for s in doc.sections][-2:] == ["Bike Union", "Police Department"]
    assert doc.sections[-2].text == "Bike Union.\nSector: community.\nInterests: safe routes; bike parking."
    assert "Police" not in doc.sections[-2].text and "name:" not in doc.text


BAD_FILES = {
    "empty.md": (b"", "empty"),
    "blank.txt": (b"   \n\n  ", "no readable text"),
    "binary.txt": (b"\x00\x01\x02\x03binary\x00payload", "binary"),
    "latin1.md": ("Café crème".encode("latin-1"), "not UTF-8"),
    "random.pdf": (b"%PDF-1.4\n" + bytes(range(256)) * 4, "PDF"),
    "not-a-pdf.pdf": (b"hello, this is text", "PDF"),
    "corrupt.docx": (b"PK\x03\x04 this is not a zip", "DOCX"),
    "sheet.xlsx": (b"PK\x03\x04", "unsupported file type '.xlsx'"),
    "broken.yaml": (b"members: [unclosed\n  - x: y: z", "invalid YAML"),
    "header-only.csv": (b"name,sector\n", "no data rows"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_raise_a_document_error_naming_the_file(tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{name}: ")
    assert reason.lower() in str(caught.value).lower()


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf_bytes(["secret plans"]))
    with pytest.raises(DocumentError, match="password-protected"):
        read_document(path)


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", "word " * 50_000)
    with pytest.raises(DocumentError, match=r"over the .* limit"):
        read_document(path, max_bytes=100_000)


@pytest.mark.parametrize("name", ["GOVERNANCE.rst", "charter.adoc"])
def test_restructuredtext_and_asciidoc_charters_read_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Governance\n==========\n\nThe Steering Council decides by a two-thirds vote.\n")
    assert "two-thirds vote" in read_document(path).text


def test_a_page_whose_text_is_all_in_its_front_matter_is_read_from_it(tmp_path: Path) -> None:
    path = write(
        tmp_path / "about.md",
        "---\ntitle: About us\nlayout: page\ndescription: The Riverside Food Coalition brings 14 pantries "
        "together to end hunger in Riverside County.\n---\n",
    )
    doc = read_document(path)
    assert [(s.heading, s.text) for s in doc.sections] == [
        (
            "Description",
            "The Riverside Food Coalition brings 14 pantries together to end hunger in Riverside County.",
        )
    ]
