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
    sector: str = ""
    positions: list[str] = Field(default_factory=list, description="What the member asks for.")
    interests: list[str] = Field(default_factory=list, description="Why: the needs behind the positions.")
    resources: list[str] = Field(default_factory=list)
    role: str = ""


class Roster(BaseModel):
    """A coalition's members, the groups its work affects, and its objectives."""

    coalition: str = ""
    affected: list[str] = Field(default_factory=list)
    objectives: list[str] = Field(default_factory=list)
    members: list[Member]
    # keys no tool reads ("contact", "email"), named so the user learns they were set aside
    ignored: list[str] = Field(default_factory=list, exclude=True)


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
        roster = _roster_from_yaml(path, _load_yaml(path, text))
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


def _member_from_row(path: Path, number: int, row: dict[str, str]) -> Member:
    name = (row.get("name") or "").strip()
    if not name:
        raise DocumentError(path, f"row {number}: a member has no name")
    return Member(
        name=name,
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


def _roster_from_yaml(path: Path, data: Any) -> Roster:
    if not isinstance(data, dict) or not isinstance(data.get("members"), list):
        raise DocumentError(
            path, "a YAML roster needs a 'members' list", hint="see the roster format in the README"
        )
    ignored = dict.fromkeys(_refuse_unknown_keys(path, data, ROSTER_KEYS, "the roster"))
    members = []
    for number, item in enumerate(data["members"], 1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise DocumentError(path, f"member {number} has no name")
        ignored.update(
            dict.fromkeys(_refuse_unknown_keys(path, item, MEMBER_KEYS, f"member {number} ({item['name']})"))
        )
        members.append(
            Member(
                name=str(item["name"]).strip(),
                sector=str(item.get("sector") or "").strip().lower(),
                role=str(item.get("role") or "").strip(),
                **{
                    f: _as_list(path, item.get(f), f"members[{number}].{f}")
                    for f in ("positions", "interests", "resources")
                },
            )
        )
    return Roster(
        coalition=str(data.get("coalition") or ""),
        affected=_as_list(path, data.get("affected"), "affected"),
        objectives=_as_list(path, data.get("objectives"), "objectives"),
        members=members,
        ignored=list(ignored),
    )


ROSTER_KEYS = ("coalition", "affected", "objectives", "members")
MEMBER_KEYS = ("name", "sector", "positions", "interests", "resources", "role")
OBJECTIVES_KEYS = ("objectives", "affected")


def _refuse_unknown_keys(path: Path, data: dict[Any, Any], known: tuple[str, ...], where: str) -> list[str]:
    """A misspelt key ("intrests") would silently drop what it holds: name it and the likely fix. A key
    like no known one ("contact", "email") is extra information no tool reads: it is returned, to be
    named to the user, and the file is still read (a coordinator's roster with a contact column was
    refused whole)."""
    extra = []
    for key in data:
        if str(key) in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.75)
        if close:
            expected = f"expected keys: {', '.join(known)}"
            hint = f"did you mean '{close[0]}'? {expected.capitalize()}"
            raise DocumentError(path, f"{where} has an unknown key '{key}'", hint=hint)
        extra.append(str(key))
    return extra


def _apply_objectives(roster: Roster, path: Path) -> Roster:
    text = _read_text(path)
    data = _load_yaml(path, text) if path.suffix.lower() in YAML_SUFFIXES else None
    if isinstance(data, dict):
        _refuse_unknown_keys(path, data, OBJECTIVES_KEYS, "the objectives file")
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
