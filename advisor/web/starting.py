"""The page `advisor serve` shows while the app starts: the port answers at once.

Importing the web framework and indexing the knowledge base on a first run take seconds on a small
machine; until now the address refused connections all that time. `StartingPage` listens on the
app's address from the first moment (standard library only, so it is up before anything heavy is
imported) and answers the browser with a short page saying what the advisor is doing, which asks
again every second; API clients get 503 with `Retry-After`. Just before the app takes the port, the
page stops listening; the browser's page keeps asking through the handover and opens the app once
it answers. It shows only the step, never a path or
a setting, so it tells nothing to whoever can reach the address.

`serve` is how `advisor serve` and `python app.py` start: the page first, then the knowledge base is
indexed (a first run) while the web framework is imported, then the app takes the address.
"""

from __future__ import annotations

import html
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor.service.runtime import Runtime

logger = logging.getLogger(__name__)
RELOAD_S = 1
STARTING_HEADER = "X-Advisor-Starting"
# The page asks for itself every second: while this server answers (the header), it shows the new
# step; once the app answers, it reloads into it; while neither does (the port changing hands), it
# keeps asking. Without JavaScript, a plain refresh.
_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<noscript><meta http-equiv="refresh" content="{reload}"></noscript>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coalition Advisor is starting</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}}
p{{color:#4b5563}}</style></head>
<body><h1>Coalition Advisor is starting…</h1><p id="step">{step}</p>
<p>This page opens the app when it is ready.</p>
<script>
setInterval(async () => {{
  try {{
    const answer = await fetch("/", {{cache: "no-store"}});
    if (!answer.headers.get("{header}")) {{ location.reload(); return; }}
    const page = new DOMParser().parseFromString(await answer.text(), "text/html");
    document.getElementById("step").textContent = page.getElementById("step").textContent;
  }} catch (error) {{}}
}}, {reload}000);
</script>
</body></html>
"""


class StartingPage:
    """Answers on `host`:`port` until `stop()`, with the step `say()` last set."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._step = "Loading…"
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> bool:
        """Listen now; False (and nothing listening) when the address cannot be taken, so that the
        app's own launch reports why."""
        page = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                page._answer(self, body=True)

            def do_HEAD(self) -> None:
                page._answer(self, body=False)

            def log_message(self, format: str, *args: object) -> None:
                pass

        try:
            self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        except OSError as exc:
            logger.debug("starting page not shown: %s", exc)
            return False
        self._server.daemon_threads = True
        serving = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="starting-page")
        serving.daemon = True  # stop() waits for its next poll: a short one hands the port over quickly
        serving.start()
        return True

    def say(self, step: str) -> None:
        """What the page says the advisor is doing now."""
        self._step = step

    def stop(self) -> None:
        """Stop listening (the app takes the port next)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _answer(self, request: BaseHTTPRequestHandler, *, body: bool) -> None:
        if request.path.split("?")[0] != "/":
            request.send_response(503)
            request.send_header("Retry-After", str(RELOAD_S))
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        content = _PAGE.format(reload=RELOAD_S, step=html.escape(self._step), header=STARTING_HEADER)
        request.send_response(200)
        request.send_header(STARTING_HEADER, "1")
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(len(content.encode())))
        request.send_header("Cache-Control", "no-store")
        request.end_headers()
        if body:
            request.wfile.write(content.encode())


def serve(host: str | None = None, port: int | None = None) -> None:
    """Run the web app on its address (from the settings unless given), showing the starting page
    there until the app is up; returns when the server stops."""
    from advisor.config import get_settings

    log_to_console()
    settings = get_settings()
    page = StartingPage(host or settings.app.host, port or settings.app.port)
    if page.start():
        logger.info("starting; http://%s:%d/ shows the progress", page.host, page.port)
    try:
        page.say("Loading the app…")
        from advisor.service.runtime import Runtime

        runtime = Runtime(
            settings, on_progress=lambda _: page.say("Indexing the knowledge base (first run)…")
        )
        indexing = threading.Thread(target=_index, args=(runtime,), name="knowledge-index", daemon=True)
        indexing.start()  # meanwhile, the web framework (seconds of imports)
        from advisor.web.layout import launch_app
        from advisor.web.state import AppContext

        indexing.join()
        page.say("Opening the app…")
        launch_app(AppContext(runtime), host=host, port=port, before_listen=page.stop)
    finally:
        page.stop()


def log_to_console() -> None:
    """The server's log on stderr: the advisor's INFO lines (first-run indexing, the address it
    runs on, what a refused request was told) and everyone's warnings and errors."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("advisor").setLevel(logging.INFO)


def _index(runtime: Runtime) -> None:
    try:
        runtime.ensure_knowledge()
    except Exception:  # the app's launch runs it again in the main thread, which reports the error
        logger.debug("indexing the knowledge base failed; the launch retries it", exc_info=True)
