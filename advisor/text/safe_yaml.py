"""YAML without aliases: every YAML the product reads goes through `load_yaml`.

An alias (`*name`) repeats a structure by reference; nested a few levels, 519 bytes expand into
gigabytes when the result is walked (the "billion laughs" attack). Rosters, objectives, front
matter, labels and vocabularies never need one, so a document holding one is refused before it is
built (its parse events are read first).
"""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it (ten times faster: a cold start reads every lexicon).
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The value of a YAML document (as `yaml.safe_load`), refusing aliases with a `YAMLError`."""
    for event in yaml.parse(text, Loader=_LOADER):  # events only: nothing is expanded yet
        if isinstance(event, yaml.AliasEvent):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "YAML aliases (*name) are not allowed; write the values out in full",
                event.start_mark,  # type: ignore[arg-type]  # libyaml's mark has the same fields
            )
    return yaml.load(text, Loader=_LOADER)
