"""Which column each field is read from, given the headers of a table.

``--columns`` names a column by its header, its combined two-row header
(``実績値/令和6年度``), its group header (``実績値``, for all its columns) or its
letter (``F``).  Several actual columns of different years give the actual (the
latest) and a series (the earlier years); an exact field word (``評価``) wins over
a longer header that contains it, except for the baseline, target and actual;
any other doubt about a column is refused, naming the columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from achievement._errors import AchievementError
from achievement._model import LocalizedText
from achievement.readers._cells import norm
from achievement.readers._headers import (
    FIELDS,
    IGNORE,
    REQUIRED,
    VALUE_FIELDS,
    Head,
    column_letter,
    exact,
    heads,
    match_header,
    series_stem,
)

__all__ = ["Column", "Layout", "layout"]

_LETTERS = re.compile(r"[A-Z]{1,3}")


def _letter_index(name: str) -> int | None:
    if _LETTERS.fullmatch(name) is None:
        return None
    index = 0
    for ch in name:
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the table: where it is, its header as shown, and what it holds."""

    index: int
    header: str
    field: str
    year: int | None
    projected: bool
    unit: str | None = None
    group: str = ""


@dataclass(frozen=True, slots=True)
class Layout:
    """The columns read, the earlier-year columns kept as a series, and what was left unread."""

    fields: dict[str, Column]
    series: tuple[Column, ...]
    headers: tuple[str, ...]
    unread: tuple[str, ...]
    notes: tuple[LocalizedText, ...]


def _listing(headers: Sequence[str]) -> str:
    names = [h for h in headers if h.strip()]
    return ", ".join(f"「{n}」" for n in names) if names else "-"


def _names(columns: Sequence[Column]) -> str:
    return ", ".join(f"「{c.header}」" for c in columns)


def _explicit(found: Sequence[Head], columns: Mapping[str, str], file: str) -> dict[int, str]:
    """The field ``--columns`` gives each column index: by header, group header or letter."""
    for name, given in columns.items():
        if given not in FIELDS and given != IGNORE:
            known = ", ".join([*FIELDS, IGNORE])
            raise AchievementError(
                f"--columns {name}={given}: unknown field {given!r}; fields: {known}",
                f"--columns {name}={given}: 項目「{given}」はありません。使える項目: {known}",
                file=file,
            )
    mapped: dict[int, str] = {}
    for name, given in columns.items():
        key = norm(name)
        indices = [h.index for h in found if norm(h.header) == key]
        if not indices:
            indices = [h.index for h in found if h.group and norm(h.group) == key]
        if not indices:
            letter = _letter_index(name.strip())
            if letter is not None and letter < len(found):
                indices = [letter]
        if not indices:
            headers = [h.header for h in found]
            raise AchievementError(
                f"--columns names the header {name!r}, which is not in the file; "
                f"headers found: {_listing(headers)} (a column may also be named by its "
                "letter, e.g. F=actual)",
                f"--columns の見出し「{name}」がファイルにありません。見つかった見出し: "
                f"{_listing(headers)}(列は F=actual のように列記号でも指定できます)",
                file=file,
            )
        for index in indices:
            mapped[index] = given
    return mapped


def _by_year(
    field: str, candidates: list[Column], target: Column | None, file: str
) -> tuple[Column, tuple[Column, ...]] | None:
    """The latest-year actual and the earlier years, or ``None`` when years do not tell them apart.

    The columns must be one series: each with its own year, and the same header
    but for the year and 見込 (``実績値/令和5年度``, ``実績値/令和6年度(見込)``).
    """
    years = [c.year for c in candidates]
    if field != "actual" or None in years or len(set(years)) != len(years):
        return None
    if len({series_stem(c.header) for c in candidates}) != 1:
        return None
    ordered = sorted(candidates, key=lambda c: c.year or 0)
    latest = ordered[-1]
    if target is not None and target.year is not None and (latest.year or 0) > target.year:
        raise AchievementError(
            f"the latest actual column 「{latest.header}」 is for a year after the target's "
            f"「{target.header}」, so which year to judge is unclear: {_names(ordered)}; "
            "choose one with --columns HEADER=actual",
            f"最新の実績の列「{latest.header}」が目標「{target.header}」の年度より後のため、"
            f"どの年度を判定するか決められません: {_names(ordered)}。"
            "--columns 見出し=actual で指定してください",
            file=file,
        )
    return latest, tuple(ordered[:-1])


