"""Read and validate files (markdown, text, PDF, DOCX, CSV, YAML) into documents with sections.

Every way a file can be unusable (empty, too large, binary, undecodable, corrupt, encrypted,
an unknown type) raises `DocumentError` naming the file and the reason. Nothing here writes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from advisor.errors import DocumentError
from advisor.text.safe_yaml import load_yaml

logger = logging.getLogger(__name__)

READERS_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".rst": "text",  # reStructuredText and AsciiDoc governance pages read as plain text
    ".adoc": "text",
    ".pdf": "pdf",
    ".docx": "docx",
    ".csv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
}
SUPPORTED_SUFFIXES = tuple(sorted(READERS_BY_SUFFIX))


def suffixes_of(*kinds: str) -> tuple[str, ...]:
    """The file suffixes read as these kinds (`markdown`, `text`, `pdf`, `docx`, `csv`, `yaml`)."""
    return tuple(suffix for suffix, kind in READERS_BY_SUFFIX.items() if kind in kinds)


TEXT_SUFFIXES = suffixes_of("markdown", "text")
PROSE_SUFFIXES = suffixes_of("markdown", "text", "pdf", "docx")  # charters and notes
YAML_SUFFIXES = suffixes_of("yaml")
# Linear on purpose: the former `(.+?)\s*#*\s*$` backtracked cubically (a 2 KB line of spaces: 35 s).
_HEADING = re.compile(r"(#{1,6})\s+(\S.*)")
# (empty front matter, "---" twice, is front matter too: never the text up to the next "---" rule)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)??---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Section:
    """A run of text under one heading path ("Charter > Governance"); heading is "" when there is none."""

    heading: str
    text: str


@dataclass(frozen=True)
class Document:
    """One file's text, split into sections, with what we know about it."""

    source: str
    title: str
    kind: str
    sha256: str
    sections: tuple[Section, ...]
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.sections)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS_BY_SUFFIX


