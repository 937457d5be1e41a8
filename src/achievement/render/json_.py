"""JSON: one object with the plan, the tallies, every indicator and the highlights.

Keys come in the order of the report (plan, disagreements, totals, goals,
measures, indicators, problems, then the highlights, the scheme and the rules;
``achievement schema --report`` prints the JSON Schema), text is not escaped to
ASCII and numbers that are ``Decimal`` are written as strings (``"71.4"``,
exact), so the same report always gives the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from achievement._evaluator import display
from achievement._lean import SHARED_LIMIT
from achievement._model import Comparison, Indicator, Value
from achievement._plan import Goal, Measure
from achievement.render._view import disagreements, grade_name, scheme_rule, target_used
from achievement.render.labels import label
from achievement.rollup import IndicatorResult, Report, Tally
from achievement.schemes import GradeTally, Measurements

__all__ = ["KEYS", "chunks", "render", "to_data"]

_string = json.encoder.encode_basestring  # the C function when there is one


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _goal(goal: Goal) -> dict[str, Any]:
    return {"number": goal.number, "title": goal.title}


def _measure(measure: Measure) -> dict[str, Any]:
    return {"number": measure.number, "title": measure.title, "priority": measure.priority}


def _tally(tally: Tally) -> dict[str, Any]:
    return {
        "indicators": tally.indicators,
        "achieved": tally.achieved,
        "not_achieved": tally.not_achieved,
        "not_evaluable": tally.not_evaluable,
        "rate": _dec(tally.rate),
    }


def _grades(grades: GradeTally | None) -> dict[str, Any] | None:
    if grades is None:
        return None
    return {"counts": dict(grades.counts), "ungraded": grades.ungraded, "rate": _dec(grades.rate)}


def _measured(value: Decimal | None) -> str | None:
    if value is None or not value.is_finite():
        return _dec(value)
    return str(value.quantize(Decimal("0.0001"), ROUND_HALF_UP))


def _measurements(measured: Measurements | None) -> dict[str, Any] | None:
    """What the scheme read, to four places: degree, progress and change against the
    baseline, and for an indicator with years the projected degree (``pace``) and the
    share of the change due made (``trajectory``), ``null`` where not computed."""
    if measured is None:
        return None
    return {
        "degree": _measured(measured.degree),
        "progress": _measured(measured.progress),
        "change": _measured(measured.change),
        "pace": _measured(measured.pace),
        "trajectory": _measured(measured.trajectory),
    }


def _used(found: Comparison | None, lang: str) -> dict[str, Any] | None:
    """The target a judgment as of a year used, and the value it judged."""
    if found is None:
        return None
    return {
        "basis": found.basis.value,
        "text": target_used(found, lang),
        "display": display(found.target.value),
        "value": _value(found.target.value),
        "fiscal_year": found.target.fiscal_year,
        "revised_from": found.revised_from,
        "interim_kind": None if found.interim_kind is None else found.interim_kind.value,
        "actual": {
            "display": display(found.actual.value),
            "fiscal_year": found.actual.fiscal_year,
            "status": found.actual.status.value,
        },
        "baseline": display(found.baseline),
    }


def _scheme(report: Report, lang: str) -> dict[str, Any] | None:
    scheme = report.scheme
    if scheme is None:
        return None
    return {
        "name": scheme.name,
        "title": scheme.title.get(lang),
        "rule": scheme.rule.get(lang),
        "source": None if scheme.source is None else scheme.source.get(lang),
        "labels": list(scheme.labels),
        "grade_labels": {name: grade_name(scheme.get(name), lang) for name in scheme.labels},
        "achieved": [grade.label for grade in scheme.grades if grade.achieved],
    }


def _value(value: Value) -> dict[str, Any]:
    """The value as data with its ``kind``: reads back with ``TypeAdapter(Value)``, plugin kinds too."""
    data: dict[str, Any] = value.model_dump(mode="json")
    return data


def _indicator(result: IndicatorResult, lang: str, as_of: int | None = None) -> dict[str, Any]:
    entry, indicator = result.entry, result.entry.indicator
    return {
        "name": indicator.name,
        "goal": _goal(entry.goal),
        "measure": _measure(entry.measure),
        "initiative": entry.initiative,
        "row": entry.row,
        **_baseline(indicator),
        **_target(indicator),
        "target_used": _used(result.judgment.comparison, lang),
        **_actual(indicator),
        **_years(indicator, lang, as_of),
        **_judged(result, lang),
        **_rest(result),
    }


def _baseline(indicator: Indicator) -> dict[str, Any]:
    return {
        "baseline": {
            "text": indicator.baseline.text,
            "display": display(indicator.baseline),
            "value": _value(indicator.baseline),
        }
    }


def _target(indicator: Indicator) -> dict[str, Any]:
    return {
        "target": {
            "text": indicator.target.value.text,
            "display": display(indicator.target.value),
            "value": _value(indicator.target.value),
            "fiscal_year": indicator.target.fiscal_year,
        }
    }


def _actual(indicator: Indicator) -> dict[str, Any]:
    return {
        "actual": {
            "text": indicator.actual.value.text,
            "display": display(indicator.actual.value),
            "value": _value(indicator.actual.value),
            "fiscal_year": indicator.actual.fiscal_year,
            "status": indicator.actual.status.value,
        }
    }


def _years(indicator: Indicator, lang: str, as_of: int | None) -> dict[str, Any]:
    return {
        "series": [
            {
                "fiscal_year": point.fiscal_year,
                "text": point.value.text,
                "display": display(point.value),
                "status": point.status.value,
            }
            for point in indicator.series
        ],
        "revisions": [
            {
                "from_year": r.from_year,
                "text": r.value.text,
                "display": display(r.value),
                "fiscal_year": r.fiscal_year,
                "reason": r.reason,
            }
            for r in indicator.revisions
        ],
        "trajectory": _trajectory(indicator, lang, as_of),
    }


def _judged(result: IndicatorResult, lang: str) -> dict[str, Any]:
    """What the judgment, the grade and the measurements say (from ``style`` to ``margin``)."""
    judgment = result.judgment
    margin = judgment.margin
    return {
        "style": judgment.style,
        "outcome": judgment.outcome.value,
        "grade": None if result.grade is None else result.grade.label,
        "measurements": _measurements(result.measurements),
        "reason": {
            "code": judgment.reason.code,
            "params": dict(sorted(judgment.reason.params.items())),
        },
        "message": judgment.message.get(lang),
        "direction": None if judgment.direction is None else judgment.direction.value,
        "direction_source": (
            None if judgment.direction_source is None else judgment.direction_source.value
        ),
        "margin": None
        if margin is None
        else {
            "difference": _dec(margin.difference),
            "ratio": _dec(margin.ratio),
            "unit": margin.unit,
        },
    }


def _rest(result: IndicatorResult) -> dict[str, Any]:
    entry = result.entry
    return {
        "progress": _dec(result.progress),
        "recorded": result.recorded_grade.label
        if result.recorded_grade is not None
        else None
        if entry.recorded is None
        else entry.recorded.value,
        "agrees": result.agrees,
        "note": entry.note,
    }


_MEMBERS = " " * 6
"""The indent of an indicator's members in the report."""


