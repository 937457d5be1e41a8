"""The plan file (YAML or JSON): goals, measures and indicators, with cells as text.

A city official can write it by hand: each indicator gives its baseline,
target and actual as the text of the published cell (``60%``, ``年5件(累計31件)``,
``推進``), and the library reads them as it reads a table.  Everything a table
reader finds is kept, so a plan read from a table, written out and read back
is the same plan.

Scalars are read as written: YAML's plain ``010``, ``1:30`` or ``1_000`` and
JSON's ``10.50`` stay that text, and fields that hold numbers or yes/no
(years, numbers, ``priority``) are read from it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from achievement._errors import AchievementError, ParseError
from achievement._model import (
    Actual,
    ActualStatus,
    Column,
    Indicator,
    Observation,
    Target,
    Value,
)
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement._validation import describe
from achievement.readers._limits import MAX_DEPTH, MAX_NODES, Limits
from achievement.readers._planyears import (
    InterimEntry,
    RevisionEntry,
    interim_data,
    read_years,
    revision_data,
)
from achievement.readers._result import Problem, ReadResult
from achievement.readers._table import CellReader, parse_direction, problem, recorded_fields

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = [
    "PlanFile",
    "dump_plan",
    "indicator_lines",
    "load_plan",
    "parse_plan_text",
    "parse_text",
    "plan_schema",
    "safe_load_bounded",
]

_YAML_BREAKS = frozenset("\x85\u2028\u2029")
_YAML_IMPLICIT = frozenset({"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"})
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class SeriesEntry(_Entry):
    """The value of an indicator in a year before its actual's (a column of a year series)."""

    fiscal_year: int = Field(description="the fiscal year of the value")
    value: str = Field(description="the cell, as text")
    status: ActualStatus = Field(ActualStatus.FINAL, description="final (確定) or projected (見込)")


class IndicatorEntry(_Entry):
    """One indicator (評価指標) of a measure, with its cells as published."""

    name: str = Field(description="評価指標: the indicator's name")
    initiative: str = Field("", description="取り組み: the initiative(s) it measures")
    baseline: str = Field("", description="計画策定時: the baseline cell, as text; blank when none")
    target: str = Field(description="目標: the target cell, as text (60%, 増加, 推進, ...)")
    actual: str = Field("", description="実績: the actual cell, as text; blank or ― when none")
    target_year: int | None = Field(
        None, description="fiscal year of the target; the plan's target_year when left out"
    )
    actual_year: int | None = Field(
        None, description="fiscal year of the actual; the plan's actual_year when left out"
    )
    actual_status: ActualStatus | None = Field(
        None,
        description="final (確定) or projected (見込); the plan's actual_status when left out",
    )
    series: list[SeriesEntry] = Field(
        default_factory=list,
        description="the values of the years before the actual's, oldest first "
        "(read by a judgment as of a year, a relative target and the trajectory)",
    )
    baseline_year: int | None = Field(
        None,
        description="fiscal year of the baseline; when left out, the plan's baseline_year "
        "for an indicator with a series, interim targets or revisions",
    )
    interim: list[InterimEntry] = Field(
        default_factory=list,
        description="targets for years before the target year (年度別目標, 中間目標, 目安値)",
    )
    revisions: list[RevisionEntry] = Field(
        default_factory=list,
        description="revised targets, each in force from a fiscal year on (the target stays "
        "the original)",
    )
    style: str | None = Field(None, description="evaluation style; inferred when left out")
    direction: str | None = Field(
        None,
        description="which way is better: higher / lower (上昇 / 低下); inferred when left out",
    )
    scale: list[str] | None = Field(
        None, description="this indicator's ordinal scale of status words, lowest first"
    )
    recorded: str | None = Field(
        None, description="評価: the judgment the plan published (達成, 未達成, 評価不能)"
    )
    note: str = Field("", description="取組状況等: notes kept beside the judgment")
    row: int | None = Field(None, description="the row of the source table, if any")
    main: bool = Field(
        False, description="主要な指標: a main indicator of its measure (read by soumu5)"
    )


class MeasureEntry(_Entry):
    """A measure (施策) and its indicators."""

    number: int | None = Field(None, description="the measure's number")
    title: str = Field(description="施策: the measure's title")
    priority: bool = Field(False, description="重点施策: whether it is a priority measure")
    indicators: list[IndicatorEntry] = Field(default_factory=list)


class GoalEntry(_Entry):
    """A basic goal (基本目標) and its measures."""

    number: int | None = Field(None, description="the goal's number")
    title: str = Field(description="基本目標: the goal's title")
    measures: list[MeasureEntry] = Field(default_factory=list)