def read_document(path: Path, *, source: str | None = None, max_bytes: int = 20 * 2**20) -> Document:
    """Read `path` into a `Document`, or raise `DocumentError` saying why it cannot be used."""
    path = Path(path)
    kind = READERS_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        raise DocumentError(
            path,
            f"unsupported file type '{path.suffix or '(none)'}'",
            hint=f"supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    if not path.exists():
        raise DocumentError(path, "no such file")
    if not path.is_file():  # a folder, a FIFO (reading it would wait forever), a device
        raise DocumentError(path, "is not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise DocumentError(path, "the file is empty")
    if size > max_bytes:
        raise DocumentError(
            path,
            f"the file is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit",
            hint="split it, or raise ADVISOR_INGEST_MAX_FILE_MB",
        )
    data = path.read_bytes()
    reader = _READERS[kind]
    try:
        title, sections, metadata = reader(path, data)
    except DocumentError:
        raise
    except Exception as exc:  # a parser failing on hostile input is a bad file, not a crash
        logger.debug("parser failure on %s", path, exc_info=True)
        raise DocumentError(
            path, f"could not be read as {kind.upper()}: {type(exc).__name__}: {exc}"
        ) from exc
    kept = tuple(s for s in (Section(s.heading, s.text.strip()) for s in sections) if s.text)
    if not kept:
        raise DocumentError(path, "no readable text in the file")
    return Document(
        source=source or path.name,
        title=title or _title_from_name(path),
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        sections=kept,
        metadata=metadata,
    )


def decode_text(path: Path, data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(path, "broken UTF-16 text", hint="save it as UTF-8") from exc
    if b"\x00" in data[:8192]:
        raise DocumentError(path, "contains binary data, not text", hint="is the file extension right?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            path, f"is not UTF-8 text (bad byte at offset {exc.start})", hint="save it as UTF-8"
        ) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        raise DocumentError(path, "contains binary data, not text", hint="is the file extension right?")
    return text


Parsed = tuple[str | None, list[Section], dict[str, Any]]


def _read_markdown(path: Path, data: bytes) -> Parsed:
    text = decode_text(path, data)
    metadata: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = load_yaml(match.group(1) or "")
        except yaml.YAMLError:
            # A site's header that is not YAML (a wrapped line in a Jekyll page) is still the document's
            # text: read it as such rather than refuse a charter over its metadata.
            loaded = None
        else:
            text = text[match.end() :]
        if isinstance(loaded, dict):
            metadata = {str(k): v for k, v in loaded.items()}
    title = str(metadata["title"]) if metadata.get("title") else None
    sections: list[Section] = []
    path_stack: list[tuple[int, str]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            sections.append(Section(" > ".join(h for _, h in path_stack), "\n".join(lines)))
            lines.clear()

    for line in text.splitlines():
        heading = _HEADING.fullmatch(line)
        if heading:
            flush()
            level, name = len(heading.group(1)), _heading_text(heading.group(2))
            if level == 1 and title in (None, name):
                title = name  # the document's own title heads every section already; keep it out of paths
                path_stack = []
                continue
            path_stack = [(lvl, h) for lvl, h in path_stack if lvl < level] + [(level, name)]
        else:
            lines.append(line)
    flush()
    if not any(section.text.strip() for section in sections):
        sections = _front_matter_prose(metadata)
    return title, sections, metadata


# a front-matter value this long is prose (a site's "description:" or "mission:"), not a setting
_PROSE_WORDS = 6


def _front_matter_prose(metadata: dict[str, Any]) -> list[Section]:
    """A page whose text is all in its front matter (a static site's "description:", "mission:"):
    each prose value as a section headed by its key, so the page is not empty."""
    return [
        Section(key.replace("_", " ").capitalize(), " ".join(value.split()))
        for key, value in metadata.items()
        if isinstance(value, str) and len(value.split()) >= _PROSE_WORDS and key != "title"
    ]


def _heading_text(raw: str) -> str:
    """A heading's text without its optional closing `#`s ("Roles ##" → "Roles")."""
    text = raw.strip()
    return text.rstrip("#").rstrip() or text


def _read_text(path: Path, data: bytes) -> Parsed:
    return None, [Section("", decode_text(path, data))], {}


def _read_pdf(path: Path, data: bytes) -> Parsed:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "the PDF is password-protected", hint="save an unprotected copy")
        pages = [Section(f"page {i}", page.extract_text() or "") for i, page in enumerate(reader.pages, 1)]
        meta_title = reader.metadata.title if reader.metadata else None
    except PdfReadError as exc:
        raise DocumentError(path, f"corrupt or unreadable PDF: {exc}") from exc
    if not any(p.text.strip() for p in pages):
        raise DocumentError(path, "the PDF has no text layer (a scan?)", hint="run OCR on it first")
    return (str(meta_title).strip() or None) if meta_title else None, pages, {}


def _read_docx(path: Path, data: bytes) -> Parsed:

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(path, "corrupt DOCX (not a valid Word document)") from exc
    title = document.core_properties.title or None
    sections: list[Section] = []
    heading, lines = "", list[str]()
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.lower().startswith(("heading", "title")) and paragraph.text.strip():
            sections.append(Section(heading, "\n".join(lines)))
            heading, lines = paragraph.text.strip(), []
            title = title or (heading if style.lower() == "title" else None)
        else:
            lines.append(paragraph.text)
    for table in document.tables:
        lines.extend(" | ".join(cell.text.strip() for cell in row.cells) for row in table.rows)
    sections.append(Section(heading, "\n".join(lines)))
    return title, sections, {}


ROWS_AS_RECORDS = 200  # a table this long or shorter is read one row per section


def _read_csv(path: Path, data: bytes, rows_per_section: int = 25) -> Parsed:
    text = decode_text(path, data)
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise DocumentError(path, f"malformed CSV: {exc}") from exc
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if len(rows) < 2:
        raise DocumentError(path, "the CSV has a header but no data rows" if rows else "the CSV is empty")
    header = [h.strip() for h in rows[0]]
    if len(rows) - 1 <= ROWS_AS_RECORDS and header and header[0]:
        # one section per row, headed by its first cell ("Riparian buffer restored"), in plain lines: an
        # answer quotes the row asked about, never every row run together as one paragraph
        records = [dict(zip(header, (v.strip() for v in row), strict=False)) for row in rows[1:]]
        named = [r for r in records if r.get(header[0])]
        if len(named) == len(records):
            return (
                None,
                [Section(r[header[0]], _record_text(r, header[0])) for r in records],
                {"columns": header},
            )
    described = [
        "; ".join(f"{h}: {v.strip()}" for h, v in zip(header, row, strict=False) if v.strip())
        for row in rows[1:]
    ]
    sections = [
        Section(
            f"rows {i + 1}-{i + len(described[i : i + rows_per_section])}",
            "\n".join(described[i : i + rows_per_section]),
        )
        for i in range(0, len(described), rows_per_section)
    ]
    return None, sections, {"columns": header}


def _read_yaml(path: Path, data: bytes) -> Parsed:
    text = decode_text(path, data)
    try:
        loaded = load_yaml(text)
    except yaml.YAMLError as exc:
        raise DocumentError(path, f"invalid YAML: {exc}".replace("\n", " ")) from exc
    if loaded is None or (isinstance(loaded, (str, int, float)) and not str(loaded).strip()):
        raise DocumentError(path, "the YAML document is empty")
    if isinstance(loaded, dict):
        title = str(loaded.get("coalition") or loaded.get("title") or "") or None
        sections = [
            section
            for key, value in loaded.items()
            for section in (_named_items(value) or [Section(str(key), _yaml_text({key: value}))])
        ]
        return title, sections, {}
    return None, _named_items(loaded) or [Section("", _yaml_text(loaded))], {}


def _yaml_text(value: Any) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100).strip()


_NAME_KEYS = ("name", "title", "organisation", "organization", "member")


def _named_items(value: Any) -> list[Section]:
    """A list of named records (a roster's members) as one section each, headed by the name and
    written as lines a reader (and an answer's quote) can take whole: "Interests: safer routes to
    school; slower traffic." (never the YAML run together: "interests: - safer ... resources: -").
    Empty when `value` is not such a list."""
    if not isinstance(value, list) or not value or not all(isinstance(item, dict) for item in value):
        return []
    sections = []
    for item in value:
        key = next((k for k in _NAME_KEYS if isinstance(item.get(k), str) and item[k].strip()), None)
        if key is None:  # a record with no name: the list stays as it was written
            return []
        sections.append(Section(item[key].strip(), _record_text(item, key)))
    return sections


def _record_text(item: dict[str, Any], name_key: str) -> str:
    lines = []
    for key, value in item.items():
        if key == name_key or value in (None, "", [], {}):
            continue
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            text = "; ".join(str(v).strip() for v in value)
        elif isinstance(value, (str, int, float, bool)):
            text = str(value).strip()
        else:
            text = " ".join(_yaml_text(value).split())
        label = str(key).replace("_", " ").capitalize()
        lines.append(f"{label}: {text}" + ("" if text.endswith((".", "!", "?")) else "."))
    return "\n".join([item[name_key].strip().rstrip(".") + ".", *lines])


def _title_from_name(path: Path) -> str:
    return re.sub(r"[_\-]+", " ", path.stem).strip().capitalize() or path.name


_READERS = {
    "markdown": _read_markdown,
    "text": _read_text,
    "pdf": _read_pdf,
    "docx": _read_docx,
    "csv": _read_csv,
    "yaml": _read_yaml,
}
