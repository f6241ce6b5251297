"""YAML without aliases: every YAML the product reads goes through `load_yaml`.

An alias (`*name`) repeats a structure by reference; nested a few levels, 519 bytes expand into
gigabytes when the result is walked (the "billion laughs" attack). Rosters, objectives, front
matter, labels and vocabularies never need one, so any alias is refused before anything expands.
"""

from __future__ import annotations

from typing import Any

import yaml


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases as soon as the scanner meets one."""

    def fetch_alias(self) -> None:
        mark = self.get_mark()
        raise yaml.constructor.ConstructorError(
            None, None, "YAML aliases (*name) are not allowed; write the values out in full", mark
        )


def load_yaml(text: str) -> Any:
    """The value of a YAML document (as `yaml.safe_load`), refusing aliases with a `YAMLError`."""
    return yaml.load(text, Loader=_NoAliasLoader)
