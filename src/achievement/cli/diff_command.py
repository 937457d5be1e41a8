"""``achievement diff LAST THIS``: what changed between two reports of a plan, and why.

Each side is a JSON report (``achievement report --format json``) or a plan
(a plan file or a table, judged here).  Indicators are matched by goal,
measure and name (in order, when a name repeats).  The output lists the
judgments and grades that changed with the values behind them, the
見込→確定 flips (an indicator judged on a projected value last time and on a
final one now, whose outcome changed) as their own table, the target
revisions, and the indicators added or removed.  Exit code 0, 2 on an error.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from achievement._errors import AchievementError

__all__ = ["FORMATS", "diff_data", "register", "render", "run"]

FORMATS: tuple[str, ...] = ("text", "md", "json", "xlsx")
"""The output formats of ``diff``."""

MAX_REPORT_BYTES = 20 * 1024 * 1024
"""A JSON report larger than this is refused (the limit of the readers)."""

_OUTCOMES = {
    "ja": {"achieved": "達成", "not_achieved": "未達成", "not_evaluable": "評価不能", None: "-"},
    "en": {
        "achieved": "achieved",
        "not_achieved": "not achieved",
        "not_evaluable": "not evaluable",
        None: "-",
    },
}
_STATUS = {
    "ja": {"final": "確定", "projected": "見込"},
    "en": {"final": "final", "projected": "projected"},
}
_WORDS = {
    "ja": {
        "title": "前回からの変化",
        "changed": "判定・区分が変わった評価指標",
        "flips": "見込→確定で判定が変わった評価指標",
        "revisions": "目標の見直し",
        "added": "追加された評価指標",
        "removed": "なくなった評価指標",
        "none": "なし",
        "indicator": "評価指標",
        "last": "前回",
        "this": "今回",
        "why": "理由",
        "from_year": "適用年度",
        "target": "目標",
        "reason": "見直しの理由",
        "new": "(今回の見直し)",
        "actual": "実績",
        "grade": "区分",
    },
    "en": {
        "title": "Changes since the last report",
        "changed": "Indicators whose judgment or grade changed",
        "flips": "Projected → final flips",
        "revisions": "Target revisions",
        "added": "Indicators added",
        "removed": "Indicators removed",
        "none": "none",
        "indicator": "indicator",
        "last": "last",
        "this": "this",
        "why": "why",
        "from_year": "from FY",
        "target": "target",
        "reason": "reason",
        "new": " (new since the last report)",
        "actual": "actual",
        "grade": "grade",
    },
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``diff`` subcommand."""
    from achievement.cli._plugin_options import add_plugin_options

    p = sub.add_parser(
        "diff",
        parents=[common],
        help="what changed between two reports / 二つの報告の差分",
        description="Compare two reports of a plan (JSON reports or plans): the judgments and "
        "grades that changed and why, the projected-to-final (見込→確定) flips, the target "
        "revisions, and the indicators added or removed.",
    )
    p.add_argument("last", metavar="LAST", help="the earlier report (.json) or plan")
    p.add_argument("this", metavar="THIS", help="the later report (.json) or plan")
    p.add_argument("--format", choices=FORMATS, default=None, help="output format")
    p.add_argument("-o", "--output", metavar="OUT", default=None, help="write to OUT, not stdout")
    add_plugin_options(p)
    p.set_defaults(handler=run)