class PlanFile(_Entry):
    """A plan: its fiscal years and its goals, measures and indicators."""

    model_config = ConfigDict(
        title="achievement plan", json_schema_extra={"$schema": SCHEMA_DIALECT}
    )

    title: str = Field("", description="the plan's title")
    baseline_year: int | None = Field(None, description="fiscal year of the baseline (計画策定時)")
    target_year: int | None = Field(None, description="fiscal year of the targets (目標年度)")
    actual_year: int | None = Field(None, description="fiscal year of the actuals, by default")
    actual_status: ActualStatus = Field(
        ActualStatus.FINAL, description="final or projected (見込), by default"
    )
    scale: list[str] | None = Field(
        None, description="the plan's ordinal scale of status words, lowest first"
    )
    scheme: str | None = Field(
        None,
        description="評価区分: the grading scheme, a preset name (binary, degree, progress, "
        "baseline-4, kenko21, soumu5) or a scheme file (.yaml, .json) relative to the plan",
    )
    goals: list[GoalEntry] = Field(default_factory=list)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan file format.

    >>> plan_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    return PlanFile.model_json_schema()


def load_plan(
    data: object,
    *,
    file: str,
    judge: Judge | None = None,
    lines: Mapping[str, int] | None = None,
) -> ReadResult:
    """A plan from the parsed contents of a plan file.

    A problem names the cell by its path in the file
    (``goals[0].measures[0].indicators[1].direction``) and, as its row, the
    line where the indicator begins, found in ``lines`` (see
    :func:`indicator_lines`); without it, no row.
    """
    try:
        entry = PlanFile.model_validate(data)
    except ValidationError as exc:
        en, ja = describe(exc.errors())
        raise AchievementError(
            f"the plan file does not follow the plan format ({en}); see `achievement schema`",
            f"計画ファイルの形式が正しくありません({ja})。`achievement schema` を参照してください",
            file=file,
        ) from exc
    known = CellReader(judge)
    indicators: list[PlanIndicator] = []
    problems: list[Problem] = []
    position = 0
    for i, g in enumerate(entry.goals):
        goal = Goal(number=g.number, title=g.title)
        for j, m in enumerate(g.measures):
            measure = Measure(number=m.number, title=m.title, priority=m.priority)
            for k, item in enumerate(m.indicators):
                position += 1
                path = f"goals[{i}].measures[{j}].indicators[{k}]"
                where = _Where(file, (lines or {}).get(path), path)
                built, found = _indicator(entry, goal, measure, item, where, known)
                problems.extend(found)
                if built is not None:
                    indicators.append(built)
    plan = Plan(
        title=entry.title,
        baseline_year=entry.baseline_year,
        target_year=entry.target_year,
        scale=None if entry.scale is None else tuple(entry.scale),
        scheme=entry.scheme,
        indicators=tuple(indicators),
    )
    return ReadResult(plan=plan, problems=tuple(problems), rows=position)


@dataclass(frozen=True, slots=True)
class _Where:
    """Where an indicator is in its plan file: the line it begins on, and its path."""

    file: str
    row: int | None
    path: str

    def column(self, field: str) -> str:
        return f"{self.path}.{field}"

    def unreadable(self, field: str, text: str, exc: ParseError) -> Problem:
        """The problem of the cell ``field`` whose ``text`` the notation refused."""
        return problem(
            "cell.unreadable",
            file=self.file,
            row=self.row,
            column=self.column(field),
            text=text.strip(),
            position=str(exc.position + 1),
            ja=exc.reason_ja,
            en=exc.reason_en,
        )


