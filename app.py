"""Coalition Advisor web app: `python app.py` (or `advisor serve`). The layout is `advisor.web.layout`;
settings (host, port, login, model) come from ADVISOR_* variables, see .env.example."""

from advisor.web.starting import serve

if __name__ == "__main__":
    serve()
