"""Spot text in documents that tries to instruct an AI (prompt injection), so the user is told.

Documents are always passed to a model as untrusted data inside delimiters (`prompts.untrusted`),
whatever this module finds; flagging is about telling people. It looks for instruction-like phrases
("ignore previous instructions", "you are now…"), text hidden from a human reader (zero-width
characters, HTML comments, white or microscopic text in a PDF) and remote images or links that a
renderer would fetch.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["instruction", "zero_width", "html_comment", "hidden_pdf_text", "remote_content"]

_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|"
    r"preceding|your|system)\s+(?:instructions?|prompts?|rules|directions|messages?)"
    r"|\byou\s+are\s+now\s+(?:a|an|in)\b"
    r"|\b(?:reveal|print|repeat|show|output)\s+(?:your|the)\s+(?:system\s+)?(?:prompt|instructions)"
    r"|\bnew\s+instructions?\s*:"
    r"|\b(?:system|assistant)\s*(?:prompt|message)?\s*:\s*(?:you|ignore|always|never)\b"
    r"|\bdo\s+not\s+(?:tell|inform|mention\s+(?:this\s+)?to)\s+the\s+user\b"
    r"|\b(?:send|post|upload|exfiltrate)\b[^.\n]{0,60}\bto\s+https?://",
    re.IGNORECASE,
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad]")
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_REMOTE = re.compile(r"!\[[^\]]*\]\(\s*<?(?:https?:)?//|<img\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//", re.I)
WHITE = 0.95  # fill colour components at or above this read as white on a white page
TINY_POINTS = 2.0  # text smaller than this is invisible to a reader


@dataclass(frozen=True)
class InjectionFinding:
    """One suspicious piece of a document."""

    kind: Kind
    excerpt: str

    def describe(self) -> str:
        labels = {
            "instruction": "text that gives instructions to an AI",
            "zero_width": "invisible (zero-width) characters",
            "html_comment": "a hidden HTML comment",
            "hidden_pdf_text": "white or microscopic text in the PDF",
            "remote_content": "a remote image",
        }
        return f"{labels[self.kind]}: “{self.excerpt}”"


def find_injections(text: str) -> list[InjectionFinding]:
    """Suspicious spans of `text`, most telling first; empty for an ordinary document."""
    findings = [
        InjectionFinding("instruction", _around(text, m.start(), m.end()))
        for m in _INSTRUCTION.finditer(text)
    ]
    zero_width = _ZERO_WIDTH.findall(text)
    # one soft hyphen or BOM is ordinary typography; runs of invisible characters are not
    if len(zero_width) >= 3:
        first = _ZERO_WIDTH.search(text)
        assert first is not None
        findings.append(
            InjectionFinding(
                "zero_width",
                f"{len(zero_width)} invisible characters near “{_around(text, first.start(), first.end())}”",
            )
        )
    for comment in _HTML_COMMENT.finditer(text):
        body = " ".join(comment.group(1).split())
        if len(body) >= 12:
            findings.append(InjectionFinding("html_comment", body[:120]))
    findings += [
        InjectionFinding("remote_content", _around(text, m.start(), m.end())) for m in _REMOTE.finditer(text)
    ]
    return findings


def pdf_hidden_text(data: bytes) -> list[str]:
    """Text a reader cannot see in a PDF: drawn in white or at a microscopic size."""
    from pypdf import PdfReader

    hidden: list[str] = []
    reader = PdfReader(io.BytesIO(data), strict=False)
    for page in reader.pages[:50]:
        state: dict[str, Any] = {"white": False}

        def before(operator: bytes, args: list[Any], cm: Any, tm: Any, state: dict[str, Any] = state) -> None:
            if operator in (b"rg", b"g", b"k") and args:
                values = [float(a) for a in args]
                state["white"] = (
                    all(v <= 1 - WHITE for v in values)
                    if operator == b"k"
                    else all(v >= WHITE for v in values)
                )

        def text(chunk: str, cm: Any, tm: Any, font: Any, size: float, state: dict[str, Any] = state) -> None:
            scale = abs(float(tm[0]) * float(cm[0])) if tm and cm else 1.0
            if chunk.strip() and (state["white"] or 0 < size * (scale or 1.0) < TINY_POINTS):
                hidden.append(chunk.strip())

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return hidden


def scan_file(name: str, data: bytes, text: str) -> list[InjectionFinding]:
    """Findings for an uploaded file: its extracted text, plus hidden text for PDFs."""
    findings = find_injections(text)
    if name.lower().endswith(".pdf"):
        try:
            hidden = " ".join(pdf_hidden_text(data))
        except Exception:  # the text layer was already read; a second pass failing only loses a hint
            hidden = ""
        if hidden:
            findings.insert(0, InjectionFinding("hidden_pdf_text", hidden[:160]))
    return findings


def injection_warning(source: str, findings: list[InjectionFinding]) -> str:
    """One line for the user: which file, what was found, and that it was treated as data."""
    return (
        f"{source} contains {findings[0].describe()}. It was treated as data, not as instructions; "
        "check the document if you did not write this."
    )


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    excerpt = text[max(0, start - width) : end + width]
    return " ".join(_ZERO_WIDTH.sub("", excerpt).split())[:160]