def _indicator(
    plan: PlanFile,
    goal: Goal,
    measure: Measure,
    item: IndicatorEntry,
    where: _Where,
    cells: CellReader,
) -> tuple[PlanIndicator | None, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Value] = {}
    columns: tuple[Column, ...] = ("baseline", "target", "actual")
    for field in columns:
        text: str = getattr(item, field)
        try:
            values[field] = cells.parse(text, field)
        except ParseError as exc:
            problems.append(where.unreadable(field, text, exc))
    direction = None
    if item.direction is not None and item.direction.strip():
        direction = parse_direction(item.direction)
        if direction is None:
            problems.append(
                problem(
                    "cell.unknown_direction",
                    file=where.file,
                    row=where.row,
                    column=where.column("direction"),
                    text=item.direction,
                )
            )
    if item.style is not None:
        found = cells.problem(
            item.style, file=where.file, row=where.row, column=where.column("style")
        )
        if found is not None:
            problems.append(found)
    recorded, recorded_text = recorded_fields(item.recorded)
    if recorded is None and recorded_text is not None:
        problems.append(
            problem(
                "cell.unknown_recorded",
                file=where.file,
                row=where.row,
                column=where.column("recorded"),
                text=recorded_text,
            )
        )
    series: list[Observation] = []
    for index, point in enumerate(item.series):
        try:
            value = cells.parse(point.value)
        except ParseError as exc:
            problems.append(
                problem(
                    "cell.unreadable_series",
                    file=where.file,
                    row=where.row,
                    column=where.column(f"series[{index}].value"),
                    text=point.value.strip(),
                    year=str(point.fiscal_year),
                    position=str(exc.position + 1),
                    ja=exc.reason_ja,
                    en=exc.reason_en,
                )
            )
            continue
        series.append(Observation(fiscal_year=point.fiscal_year, value=value, status=point.status))

    def unreadable(field: str, text: str, exc: ParseError) -> None:
        problems.append(where.unreadable(field, text, exc))

    interim, revisions = read_years(item.interim, item.revisions, cells.parse, unreadable)
    if any(p.severity == "error" for p in problems):
        return None, problems
    fields = item.model_fields_set
    indicator = Indicator(
        name=item.name,
        baseline=values["baseline"],
        target=Target(
            value=values["target"],
            fiscal_year=item.target_year if "target_year" in fields else plan.target_year,
        ),
        actual=Actual(
            value=values["actual"],
            status=item.actual_status or plan.actual_status,
            fiscal_year=item.actual_year if "actual_year" in fields else plan.actual_year,
        ),
        style=item.style,
        direction=direction,
        scale=None if item.scale is None else tuple(item.scale),
        series=tuple(series),
        baseline_year=(
            item.baseline_year
            if "baseline_year" in fields
            else _years_default(plan.baseline_year, bool(series or interim or revisions))
        ),
        interim=interim,
        revisions=revisions,
    )
    built = PlanIndicator(
        goal=goal,
        measure=measure,
        initiative=item.initiative,
        indicator=indicator,
        recorded=recorded,
        recorded_text=recorded_text,
        note=item.note,
        row=item.row,
        main=item.main,
    )
    return built, problems


def _years_default(baseline_year: int | None, years: bool) -> int | None:
    """An indicator's baseline year when not given: the plan's, for an indicator with
    years (a series, interim targets or revisions); otherwise none."""
    return baseline_year if years else None


