"""The ``--scheme`` option, and finding the scheme a plan is graded by."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from achievement._judge import Judge
    from achievement._plan import Plan
    from achievement.readers import ReadResult
    from achievement.schemes import Scheme

__all__ = ["add_scheme_option", "graded_by", "resolve_scheme"]

_HELP = (
    "grading scheme: binary (default), degree, progress, baseline-4, kenko21, soumu5, "
    "a plugin's scheme, or a scheme file (.yaml/.json) / 評価区分"
)


def add_scheme_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--scheme NAME|FILE``."""
    parser.add_argument("--scheme", metavar="NAME|FILE", default=None, help=_HELP)


def resolve_scheme(given: str | None, plan: Plan, plan_path: Path, judge: Judge) -> Scheme:
    """The scheme named on the command line, else the one the plan names, else ``binary``.

    A scheme file named in a plan file is found relative to the plan file.
    """
    from achievement.schemes import get_scheme
    from achievement.schemes._load import SCHEME_SUFFIXES
    from achievement.schemes.presets import DEFAULT_SCHEME

    if given is not None:
        return get_scheme(given, judge)
    named = plan.scheme or DEFAULT_SCHEME
    if named.lower().endswith(SCHEME_SUFFIXES) and not Path(named).is_absolute():
        return get_scheme(plan_path.parent / named, judge)
    return get_scheme(named, judge)


def graded_by(result: ReadResult, scheme: Scheme) -> ReadResult:
    """``result`` without the warnings on published cells that name a grade of ``scheme``."""
    from achievement.schemes._published import without_published_grades

    return result.model_copy(update={"problems": without_published_grades(result.problems, scheme)})