def _indicators(path: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """The indicators of a JSON report, or of a plan judged now, as report entries."""
    if path.suffix.lower() == ".json":
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise AchievementError(
                f"cannot read {path}: {exc.strerror}", f"{path} を読めません: {exc.strerror}"
            ) from exc
        if size > MAX_REPORT_BYTES:
            raise AchievementError(
                f"{path} is larger than 20 MB", f"{path} は 20 MB を超えています", file=str(path)
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AchievementError(
                f"{path} is not JSON text: {exc}",
                f"{path} は JSON として読めません: {exc}",
                file=str(path),
            ) from exc
        if isinstance(data, dict) and isinstance(data.get("indicators"), list):
            as_of = (data.get("plan") or {}).get("as_of")
            return [{**i, _AS_OF: as_of} for i in data["indicators"] if isinstance(i, dict)]
        if not (isinstance(data, dict) and "goals" in data):
            raise AchievementError(
                f"{path} is neither a JSON report nor a plan file",
                f"{path} は JSON の報告でも計画ファイルでもありません",
                file=str(path),
            )
    from achievement.cli._plugin_options import judge_from_args
    from achievement.readers import read_plan
    from achievement.render.json_ import to_data
    from achievement.rollup import evaluate_plan

    judge = judge_from_args(args)
    result = read_plan(path, judge=judge)
    report = evaluate_plan(result.plan, judge, problems=result.problems, source_rows=result.rows)
    entries: list[dict[str, Any]] = to_data(report, lang=args.lang)["indicators"]
    return entries


def _key(entry: dict[str, Any]) -> tuple[str, str, str]:
    goal, measure = entry.get("goal") or {}, entry.get("measure") or {}
    return (str(goal.get("title", "")), str(measure.get("title", "")), str(entry.get("name", "")))


def _keyed(entries: list[dict[str, Any]]) -> dict[tuple[str, str, str, int], dict[str, Any]]:
    seen: Counter[tuple[str, str, str]] = Counter()
    keyed = {}
    for entry in entries:
        key = _key(entry)
        keyed[(*key, seen[key])] = entry
        seen[key] += 1
    return keyed


_AS_OF = "_as_of"
"""The key under which an entry of a JSON report carries the year its report was made as of."""


def _judged(entry: dict[str, Any]) -> dict[str, Any]:
    """The value an entry's judgment read: the one it compared as of a year, else the value of
    the year its report was made as of (``-`` when it has none), else its actual."""
    used = (entry.get("target_used") or {}).get("actual")
    if used:
        return dict(used)
    actual: dict[str, Any] = entry.get("actual") or {}
    as_of = entry.get(_AS_OF)
    if as_of is None or actual.get("fiscal_year") == as_of:
        return actual
    points = [p for p in entry.get("series") or [] if p.get("fiscal_year") == as_of]
    return points[0] if points else {"display": "-", "fiscal_year": as_of}


def _actual(entry: dict[str, Any], lang: str) -> str:
    """The value judged, with its year and whether it is projected or final."""
    actual = _judged(entry)
    status = _STATUS[lang].get(str(actual.get("status")), "")
    year = actual.get("fiscal_year")
    shown = str(actual.get("display") or actual.get("text") or "-")
    when = "" if year is None else (f"{year}年度" if lang == "ja" else f"FY{year}")
    return f"{shown} ({', '.join(x for x in (when, status) if x)})" if when or status else shown


def _target(entry: dict[str, Any], lang: str) -> str | None:
    """The target the entry was judged against: the target used as of a year, else its target."""
    used = entry.get("target_used")
    if not used:
        return (entry.get("target") or {}).get("display")
    from achievement._model import TargetBasis
    from achievement.render._view import target_used_text

    return target_used_text(
        TargetBasis(used["basis"]),
        str(used.get("display")),
        year=used.get("fiscal_year"),
        revised=used.get("revised_from"),
        interim_kind=used.get("interim_kind"),
        lang=lang,
    )


def diff_data(last: list[dict[str, Any]], this: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """The differences between two lists of report entries, as plain data."""
    before, after = _keyed(last), _keyed(this)
    changed: list[dict[str, Any]] = []
    flips: list[dict[str, Any]] = []
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            continue
        if was.get("outcome") == now.get("outcome") and was.get("grade") == now.get("grade"):
            continue
        row = {
            "indicator": key[2],
            "measure": key[1],
            "last": {
                "outcome": was.get("outcome"),
                "grade": was.get("grade"),
                "actual": _actual(was, lang),
                "target": _target(was, lang),
            },
            "this": {
                "outcome": now.get("outcome"),
                "grade": now.get("grade"),
                "actual": _actual(now, lang),
                "target": _target(now, lang),
            },
            "why": now.get("message", ""),
        }
        changed.append(row)
        statuses = (
            (was.get("actual") or {}).get("status"),
            (now.get("actual") or {}).get("status"),
        )
        if statuses == ("projected", "final") and was.get("outcome") != now.get("outcome"):
            flips.append(row)
    revisions = [
        {
            "indicator": key[2],
            "measure": key[1],
            **revision,
            "new": revision not in ((before.get(key) or {}).get("revisions") or []),
        }
        for key, now in after.items()
        for revision in now.get("revisions") or []
    ]
    return {
        "changed": changed,
        "flips": flips,
        "revisions": revisions,
        "added": [key[2] for key in after if key not in before],
        "removed": [key[2] for key in before if key not in after],
    }


def _side(side: dict[str, Any], lang: str) -> str:
    grade = side.get("grade")
    outcome = _OUTCOMES[lang].get(side.get("outcome"), str(side.get("outcome")))
    plain = grade is None or grade in {*_OUTCOMES["ja"].values(), *_OUTCOMES["en"].values()}
    shown = outcome if plain else f"{outcome} / {grade}"  # a binary grade says the outcome
    target = side.get("target")
    against = "" if target is None else f" / {_WORDS[lang]['target']} {target}"
    return f"{shown}: {side.get('actual')}{against}"


def _md_cell(text: object) -> str:
    from achievement.render._safe import markdown_text

    escaped = markdown_text(str(text)).replace("\\", "\\\\").replace("|", "\\|")
    return escaped.replace("\n", "<br>")


def _xlsx(data: dict[str, Any], lang: str) -> bytes:
    """The differences as a workbook: one sheet per table, outcomes as words."""
    import io

    from openpyxl import Workbook

    from achievement.render._safe import safe_sheets, safe_workbook

    w = _WORDS[lang]
    book = Workbook()
    book.worksheets[0].title = w["changed"][:31]
    book.create_sheet(w["flips"][:31])
    book.create_sheet(w["revisions"][:31])
    safe_sheets(book)
    for sheet, section in zip(book.worksheets[:2], ("changed", "flips"), strict=True):
        sheet.append([w["indicator"], w["last"], w["this"], w["why"]])
        for row in data[section]:
            sheet.append(
                [row["indicator"], _side(row["last"], lang), _side(row["this"], lang), row["why"]]
            )
    sheet = book.worksheets[2]
    sheet.append([w["indicator"], w["from_year"], w["target"], w["reason"]])
    for r in data["revisions"]:
        new = w["new"] if r["new"] else ""
        sheet.append(
            [
                f"{r['indicator']}{new}",
                r["from_year"],
                r.get("display") or r.get("text"),
                r["reason"],
            ]
        )
    safe_workbook(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(data: dict[str, Any], fmt: str, lang: str) -> str | bytes:
    """The differences as text, Markdown, JSON or XLSX."""
    if fmt == "xlsx":
        try:
            return _xlsx(data, lang)
        except ModuleNotFoundError as exc:
            raise AchievementError(
                f"the xlsx format needs {exc.name}: pip install 'achievement[xlsx]'",
                f"xlsx 形式には {exc.name} が必要です: pip install 'achievement[xlsx]'",
            ) from exc
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    w = _WORDS[lang]
    md = fmt == "md"
    lines: list[str] = [f"# {w['title']}" if md else w["title"], ""]
    for section in ("changed", "flips"):
        lines += [f"## {w[section]}" if md else f"{w[section]}:", ""]
        rows = data[section]
        if not rows:
            lines += [w["none"], ""]
            continue
        if md:
            lines += [
                f"| {w['indicator']} | {w['last']} | {w['this']} | {w['why']} |",
                "|---|---|---|---|",
            ]
        for row in rows:
            cells = (
                row["indicator"],
                _side(row["last"], lang),
                _side(row["this"], lang),
                row["why"],
            )
            if md:
                lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
            else:
                lines.append(f"- {cells[0]}: {cells[1]} → {cells[2]}\n    {cells[3]}")
        lines.append("")
    lines += [f"## {w['revisions']}" if md else f"{w['revisions']}:", ""]
    if not data["revisions"]:
        lines += [w["none"], ""]
    else:
        if md:
            lines += [
                f"| {w['indicator']} | {w['from_year']} | {w['target']} | {w['reason']} |",
                "|---|---|---|---|",
            ]
        for r in data["revisions"]:
            new = w["new"] if r["new"] else ""
            cells = (
                f"{r['indicator']}{new}",
                r["from_year"],
                r.get("display") or r.get("text"),
                r["reason"],
            )
            if md:
                lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
            else:
                lines.append(f"- {cells[0]}: {cells[1]} → {cells[2]} ({cells[3]})")
        lines.append("")
    for section in ("added", "removed"):
        if data[section]:
            lines += [f"## {w[section]}" if md else f"{w[section]}:", ""]
            lines += [f"- {name}" for name in data[section]] + [""]
    text = "\n".join(lines).rstrip() + "\n"
    if not md:
        from achievement.render._safe import terminal_text

        return terminal_text(text)
    return text


def run(args: argparse.Namespace) -> int:
    """Read both sides, compare them, write the differences."""
    from achievement.cli._options import output_format
    from achievement.cli._output import check_not_input, write_output

    fmt = output_format(args.format, args.output, FORMATS)
    last, this = Path(args.last), Path(args.this)
    check_not_input(args.output, last, this)
    data = diff_data(_indicators(last, args), _indicators(this, args), args.lang)
    write_output(render(data, fmt, args.lang), args.output, fmt)
    return 0
