"""Judging whole tables at once: the columnar batch path (extra ``batch``).

:func:`judge_table` takes a pyarrow ``Table`` or a polars or pandas
``DataFrame`` of cell texts and returns the same kind of table with the
judgment columns added.  Its law: every row equals :func:`judge_row` on the
same texts, which judges as :func:`achievement.judge` does.
"""

from __future__ import annotations

try:
    import polars  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    from achievement._errors import AchievementError

    raise AchievementError(
        "the batch path needs polars and pyarrow: pip install 'achievement[batch]'",
        "一括判定には polars と pyarrow が必要です: pip install 'achievement[batch]'",
    ) from exc

from achievement.batch._row import OUTPUT_COLUMNS, RowResult, judge_row
from achievement.batch._table import COLUMN_ROLES, judge_table

__all__ = ["COLUMN_ROLES", "OUTPUT_COLUMNS", "RowResult", "judge_row", "judge_table"]
