"""Coalition Advisor web app: `python app.py` (or `advisor serve`). The layout is `advisor.web.layout`;
settings (host, port, login, model) come from ADVISOR_* variables, see .env.example."""

from advisor.web.layout import launch_app

if __name__ == "__main__":
    launch_app()
