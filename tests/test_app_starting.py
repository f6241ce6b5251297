"""While `advisor serve` starts, its address already answers: a browser gets a page saying what the
advisor is doing (and nothing about the machine), API clients are told to retry, and the app then
takes the same address."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request

import pytest

from advisor.web.starting import STARTING_HEADER, StartingPage
from tests.app_server import free_port


def test_the_address_answers_with_the_step_until_the_app_takes_it() -> None:
    port = free_port()
    page = StartingPage("127.0.0.1", port)
    assert page.start()
    try:
        page.say("Indexing the knowledge base <first run>…")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
            shown = answer.read().decode()
            assert answer.headers[STARTING_HEADER] == "1"
        assert "Coalition Advisor is starting" in shown
        assert "Indexing the knowledge base &lt;first run&gt;…" in shown  # text, never markup
        with pytest.raises(urllib.error.HTTPError) as refused:  # an API client: not yet, retry
            urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=5)
        assert refused.value.code == 503 and refused.value.headers["Retry-After"] == "1"
    finally:
        page.stop()
    with socket.socket() as app:  # the app can take the address at once
        app.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        app.bind(("127.0.0.1", port))


def test_a_taken_address_is_left_for_the_app_to_report() -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        page = StartingPage("127.0.0.1", other.getsockname()[1])
        assert not page.start()
        page.stop()  # nothing to stop; no error
