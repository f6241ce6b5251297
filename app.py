"""Coalition Advisor web app: `python app.py` (or `advisor serve`). The layout is `advisor.web.layout`;
settings (host, port, login, model) come from ADVISOR_* variables, see .env.example."""

import logging

from advisor.web.layout import launch_app

if __name__ == "__main__":
    # The advisor's own INFO lines (first-run indexing of the knowledge base) go to the server log.
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("advisor").setLevel(logging.INFO)
    launch_app()
