"""Each member as the body it speaks for: named with its organisation ("Keisha Brown (Harlan Tenants
Union)"), and with a sector where the roster gives none, read from the organisation's name (else the
member's own) by the lexicon's `sector_names`. A new user's roster named each
member's organisation (`org: Harlan Tenants Union`) and no sector: every member weighed as an unknown
sector, and "no member is a community group" stood beside a tenants union and three church pantries."""

from __future__ import annotations

import re

from advisor.capabilities.interests.lexicon import SECTOR_NAMES
from advisor.documents.coalition import Member, Roster

_SECTORS = tuple((sector, re.compile(pattern, re.IGNORECASE)) for sector, pattern in SECTOR_NAMES)


def sector_from_name(name: str) -> str:
    """The sector a body's name tells ("Harlan County Health Department" -> government), or ""."""
    return next((sector for sector, pattern in _SECTORS if pattern.search(name)), "")


def with_bodies(roster: Roster) -> tuple[Roster, list[str]]:
    """`roster` with each member named with its organisation and given a sector read from the name
    where it has none, and the sectors read ("Harlan Tenants Union: community"), for the user to check."""
    members: list[Member] = []
    read: list[str] = []
    for member in roster.members:
        body = member.organization or member.name
        sector = member.sector or sector_from_name(body)
        if sector and not member.sector:
            read.append(f"{body}: {sector}")
        named = member.organization and member.organization.lower() not in member.name.lower()
        name = f"{member.name} ({member.organization})" if named else member.name
        members.append(member.model_copy(update={"sector": sector, "name": name}))
    return roster.model_copy(update={"members": members}), read
