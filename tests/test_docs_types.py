"""The Python API page lists every public enum's members and every public model's fields."""

from __future__ import annotations

import dataclasses
import enum
from pathlib import Path

import pytest
from pydantic import BaseModel

import achievement

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _entries(lang: str) -> dict[str, str]:
    """The entries of the page's types section: a type's name to its text."""
    text = (DOCS / lang / "reference" / "api.md").read_text(encoding="utf-8")
    section = text.split("<!-- types -->", 1)[1].split("<!-- /types -->", 1)[0]
    entries = {}
    for block in section.strip().split("\n\n"):
        head, _, body = block.partition("\n")
        entries[head.strip("`")] = body
    return entries


def _public_types() -> list[type]:
    names = sorted(achievement.__all__)
    return [
        obj
        for obj in (getattr(achievement, name) for name in names)
        if isinstance(obj, type)
        and (issubclass(obj, enum.Enum | BaseModel) or dataclasses.is_dataclass(obj))
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_member_and_field_is_listed(lang: str) -> None:
    """Each enum lists its members by name and value, each model and dataclass its fields."""
    entries = _entries(lang)
    assert sorted(entries) == sorted(t.__name__ for t in _public_types())
    for kind in _public_types():
        body = entries[kind.__name__]
        if issubclass(kind, enum.Enum):
            wanted = [f'`{m.name}` (`"{m.value}"`)' for m in kind]
        elif issubclass(kind, BaseModel):
            wanted = [f"`{name}`:" for name in kind.model_fields]
        else:
            wanted = [f"`{f.name}`:" for f in dataclasses.fields(kind)]
        missing = [w for w in wanted if w not in body]
        assert not missing, (kind.__name__, missing)
