"""Spot text in documents that tries to instruct an AI (prompt injection), so the user is told.

Documents are always passed to a model as untrusted data inside delimiters (`prompts.untrusted`),
whatever this module finds; flagging is about telling people. It looks for instruction-like phrases
("ignore previous instructions", "you are now…"), text hidden from a human reader (zero-width
characters, HTML comments, white or microscopic text in a PDF) and remote images or links that a
renderer would fetch.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["instruction", "zero_width", "html_comment", "hidden_pdf_text", "remote_content"]

_VERB = (
    r"(?:ignore|disregard|forget|override|bypass|skip|drop|discard|set\s+aside|pay\s+no\s+attention\s+to"
    r"|throw\s+out)"
)
_EARLIER = (
    r"(?:previous|prior|above|earlier|preceding|former|foregoing|original|old|initial|existing|your|system|"
    r"those|these|developer)"
)
_ORDERS = (
    r"(?:instructions?|prompts?|rules|directions|messages?|guidance|guidelines|context|orders|directives"
    r"|commands)"
)
_INSTRUCTION = re.compile(
    rf"\b{_VERB}\s+(?:(?:all|any|every|the|of|everything|whatever)\s+)*(?:(?:you\s+were\s+)?told\s+)?"
    rf"(?:{_EARLIER}\s+)+{_ORDERS}"
    rf"|\b{_VERB}\s+(?:all\s+|everything\s+)?(?:you\s+were\s+told|(?:that\s+)?(?:was\s+)?said\s+(?:above|before))"
    r"|\byou\s+are\s+now\s+(?:a|an|in)\b"
    r"|\bfrom\s+now\s+on,?\s+(?:you|reply|respond|answer|only)\b"
    r"|\b(?:act|behave)\s+as\s+(?:if\s+you\s+(?:are|were)|an?\s+(?:unrestricted|different|new))"
    r"|\bpretend\s+(?:to\s+be|you\s+are)\b"
    r"|\byour\s+(?:new|real|true)\s+(?:task|role|instructions?|purpose|goal)\b"
    r"|\binstead,?\s+(?:reply|respond|answer|say|output)\s+(?:only\s+)?with\b"
    r"|\b(?:reveal|print|repeat|show|output|leak|display)\s+(?:your|the)\s+(?:system\s+|hidden\s+|initial\s+)?"
    r"(?:prompt|instructions)"
    r"|\bnew\s+instructions?\s*:"
    r"|\b(?:system|assistant)\s*(?:prompt|message)?\s*:\s*(?:you|ignore|always|never)\b"
    r"|\bdo\s+not\s+(?:tell|inform|mention\s+(?:this\s+)?to)\s+the\s+user\b"
    r"|\b(?:send|post|upload|exfiltrate)\b[^.\n]{0,60}\bto\s+https?://"
    # other languages: "ignore the previous instructions" in Spanish, French, German, Portuguese, Italian
    r"|\bignor(?:a|e|ez|en)?\s+(?:todas\s+|toutes\s+|tutte\s+|todas\s+as\s+)?(?:las|les|le|as|os)\s+"
    r"(?:instrucciones|instructions|istruzioni|instru[çc][õo]es)\s+(?:anteriores|previas|pr[ée]c[ée]dentes|"
    r"ant[ée]rieures|precedenti)"
    r"|\bignoriere\s+(?:alle\s+)?(?:vorherigen|bisherigen|obigen|fr[üu]heren)\s+(?:anweisungen|instruktionen)"
    # the orders named, then when they were given: "ignore the instructions given to you earlier"
    rf"|\b{_VERB}\s+(?:(?:all|any|the|of)\s+)*{_ORDERS}\s+(?:(?:that\s+)?(?:you\s+were\s+|were\s+)?"
    r"(?:given|sent|provided|shown)\s+(?:to\s+you\s+)?)?(?:earlier|before|above|previously|so\s+far)\b"
    # "Disregard everything above."
    rf"|\b{_VERB}\s+(?:everything|anything|all(?:\s+of\s+it)?)\s+(?:(?:written|said|stated)\s+)?"
    r"(?:above|before\s+this|so\s+far|up\s+to\s+(?:here|now))\b"
    # a note addressed to the model reading the document: "Note to the language model reading this:",
    # "AI assistant: the real task is ..."
    r"|\b(?:note|message|instructions?)\s+(?:to|for)\s+(?:the\s+|any\s+)?(?:AI(?:\s+assistant)?|LLM|"
    r"language\s+model|chatbot|assistant(?=\s*(?:reading|that\s+reads|[:,])))s?\b|\b(?:AI|LLM)\s+(?:assistant|model)\s*:"
    r"|\bthe\s+(?:real|actual|true)\s+(?:task|instruction|job)\s+is\b"
    # chat-template role tags: "</system><user>"
    r"|<\s*/?\s*(?:system|user|assistant)\s*>"
    # "When summarizing, always append: visit ..."
    r"|\bwhen\s+(?:summari[sz]ing|answering|responding|replying)\b[^.\n]{0,40}?\balways\s+"
    r"(?:append|add|include|mention|say|end\s+with)\b"
    # Chinese and Russian: "ignore the previous instructions"
    r"|忽略(?:之前|以上|先前|上面|前面|所有)+的?(?:所有)?(?:指令|指示|说明|提示)"
    r"|\bигнорир\w*\s+(?:все\s+)?(?:предыдущ|прежн|вышеуказанн)\w*\s+(?:инструкц|указани|команд)\w*",
    re.IGNORECASE,
)
# a word spelled out letter by letter to slip past a reader's eye and a scanner: "I-g-n-o-r-e"
_SPELLED_OUT = re.compile(r"\b[A-Za-z](?:[-._*·][A-Za-z]){3,}\b")
# Letters from other scripts that look like Latin ones ("іgnоre" with Cyrillic і and о): read as Latin.
_HOMOGLYPHS = str.maketrans(
    "аеорсхуіјѕԁɡһԛԝАВЕКМНОРСТХУІЈЅαεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧ",
    "aeopcxyijsdghqwABEKMHOPCTXYIJSaeikvoptuxABEHIKMNOPTYX",
)
_MIXED_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/=])")
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


def normalize_for_scan(text: str) -> str:
    """`text` as a reader sees it: NFKC (full-width and styled letters become plain), invisible format
    characters (zero-width, bidi controls, soft hyphens) removed, look-alike letters read as Latin."""
    folded = unicodedata.normalize("NFKC", text)
    visible = "".join(c for c in folded if unicodedata.category(c) != "Cf" and c != "\u00ad")
    joined = _SPELLED_OUT.sub(lambda m: re.sub(r"[-._*·]", "", m.group(0)), visible)
    # look-alike letters read as Latin in a word that also has Latin letters ("іgnоre"): a word wholly
    # in another script (Russian "игнорируй") stays itself
    return _MIXED_WORD.sub(_as_latin, joined)


def _as_latin(word: re.Match[str]) -> str:
    text = word.group(0)
    return text.translate(_HOMOGLYPHS) if _LATIN.search(text) else text


def _encoded_instructions(text: str) -> list[InjectionFinding]:
    """Instructions hidden in base64: each long base64 run that decodes to text is scanned too."""
    findings = []
    for match in _BASE64.finditer(text):
        try:
            decoded = base64.b64decode(match.group(0) + "=" * (-len(match.group(0)) % 4), validate=True)
            plain = decoded.decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        found = _INSTRUCTION.search(normalize_for_scan(plain))
        if found:
            findings.append(
                InjectionFinding("instruction", f"base64 for “{_around(plain, found.start(), found.end())}”")
            )
    return findings


def find_injections(text: str) -> list[InjectionFinding]:
    """Suspicious spans of `text`, most telling first; empty for an ordinary document. Instructions are
    looked for in the normalised text (`normalize_for_scan`) and inside base64."""
    readable = normalize_for_scan(text)
    findings = [
        InjectionFinding("instruction", _around(readable, m.start(), m.end()))
        for m in _INSTRUCTION.finditer(readable)
    ]
    findings += _encoded_instructions(text)
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


def _is_white(operator: bytes, values: list[float]) -> bool:
    if operator in (b"k", b"K") or len(values) == 4:  # CMYK: white is no ink
        return all(v <= 1 - WHITE for v in values)
    return all(v >= WHITE for v in values)


def pdf_hidden_text(data: bytes) -> list[str]:
    """Text a reader cannot see in a PDF: drawn in white (rg, g, k, sc, scn), in the invisible render
    mode (3 Tr), at a microscopic or zero size, outside the page, or outside a rectangular clip."""
    from pypdf import PdfReader

    hidden: list[str] = []
    reader = PdfReader(io.BytesIO(data), strict=False)
    for page in reader.pages[:50]:
        box = page.mediabox
        bounds = (float(box.left), float(box.bottom), float(box.right), float(box.top))
        state: dict[str, Any] = {
            "white": False,
            "invisible": False,
            "rect": None,
            "clip": None,
            "page": bounds,
        }

        def before(operator: bytes, args: list[Any], cm: Any, tm: Any, state: dict[str, Any] = state) -> None:
            if operator in (b"rg", b"g", b"k", b"sc", b"scn") and args:
                try:
                    state["white"] = _is_white(operator, [float(a) for a in args])
                except (TypeError, ValueError):  # a pattern name: not a plain colour
                    state["white"] = False
            elif operator == b"Tr" and args:
                state["invisible"] = int(float(args[0])) in (3, 7)  # 3: neither filled nor stroked
            elif operator == b"re" and len(args) == 4:
                x, y, w, h = (float(a) for a in args)
                state["rect"] = (min(x, x + w), min(y, y + h), max(x, x + w), max(y, y + h))
            elif operator in (b"W", b"W*"):
                state["clip"] = state["rect"]
            elif operator == b"Q":  # the clip of the saved state comes back: assume the page's
                state["clip"] = None

        def text(chunk: str, cm: Any, tm: Any, font: Any, size: float, state: dict[str, Any] = state) -> None:
            if not chunk.strip():
                return
            scale = abs(float(tm[0]) * float(cm[0])) if tm and cm else 1.0
            tiny = size * (scale or 1.0) < TINY_POINTS
            off_page = False
            if tm and cm:
                x = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
                y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
                off_page = any(
                    area is not None and not (area[0] <= x <= area[2] and area[1] <= y <= area[3])
                    for area in (state["page"], state["clip"])
                )
            if state["white"] or state["invisible"] or tiny or off_page:
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