def _plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in the plan file format, defaults left out."""
    first = plan.indicators[0].indicator.actual if plan.indicators else None
    actual_year = None if first is None else first.fiscal_year
    actual_status = ActualStatus.FINAL if first is None else first.status
    data: dict[str, Any] = {}
    if plan.title:
        data["title"] = plan.title
    for key in ("baseline_year", "target_year"):
        if getattr(plan, key) is not None:
            data[key] = getattr(plan, key)
    if actual_year is not None:
        data["actual_year"] = actual_year
    if actual_status is not ActualStatus.FINAL:
        data["actual_status"] = actual_status.value
    if plan.scale is not None:
        data["scale"] = list(plan.scale)
    if plan.scheme is not None:
        data["scheme"] = plan.scheme
    goals: list[dict[str, Any]] = []
    goal: Goal | None = None
    measure: Measure | None = None
    for item in plan.indicators:
        if not goals or item.goal != goal:
            goal, measure = item.goal, None
            goals.append(_titled(goal.number, goal.title) | {"measures": []})
        if measure is None or item.measure != measure:
            measure = item.measure
            entry = _titled(measure.number, measure.title)
            if measure.priority:
                entry["priority"] = True
            goals[-1]["measures"].append(entry | {"indicators": []})
        goals[-1]["measures"][-1]["indicators"].append(
            _indicator_data(item, plan, actual_year, actual_status)
        )
    data["goals"] = goals
    return data


def _titled(number: int | None, title: str) -> dict[str, Any]:
    return ({} if number is None else {"number": number}) | {"title": title}


def _indicator_data(
    item: PlanIndicator,
    plan: Plan,
    actual_year: int | None,
    actual_status: ActualStatus,
) -> dict[str, Any]:
    indicator = item.indicator
    target_year = plan.target_year
    data: dict[str, Any] = {"name": indicator.name}
    if item.initiative:
        data["initiative"] = item.initiative
    if indicator.baseline.text:
        data["baseline"] = indicator.baseline.text
    data["target"] = indicator.target.value.text
    data["actual"] = indicator.actual.value.text
    if indicator.target.fiscal_year != target_year:
        data["target_year"] = indicator.target.fiscal_year
    if indicator.actual.fiscal_year != actual_year:
        data["actual_year"] = indicator.actual.fiscal_year
    if indicator.actual.status is not actual_status:
        data["actual_status"] = indicator.actual.status.value
    if indicator.series:
        data["series"] = [
            {"fiscal_year": point.fiscal_year, "value": point.value.text}
            | ({} if point.status is ActualStatus.FINAL else {"status": point.status.value})
            for point in indicator.series
        ]
    years = bool(indicator.series or indicator.interim or indicator.revisions)
    if indicator.baseline_year != _years_default(plan.baseline_year, years):
        data["baseline_year"] = indicator.baseline_year
    if indicator.interim:
        data["interim"] = interim_data(indicator.interim)
    if indicator.revisions:
        data["revisions"] = revision_data(indicator.revisions)
    if indicator.style is not None:
        data["style"] = indicator.style
    if indicator.direction is not None:
        data["direction"] = indicator.direction.value
    if indicator.scale is not None:
        data["scale"] = list(indicator.scale)
    if item.recorded_text is not None:
        data["recorded"] = item.recorded_text
    elif item.recorded is not None:
        data["recorded"] = item.recorded.value
    if item.note:
        data["note"] = item.note
    if item.row is not None:
        data["row"] = item.row
    if item.main:
        data["main"] = True
    return data


def _yaml() -> Any:
    try:
        import yaml
    except ImportError as exc:
        raise AchievementError(
            "reading or writing YAML needs PyYAML: pip install 'achievement[yaml]'",
            "YAML の読み書きには PyYAML が必要です: pip install 'achievement[yaml]'",
        ) from exc
    return yaml


def dump_plan(plan: Plan, fmt: Literal["yaml", "json"]) -> str:
    """The plan in the plan file format, as YAML or JSON text.

    The baseline, target and actual are written as their cell text, so
    :func:`read_plan` reads the file back into the same plan when every value
    is what its text reads as (as for every plan a reader returns).
    """
    data = _plan_data(plan)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    yaml = _yaml()

    class Dumper(yaml.SafeDumper):  # type: ignore[misc,name-defined]
        pass

    def text(dumper: Any, value: str) -> Any:
        # NEL and the Unicode line separators only survive in double quotes
        style = '"' if _YAML_BREAKS & set(value) else "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    out: str = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return out


def parse_text(text: str, fmt: Literal["yaml", "json"], *, file: str) -> object:
    """The contents of a plan file, or an error naming the line that cannot be read."""
    if fmt == "json":
        try:
            return json.loads(text, parse_float=str, parse_int=str, parse_constant=str)
        except json.JSONDecodeError as exc:
            raise AchievementError(
                f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                f"{exc.lineno}行{exc.colno}文字目が JSON として読めません: {exc.msg}",
                file=file,
                row=exc.lineno,
            ) from exc
    yaml = _yaml()
    try:
        return yaml.load(text, Loader=_loader())  # a SafeLoader: builds no objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise AchievementError(
            f"not valid YAML: {reason}",
            f"YAML として読めません: {reason}",
            file=file,
            row=line,
        ) from exc


def parse_plan_text(
    text: str, fmt: Literal["yaml", "json"], *, file: str, limits: Limits | None = None
) -> tuple[object, dict[str, int] | None]:
    """The contents of a plan file, and for YAML the line each indicator begins on.

    YAML is parsed once, with libyaml's C parser when PyYAML has it.  Before
    anything is built, the nesting depth (:data:`MAX_DEPTH`) and the number of
    values once aliases are expanded (:data:`MAX_NODES`, and at most
    ``limits.max_rows`` indicators) are counted on the parsed nodes without
    expanding them, so a small file of nested aliases is refused at once.
    """
    limits = limits or Limits()
    if fmt == "json":
        try:
            data = parse_text(text, "json", file=file)
        except RecursionError as exc:
            raise _too_deep(file) from exc
        _check_json(data, file)
        return data, None
    yaml = _yaml()
    loader = _loader()(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError as exc:
            raise _too_deep(file) from exc
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, file) from exc
        if node is None:
            return None, {}
        _check_nodes(node, file, limits)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, file) from exc
    finally:
        loader.dispose()
    return data, _lines(node)


def safe_load_bounded(text: str, *, file: str) -> object:
    """YAML read as :func:`yaml.safe_load` reads it, with the depth and alias bounds of plans.

    Raises :class:`yaml.YAMLError` for text that is not YAML, and
    :class:`AchievementError` for a document beyond the bounds.
    """
    yaml = _yaml()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError as exc:
            raise _too_deep(file) from exc
        if node is None:
            return None
        _check_nodes(node, file, Limits())
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _too_deep(file: str) -> AchievementError:
    return AchievementError(
        f"the plan file is nested more than {MAX_DEPTH} levels deep",
        f"計画ファイルの入れ子が {MAX_DEPTH} 段を超えています",
        file=file,
    )


def _yaml_error(exc: Exception, file: str) -> AchievementError:
    mark = getattr(exc, "problem_mark", None)
    line = None if mark is None else mark.line + 1
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return AchievementError(
        f"not valid YAML: {reason}", f"YAML として読めません: {reason}", file=file, row=line
    )


def _check_json(data: object, file: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_DEPTH` (walked without recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(file)
        if isinstance(item, dict):
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)


def _check_nodes(root: Any, file: str, limits: Limits) -> None:
    """Refuse a YAML node graph too deep, recursive, or too large once aliases are expanded.

    Each node is visited once; the expanded size of a node shared by aliases
    is counted as often as it is used, without building the copies.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    indicators = 0
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if depth[key] > MAX_DEPTH:
                raise _too_deep(file)
            if size[key] > MAX_NODES:
                raise AchievementError(
                    f"the plan file holds more than {MAX_NODES} values once its aliases "
                    "(*name) are expanded",
                    f"計画ファイルの別名(*名前)を展開すると値が {MAX_NODES} 個を超えます",
                    file=file,
                )
            continue
        if key in size:
            continue
        if key in open_:
            raise AchievementError(
                "the plan file refers to itself through an alias (*name)",
                "計画ファイルが別名(*名前)で自分自身を参照しています",
                file=file,
            )
        if len(open_) >= MAX_DEPTH:
            raise _too_deep(file)
        open_.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)
    for goal in _items(_get(root, "goals")):
        for measure in _items(_get(goal, "measures")):
            indicators += len(_items(_get(measure, "indicators")))
    expanded = size[id(root)]
    if indicators > limits.max_rows or (expanded > limits.max_rows * 64):
        raise limits.too_many_rows(file)


