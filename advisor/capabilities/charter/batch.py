"""Batch charter review (`advisor review FILE_OR_DIR...`): many charters, one scorecard each, and a
summary table across them.

A file that fails (unreadable, empty, not a charter format) is reported with its reason and the
rest go on. Results are cached by the file's content and the review settings (mode, model, prompt
version), so unchanged files already reviewed the same way are not reviewed again. With a model,
charters are reviewed concurrently, bounded by `llm.concurrency`; offline, a large batch is shared
among processes, one per core (`review.processes`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from advisor import __version__
from advisor.capabilities.charter.classifier import default_classifier
from advisor.capabilities.charter.elements import ELEMENTS
from advisor.capabilities.charter.model import review_charter_with_model
from advisor.capabilities.charter.models import CharterReview
from advisor.capabilities.charter.review import (
    analyze_charter,
    charter_markdown,
    charter_text,
    review_charter,
)
from advisor.config import PACKAGE_DIR, Settings, get_settings
from advisor.documents.read import PROSE_SUFFIXES
from advisor.documents.sandbox import read_user_file
from advisor.errors import AdvisorError, DocumentError
from advisor.llm.prompts import load_prompt
from advisor.store.ingest import FileResult, collect_files
from advisor.text.tables import csv_text

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)
ReportFormat = Literal["md", "json", "csv"]
CHARTER_SUFFIXES = PROSE_SUFFIXES
SUMMARY_FILE = "summary.csv"


@dataclass
class ReviewOutcome:
    """One file's result: a review (fresh or from the cache) or the reason it failed."""

    path: Path
    name: str
    review: CharterReview | None = None
    error: str | None = None
    cached: bool = False
    report: Path | None = None


@dataclass
class BatchReport:
    """Every file's outcome, in the order given."""

    outcomes: list[ReviewOutcome] = field(default_factory=list)
    summary: Path | None = None

    @property
    def reviews(self) -> list[CharterReview]:
        return [o.review for o in self.outcomes if o.review is not None]

    @property
    def failed(self) -> list[ReviewOutcome]:
        return [o for o in self.outcomes if o.error is not None]


def collect_charters(paths: Iterable[Path], refused: list[str] | None = None) -> list[tuple[Path, str]]:
    """Files given by name (always tried, so a wrong one is reported), and the charter-format files
    inside folders, named by their path inside the folder. Links out of a folder are not followed:
    each is added to `refused` with the reason."""
    found: list[tuple[Path, str]] = []
    links: list[FileResult] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += [(p, n) for p, n in collect_files([path], links) if p.suffix.lower() in CHARTER_SUFFIXES]
        else:
            found.append((path, path.name))
    if refused is not None:
        refused += [link.error or link.source for link in links]
    return found


def review_batch(
    files: list[tuple[Path, str]],
    *,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
    out_dir: Path | None = None,
    report_format: ReportFormat = "md",
    on_result: Callable[[ReviewOutcome], None] | None = None,
) -> BatchReport:
    """Review every file; write one report each and a summary into `out_dir` (when given).

    Two stages, overlapped: the rules read each charter (in several processes for a large batch, see
    `rules_processes`), then, with a model, the model reviews the rules' findings (in threads, up to
    `llm.concurrency` calls in flight)."""
    settings = settings or get_settings()
    cache = ReviewCache.for_settings(settings, llm)
    names = _report_names([name for _, name in files])
    if out_dir is not None:
        _refuse_overwriting_inputs(out_dir, files, names, report_format)

    def finish(pending: _Pending) -> ReviewOutcome:
        outcome = pending.outcome
        if outcome.review is not None and not outcome.cached:
            if llm is not None:
                outcome.review = review_charter_with_model(pending.text, outcome.review, llm, settings)
            outcome.review = outcome.review.model_copy(update={"file": outcome.name})
            if pending.data is not None and not outcome.review.warnings:
                cache.put(pending.data, outcome.review)
        if out_dir is not None and outcome.review is not None and report_format != "csv":
            outcome.report = _write_report(out_dir, names[outcome.name], outcome.review, report_format)
        if on_result is not None:
            on_result(outcome)
        return outcome

    read = _read_all(files, cache, settings, rules_processes(settings, len(files)))
    workers = settings.llm.concurrency if llm is not None else 1
    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="review") as pool:
            outcomes = list(pool.map(finish, read))
    else:
        outcomes = [finish(pending) for pending in read]
    report = BatchReport(outcomes)
    if out_dir is not None:
        report.summary = write_atomic(out_dir / SUMMARY_FILE, summary_csv(report))
    return report


