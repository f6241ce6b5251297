"""Prompts live in `prompts/<name>.md`: front matter lists `input_variables`, the body is a
`str.format` template. Loading checks the template uses exactly the declared variables; rendering
fails on a missing or unknown one. Untrusted text (documents, user input) enters a prompt only
through `untrusted()`, inside delimiters the text itself cannot close.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from advisor.data import bundled
from advisor.errors import AdvisorError
from advisor.text.safe_yaml import load_yaml

PROMPTS_DIR = bundled("prompts")
UNTRUSTED_OPEN = "<<<UNTRUSTED {label}>>>"
UNTRUSTED_CLOSE = "<<<END UNTRUSTED>>>"
_MARKER = re.compile(r"<<<\s*(?:END\s+)?UNTRUSTED[^>]*>>>", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


_QUOTED = re.compile(r'"([^"{}\n]{3,80})"')
_TIME_FORMAT = re.compile(r"(?:by|within|before|until|in)\s+\d", re.IGNORECASE)


class PromptError(AdvisorError):
    """A prompt file is missing, malformed, or rendered with the wrong variables."""


@dataclass(frozen=True)
class Prompt:
    """A loaded prompt template."""

    name: str
    template: str
    input_variables: tuple[str, ...]
    description: str

    @property
    def version(self) -> str:
        """A short hash of the template: part of the key of recorded model replies."""
        return hashlib.sha256(self.template.encode()).hexdigest()[:12]

    @property
    def examples(self) -> tuple[str, ...]:
        """The template's quoted examples that are specific enough to be copied by mistake: three
        words or more, or with a number or a proper name ("house 500 families", "renters in
        Eastside"), but not a bare deadline ("by 2030" is a format anyone may use). They show the
        format; a reply that repeats one the user never wrote has copied the prompt
        (`advisor.llm.structured` sends it back)."""
        found = []
        for phrase in _QUOTED.findall(self.template):
            words = phrase.split()
            specific = (
                len(words) >= 3 or any(c.isdigit() for c in phrase) or any(w[:1].isupper() for w in words[1:])
            )
            if specific and not _TIME_FORMAT.match(phrase):
                found.append(phrase)
        return tuple(found)

    def render(self, **variables: Any) -> str:
        missing = sorted(set(self.input_variables) - set(variables))
        unknown = sorted(set(variables) - set(self.input_variables))
        if missing or unknown:
            raise PromptError(
                f"prompt {self.name!r}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}",
                hint=f"it takes {list(self.input_variables)}",
            )
        return self.template.format(**variables)


@cache
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    """Load and validate `prompts/<name>.md`."""
    path = directory / f"{name}.md"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in directory.glob("*.md")))
        raise PromptError(f"no prompt named {name!r} in {directory}", hint=f"available: {available}")
    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if not match:
        raise PromptError(f"{path.name}: no front matter", hint="start with ---, input_variables: [...], ---")
    meta = load_yaml(match.group(1)) or {}
    declared = tuple(meta.get("input_variables") or ())
    template = text[match.end() :].strip() + "\n"
    used = {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
    if used != set(declared):
        raise PromptError(
            f"{path.name}: template uses {sorted(used)} but declares {sorted(declared)}",
            hint="list every {variable} in input_variables; write literal braces as {{ }}",
        )
    return Prompt(name, template, declared, str(meta.get("description", "")))


def prompt_names(directory: Path = PROMPTS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.md"))


def untrusted(text: str, label: str) -> str:
    """Wrap untrusted text in delimiters; any delimiter-like text inside is defused first."""
    safe_label = re.sub(r"[^A-Za-z0-9 ._/-]", "", label)[:80] or "text"
    body = _MARKER.sub("[removed delimiter]", text)
    return f"{UNTRUSTED_OPEN.format(label=safe_label)}\n{body}\n{UNTRUSTED_CLOSE}"
