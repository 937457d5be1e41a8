"""Renderers: a :class:`~achievement.rollup.Report` written as text, Markdown, JSON, CSV, XLSX or HTML.

Each format is one module with ``render(report, *, lang) -> str | bytes``;
:func:`render` picks the module by name.  Labels come from one catalogue,
:mod:`achievement.render.labels`, in Japanese (``ja``) and English (``en``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from achievement.rollup import Report

__all__ = ["BINARY_FORMATS", "FORMATS", "render"]

FORMATS: tuple[str, ...] = ("text", "md", "json", "csv", "xlsx", "html")
"""The format names, each the name of a module in this package (``text`` is ``text_``)."""

BINARY_FORMATS: frozenset[str] = frozenset({"xlsx"})
"""The formats rendered as bytes rather than text."""

_MODULES = {"text": "text_", "md": "markdown", "json": "json_", "csv": "csv_", "xlsx": "xlsx"}


def render(
    report: Report, format: str = "text", *, lang: str = "ja", detail: bool = False
) -> str | bytes:
    """Render ``report`` in ``format`` (one of :data:`FORMATS`) with labels in ``lang``.

    ``detail`` adds the table of every indicator to the ``text`` format (the
    other formats always have it).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"achievement.render.{_MODULES.get(format, format)}")
    options = {"detail": detail} if format == "text" else {}
    result: str | bytes = module.render(report, lang=lang, **options)
    return result