def review_cached(
    path: Path, name: str, cache: ReviewCache, *, settings: Settings, llm: BaseChatModel | None
) -> tuple[CharterReview, bool]:
    """(review, from the cache?) of one charter file, named `name`; reviews that carry a warning
    (a model fallback) are not cached. Raises `AdvisorError` for an unreadable file."""
    data = path.read_bytes() if path.is_file() else None
    cached = cache.get(data) if data is not None else None
    if cached is not None:
        return cached.model_copy(update={"file": name}), True
    review = review_charter(path, settings=settings, llm=llm).model_copy(update={"file": name})
    if data is not None and not review.warnings:
        cache.put(data, review)
    return review, False


@dataclass
class _Pending:
    """A file on its way through a batch: its outcome so far (the rules' review, the cached review or
    the error), its bytes (the cache key) and its text (for the model)."""

    outcome: ReviewOutcome
    data: bytes | None = None
    text: str = ""


def rules_processes(settings: Settings, files: int) -> int:
    """How many processes the rules read `files` charters in: one, unless the batch is big enough to
    repay starting more (`review.parallel_from`) and the machine has the cores."""
    wanted = settings.review.processes or os.cpu_count() or 1
    return min(wanted, files) if files >= settings.review.parallel_from else 1


def _read_all(
    files: list[tuple[Path, str]], cache: ReviewCache, settings: Settings, processes: int
) -> Iterator[_Pending]:
    """Each file, in the order given, from the cache or read by the rules. With `processes` > 1 the
    rules run in worker processes (`_start_method`): they are pure Python (regular expressions over each
    clause), so threads would share one core."""
    pending = [_Pending(ReviewOutcome(path, name)) for path, name in files]
    todo: list[_Pending] = []
    for item in pending:
        try:
            item.data = item.outcome.path.read_bytes() if item.outcome.path.is_file() else None
        except OSError:
            item.data = None  # the rules report why it cannot be read
        hit = cache.get(item.data) if item.data is not None else None
        if hit is not None:
            item.outcome.review, item.outcome.cached = (
                hit.model_copy(update={"file": item.outcome.name}),
                True,
            )
        else:
            todo.append(item)
    paths = [(item.outcome.path, item.outcome.name) for item in todo]
    if processes > 1 and len(todo) >= 2:
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=_start_method(), initializer=_warm_up)
        try:
            yield from _in_order(pending, pool.map(_read_by_rules, paths, repeat(settings), chunksize=2))
        finally:  # stopped early (Ctrl-C, a report that cannot be written): charters not begun are dropped
            pool.shutdown(cancel_futures=True)
    else:
        yield from _in_order(pending, (_read_by_rules(path, settings) for path in paths))


def _start_method() -> BaseContext:
    """How the workers start. By forking when this process runs no other thread (the CLI, a script): at
    once, with the rules already imported, and the caller's script is not run again. Forking a process
    that runs threads (the web app) can deadlock it, so then from a fork server that imported the rules
    once, or by spawning where neither exists (Windows); both import the caller's main module again in
    each worker, so a script that reviews a batch keeps its work under `if __name__ == "__main__":`."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _in_order(
    pending: list[_Pending], results: Iterator[tuple[str, CharterReview] | str]
) -> Iterator[_Pending]:
    """`pending` in order, each file not served by the cache given the next of `results`."""
    for item in pending:
        if not item.outcome.cached:
            result = next(results)
            if isinstance(result, str):
                item.outcome.error = result
            else:
                item.text, item.outcome.review = result
        yield item


def _read_by_rules(item: tuple[Path, str], settings: Settings) -> tuple[str, CharterReview] | str:
    """(text, the rules' review) of one charter file, or why it cannot be reviewed (never raised: the
    batch goes on)."""
    path, name = item
    try:
        text = charter_text(read_user_file(path, settings), path)
        if not text.strip():
            raise DocumentError(path, "no readable text in the file")
        return text, analyze_charter(text, path.name)
    except AdvisorError as exc:
        return str(exc)
    except OSError as exc:
        return f"{name}: cannot be read ({exc.strerror or exc})"


def _warm_up() -> None:
    """Load the trained classifier before the first charter arrives (each worker does so once)."""
    default_classifier()


def summary_csv(report: BatchReport) -> str:
    """One row per file: score, purpose score, each element's status, or the error (cells that a
    spreadsheet would run as formulas neutralised)."""
    rows: list[list[object]] = [["file", "score", "purpose_score", *ELEMENTS, "error"]]
    for outcome in report.outcomes:
        review = outcome.review
        if review is None:
            rows.append([outcome.name, "", "", *([""] * len(ELEMENTS)), outcome.error])
        else:
            statuses = [review.elements[e].status for e in ELEMENTS]
            rows.append([outcome.name, review.score, review.purpose.score, *statuses, ""])
    return csv_text(rows)


def write_atomic(path: Path, text: str) -> Path:
    """Write whole or not at all: a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
    os.replace(temporary, path)
    return path


