"""Optional login for the web app, and whose workspaces are whose.

`ADVISOR_AUTH=alice:pw1,bob:pw2` turns login on. Each user's workspaces are stored under a prefix
derived from their user name, so one user can neither list nor open another's: every workspace
name that reaches the store goes through `scoped_workspace`. Without login there is one owner (the
person at the machine) and workspaces are shared with the command line.
"""

from __future__ import annotations

import hashlib
import re

from advisor.errors import ConfigError

_SCOPED = re.compile(r"^u[0-9a-f]{10} ")


def parse_auth(value: str | None) -> list[tuple[str, str]]:
    """`user:password` pairs from ADVISOR_AUTH; a clear error for a malformed entry."""
    if not value or not value.strip():
        return []
    pairs = []
    for entry in (e.strip() for e in value.split(",")):
        user, colon, password = entry.partition(":")
        if not entry or not colon or not user.strip() or not password:
            raise ConfigError(
                f"ADVISOR_AUTH entry {entry.split(':')[0]!r} is not user:password",
                hint="e.g. ADVISOR_AUTH=alice:pw1,bob:pw2",
            )
        pairs.append((user.strip(), password))
    return pairs


def _owner_tag(owner: str) -> str:
    return "u" + hashlib.sha256(owner.encode()).hexdigest()[:10]


def scoped_workspace(owner: str | None, name: str) -> str:
    """The store's name for `owner`'s workspace `name` (unchanged without login)."""
    name = " ".join(name.split())
    return f"{_owner_tag(owner)} {name}" if owner else name


def owns(owner: str | None, scoped: str) -> bool:
    """Whether a stored workspace name belongs to `owner` (without login: the unscoped ones)."""
    if owner:
        return scoped.startswith(_owner_tag(owner) + " ")
    return not _SCOPED.match(scoped)


def display_name(owner: str | None, scoped: str) -> str:
    """The name the owner gave the workspace."""
    return scoped[len(_owner_tag(owner)) + 1 :] if owner and owns(owner, scoped) else scoped
