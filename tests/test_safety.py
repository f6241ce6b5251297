"""The one sanitizer every rendered view goes through: no payload that makes a browser fetch or link
to anything survives it, ordinary markdown keeps its shape, and rendering twice changes nothing.
Figure: payloads tried, payloads whose rendering could still fetch (0)."""

from __future__ import annotations

import re

import pytest

from advisor.text.safety import has_remote_content, safe_html, strip_remote_content
from advisor.web.render import safe_chat_messages, safe_chatbot, toast

EVIL = "http://evil.test"
ATTRIBUTE = re.compile(r"<[^>]*\s(on\w+|src|href|style|background|poster|data|srcset)\s*=", re.IGNORECASE)
PAYLOADS = [
    f'<image src="{EVIL}/1.png">',
    f'<input type="image" src="{EVIL}/2.png">',
    f'<div style="background:url({EVIL}/3.png)">x</div>',
    f'<table background="{EVIL}/4.png"><tr><td>t</td></tr></table>',
    f"[![x]({EVIL}/5.png)]({EVIL})",
    f"![a]({EVIL}/6.png)",
    f"<img src={EVIL}/7.png>",
    f'<svg><image href="{EVIL}/8.png"/></svg>',
    f"<style>body{{background:url({EVIL}/9.png)}}</style>",
    f"[ref]\n\n[ref]: {EVIL}/10",
    f'<a href="{EVIL}/11">click</a>',
    f"<{EVIL}/12>",
    f'<video poster="{EVIL}/13.png"></video><object data="{EVIL}/14"></object>',
    f"<p onmouseover=\"fetch('{EVIL}/15')\">hover</p>",
    f"![x][r]\n\n[r]: {EVIL}/16.png",
    f"```\ncode\n\n![x]({EVIL}/17.png)\n```",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_rendering(payload: str) -> None:
    shown = safe_html(payload)
    assert not ATTRIBUTE.search(shown), shown
    assert not re.search(r"<(img|image|input|svg|video|object|style|a)\b", shown), shown
    assert safe_html(shown) == shown
    assert not has_remote_content(strip_remote_content(payload))


def test_figure_payloads_rendered_remote() -> None:
    rendered_remote = [p for p in PAYLOADS if any(a in safe_html(p) for a in ("src=", "href=", "url("))]
    print(f"\npayloads {len(PAYLOADS)} / rendered with anything remote {len(rendered_remote)}")
    assert rendered_remote == []


def test_markdown_keeps_its_shape_and_code_stays_literal() -> None:
    shown = safe_html("## Title\n\n- **bold** `x`\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    for tag in ("<h2>", "<li><strong>bold</strong> <code>x</code></li>", "<blockquote>", "<td>1</td>"):
        assert tag in shown
    assert "\n" not in shown  # one HTML block: the browser's markdown renderer reads nothing inside
    assert "![x](" in safe_html(f"```\n\n![x]({EVIL}/a.png)\n```")  # shown as text, inside <code>


def test_chat_messages_and_toasts_show_names_as_text() -> None:
    chat = safe_chatbot()
    data = safe_chat_messages(chat.postprocess([{"role": "user", "content": f"hi <img src={EVIL}/u.png>"}]))
    assert "<img" not in data.root[0].content[0].text  # type: ignore[union-attr]
    assert toast(f"Created workspace <img src={EVIL}/t.png>") == (
        "Created workspace &lt;img src=http://evil.test/t.png&gt;"
    )
