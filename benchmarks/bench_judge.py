"""How fast judging and reporting are, as ratios against baselines run in the same process.

Run with ``python benchmarks/bench_judge.py [N]``.  Nothing here asserts a time:
the figures are for reading and comparing between versions on one machine.

- parse: reading the three cells of an indicator, against ``Decimal(text)`` on
  the same number of plain numbers (the floor of any reading);
- judge: judging parsed indicators, against building the same number of
  :class:`Indicator` models (the floor of any typed result);
- report: reading a CSV of N rows and rolling it up, against ``csv.reader``
  on the same file; with the peak memory against the file's size.
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from achievement import Actual, Indicator, Judge, Target, parse_value
from achievement.readers import bundled_example, read_plan
from achievement.rollup import evaluate_plan


def seconds(work: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` runs of ``work``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(n: int) -> None:
    rows = list(csv.reader(bundled_example().read_text(encoding="utf-8").splitlines()))
    header, body = rows[0], rows[1:]
    cells = [(r[4], r[5], r[6]) for r in body]
    sample = [cells[i % len(cells)] for i in range(n)]
    numbers = [str(i) for i in range(3 * n)]

    parse = seconds(lambda: [[parse_value(c) for c in row] for row in sample])
    floor = seconds(lambda: [Decimal(x) for x in numbers])
    print(f"parse   {n} indicators: {parse:.3f}s = {parse / floor:.1f} x Decimal(text)")

    values = [[parse_value(c) for c in row] for row in sample]

    def build() -> list[Indicator]:
        return [
            Indicator(baseline=b, target=Target(value=t), actual=Actual(value=a))
            for b, t, a in values
        ]

    indicators = build()
    judge = Judge(autoload=False)
    made = seconds(build)
    judged = seconds(lambda: [judge.judge(i) for i in indicators])
    print(f"judge   {n} indicators: {judged:.3f}s = {judged / made:.1f} x building the models")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(body[i % len(body)] for i in range(n))
        path.write_text(out.getvalue(), encoding="utf-8")
        report = seconds(lambda: evaluate_plan(read_plan(path, judge=judge).plan, judge), 1)
        raw = seconds(lambda: list(csv.reader(path.open(encoding="utf-8"))))
        tracemalloc.start()
        evaluate_plan(read_plan(path, judge=judge).plan, judge)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = path.stat().st_size
    print(f"report  {n} rows: {report:.3f}s = {report / raw:.0f} x csv.reader")
    print(f"memory  {n} rows: peak {peak / 2**20:.1f} MiB = {peak / size:.0f} x the file")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
