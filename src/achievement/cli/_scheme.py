"""The ``--scheme`` option, and finding the scheme a plan is graded by."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from achievement._errors import AchievementError

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

    A scheme file named in a plan file is found relative to the plan file and
    may not leave its folder (``../x.yaml``, an absolute path, or a link
    pointing out): a plan received from elsewhere cannot make the command
    read any other file.  A scheme file given on the command line may be anywhere.
    """
    from achievement.schemes import get_scheme
    from achievement.schemes._load import SCHEME_SUFFIXES
    from achievement.schemes.presets import DEFAULT_SCHEME

    if given is not None:
        return get_scheme(given, judge)
    named = plan.scheme or DEFAULT_SCHEME
    if named.lower().endswith(SCHEME_SUFFIXES):
        folder = plan_path.parent.resolve()
        path = (folder / named).resolve()
        if not path.is_relative_to(folder):
            raise AchievementError(
                f"the plan names the scheme file {named!r}, outside the plan's folder; "
                "move it beside the plan, or give it with --scheme",
                f"計画が評価区分のファイル「{named}」を指定していますが、計画のフォルダの外に"
                "あります。計画と同じフォルダに置くか、--scheme で指定してください",
                file=str(plan_path),
            )
        return get_scheme(plan_path.parent / named, judge)
    return get_scheme(named, judge)


def graded_by(result: ReadResult, scheme: Scheme) -> ReadResult:
    """``result`` without the warnings on published cells that name a grade of ``scheme``."""
    from achievement.schemes._published import without_published_grades

    return result.model_copy(update={"problems": without_published_grades(result.problems, scheme)})
