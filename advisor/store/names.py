"""Workspace names: normalised and validated in one place, for the command line and the web app.

A name is NFKC-normalised (full-width letters become plain ones) with its white space folded. It may
not hold control or invisible characters (NUL, right-to-left overrides, zero-width spaces: they make
one name look like another, or hide part of it) or markup characters. Two names that differ only in
case, accents, spaces or dashes ("Café Coalition", "cafe-coalition") share one store collection, so
they are one workspace: `same_workspace` says so, and `existing_name` finds the name it was given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from advisor.errors import WorkspaceError

MAX_NAME_CHARS = 60
_MAX_SLUG = 60
_MARKUP = frozenset('<>"`\\')
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
SAME_NAME_RULE = "names that differ only in case, accents, spaces or dashes are the same workspace"


def workspace_slug(name: str) -> str:
    """A stable, collection-safe slug: "Riverside Safe Streets" → "riverside-safe-streets"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:_MAX_SLUG].strip("-")
    if not slug:
        raise WorkspaceError(
            f"Workspace name {name!r} has no letters or digits", hint="use a name like 'riverside-coalition'"
        )
    return slug


def normalize_workspace_name(raw: str | None) -> str:
    """The workspace name to use for `raw`, or `WorkspaceError` saying what is wrong with it."""
    name = " ".join(unicodedata.normalize("NFKC", raw or "").split())
    if not name:
        raise WorkspaceError("Give the workspace a name", hint="e.g. 'Riverside Safe Streets'")
    hidden = next((c for c in name if unicodedata.category(c) in _INVISIBLE), None)
    if hidden is not None:
        raise WorkspaceError(
            f"The workspace name holds an invisible or control character (U+{ord(hidden):04X})",
            hint="type the name again with letters, digits, spaces and punctuation only",
        )
    markup = sorted({c for c in name if c in _MARKUP})
    if markup:
        raise WorkspaceError(
            f"The workspace name {name!r} holds {' '.join(markup)}, which names may not contain",
            hint="use letters, digits, spaces and simple punctuation",
        )
    if len(name) > MAX_NAME_CHARS:
        raise WorkspaceError(
            f"Workspace names are at most {MAX_NAME_CHARS} characters (this one has {len(name)})",
            hint="shorten it",
        )
    workspace_slug(name)  # raises when the name has no letters or digits
    return name


def same_workspace(a: str, b: str) -> bool:
    """Whether two names are one workspace (they share a store collection)."""
    return workspace_slug(a) == workspace_slug(b)


def existing_name(wanted: str, names: Iterable[str]) -> str | None:
    """The name among `names` that `wanted` denotes: itself, or the one it differs from only in
    case, accents, spaces or dashes."""
    names = list(names)
    if wanted in names:
        return wanted
    return next((n for n in names if same_workspace(n, wanted)), None)