def _members(data: dict[str, Any]) -> str:
    """The members of ``data`` as :func:`_encode` writes them in an indicator, each after ``,``."""
    out: list[str] = []
    for key, item in data.items():
        out.append(",\n" + _MEMBERS + _key(key) + ": ")
        _encode(item, _MEMBERS, out)
    return "".join(out)


class _Indicators:
    """Writes indicators as ``_dumps(_indicator(result, lang, as_of), 2)`` does, faster.

    What rows share (a goal, a measure, a cell's value, a target, an actual, a
    judgment with its grade and measurements: frozen objects the report holds
    while it is written) is written once and its text reused.
    """

    def __init__(self, lang: str, as_of: int | None) -> None:
        self.lang = lang
        self.as_of = as_of
        self.memo: dict[tuple[object, ...], str] = {}

    def _once(self, key: tuple[object, ...], make: Callable[[], dict[str, Any]]) -> str:
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= SHARED_LIMIT:
                self.memo.clear()
            found = self.memo[key] = _members(make())
        return found

    def text(self, result: IndicatorResult) -> str:
        entry, indicator, lang = result.entry, result.entry.indicator, self.lang
        judgment = result.judgment
        once = self._once
        members = (
            _members({"name": indicator.name}),
            once(("goal", id(entry.goal)), lambda: {"goal": _goal(entry.goal)}),
            once(("measure", id(entry.measure)), lambda: {"measure": _measure(entry.measure)}),
            _members({"initiative": entry.initiative, "row": entry.row}),
            once(("baseline", id(indicator.baseline)), lambda: _baseline(indicator)),
            once(("target", id(indicator.target)), lambda: _target(indicator)),
            once(
                ("used", id(judgment.comparison)),
                lambda: {"target_used": _used(judgment.comparison, lang)},
            ),
            once(("actual", id(indicator.actual)), lambda: _actual(indicator)),
            _members(_years(indicator, lang, self.as_of)),
            once(
                ("judged", id(judgment), id(result.grade), id(result.measurements)),
                lambda: _judged(result, lang),
            ),
            _members(_rest(result)),
        )
        return "{" + "".join(members)[1:] + "\n    }"


def _trajectory(indicator: Indicator, lang: str, as_of: int | None) -> dict[str, Any] | None:
    """The ``linear`` trajectory of an indicator with years (a baseline year and a series),
    as of the report's year."""
    if indicator.baseline_year is None or not (indicator.series or indicator.interim):
        return None
    from achievement.trajectory import assess

    found = assess(indicator, as_of=as_of)
    return {
        "status": found.status.value,
        "method": found.method.value,
        "as_of": found.as_of,
        "figures": found.figures,
        "message": found.message.get(lang),
    }


def _pointer(result: IndicatorResult) -> dict[str, Any]:
    return {
        "name": result.entry.indicator.name,
        "measure": _measure(result.entry.measure),
        "progress": _dec(result.progress),
    }


