"""``python -m benchmarks [--scale S] [--only NAME ...]``: every figure against its floor.

Nothing here asserts a time.  Each figure is measured next to a floor that does
the least any implementation must do, in the same process and run, and printed
as the ratio of the two, with the goal of issue 11 beside it.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from achievement import Actual, Indicator, Judge, Quantity, Target, parse_value
from achievement.readers import bundled_example


def seconds(work: Callable[[], object], repeat: int = 3) -> float:
    """The best of ``repeat`` runs of ``work``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def paired(
    work: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """The best of ``repeat`` runs of ``work`` and of ``floor``, run in turns.

    In turns, so that a busy spell of the machine slows both alike rather than one.
    """
    took = base = float("inf")
    for _ in range(repeat):
        took = min(took, seconds(work, 1))
        base = min(base, seconds(floor, 1))
    return took, base


def line(name: str, figure: str, ratio: float, goal: str) -> None:
    print(f"{name:<34} {figure:<34} {ratio:>8.2f} x floor   goal: {goal}", flush=True)


def numeric_texts(n: int) -> tuple[list[str], list[str], list[str]]:
    """Simple numeric cells, as a national table holds them: amounts with a unit."""
    units = ["件", "%", "人", "回"]
    baseline = [f"{(i * 37) % 1000}{units[i % 4]}" for i in range(n)]
    target = [f"{(i * 53) % 1000 + 1}{units[i % 4]}" for i in range(n)]
    actual = [f"{(i * 71) % 1200}.{i % 10}{units[i % 4]}" for i in range(n)]
    return baseline, target, actual


def bench_table(n: int) -> None:
    import polars as pl

    from achievement.batch import judge_table

    b, t, a = numeric_texts(n)
    frame = pl.DataFrame({"baseline": b, "target": t, "actual": a})
    judge = Judge(autoload=False)
    number = r"^(-?[0-9]+(?:\.[0-9]+)?)"

    def floor() -> object:  # polars: parse the same strings and compare, nothing more
        return frame.select(
            (
                pl.col("actual").str.extract(number).cast(pl.Float64)
                >= pl.col("target").str.extract(number).cast(pl.Float64)
            ).alias("met"),
            pl.col("baseline").str.extract(number).cast(pl.Float64),
        )

    took, base = paired(lambda: judge_table(frame, judge=judge), floor, 5)
    line(f"judge_table {n:,} rows", f"{took:.2f}s (polars {base:.2f}s)", took / base, "<= 2x")


def bench_row_judge(n: int) -> None:
    b, t, a = numeric_texts(n)
    rows = list(zip(b, t, a, strict=True))

    def one_by_one() -> object:  # a new judge each time: its caches start empty
        judge = Judge(autoload=False)
        return [judge.judge_text(baseline=x, target=y, actual=z) for x, y, z in rows]

    pattern = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(.*)")

    def floor() -> object:  # read the three numbers and compare them
        out = []
        for x, y, z in rows:
            mx, my, mz = pattern.match(x), pattern.match(y), pattern.match(z)
            if mx is None or my is None or mz is None:
                raise ValueError(x)
            out.append(Decimal(mz[1]) >= Decimal(my[1]) and Decimal(mx[1]) < Decimal(my[1]))
        return out

    took, base = paired(one_by_one, floor, 3)
    start = time.process_time()  # one thread: its CPU time does not count the other jobs
    one_by_one()
    cpu = time.process_time() - start
    figure = f"{n / took:,.0f} rows/s ({n / cpu:,.0f} CPU)"
    line(f"judge() {n:,} rows one by one", figure, took / base, ">= 40,000 rows/s")


def bench_parse(n: int) -> None:
    _, t, a = numeric_texts(n // 2)
    cells = t + a
    pattern = re.compile(r"^(-?[0-9]+(?:\.[0-9]+)?)(.*)$")

    def floor() -> object:  # regex + Decimal + building the typed value
        out = []
        for text in cells:
            m = pattern.match(text)
            assert m
            out.append(Quantity(amount=Decimal(m[1]), unit=m[2] or None, text=text))
        return out

    took, base = paired(lambda: [parse_value(c) for c in cells], floor, 3)
    line(f"parse {len(cells):,} cells", f"{took:.2f}s", took / base, "<= 3x regex+Decimal+value")


def _judged_bytes(judge: Judge, indicators: list[Indicator]) -> int:
    """Bytes still allocated after judging the indicators, the judgments kept."""
    gc.collect()
    tracemalloc.start()
    judged = [judge.judge(i) for i in indicators]
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del judged
    return used


def bench_memory(n: int) -> None:
    table = csv.reader(bundled_example().read_text(encoding="utf-8").splitlines())
    rows = [r for r in table if len(r) > 6][1:]  # below the title row and the header row
    cells = [(r[4], r[5], r[6]) for r in rows]
    judge = Judge(autoload=False)

    def indicator(baseline: str, target: str, actual: str) -> Indicator:
        return Indicator(
            baseline=parse_value(baseline),
            target=Target(value=parse_value(target)),
            actual=Actual(value=parse_value(actual)),
        )

    # the bundled rows over and over: a judge shares the judgment of a repeated verdict
    repeated = [indicator(*cells[i % len(cells)]) for i in range(n)]
    # every actual distinct, so every judgment is an object of its own: the worst case
    distinct = [indicator(f"{i % 1000}件", f"{i % 1000 + 500}件", f"{i}件") for i in range(n)]
    sample = judge.judge(distinct[0])
    fields = tuple(sample.__dict__.values())
    gc.collect()
    tracemalloc.start()
    records = [(*fields,) for _ in range(n)]  # the floor: a bare record of the fields each
    floor = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del records
    for name, indicators in (("distinct", distinct), ("repeated", repeated)):
        used = _judged_bytes(Judge(autoload=False), indicators)
        figure = f"{used / n:,.0f} bytes"
        line(f"memory per Judgment at {n:,}, {name}", figure, used / floor, "<= 1 KB")


def _plan_csv(path: Path, n: int) -> None:
    rows = list(csv.reader(bundled_example().read_text(encoding="utf-8").splitlines()))
    header, body = rows[0], rows[1:]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(body[i % len(body)] for i in range(n))
    path.write_text(out.getvalue(), encoding="utf-8")


def _peak_run(argv: list[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of a command run in a child process."""
    code = (
        "import resource, sys, time\n"
        "from achievement.cli import main\n"
        "start = time.perf_counter()\n"
        "code = main(sys.argv[1:])\n"
        "took = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "try:  # ru_maxrss keeps the parent's size from before exec; VmHWM is this program's\n"
        "    with open('/proc/self/status') as status:\n"
        "        peak = next(int(x.split()[1]) / 1024 for x in status if x.startswith('VmHWM'))\n"
        "except (OSError, StopIteration):\n"
        "    pass\n"
        "print(f'{took} {peak}', file=sys.stderr)\n"
    )
    env = {**os.environ, "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, check=False
    )
    took, peak = done.stderr.strip().split("\n")[-1].split()
    return float(took), float(peak)


def bench_report(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        _plan_csv(path, n)
        raw = seconds(lambda: list(csv.reader(path.open(encoding="utf-8"))))
        size = path.stat().st_size / 2**20
        for fmt in ("json", "html", "xlsx"):
            out = Path(folder) / f"report.{fmt}"
            # the file is larger than the default input limits, which would refuse it at once
            limits = ["--max-rows", str(2 * n), "--max-bytes", str(2 * path.stat().st_size)]
            took, peak = _peak_run(["report", str(path), "-o", str(out), *limits])
            if not out.exists():
                raise SystemExit(f"report {n:,} rows {fmt}: no report written")
            line(
                f"report {n:,} rows {fmt}",
                f"{took:.1f}s {peak:.0f} MB (file {size:.1f} MB)",
                took / raw,
                "< 10 s and < 200 MB",
            )


def bench_startup() -> None:
    # As installed: with the modules' bytecode cached (pip compiles it; an editable install
    # writes it on the first run), which PYTHONDONTWRITEBYTECODE would prevent.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cli = ["-c", "import sys; from achievement.cli import main; sys.exit(main(sys.argv[1:]))"]
    with tempfile.TemporaryDirectory() as folder:
        commands = {
            "floor": ["-c", "import pydantic, pluggy"],
            "version": [*cli, "--version"],
            "report": [*cli, "report", "-o", str(Path(folder) / "taito.md")],
        }
        wall = dict.fromkeys(commands, float("inf"))
        cpu = dict.fromkeys(commands, float("inf"))
        for turn in range(8):  # in turns, best of seven after one that writes the bytecode
            for name, args in commands.items():
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run([sys.executable, *args], capture_output=True, env=env, check=False)
                took = time.perf_counter() - start
                now = resource.getrusage(resource.RUSAGE_CHILDREN)
                spent = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
                if turn:
                    wall[name], cpu[name] = min(wall[name], took), min(cpu[name], spent)
    for name, label, goal in (
        ("version", "--version", "-"),
        ("report", "report (Taito)", "<= 1.5x"),
    ):
        figure = f"{wall[name]:.3f}s (CPU {cpu[name] / cpu['floor']:.2f}x)"
        line(f"start-up achievement {label}", figure, wall[name] / wall["floor"], goal)


BENCHES = ("table", "row", "parse", "memory", "report", "startup")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument("--only", nargs="*", choices=BENCHES, default=list(BENCHES))
    args = parser.parse_args()

    def size(full: int) -> int:
        return max(100, int(full * args.scale))

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, scale {args.scale}")
    for name in args.only:
        if name == "table":
            bench_table(size(1_000_000))
        elif name == "row":
            bench_row_judge(size(100_000))
        elif name == "parse":
            bench_parse(size(100_000))
        elif name == "memory":
            bench_memory(size(100_000))
        elif name == "report":
            bench_report(size(100_000))
        else:
            bench_startup()


if __name__ == "__main__":
    main()
