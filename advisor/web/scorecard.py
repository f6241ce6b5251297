"""The charter review view: the score and the three fixes that matter most first, then one table of
the thirteen elements, then the findings and the purpose check, and the scorecard to download (md,
json, csv)."""

from __future__ import annotations

import json
from pathlib import Path

from advisor.capabilities.charter.batch import REPORT_SUFFIX, BatchReport, ReviewOutcome, summary_csv
from advisor.capabilities.charter.elements import ELEMENT_INFO
from advisor.capabilities.charter.models import CharterReview
from advisor.capabilities.charter.review import STATUS_ICONS, charter_markdown
from advisor.text.safety import strip_remote_content
from advisor.web.state import AppContext
from advisor.web.tools import chosen_file, with_warnings

SCORECARD_COLUMNS = ["element", "status", "evidence", "advice"]
TOP_FIXES = 3
_URGENCY = {"missing": 0, "weak": 2}  # missing elements first, then defects found (1), then weak ones


def top_fixes(review: CharterReview, limit: int = TOP_FIXES) -> list[str]:
    """What to change first: missing elements, then the defects found, then weak elements."""
    ranked = [
        (_URGENCY[r.status], f"**{ELEMENT_INFO[e].name}** ({r.status}): {r.advice}")
        for e, r in review.elements.items()
        if r.status in _URGENCY
    ]
    ranked += [(1, f"**{f.kind.replace('_', ' ').capitalize()}**: {f.message}") for f in review.findings]
    return [text for _, text in sorted(ranked, key=lambda item: item[0])[:limit]]


def summary_markdown(review: CharterReview) -> str:
    """The top of the view: file, score, counts and the top fixes."""
    counts = {s: sum(r.status == s for r in review.elements.values()) for s in STATUS_ICONS}
    lines = [
        f"## {review.file}",
        "",
        f"**Score: {review.score}/100** · {counts['present']} present · {counts['weak']} weak · "
        f"{counts['missing']} missing",
    ]
    fixes = top_fixes(review)
    if fixes:
        lines += ["", f"**Fix first** ({len(fixes)} of {len(fixes) + _more(review, len(fixes))})", ""]
        lines += [f"{n}. {strip_remote_content(fix)}" for n, fix in enumerate(fixes, 1)]
    else:
        lines += ["", "Every element is present and no defect was found."]
    return with_warnings("\n".join(lines), review.warnings)


def _more(review: CharterReview, shown: int) -> int:
    return sum(r.status in _URGENCY for r in review.elements.values()) + len(review.findings) - shown


def charter_view(
    ctx: AppContext, owner: str | None, workspace: str | None, file: str | None
) -> tuple[str, list[list[str]], str, list[str]]:
    """(summary, element rows, findings and purpose check, [md, json, csv] download paths) for one
    charter of the workspace (`file`, else the newest charter)."""
    path = chosen_file(ctx, owner, workspace, "charter", file)
    review = ctx.capabilities.review_charter(path)
    rows = [
        [
            ELEMENT_INFO[e].name,
            f"{STATUS_ICONS[r.status]} {r.status}",
            strip_remote_content(r.evidence or "–"),
            r.advice,
        ]
        for e, r in review.elements.items()
    ]
    details = charter_markdown(review, table=False, summary=False)
    return summary_markdown(review), rows, details, _downloads(ctx, path, review)


def _downloads(ctx: AppContext, path: Path, review: CharterReview) -> list[str]:
    folder = ctx.download_folder()
    stem = Path(review.file).stem + REPORT_SUFFIX  # saved beside the charter, it never replaces it
    # the scorecard quotes the charter: in a viewer that renders HTML its tags must load nothing
    (folder / f"{stem}.md").write_text(strip_remote_content(charter_markdown(review)), encoding="utf-8")
    (folder / f"{stem}.json").write_text(
        json.dumps(review.model_dump(), indent=2, ensure_ascii=False), "utf-8"
    )
    summary = summary_csv(BatchReport([ReviewOutcome(path, review.file, review)]))
    (folder / f"{stem}.csv").write_text(summary, encoding="utf-8")
    return [str(folder / f"{stem}.{ext}") for ext in ("md", "json", "csv")]