def _disagreements(report: Report, lang: str) -> dict[str, Any]:
    differing = disagreements(report)
    return {
        "count": len(differing),
        "unpublished": sum(1 for r in report.results if r.agrees is None),
        "indicators": [
            {
                "row": r.entry.row,
                "name": r.entry.indicator.name,
                "published": None if r.entry.recorded is None else r.entry.recorded.value,
                "published_text": r.entry.recorded_text,
                "computed": r.outcome.value,
                "grade": None if r.grade is None else r.grade.label,
                "reason": r.judgment.message.get(lang),
            }
            for r in differing
        ],
    }


def to_data(report: Report, *, lang: str = "ja") -> dict[str, Any]:
    """The report as plain JSON data, keys in report order; messages and rules in ``lang``."""
    head = _head(report, lang)
    return {
        key: [_indicator(r, lang, report.as_of) for r in report.results]
        if key == "indicators"
        else head[key]
        for key in KEYS
    }


KEYS: tuple[str, ...] = (
    "plan",
    "lang",
    "disagreements",
    "totals",
    "goals",
    "measures",
    "indicators",
    "problems",
    "source_rows",
    "highlights",
    "scheme",
    "rules",
)
"""The keys of the report, in the order they are written."""


def _head(report: Report, lang: str) -> dict[str, Any]:
    """Everything of :func:`to_data` but the indicators."""
    plan = report.plan
    return {
        "plan": {
            "title": plan.title,
            "baseline_year": plan.baseline_year,
            "target_year": plan.target_year,
            "as_of": report.as_of,
        },
        "lang": lang,
        "disagreements": _disagreements(report, lang),
        "totals": {
            **_tally(report.totals),
            "unique_indicators": report.unique_indicators,
            "grades": _grades(report.grades),
        },
        "goals": [
            {
                **_goal(g.goal),
                **_tally(g.tally),
                "measures": [m.measure.number for m in g.measures],
                "grades": _grades(g.grades),
            }
            for g in report.goals
        ],
        "measures": [
            {
                **_measure(m.measure),
                **_tally(m.tally),
                "goal": m.goal.number,
                "grades": _grades(m.grades),
                "grade": None if m.grade is None else m.grade.label,
            }
            for m in report.measures
        ],
        "problems": [
            {
                "file": p.file,
                "row": p.row,
                "column": p.column,
                "text": p.text,
                "code": p.code,
                "severity": p.severity,
                "message": p.message.get(lang),
            }
            for p in report.problems
        ],
        "source_rows": report.source_rows,
        "highlights": {
            "achieved": [_pointer(r) for r in report.highlights.achieved],
            "not_achieved": [_pointer(r) for r in report.highlights.not_achieved],
        },
        "scheme": _scheme(report, lang),
        "rules": {
            "rate": label("rate_rule", lang),
            "highlights": report.highlights.rule.get(lang),
            "grades": scheme_rule(report, lang) or None,
        },
    }


def _encode(value: object, indent: str, out: list[str]) -> None:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` appended to ``out``, at ``indent``.

    The standard encoder indents only in pure Python, one generator per level;
    this writes the same text with the C string encoder and no generators.
    """
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        first = True
        for key, item in value.items():
            out.append(("{\n" if first else ",\n") + inner + _key(key) + ": ")
            first = False
            _encode(item, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        first = True
        for item in value:
            out.append(("[\n" if first else ",\n") + inner)
            first = False
            _encode(item, inner, out)
        out.append("\n" + indent + "]")
    else:  # anything else: the standard encoder says what it cannot write
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent))


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == math.inf:
        return "Infinity"
    if value == -math.inf:
        return "-Infinity"
    return float.__repr__(value)


def _key(key: object) -> str:
    if isinstance(key, str):
        return _string(key)
    return json.dumps({key: None}, ensure_ascii=False)[1:-7]


def _dumps(value: object, depth: int) -> str:
    out: list[str] = []
    _encode(value, "  " * depth, out)
    return "".join(out)


def chunks(report: Report, *, lang: str = "ja") -> Iterator[str]:
    """:func:`render`'s text piece by piece, one indicator at a time, to write as it goes.

    Only one indicator's data exists at a time, so a report of many rows is
    written without building the whole document in memory.
    """
    head = _head(report, lang)
    keys = KEYS
    yield "{"
    for number, key in enumerate(keys):
        yield "\n  " + json.dumps(key, ensure_ascii=False) + ": "
        if key != "indicators":
            yield _dumps(head[key], 1)
        elif not report.results:
            yield "[]"
        else:
            indicators = _Indicators(lang, report.as_of)
            for index, result in enumerate(report.results):
                yield ("[\n    " if index == 0 else ",\n    ") + indicators.text(result)
            yield "\n  ]"
        if number < len(keys) - 1:
            yield ","
    yield "\n}\n"


def render(report: Report, *, lang: str = "ja") -> str:
    """The report as one JSON object, keys in report order, ending with a newline."""
    return "".join(chunks(report, lang=lang))
