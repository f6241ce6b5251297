"""The web app as a coalition leader meets it (issue 14), in a real headless chromium against a real
server over a home of its own: a refused request changes nothing but one message; a bad upload is
refused with its row, column and value and leaves nothing behind; offline answers stream; the phone
layout opens with the sidebar closed and every tool reachable; the conversation exports on the
first click."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from advisor.service.runtime import Runtime
from tests.app_server import running_app
from tests.test_app_browser import BROWSER_ARGS, CHROMIUM

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow
EVALS = Path(__file__).resolve().parents[1] / "evals" / "data"
CHARTER = EVALS / "charters" / "riverside-safe-streets.md"
METRICS = EVALS / "metrics" / "riverside-road-safety.csv"
ROSTER = EVALS / "rosters" / "riverside-safe-streets.yaml"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def app_url(runtime: Runtime, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("ui-home")
    own = Runtime(runtime.settings.model_copy(update={"home": home}), embeddings=runtime.embeddings)
    own.ensure_knowledge()
    with running_app(own) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield launched
        launched.close()


def open_app(browser: Browser, url: str, viewport: dict[str, int] = DESKTOP) -> Page:
    from playwright.sync_api import expect

    page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
    page.goto(url)
    expect(page.get_by_text("Grounded advice for people who lead coalitions")).to_be_visible(timeout=30_000)
    return page


def create_workspace(page: Page, name: str) -> None:
    from playwright.sync_api import expect

    page.locator("#new-workspace textarea, #new-workspace input").first.fill(name)
    page.locator("#create-workspace").click()
    expect(page.get_by_text(f"Created workspace {name}")).to_be_visible(timeout=30_000)


def upload(page: Page, *files: Path, done: str) -> None:
    from playwright.sync_api import expect

    page.locator("#upload input[type=file]").set_input_files([str(f) for f in files])
    expect(page.locator("#upload-log")).to_contain_text(done, timeout=90_000)


def error_pills(page: Page) -> int:
    """Components Gradio marked as failed (the red "Error" in place of their content)."""
    return page.get_by_text("Error", exact=True).count()


def test_a_refused_request_shows_one_message_and_leaves_the_page_as_it_was(
    browser: Browser, app_url: str
) -> None:
    from playwright.sync_api import expect

    name = f"Errors {uuid.uuid4().hex[:6]}"
    page = open_app(browser, app_url)
    create_workspace(page, name)
    upload(page, CHARTER, METRICS, done="2/2 files")
    page.get_by_role("tab", name="Pivots").click()
    page.locator("#run-pivots").click()
    expect(page.locator("#pivots-result")).to_contain_text("Pivot", timeout=60_000)

    page.locator("#new-workspace textarea, #new-workspace input").first.fill(name)
    page.locator("#create-workspace").click()
    expect(page.get_by_text("already exists")).to_be_visible(timeout=30_000)
    page.locator("#as-of textarea, #as-of input").first.fill("2026-99-01")
    page.locator("#run-pivots").click()
    expect(page.get_by_text("'2026-99-01' is not a date")).to_be_visible(timeout=30_000)
    page.wait_for_timeout(500)

    assert error_pills(page) == 0
    expect(page.locator("#workspace input")).to_have_value(name)
    expect(page.locator("#new-workspace textarea, #new-workspace input").first).to_have_value(name)
    expect(page.locator("#files")).to_contain_text("riverside-road-safety.csv")
    expect(page.locator("#pivots-result")).to_contain_text("Pivot")  # the last good result stays
    page.get_by_role("tab", name="Chat").click()
    expect(page.locator("#message textarea")).to_be_editable()
    page.close()
