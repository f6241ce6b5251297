"""The one place the web app turns text into something a browser shows.

Every markdown view and the chat are built by `safe_markdown` and `safe_chatbot`: their
`postprocess` (which Gradio calls on every value a handler returns) renders the text through
`safe_html`, so a document, a model reply, a file name in the upload log, a source title or another
visitor's stored message can never make the browser load or link to anything remote, whichever
handler produced it. Toasts (`toast`) show user-supplied names as text, never as HTML.

The components are Gradio's own with `postprocess` wrapped, not subclasses: Gradio writes a `.pyi`
stub beside the module of every component class, which would shadow this file for mypy.
"""

from __future__ import annotations

import html
from typing import Any

import gradio as gr
from gradio.components.chatbot import ChatbotDataMessages, TextMessage

from advisor.text.safety import safe_html


def toast(message: str) -> str:
    """A message for gr.Info / gr.Warning / gr.Error: Gradio shows it as HTML, so escape it. Only
    `<`, `>` and `&` (text, not an attribute): quotes stay readable for API clients that get it too."""
    return html.escape(message, quote=False)


def safe_markdown(value: str = "", **kwargs: Any) -> gr.Markdown:
    """A markdown view that shows only sanitized HTML (see `advisor.text.safety.safe_html`)."""
    component = gr.Markdown(safe_html(value), **kwargs)
    plain = component.postprocess

    def postprocess(shown: Any) -> Any:
        return safe_html(shown) if isinstance(shown, str) else plain(shown)

    component.postprocess = postprocess  # type: ignore[method-assign,assignment]
    return component


def safe_chat_messages(data: ChatbotDataMessages) -> ChatbotDataMessages:
    """Every text part of every message as sanitized HTML; titles (shown as HTML too) escaped."""
    for message in data.root:
        for part in message.content:
            if isinstance(part, TextMessage):
                part.text = safe_html(part.text)
        if message.metadata and isinstance(message.metadata.get("title"), str):
            message.metadata["title"] = html.escape(html.unescape(message.metadata["title"]))
    return data


def safe_chatbot(**kwargs: Any) -> gr.Chatbot:
    """The chat, every message (both sides, stored or new) shown as sanitized HTML."""
    component = gr.Chatbot(**kwargs)
    plain = component.postprocess

    def postprocess(value: Any) -> ChatbotDataMessages:
        return safe_chat_messages(plain(value))

    component.postprocess = postprocess  # type: ignore[method-assign]
    return component