def _children(node: Any) -> list[Any]:
    if node.id == "sequence":
        return list(node.value)
    if node.id == "mapping":
        return [part for pair in node.value for part in pair]
    return []


def _lines(root: Any) -> dict[str, int]:
    lines: dict[str, int] = {}
    for i, goal in enumerate(_items(_get(root, "goals"))):
        for j, measure in enumerate(_items(_get(goal, "measures"))):
            for k, indicator in enumerate(_items(_get(measure, "indicators"))):
                path = f"goals[{i}].measures[{j}].indicators[{k}]"
                lines[path] = indicator.start_mark.line + 1
    return lines


def _loader() -> Any:
    yaml = _yaml()
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc,valid-type]
        """The safe loader that resolves only nulls and merge keys: other scalars stay text."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag in _YAML_IMPLICIT]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def indicator_lines(text: str) -> dict[str, int]:
    """The line (from 1) each indicator of a YAML plan file begins on, by its path.

    >>> indicator_lines("goals:\\n- title: g\\n  measures:\\n  - title: m\\n    indicators:\\n"
    ...                 "    - name: a\\n      target: 1\\n    - name: b\\n      target: 2\\n")
    {'goals[0].measures[0].indicators[0]': 6, 'goals[0].measures[0].indicators[1]': 8}
    """
    yaml = _yaml()
    lines: dict[str, int] = {}
    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:  # pragma: no cover - the text was loaded before
        return lines
    for i, goal in enumerate(_items(_get(root, "goals"))):
        for j, measure in enumerate(_items(_get(goal, "measures"))):
            for k, indicator in enumerate(_items(_get(measure, "indicators"))):
                path = f"goals[{i}].measures[{j}].indicators[{k}]"
                lines[path] = indicator.start_mark.line + 1
    return lines


def _get(node: Any, key: str) -> Any:
    """The value node under ``key`` of a mapping node, or ``None``."""
    if node is None or node.id != "mapping":
        return None
    return next((v for k, v in node.value if k.id == "scalar" and k.value == key), None)


def _items(node: Any) -> list[Any]:
    """The item nodes of a sequence node; none for anything else."""
    return list(node.value) if node is not None and node.id == "sequence" else []
