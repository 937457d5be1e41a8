"""The value, target, indicator and plan strategies of :mod:`achievement.strategies`.

Every strategy builds valid data directly, never by filtering, and every value
carries cell text that :func:`~achievement.parse_value` reads back to it.
Import them from :mod:`achievement.strategies`, which re-exports them.
"""

from __future__ import annotations

from decimal import Decimal

import hypothesis.strategies as st

from achievement._model import (
    Actual,
    ActualStatus,
    Bound,
    Component,
    Components,
    Deadline,
    Direction,
    DirectionWord,
    Indicator,
    Missing,
    Period,
    Quantity,
    RunningTotal,
    StatusWord,
    Target,
    Trend,
    Value,
)
from achievement._notation import MISSING_TEXTS
from achievement._plan import Goal, Measure, Plan, PlanIndicator

UNITS: tuple[str, ...] = ("件", "回", "時間", "分", "%", "種類", "人", "円", "校")
"""Units drawn for quantities, all of them read by the notation."""

LABELS: tuple[str, ...] = ("証明書交付", "異動届", "小", "中", "窓口", "電子申請")
"""Labels drawn for labelled values (components)."""

STATUS_WORDS: tuple[str, ...] = ("未実施", "検討", "実施", "推進", "準備", "試行", "運用", "完了")
"""Words drawn for status words and custom ordinal scales."""

DIRECTION_MEANINGS: dict[str, Trend] = {
    "増加": Trend.INCREASE,  # increase
    "向上": Trend.INCREASE,  # improve
    "拡大": Trend.INCREASE,  # expand
    "充実": Trend.INCREASE,  # enrich
    "上昇": Trend.INCREASE,  # rise
    "減少": Trend.DECREASE,  # decrease
    "削減": Trend.DECREASE,  # cut
    "短縮": Trend.DECREASE,  # shorten
    "低下": Trend.DECREASE,  # fall
    "維持": Trend.MAINTAIN,  # hold
}
"""Movement words drawn, with their meaning written here from the words themselves.

The case strategies take a word's meaning from this table, never from the
notation's own: the law suite's oracle stays independent of the code it checks.
"""


# -- cell text ------------------------------------------------------------------------------


def _amount_text(amount: Decimal) -> str:
    return f"{amount:,f}"


def cell_text(value: Value) -> str:
    """The cell text a value is published as, which :func:`parse_value` reads back.

    >>> cell_text(Quantity(amount=Decimal("80"), unit="%", bound=Bound.AT_LEAST, text=""))
    '80%以上'
    """
    if isinstance(value, Quantity):
        prefix = {Period.ANNUAL: "年", Period.CUMULATIVE: "累計", None: ""}[value.period]
        bound = {Bound.AT_LEAST: "以上", Bound.AT_MOST: "以下", None: ""}[value.bound]
        return f"{prefix}{_amount_text(value.amount)}{value.unit or ''}{bound}"
    if isinstance(value, Components):
        return " ".join(f"{item.label} {cell_text(item.value)}" for item in value.items)
    if isinstance(value, RunningTotal):
        return f"{cell_text(value.annual)}({cell_text(value.total)})"
    if isinstance(value, DirectionWord | StatusWord):
        return value.word
    return value.text  # FiscalYear, Deadline, RelativeTarget and Missing: as written


def _with_text(value: Value) -> Value:
    return value.model_copy(update={"text": cell_text(value)})


# -- values ---------------------------------------------------------------------------------


def amounts(
    min_value: Decimal | int = 0, max_value: Decimal | int = 100_000
) -> st.SearchStrategy[Decimal]:
    """Amounts as published: whole numbers or one decimal place, within the bounds."""
    return st.decimals(
        min_value=min_value, max_value=max_value, places=1, allow_nan=False, allow_infinity=False
    ).map(lambda d: d.normalize() if d == d.to_integral_value() else d)


def _quantity(
    amount: Decimal, unit: str | None, period: Period | None = None, bound: Bound | None = None
) -> Quantity:
    q = Quantity(amount=amount, unit=unit, period=period, bound=bound, text="")
    return q.model_copy(update={"text": cell_text(q)})


def quantities(
    *,
    units: st.SearchStrategy[str | None] | None = None,
    periods: st.SearchStrategy[Period | None] | None = None,
    bounds: st.SearchStrategy[Bound | None] | None = None,
    amount: st.SearchStrategy[Decimal] | None = None,
) -> st.SearchStrategy[Quantity]:
    """Numbers with a unit, a period and a bound, e.g. ``年8,150時間``, ``80%以上``."""
    return st.builds(
        _quantity,
        amount if amount is not None else amounts(),
        units if units is not None else st.sampled_from(UNITS),
        periods if periods is not None else st.sampled_from([None, Period.ANNUAL]),
        bounds if bounds is not None else st.sampled_from([None, Bound.AT_LEAST, Bound.AT_MOST]),
    )


@st.composite
def components(draw: st.DrawFn, labels: tuple[str, ...] | None = None) -> Components:
    """Several labelled values in one cell: ``証明書交付 18分 異動届 45分``."""
    names = labels or tuple(
        draw(st.lists(st.sampled_from(LABELS), min_size=2, max_size=3, unique=True))
    )
    unit = draw(st.sampled_from(UNITS))
    items = tuple(
        Component(
            label=name,
            value=draw(quantities(units=st.just(unit), periods=st.none(), bounds=st.none())),
        )
        for name in names
    )
    value = Components(items=items, text="")
    return value.model_copy(update={"text": cell_text(value)})


