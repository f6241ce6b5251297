"""In a real headless browser (Debian's chromium, driven by Playwright): open the app, create a
workspace, upload a charter, ask a question, see a cited answer and open its sources, then open
the charter scorecard. Screenshots land in the test's folder (and in docs/screenshots/ with
ADVISOR_UPDATE_SCREENSHOTS=1, for the README)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from advisor.config import Settings
from advisor.llm.embeddings import MiniLMEmbeddings
from advisor.service.runtime import Runtime
from tests.app_server import running_app

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
CHARTER = Path(__file__).resolve().parents[1] / "evals" / "data" / "charters" / "riverside-safe-streets.md"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium", pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


def keep_screenshot(page: Page, name: str, folder: Path) -> None:
    """A screenshot in `folder`, copied to docs/screenshots/ (the README's) on request."""
    # toasts are gone by the time anyone reads; one may close itself while we look, so no waiting clicks
    closed = page.evaluate(
        "(() => { const c = document.querySelectorAll('.toast-close'); c.forEach((x) => x.click()); "
        "return c.length; })()"
    )
    if closed:
        page.wait_for_timeout(600)  # the toast slides out: the shot waits for it to be gone
    page.screenshot(path=str(folder / name))
    if os.environ.get("ADVISOR_UPDATE_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / name, SCREENSHOTS / name)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, embeddings: MiniLMEmbeddings) -> Iterator[str]:
    """The app as a newcomer installs it: its own home, nothing but the knowledge base in it (on the
    shared home, after the answer tests' many workspaces, the newcomer's charter was once left out of
    the answer: a leak between tests, noted to look into)."""
    runtime = Runtime(Settings(home=tmp_path_factory.mktemp("newcomer-home")), embeddings=embeddings)
    runtime.ensure_knowledge()
    with running_app(runtime) as url:
        yield url


def test_a_newcomer_gets_a_cited_answer_and_a_scorecard(
    app_url: str, workspace_name: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(app_url)
        expect(page.get_by_text("Grounded advice for people who lead coalitions")).to_be_visible(
            timeout=30_000
        )
        expect(page.locator("#mode-badge")).to_have_text("Offline mode")

        page.locator("#new-workspace textarea, #new-workspace input").first.fill(workspace_name)
        page.locator("#create-workspace").click()
        expect(page.get_by_text(f"Created workspace {workspace_name}")).to_be_visible(timeout=30_000)

        page.locator("#upload input[type=file]").set_input_files(str(CHARTER))
        expect(page.locator("#upload-log")).to_contain_text("added as charter", timeout=60_000)
        expect(page.locator("#files")).to_contain_text("riverside-safe-streets.md")

        page.locator("#message textarea").fill("How do members join the coalition?")
        page.locator("#message textarea").press("Enter")
        chat = page.locator("#chatbot")
        expect(chat).to_contain_text("[1]", timeout=60_000)
        sources = chat.get_by_text(re.compile(r"^Sources \(\d+\)$"))
        expect(sources).to_be_visible()
        sources.click()
        expect(chat).to_contain_text("riverside-safe-streets.md", timeout=10_000)
        # which clause answers "join" is checked in test_answer (a known miss there, marked xfail)
        keep_screenshot(page, "desktop-chat.png", tmp_path)

        page.get_by_role("tab", name="Charter").click()
        page.locator("#review-charter").click()
        scorecard = page.locator("#scorecard")
        expect(scorecard).to_contain_text("Decision", timeout=60_000)
        expect(scorecard).to_contain_text("present")
        summary = page.locator("#review-result")
        expect(summary).to_contain_text("Score:")
        expect(summary).to_contain_text("Fix first")
        box = summary.bounding_box()  # the score and what to fix first, above the fold
        assert box is not None and box["y"] + box["height"] <= 900, box
        keep_screenshot(page, "desktop-charter.png", tmp_path)
        browser.close()
