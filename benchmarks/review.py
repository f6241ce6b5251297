"""Benchmark batch charter review and print a table.

    python benchmarks/review.py [--charters 200] [--latency 0.3] [--concurrency N]

1. Offline: N charters (the labelled charters, each made unique) reviewed by the rules, in one process
   and then shared among one process per core (`ADVISOR_REVIEW_PROCESSES`).
2. Model mode: the same N against the loopback OpenAI-compatible server with `--latency` seconds
   added to every call, at the default concurrency (`ADVISOR_LLM_CONCURRENCY`, 4), next to the ideal
   (calls x latency / concurrency).
3. A second run over the unchanged files: every charter comes from the review cache.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.capabilities.charter.batch import collect_charters, review_batch, rules_processes  # noqa: E402
from advisor.config import LLMSettings, ReviewSettings, Settings  # noqa: E402
from advisor.llm.models import load_chat_model  # noqa: E402
from tests.llm_server import FakeOpenAIServer  # noqa: E402

CHARTERS = ROOT / "evals" / "data" / "charters"
console = Console(width=130)


def make_charters(folder: Path, count: int) -> list[tuple[Path, str]]:
    sources = sorted(p for p in CHARTERS.iterdir() if p.suffix in (".md", ".txt"))
    for number in range(count):
        source = sources[number % len(sources)]
        text = source.read_text(encoding="utf-8") + f"\n\nAdopted by copy {number} of the partners.\n"
        (folder / f"{number:03d}-{source.name}").write_text(text, encoding="utf-8")
    return collect_charters([folder])


def model_reply(body: dict[str, Any]) -> str:
    """A valid, minimal model review: the model agrees with the rules and adds nothing."""
    return json.dumps({"elements": {}, "summary": "The rules' findings stand."})


def run(files: list[tuple[Path, str]], settings: Settings, **kwargs: Any) -> tuple[float, int]:
    started = time.perf_counter()
    report = review_batch(files, settings=settings, **kwargs)
    assert not report.failed, report.failed[0].error
    return time.perf_counter() - started, sum(o.cached for o in report.outcomes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charters", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.3, help="seconds added to each model call")
    parser.add_argument("--concurrency", type=int, default=None, help="default: the setting's default")
    args = parser.parse_args()

    table = Table(title="Coalition Advisor: batch charter review benchmark")
    for column in ("run", "charters", "model calls", "wall", "charters/s", "ideal", "of ideal"):
        table.add_column(column, justify="left" if column == "run" else "right")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "charters"
        folder.mkdir()
        files = make_charters(folder, args.charters)

        alone = Settings(home=Path(tmp) / "home-alone", review=ReviewSettings(processes=1))
        seconds, _ = run(files, alone, out_dir=Path(tmp) / "out-alone")
        table.add_row(
            "offline (rules), one process",
            str(len(files)),
            "0",
            f"{seconds:.2f} s",
            f"{len(files) / seconds:.0f}",
        )
        offline = Settings(home=Path(tmp) / "home-offline")
        seconds, _ = run(files, offline, out_dir=Path(tmp) / "out-offline")
        table.add_row(
            f"offline (rules), {rules_processes(offline, len(files))} processes",
            str(len(files)),
            "0",
            f"{seconds:.2f} s",
            f"{len(files) / seconds:.0f}",
        )
        seconds, cached = run(files, offline, out_dir=Path(tmp) / "out-offline")
        table.add_row(
            f"offline, unchanged ({cached} cached)",
            str(len(files)),
            "0",
            f"{seconds:.2f} s",
            f"{len(files) / seconds:.0f}",
        )

        with FakeOpenAIServer(model_reply, latency_s=args.latency) as server:
            llm_settings = LLMSettings(base_url=server.url, model="bench")
            if args.concurrency:
                llm_settings.concurrency = args.concurrency
            settings = Settings(home=Path(tmp) / "home-model", llm=llm_settings)
            seconds, _ = run(files, settings, llm=load_chat_model(settings), out_dir=Path(tmp) / "out-model")
            calls = len(server.requests)
            ideal = calls * args.latency / llm_settings.concurrency
            table.add_row(
                f"model, {args.latency * 1000:.0f} ms/call, concurrency {llm_settings.concurrency}",
                str(len(files)),
                str(calls),
                f"{seconds:.2f} s",
                f"{len(files) / seconds:.1f}",
                f"{ideal:.2f} s",
                f"{ideal / seconds:.0%}",
            )
            console.print(f"most model calls in flight at once: {server.max_in_flight}")
    console.print(table)


if __name__ == "__main__":
    main()
