"""Domain models and parsers for a coalition's structured files: member rosters and metric tables.

Rosters are YAML (`coalition, affected, objectives, members`) or CSV (`name,sector,positions,
interests,resources,role`, lists separated by `;`); an objectives file can supply or override the
objectives. Metrics are CSV (`metric,unit,baseline,target,current,start,due`). Every problem raises
`DocumentError` naming the file, the row or field, and the fix.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advisor.documents.read import YAML_SUFFIXES, decode_text
from advisor.errors import DocumentError
from advisor.text.safe_yaml import load_yaml

ROSTER_COLUMNS = ("name", "sector", "positions", "interests", "resources", "role")
METRIC_COLUMNS = ("metric", "unit", "baseline", "target", "current", "start", "due")
MetricStatus = Literal["on_track", "ahead", "done", "off_track"]
PACE_TOLERANCE = 0.10


class Member(BaseModel):
    """One coalition member and what it brings and wants."""

    name: str
    organization: str = Field(default="", description="The body a named person speaks for, when given.")
    sector: str = ""
    positions: list[str] = Field(default_factory=list, description="What the member asks for.")
    interests: list[str] = Field(default_factory=list, description="Why: the needs behind the positions.")
    resources: list[str] = Field(default_factory=list)
    role: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The member's name and, when given, its organisation's: both say whom it speaks for
        ("Jean Carter" of "Homeowners for a Dry Valley")."""
        return (self.name, self.organization) if self.organization else (self.name,)


class Roster(BaseModel):
    """A coalition's members, the groups its work affects, and its objectives."""

    coalition: str = ""
    affected: list[str] = Field(default_factory=list)
    objectives: list[str] = Field(default_factory=list)
    members: list[Member]
    # keys no tool reads ("contact", "email"), named so the user learns they were set aside
    ignored: list[str] = Field(default_factory=list, exclude=True)
    # what the file says that YAML did not keep ("#1 priority" read as a comment), to tell the user
    notes: list[str] = Field(default_factory=list, exclude=True)


class Metric(BaseModel):
    """One measured indicator with its baseline, target and the period to reach it."""

    model_config = ConfigDict(allow_inf_nan=False)  # NaN or inf would make progress meaningless

    metric: str
    unit: str = ""
    baseline: float
    target: float
    current: float
    start: date
    due: date

    def progress(self) -> float:
        """Share of the way from baseline to target (works for targets below the baseline)."""
        return (self.current - self.baseline) / (self.target - self.baseline)

    def expected(self, as_of: date) -> float:
        """Share of the period elapsed by `as_of`: the progress a steady pace would have reached."""
        elapsed = (as_of - self.start).days / (self.due - self.start).days
        return min(1.0, max(0.0, elapsed))

    def status(self, as_of: date) -> MetricStatus:
        progress, expected = self.progress(), self.expected(as_of)
        if progress >= 1:
            return "done"
        if progress >= expected + PACE_TOLERANCE:
            return "ahead"
        if progress >= expected - PACE_TOLERANCE:
            return "on_track"
        return "off_track"


def parse_roster(path: Path, objectives_file: Path | None = None) -> Roster:
    """Read a YAML or CSV roster; `objectives_file` supplies or overrides objectives (and affected groups)."""
    path = Path(path)
    text = _read_text(path)
    if path.suffix.lower() == ".csv":
        roster = Roster(
            members=[_member_from_row(path, i, row) for i, row in _csv_rows(path, text, ROSTER_COLUMNS)]
        )
    elif path.suffix.lower() in YAML_SUFFIXES:
        roster = _roster_from_yaml(path, _load_yaml(path, text), text)
    else:
        raise DocumentError(path, "a roster must be YAML or CSV", hint="see the roster format in the README")
    if objectives_file is not None:
        roster = _apply_objectives(roster, Path(objectives_file))
    if not roster.members:
        raise DocumentError(path, "the roster lists no members")
    return roster


def parse_metrics(path: Path) -> list[Metric]:
    """Read a metrics CSV into validated metrics."""
    path = Path(path)
    metrics = []
    for number, row in _csv_rows(path, _read_text(path), METRIC_COLUMNS):
        values: dict[str, Any] = {k: (row.get(k) or "").strip() for k in METRIC_COLUMNS}
        try:
            metric = Metric(**values)
        except ValidationError as exc:
            first = exc.errors()[0]
            column = str(first["loc"][0]) if first["loc"] else "a value"
            raise DocumentError(
                path,
                f"row {number}, column {column}: invalid value {values.get(column, '')!r}",
                hint="finite numbers for baseline/target/current (no NaN or inf), dates as YYYY-MM-DD",
            ) from exc
        if metric.target == metric.baseline:
            raise DocumentError(
                path, f"row {number} ({metric.metric}): target equals baseline, so progress is undefined"
            )
        if metric.due <= metric.start:
            raise DocumentError(path, f"row {number} ({metric.metric}): due date is not after the start date")
        metrics.append(metric)
    if not metrics:
        raise DocumentError(path, "no metric rows")
    return metrics


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise DocumentError(path, "no such file")
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    return decode_text(path, data)