@st.composite
def running_totals(draw: st.DrawFn) -> RunningTotal:
    """An annual figure with its running total: ``年5件(累計31件)``."""
    unit = draw(st.sampled_from(UNITS))
    annual = draw(amounts(0, 10_000))
    extra = draw(amounts(0, 100_000))
    value = RunningTotal(
        annual=_quantity(annual, unit, Period.ANNUAL),
        total=_quantity(annual + extra, unit, Period.CUMULATIVE),
        text="",
    )
    return value.model_copy(update={"text": cell_text(value)})


def direction_words() -> st.SearchStrategy[DirectionWord]:
    """Words asking for a movement: 増加, 減少, 維持, ..."""
    return st.sampled_from(sorted(DIRECTION_MEANINGS)).map(
        lambda w: DirectionWord(word=w, trend=DIRECTION_MEANINGS[w], text=w)
    )


def status_words(words: tuple[str, ...] = STATUS_WORDS) -> st.SearchStrategy[StatusWord]:
    """Words on an ordinal scale: 未実施, 検討, 実施, 推進, ..."""
    return st.sampled_from(words).map(lambda w: StatusWord(word=w, text=w))


def missing() -> st.SearchStrategy[Missing]:
    """No value: blank, a dash or 集計中."""
    return st.sampled_from(sorted(MISSING_TEXTS)).map(lambda t: Missing(text=t))


def values(*, allow_missing: bool = True) -> st.SearchStrategy[Value]:
    """Any value a published cell can hold."""
    kinds: list[st.SearchStrategy[Value]] = [
        quantities(),
        components(),
        running_totals(),
        direction_words(),
        status_words(),
    ]
    if allow_missing:
        kinds.append(missing())
    return st.one_of(kinds)


_WIDE = str.maketrans("0123456789%,", "０１２３４５６７８９％，")


@st.composite
def cell_texts(draw: st.DrawFn) -> str:
    """Cell text as published, messy or clean, that the notation reads.

    Digits and signs may be full-width (``６０％``) and a thousands separator
    may be followed by a space, as text pulled out of a PDF is (``9, 100``).
    """
    text = cell_text(draw(values()))
    if draw(st.booleans()):
        text = text.translate(_WIDE)
    if draw(st.booleans()):
        text = text.replace(",", ", ").replace("，", "， ")
    return text


# -- targets, indicators, plans -------------------------------------------------------------


def targets() -> st.SearchStrategy[Target]:
    """Targets: any value to reach, with an optional fiscal year."""
    return st.builds(Target, value=values(), fiscal_year=st.none() | st.integers(2000, 2040))


def actuals() -> st.SearchStrategy[Actual]:
    """Actuals: any value, final or projected, with an optional fiscal year."""
    return st.builds(
        Actual,
        value=values(),
        status=st.sampled_from(ActualStatus),
        fiscal_year=st.none() | st.integers(2000, 2040),
    )


def indicators(
    *, style: st.SearchStrategy[str | None] | None = None
) -> st.SearchStrategy[Indicator]:
    """Indicators with any values; ``style`` draws the stated style (default: none)."""
    return st.builds(
        Indicator,
        name=st.sampled_from(["オンライン手続比率", "来庁者の窓口での待ち時間", "研修の実施"]),
        baseline=values(),
        target=targets(),
        actual=actuals(),
        style=style if style is not None else st.none(),
        direction=st.none() | st.sampled_from(Direction),
        scale=st.none(),
    )


@st.composite
def plans(draw: st.DrawFn, *, max_indicators: int = 4) -> Plan:
    """Plans: goals, measures and indicators, one indicator possibly under two measures."""
    goals = [Goal(number=n, title=f"基本目標{n}") for n in range(1, draw(st.integers(1, 3)) + 1)]
    rows: list[PlanIndicator] = []
    count = draw(st.integers(0, max_indicators))
    indicator = indicators()
    for k in range(count):
        goal = draw(st.sampled_from(goals))
        measure = Measure(number=k + 1, title=f"施策{k + 1}", priority=draw(st.booleans()))
        rows.append(PlanIndicator(goal=goal, measure=measure, indicator=draw(indicator), row=k + 2))
    if draw(st.booleans()) and rows:  # an indicator listed under a second measure
        first = rows[0]
        second = Measure(number=count + 1, title=f"施策{count + 1}")
        rows.append(first.model_copy(update={"measure": second, "row": count + 2}))
    return Plan(title="計画", baseline_year=2020, target_year=2025, indicators=tuple(rows))


# -- deadlines ------------------------------------------------------------------------------


_ERA_FORMS = ("western", "reiwa", "letter")


def _year_written(year: int, form: str) -> str:
    """A fiscal year as a plan writes it: 2025年度, 令和7年度 or R7年度 (令和元年度 for 2019)."""
    if form == "western" or year < 2019:
        return f"{year}年度"
    number = year - 2018
    if form == "reiwa":
        return f"令和{'元' if number == 1 else number}年度"
    return f"R{number}年度"


@st.composite
def deadlines(draw: st.DrawFn) -> Deadline:
    """Deadlines as written: ``令和7年度までに完了``."""
    year = draw(st.integers(2019, 2040))
    word = draw(st.sampled_from(("完了", "実施", "導入")))
    text = f"{_year_written(year, draw(st.sampled_from(_ERA_FORMS)))}までに{word}"
    return Deadline(year=year, word=word, text=text)