def layout(
    top: Sequence[str], sub: Sequence[str] | None, columns: Mapping[str, str], file: str
) -> Layout:
    """Map each field to its column, or raise naming what is missing or doubled."""
    found = heads(top, sub)
    wanted = _explicit(found, columns, file)
    explicit: dict[str, list[Column]] = {}
    matched: dict[str, list[Column]] = {}
    for head in found:
        into = explicit
        field: str | None = wanted.get(head.index)
        if field is None:
            if not norm(head.header):
                continue
            field, into = match_header(head.header), matched
        if field is None or field == IGNORE:
            continue
        header = head.header or column_letter(head.index)
        column = Column(
            head.index,
            header,
            field,
            head.year,
            "見込" in norm(header),
            head.unit,
            head.group,
        )
        into.setdefault(field, []).append(column)
    current = matched.pop("current", [])
    if current:
        side = "actual" if "baseline" in matched or "baseline" in explicit else "baseline"
        matched.setdefault(side, []).extend(current)
    result: dict[str, Column] = {}
    series: tuple[Column, ...] = ()
    for field in FIELDS:
        candidates = explicit.get(field) or matched.get(field) or []
        if len(candidates) > 1:
            by_year = _by_year(field, candidates, result.get("target"), file)
            exact_ones = [c for c in candidates if exact(c.header, field)]
            if by_year is not None:
                candidates = [by_year[0]]
                series = by_year[1]
            elif field not in VALUE_FIELDS and len(exact_ones) == 1:
                candidates = exact_ones
        if len(candidates) > 1:
            raise AchievementError(
                f"several columns could be the {field}: {_names(candidates)}; "
                f"choose one with --columns HEADER={field} (or HEADER={IGNORE})",
                f"{FIELDS[field]}({field})に当たる列が複数あります: {_names(candidates)}。"
                f"--columns 見出し={field}(または 見出し={IGNORE})で指定してください",
                file=file,
            )
        if candidates:
            result[field] = candidates[0]
    headers = tuple(h.header for h in found)
    missing = [f for f in REQUIRED if f not in result]
    if missing:
        en_names = ", ".join(f"{f} ({FIELDS[f]})" for f in missing)
        ja_names = "、".join(f"{FIELDS[f]}({f})" for f in missing)
        raise AchievementError(
            f"no column for {en_names}; headers found: {_listing(headers)}; "
            "map a header with --columns HEADER=FIELD",
            f"{ja_names}の列がありません。見つかった見出し: {_listing(headers)}。"
            "--columns 見出し=項目 で列を指定できます",
            file=file,
        )
    used = {c.index for c in result.values()} | {c.index for c in series}
    ignored = {i for i, f in wanted.items() if f == IGNORE}
    unread = tuple(
        h.header for h in found if h.header and h.index not in used and h.index not in ignored
    )
    return Layout(result, series, headers, unread, _notes(result, series))


def _notes(fields: Mapping[str, Column], series: Sequence[Column]) -> tuple[LocalizedText, ...]:
    notes: list[LocalizedText] = []
    if series:
        actual = fields["actual"]
        notes.append(
            LocalizedText(
                ja=f"実績は最新の年度の列「{actual.header}」で判定し、それより前の年度の列 "
                f"{_names(series)} は系列として残しました",
                en=f"the actual is the latest year's column 「{actual.header}」; the earlier "
                f"years' columns {_names(series)} are kept as a series",
            )
        )
    late, goal = fields.get("actual"), fields.get("target")
    if late and goal and late.year and goal.year and late.year > goal.year:
        notes.append(
            LocalizedText(
                ja=f"実績の列「{late.header}」は目標「{goal.header}」の年度より後の年度の値"
                "です。目標年度の値ではなく、この値を目標と比べました",
                en=f"the actual column 「{late.header}」 is for a year after the target's "
                f"「{goal.header}」: that value, not the target year's, is compared with "
                "the target",
            )
        )
    for field, column in fields.items():
        if column.unit is not None and field in VALUE_FIELDS:
            notes.append(
                LocalizedText(
                    ja=f"「{column.header}」の単位のない数値は、見出しの行の単位「{column.unit}」"
                    "で読みました",
                    en=f"numbers without a unit in 「{column.header}」 take the unit "
                    f"{column.unit!r} from the header row",
                )
            )
    return tuple(notes)
