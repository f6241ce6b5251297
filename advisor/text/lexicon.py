"""Vocabularies as data: each capability keeps its word lists and patterns in a YAML file beside
its modules, validated on load by a pydantic model, so a mistake names the file and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.resources import files
from typing import Annotated, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ValidationError

from advisor.errors import ConfigError
from advisor.text.safe_yaml import load_yaml

LexiconT = TypeVar("LexiconT", bound=BaseModel)


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]
"""A string that must compile as a regular expression."""

ValueT = TypeVar("ValueT")


def keys_exactly(keys: Iterable[str]) -> AfterValidator:
    """A validator for a mapping that must have one entry for each of `keys`, and no other."""
    wanted = sorted(keys)

    def check(mapping: dict[str, ValueT]) -> dict[str, ValueT]:
        if sorted(mapping) != wanted:
            raise ValueError(f"needs one entry for each of {', '.join(wanted)}, and no other")
        return mapping

    return AfterValidator(check)


def load_lexicon(package: str, name: str, model: type[LexiconT]) -> LexiconT:
    """The vocabulary file `name` of `package`, validated by `model`."""
    where = f"{package.replace('.', '/')}/{name}"
    try:
        data = load_yaml((files(package) / name).read_text(encoding="utf-8"))
        return model.model_validate(data)
    except OSError as exc:
        raise ConfigError(f"The vocabulary file {where} cannot be read ({exc})", hint="reinstall") from None
    except (yaml.YAMLError, ValidationError) as exc:
        first = " ".join(str(exc).split())[:400]
        raise ConfigError(f"The vocabulary file {where} is invalid: {first}", hint="fix that entry") from None
