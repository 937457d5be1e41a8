"""Reports grow linearly: ten times the rows takes under fifteen times the time.

Measured as a ratio within one run (CPU time of this process, the best of a few
tries, garbage collection paused), never as a time; the time of a one-row report,
measured alongside, is taken off both sides, so that what is compared is the
work per row and not what every report costs once: a step that compares every
item with every other (a quadratic roll-up, openpyxl's ``max_row`` asked in a
loop, merging cells one by one) makes the ratio about 100.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from achievement import Goal, Measure, Plan
from achievement.render import FORMATS, render
from achievement.rollup import Report, evaluate_plan

SMALL = 300
GROWTH = 10
LIMIT = 15


def _plan(base: Plan, rows: int) -> Plan:
    """The Taito rows repeated, ten indicators to a measure and ten measures to a goal."""
    entries = [
        base.indicators[i % len(base.indicators)].model_copy(
            update={
                "goal": Goal(number=i // 100 + 1, title=f"基本目標{i // 100 + 1}"),
                "measure": Measure(number=i // 10 + 1, title=f"施策{i // 10 + 1}"),
            }
        )
        for i in range(rows)
    ]
    return base.model_copy(update={"indicators": tuple(entries)})


def _cpu(work: Callable[[], object], tries: int) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(tries):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _growth(work: Callable[[int], object]) -> float:
    """How many times longer ``work(SMALL * GROWTH)`` runs than ``work(SMALL)``, per row.

    A ratio at or over the limit is measured again, up to three times in all, and the least
    is kept: a busy machine can slow one measurement, never three in a row by half again,
    while a step that compares every item with every other gives about 100 every time.
    """
    ratio = float("inf")
    for _ in range(3):
        once = _cpu(lambda: work(0), 5)
        small = _cpu(lambda: work(1), 5) - once
        large = _cpu(lambda: work(2), 3) - once
        ratio = min(ratio, large / max(small, 1e-9))
        if ratio < LIMIT:
            break
    return ratio


def test_roll_up_grows_linearly(taito_plan: Plan) -> None:
    plans = [_plan(taito_plan, n) for n in (1, SMALL, SMALL * GROWTH)]
    ratio = _growth(lambda size: evaluate_plan(plans[size]))
    assert ratio < LIMIT, f"{GROWTH}x rows took {ratio:.1f}x the time"


@pytest.fixture(scope="module")
def reports(taito_plan: Plan) -> list[Report]:
    return [evaluate_plan(_plan(taito_plan, n)) for n in (1, SMALL, SMALL * GROWTH)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_grows_linearly(fmt: str, reports: list[Report]) -> None:
    pytest.importorskip({"xlsx": "openpyxl", "html": "jinja2"}.get(fmt, "achievement"))
    ratio = _growth(lambda size: render(reports[size], fmt))
    assert ratio < LIMIT, f"{fmt}: {GROWTH}x rows took {ratio:.1f}x the time"
