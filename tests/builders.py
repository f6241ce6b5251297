"""Builders for test files in every supported format (and broken ones), made on the fly."""

from __future__ import annotations

import io
from pathlib import Path


def pdf_bytes(lines: list[str], *, hidden: list[str] | None = None, size: float = 12) -> bytes:
    """A minimal one-page PDF whose text layer holds `lines` (black, `size` points), then `hidden`
    lines drawn in white: there for a parser, invisible to a reader."""
    content = f"BT /F1 {size:g} Tf 72 720 Td " + " ".join(f"({line}) Tj 0 -16 Td" for line in lines) + " ET"
    if hidden:
        shown = " ".join(f"({h}) Tj 0 -16 Td" for h in hidden)
        content += f" BT 1 1 1 rg /F1 12 Tf 72 400 Td {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def encrypted_pdf_bytes(lines: list[str], password: str = "secret") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes(lines)))
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_docx(path: Path, title: str, sections: dict[str, str]) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    for heading, body in sections.items():
        document.add_heading(heading, level=1)
        document.add_paragraph(body)
    document.save(str(path))
    return path
