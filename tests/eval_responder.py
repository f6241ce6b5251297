"""A scripted stand-in for a chat model, used to record the committed eval replies.

No real model is reachable where this project is built, so `evals/recordings/` was made by running
`advisor eval --backend live` against `tests/llm_server.FakeOpenAIServer` answering with `respond`:
for each prompt it returns valid, plausible JSON built from the prompt's own data (the rule findings
echoed with advice, the rule options with passage ids, an answer of points quoting the best two sentences
of the first passages, with their ids). Replayed figures therefore measure the model path of the pipeline
(prompting, parsing, validation, merging, citation mapping), not the quality of any real model.

    python tests/eval_responder.py [--suite NAME]...   # re-record into evals/recordings/
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import yaml
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"<<<UNTRUSTED ([^>]*)>>>\n(.*?)\n<<<END UNTRUSTED>>>", re.DOTALL)
_WORD = re.compile(r"[a-z]{4,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def respond(body: dict[str, Any]) -> str:
    """The reply to one chat-completions request body."""
    from advisor.evaluation.replay import identify_prompt

    messages: list[BaseMessage] = [
        SystemMessage(m["content"])
        if m.get("role") == "system"
        else HumanMessage(str(m.get("content") or ""))
        for m in body.get("messages", [])
    ]
    prompt, _ = identify_prompt(messages)
    text = str(body["messages"][-1].get("content") or "") if body.get("messages") else ""
    blocks = _BLOCK.findall(text)
    handler = _HANDLERS.get(prompt)
    return handler(blocks) if handler else json.dumps({})


def _block(blocks: list[tuple[str, str]], label: str) -> str:
    return next((body for name, body in blocks if name == label), "")


def _purpose_check(blocks: list[tuple[str, str]]) -> str:
    statement = _block(blocks, "purpose statement").strip()
    criteria = json.loads(_block(blocks, "rule findings") or "{}")
    missing = [name for name, c in criteria.items() if not c.get("met")]
    tips = {
        "outcome": "Name the change you will produce and by how much, such as a number of people or a rate.",
        "population": "Say exactly who or where: the group or neighbourhood whose lives should change.",
        "timeframe": "Add a deadline such as 'by 2030' so members can tell whether the coalition is "
        "on track.",
    }
    suggestions = [tips[name] for name in missing] or [
        "Test the statement on a well-meant project it should let the coalition turn down."
    ]
    rewrite = None
    if missing:
        core = statement.rstrip(".")
        extra = {"outcome": "[by a measurable amount]", "population": "for [defined group or place]"}
        parts = [core, *(extra[m] for m in missing if m in extra)]
        rewrite = " ".join(parts) + (" by [year]." if "timeframe" in missing else ".")
    return json.dumps({"criteria": criteria, "suggestions": suggestions, "rewrite": rewrite})


def _purpose_draft(blocks: list[tuple[str, str]]) -> str:
    candidates = json.loads(_block(blocks, "rule candidates") or "[]")
    ids = [label.split(" ")[0] for label, _ in blocks if label not in ("goal", "rule candidates")]
    return json.dumps({"statements": candidates[:3] or ["[placeholder purpose]"], "passage_ids": ids[:2]})


def _interests(blocks: list[tuple[str, str]]) -> str:
    roster = yaml.safe_load(_block(blocks, "roster") or "{}") or {}
    names = [m.get("name", "") for m in roster.get("members", [])][:3]
    questions = [f"What would {name} need to see in the first year to stay committed?" for name in names]
    return json.dumps({"gaps": [], "false_gaps": [], "questions": questions})


def _pivots(blocks: list[tuple[str, str]]) -> str:
    options = json.loads(_block(blocks, "rule-based options") or "[]")
    ids = [label.split(" ")[0] for label, _ in blocks if re.fullmatch(r"p\d+ .*", label)]
    pivots = [
        {
            "title": o["title"],
            "rationale": o["rationale"][:300],
            "addresses": o["addresses"][:4],
            "passage_ids": ids[n : n + 1] or ids[:1],
        }
        for n, o in enumerate(options[:3])
    ]
    return json.dumps({"pivots": pivots})


def _charter(blocks: list[tuple[str, str]]) -> str:
    review = json.loads(next((body for label, body in blocks if label == "review findings"), "{}"))
    findings = review.get("elements", {})
    elements = {
        element: {
            "status": "missing",
            "advice": f"Add a short section on {element.replace('_', ' ')}: who does what, how and when.",
        }
        for element, found in findings.items()
        if found.get("status") == "missing"
    }
    return json.dumps({"elements": elements, "summary": "The review's findings hold; advice added."})


def _ask(blocks: list[tuple[str, str]]) -> str:
    question = _block(blocks, "question")
    wanted = set(_WORD.findall(question.lower()))
    points = []
    for label, body in blocks:
        cid = label.split(" ")[0]
        if not re.fullmatch(r"c\d+", cid):
            continue
        sentences = [s for s in _SENTENCE.split(" ".join(body.split())) if len(s.split()) >= 5]
        best = sorted(sentences, key=lambda s: -len(wanted & set(_WORD.findall(s.lower()))))[:2]
        chosen = [s for s in sentences if s in best]  # in the passage's order
        points += [{"advice": textwrap.shorten(s, 280, placeholder="…"), "source": cid} for s in chosen]
        if len(points) >= 5:
            break
    return json.dumps({"points": points[:5]})


def _judge(blocks: list[tuple[str, str]]) -> str:
    return json.dumps({"score": 4, "reason": "Meets the rubric with small gaps (scripted judge)."})


_HANDLERS = {
    "purpose_check": _purpose_check,
    "purpose_draft": _purpose_draft,
    "interests_review": _interests,
    "pivots_review": _pivots,
    "charter_review": _charter,
    "ask": _ask,
    "eval_judge": _judge,
}


def main(argv: list[str] | None = None) -> int:
    """Record every scenario's model replies by a live run against the scripted server."""
    sys.path.insert(0, str(ROOT))
    from advisor.config import Settings
    from advisor.evaluation.runner import run_eval
    from advisor.service.runtime import Runtime
    from tests.llm_server import FakeOpenAIServer

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", action="append", help="Suite to record (default: all).")
    parser.add_argument("--home", type=Path, help="ADVISOR_HOME for the run (default: a temporary one).")
    args = parser.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="advisor-record-"))
    if not args.suite:  # re-recording everything: replies no scenario asks for any more go
        for stale in Settings().eval.recordings_dir.glob("*/*.json"):
            stale.unlink()
    with FakeOpenAIServer(respond) as server:
        settings = Settings(home=home, llm={"mode": "openai", "base_url": server.url})
        report = run_eval(Runtime(settings), backend="live", suites=args.suite, settings=settings)
    failed = [r.id for r in report.scenarios if not r.passed]
    print(f"recorded {report.recorded} replies into {settings.eval.recordings_dir}; not passing: {failed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
