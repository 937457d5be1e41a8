"""A griffe extension: turn Sphinx roles in docstrings into checked cross-references.

The docstrings use Sphinx roles (``:class:`Judge```); mkdocstrings reads Markdown.
A role naming something that :mod:`achievement` exports becomes an autorefs link to it,
so ``mkdocs build --strict`` fails when it points nowhere; any other role becomes code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

import achievement

_ROLE = re.compile(r":(?:class|func|meth|attr|data|exc|mod|obj):`~?([\w.]+)`")


def _replace(match: re.Match[str]) -> str:
    target = match.group(1)
    path = target.removeprefix("achievement.")
    shown = path.rsplit(".", 1)[-1] if match.group(0).split("`")[1].startswith("~") else target
    head = path.split(".", 1)[0]
    if head in achievement.__all__:
        return f"[`{shown}`][achievement.{head}]"
    return f"`{shown}`"


def _fence_doctests(text: str) -> str:
    """Put each run of ``>>>`` examples and their output in a ``pycon`` code block.

    Unfenced, an output such as ``[('threshold',)]`` would be read as Markdown
    (here, a reference link).  A run ends at the first blank line, as in doctest.
    """
    out: list[str] = []
    fenced = False
    in_run = False
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("```"):
            fenced = not fenced
        if not fenced and not in_run and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_run = True
        elif in_run and not stripped:
            out.append(f"{indent}```")
            in_run = False
        out.append(line)
    if in_run:
        out.append(f"{indent}```")
    return "\n".join(out)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring once the tree is loaded, and fence doctests."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _fence_doctests(_ROLE.sub(_replace, obj.docstring.value))
