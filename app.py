"""Coalition Advisor web app: `python app.py` (or `advisor serve`). The layout is `advisor.web.layout`;
settings (host, port, login, model) come from ADVISOR_* variables, see .env.example."""

from advisor.web.layout import launch_app, log_to_console

if __name__ == "__main__":
    log_to_console()
    launch_app()