class ReviewCache:
    """Reviews on disk, keyed by the file's bytes and the review settings."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = fingerprint

    @classmethod
    def for_settings(cls, settings: Settings, llm: BaseChatModel | None) -> ReviewCache:
        """The cache under ADVISOR_HOME for these rules, this model and this prompt."""
        return cls(settings.home / "review-cache", _fingerprint(settings, llm))

    def _path(self, data: bytes) -> Path:
        key = hashlib.sha256(self.fingerprint.encode() + b"\0" + data).hexdigest()
        return self.folder / f"{key}.json"

    def get(self, data: bytes) -> CharterReview | None:
        path = self._path(data)
        if not path.is_file():
            return None
        try:
            return CharterReview.model_validate_json(path.read_text(encoding="utf-8"))
        except ValueError:
            logger.info("ignoring an unreadable cached review: %s", path)
            return None

    def put(self, data: bytes, review: CharterReview) -> None:
        try:
            write_atomic(self._path(data), review.model_dump_json())
        except OSError as exc:  # a cache that cannot be written only costs time
            logger.warning("review cache not written: %s", exc)


def _fingerprint(settings: Settings, llm: BaseChatModel | None) -> str:
    model = (
        "offline" if llm is None else f"{type(llm).__name__}:{settings.llm.model}@{settings.llm.temperature}"
    )
    prompt = load_prompt("charter_review").version if llm is not None else "-"
    return json.dumps([__version__, _rules_version(), model, prompt])


def rules_files() -> list[Path]:
    """Everything a review is made of: the modules, vocabularies and trained classifier of the charter
    package with its sub-packages (the defect detectors live in charter/defects/), and the purpose rules."""
    capabilities = PACKAGE_DIR / "capabilities"
    charter = sorted(p for p in (capabilities / "charter").rglob("*") if p.suffix in (".py", ".yaml", ".npz"))
    purpose = sorted(p for p in (capabilities / "purpose").rglob("*") if p.suffix in (".py", ".yaml"))
    return [*charter, *purpose]


def _rules_version() -> str:
    """A hash of `rules_files`, so changing any of them invalidates cached reviews."""
    digest = hashlib.sha256()
    for module in rules_files():
        digest.update(module.read_bytes())
    return digest.hexdigest()[:12]


REPORT_SUFFIX = ".review"  # "charter.md" -> "charter.review.md": a report never takes its charter's name


def _report_names(names: list[str]) -> dict[str, str]:
    """A distinct report file stem for each input (`a/charter.md` and `b/charter.md` both exist)."""
    stems: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        stem = Path(name).with_suffix("").as_posix().replace("/", "__") + REPORT_SUFFIX
        candidate, number = stem, 2
        while candidate in used:
            candidate, number = f"{stem}-{number}", number + 1
        used.add(candidate)
        stems[name] = candidate
    return stems


def _refuse_overwriting_inputs(
    out_dir: Path, files: list[tuple[Path, str]], names: dict[str, str], report_format: ReportFormat
) -> None:
    """`AdvisorError` before anything is written when a report or the summary would replace one of
    the charters being reviewed (a charter named "x.review.md" beside "x.md", "summary.csv")."""
    inputs = {path.resolve() for path, _ in files}
    ext = "json" if report_format == "json" else "md"
    planned = [out_dir / f"{stem}.{ext}" for stem in names.values()] if report_format != "csv" else []
    for target in [*planned, out_dir / SUMMARY_FILE]:
        if target.resolve() in inputs:
            raise AdvisorError(
                f"{target}: writing the review there would replace a charter being reviewed",
                hint="give --out a folder of its own (e.g. --out reviews/)",
            )


def _write_report(out_dir: Path, stem: str, review: CharterReview, report_format: ReportFormat) -> Path:
    if report_format == "json":
        return write_atomic(out_dir / f"{stem}.json", review.model_dump_json(indent=2) + "\n")
    return write_atomic(out_dir / f"{stem}.md", charter_markdown(review))