def _csv_rows(path: Path, text: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        raise DocumentError(
            path, f"missing column(s) {', '.join(missing)}", hint=f"expected: {','.join(columns)}"
        )
    reader.fieldnames = header
    return [(i, row) for i, row in enumerate(reader, start=2) if any((v or "").strip() for v in row.values())]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


_ORGANIZATION_COLUMNS = ("organization", "organisation", "org")


def _member_from_row(path: Path, number: int, row: dict[str, str]) -> Member:
    name = (row.get("name") or "").strip()
    if not name:
        raise DocumentError(path, f"row {number}: a member has no name")
    return Member(
        name=name,
        organization=next(
            (row[k].strip() for k in ("organization", "organisation", "org") if row.get(k)), ""
        ),
        sector=(row.get("sector") or "").strip().lower(),
        positions=_split(row.get("positions")),
        interests=_split(row.get("interests")),
        resources=_split(row.get("resources")),
        role=(row.get("role") or "").strip(),
    )


def _load_yaml(path: Path, text: str) -> Any:
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        raise DocumentError(path, f"invalid YAML: {exc}".replace("\n", " ")) from exc


def _as_list(path: Path, value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise DocumentError(path, f"'{field}' must be a list")
    return [str(v).strip() for v in value if str(v).strip()]


def _roster_from_yaml(path: Path, data: Any, text: str = "") -> Roster:
    if not isinstance(data, dict) or not isinstance(data.get("members"), list):
        raise DocumentError(
            path, "a YAML roster needs a 'members' list", hint="see the roster format in the README"
        )
    misspelt: list[
        str
    ] = []  # every misspelt key of the file, told at once (a new user fixed them one by one)
    ignored = dict.fromkeys(_unknown_keys(data, ROSTER_KEYS, "the roster", misspelt))
    members = []
    for number, item in enumerate(data["members"], 1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise DocumentError(path, f"member {number} has no name")
        item = {MEMBER_KEY_ALIASES.get(str(k), str(k)): v for k, v in item.items()}
        ignored.update(
            dict.fromkeys(_unknown_keys(item, MEMBER_KEYS, f"member {number} ({item['name']})", misspelt))
        )
        members.append(
            Member(
                name=str(item["name"]).strip(),
                organization=str(item.get("organization") or "").strip(),
                sector=str(item.get("sector") or "").strip().lower(),
                role=str(item.get("role") or "").strip(),
                **{
                    f: _as_list(path, item.get(f), f"members[{number}].{f}")
                    for f in ("positions", "interests", "resources")
                },
            )
        )
    _refuse_misspelt(path, misspelt, MEMBER_KEYS)
    return Roster(
        coalition=str(data.get("coalition") or ""),
        affected=_as_list(path, data.get("affected"), "affected"),
        objectives=_as_list(path, data.get("objectives"), "objectives"),
        members=members,
        ignored=list(ignored),
        notes=_values_cut_by_comments(text),
    )


ROSTER_KEYS = ("coalition", "affected", "objectives", "members")
MEMBER_KEYS = ("name", "organization", "sector", "positions", "interests", "resources", "role")
# other words for a member's keys, read as those keys: a singular, or the usual names of the body a
# named person speaks for ("org: Tri-Rivers Food Bank")
MEMBER_KEY_ALIASES = {
    "position": "positions",
    "interest": "interests",
    "resource": "resources",
    "org": "organization",
    "organisation": "organization",
    "affiliation": "organization",
    "agency": "organization",
}
OBJECTIVES_KEYS = ("objectives", "affected")


def _unknown_keys(data: dict[Any, Any], known: tuple[str, ...], where: str, misspelt: list[str]) -> list[str]:
    """A misspelt key ("intrests") would silently drop what it holds: it is added to `misspelt`, with the
    likely fix. A key like no known one ("contact", "email") is extra information no tool reads: it is
    returned, to be named to the user, and the file is still read (a coordinator's roster with a contact
    column was refused whole)."""
    extra = []
    for key in data:
        if str(key) in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.75)
        if close:
            misspelt.append(f"{where} has an unknown key '{key}' (did you mean '{close[0]}'?)")
        else:
            extra.append(str(key))
    return extra


def _refuse_misspelt(path: Path, misspelt: list[str], known: tuple[str, ...]) -> None:
    if misspelt:
        raise DocumentError(
            path, "; ".join(misspelt), hint=f"fix the key names. Expected keys: {', '.join(known)}"
        )


# a value line YAML cuts at " #" ("position: Summer EBT must be the #1 priority"): the rest is a comment
_CUT_BY_COMMENT = re.compile(
    r"^\s*(?:-\s+)?(?:[\w -]+:\s+)?(?P<kept>[^\s#'\"{\[|>][^#\n]*?)\s+#(?P<cut>\S[^\n]*)$"
)


def _values_cut_by_comments(text: str) -> list[str]:
    """A note for each line whose value YAML ends at " #" with something right after it ("#1"): a
    comment is "# like this", so "#1 priority" was most likely part of the value, and was lost."""
    notes = []
    for number, line in enumerate(text.splitlines(), 1):
        cut = _CUT_BY_COMMENT.match(line)
        if cut:
            notes.append(
                f"In the roster, line {number}: '{cut.group('kept').strip()}' was read without "
                f"'#{cut.group('cut')}' (YAML reads ' #' as the start of a comment): put the value in quotes "
                "to keep it."
            )
    return notes


def _apply_objectives(roster: Roster, path: Path) -> Roster:
    text = _read_text(path)
    data = _load_yaml(path, text) if path.suffix.lower() in YAML_SUFFIXES else None
    if isinstance(data, dict):
        misspelt: list[str] = []
        _unknown_keys(data, OBJECTIVES_KEYS, "the objectives file", misspelt)
        _refuse_misspelt(path, misspelt, OBJECTIVES_KEYS)
        objectives = _as_list(path, data.get("objectives"), "objectives")
        affected = _as_list(path, data.get("affected"), "affected") or roster.affected
    else:
        objectives = [line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t")]
        affected = roster.affected
    if not objectives:
        raise DocumentError(
            path, "no objectives found", hint="a YAML 'objectives' list, or one objective per line"
        )
    return roster.model_copy(update={"objectives": objectives, "affected": affected})
