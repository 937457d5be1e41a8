"""The core types: values as published, indicators, and judgments."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    ModelWrapValidatorHandler,
    SerializeAsAny,
    Tag,
    model_validator,
)

__all__ = [
    "CORE_VALUE_KINDS",
    "VALUE_TYPES",
    "Actual",
    "ActualStatus",
    "Bound",
    "Column",
    "Comparison",
    "Component",
    "Components",
    "Deadline",
    "Direction",
    "DirectionSource",
    "DirectionWord",
    "FiscalYear",
    "Indicator",
    "InterimKind",
    "InterimTarget",
    "Judgment",
    "LocalizedText",
    "Margin",
    "Missing",
    "Observation",
    "Outcome",
    "Period",
    "PluginValue",
    "Quantity",
    "Reason",
    "RelativeTarget",
    "RunningTotal",
    "StatusWord",
    "Target",
    "TargetBasis",
    "TargetRevision",
    "Trend",
    "UnregisteredValue",
    "Value",
]


class Frozen(BaseModel):
    """Base of every model: immutable, and unknown fields are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Period(StrEnum):
    """What a figure counts: one year (年) or the running total (累計)."""

    ANNUAL = "annual"
    CUMULATIVE = "cumulative"


class Bound(StrEnum):
    """A bound written on a target: 以上 (at least) or 以下 (at most)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Direction(StrEnum):
    """Which way is better for an indicator."""

    HIGHER = "higher"
    LOWER = "lower"

    def flipped(self) -> Direction:
        """The opposite direction."""
        return Direction.LOWER if self is Direction.HIGHER else Direction.HIGHER


class DirectionSource(StrEnum):
    """Where the direction of a judgment came from."""

    EXPLICIT = "explicit"
    """Given by the plan or the caller."""
    TARGET_WORD = "target_word"
    """Stated by the target itself (増加, 減少, ...)."""
    BOUND = "bound"
    """Inferred from a 以上 / 以下 bound on the target."""
    BASELINE = "baseline"
    """Inferred from the target being above or below the baseline."""
    ZERO_TARGET = "zero_target"
    """Inferred from a target of zero (nothing can be lower)."""
    RANK = "rank"
    """The values are ranks (位): the first place is the best."""
    DEFAULT = "default"
    """Nothing said which way: higher is better is assumed."""

    @property
    def inferred(self) -> bool:
        """Whether the direction was worked out rather than stated."""
        return self not in (DirectionSource.EXPLICIT, DirectionSource.TARGET_WORD)


class Trend(StrEnum):
    """The movement a direction word asks for."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Quantity(Frozen):
    """A number as published: ``年 8, 150 時間``, ``80%以上``, ``1.2万件``."""

    kind: Literal["quantity"] = "quantity"
    amount: Decimal
    unit: str | None = None
    period: Period | None = None
    bound: Bound | None = None
    text: str
    note: str | None = None
    """A note written in brackets after the value: ``100%(全校)`` has the note ``全校``."""
    provisional: bool = False
    """The note marks the value as preliminary (``45.3%(速報値)``)."""
    from_fraction: bool = False
    """Written as a fraction of one in a column of percentages (``0.62`` read as 62%)."""


class Component(Frozen):
    """One labelled part of a value: ``証明書交付 18分``."""

    label: str
    value: Quantity


class Components(Frozen):
    """Several labelled values in one cell: ``証明書交付 18分 異動届 45分``."""

    kind: Literal["components"] = "components"
    items: tuple[Component, ...] = Field(min_length=2)
    text: str

    def labels(self) -> tuple[str, ...]:
        """The labels, in the order written."""
        return tuple(item.label for item in self.items)

    def get(self, label: str) -> Quantity | None:
        """The value labelled ``label``, or ``None``."""
        for item in self.items:
            if item.label == label:
                return item.value
        return None


class RunningTotal(Frozen):
    """An annual figure with its running total: ``年5件(累計31件)``."""

    kind: Literal["running_total"] = "running_total"
    annual: Quantity
    total: Quantity
    text: str


class DirectionWord(Frozen):
    """A word that asks for a movement: 増加, 減少, 維持, ..."""

    kind: Literal["direction"] = "direction"
    word: str
    trend: Trend
    text: str


class StatusWord(Frozen):
    """A word on an ordinal scale: 未実施, 検討, 実施, 推進, ..."""

    kind: Literal["status"] = "status"
    word: str
    text: str


class FiscalYear(Frozen):
    """A fiscal year, never a count: ``2025年度``, ``令和7年度``, ``R7``, ``平成30年度末``.

    With a word after it, what was done in that year: ``令和6年度完了`` (``word``
    ``完了``), or planned for it: ``令和8年度完了予定`` (``planned``).
    """

    kind: Literal["year"] = "year"
    year: int
    word: str = ""
    planned: bool = False
    text: str


class Deadline(Frozen):
    """A year by which something is to be done: ``令和7年度までに完了``."""

    kind: Literal["deadline"] = "deadline"
    year: int
    word: str = ""
    text: str


class RelativeTarget(Frozen):
    """A target relative to the previous year: ``前年度比5%増``, ``毎年度増加``.

    ``amount`` and ``unit`` are the change asked for (``5`` and ``%``), ``None``
    when only the way is given; ``every_year`` is set for 毎年度.  It can only be
    judged against a series of yearly values.
    """

    kind: Literal["relative"] = "relative"
    trend: Trend
    amount: Decimal | None = None
    unit: str | None = None
    every_year: bool = False
    text: str


class Missing(Frozen):
    """No value: blank, a dash (―, -, －, —, _) or 集計中."""

    kind: Literal["missing"] = "missing"
    text: str = ""


CoreValue = Annotated[
    Quantity
    | Components
    | RunningTotal
    | DirectionWord
    | StatusWord
    | FiscalYear
    | Deadline
    | RelativeTarget
    | Missing,
    Field(discriminator="kind"),
]
"""Any value the core notation reads: the core value kinds, listed here and only here."""

VALUE_TYPES: tuple[type[BaseModel], ...] = get_args(get_args(CoreValue)[0])
"""The classes of the core value kinds, for ``isinstance`` checks."""

CORE_VALUE_KINDS: frozenset[str] = frozenset(
    str(kind.model_fields["kind"].default) for kind in VALUE_TYPES
)
"""The ``kind`` of every core value type; any other kind is a plugin's."""


class PluginValue(Frozen):
    """Base of a value kind a plugin adds: ``kind`` names it, ``text`` is the cell as published.

    A plugin subclasses it with a ``kind`` literal of its own (namespaced,
    ``"range.band"``) and the fields it needs, registers the class through
    ``achievement_register_value_kinds`` and returns instances from
    ``achievement_parse_value``.  Reports show :meth:`display`, which is the
    published ``text`` unless the plugin overrides it.  Read back from data
    (a JSON report), a registered kind becomes its class again and a kind that
    no loaded plugin registers becomes an :class:`UnregisteredValue` that keeps
    every field.
    """

    kind: str
    text: str

    def display(self) -> str:
        """The value on one line, as reports show it: the published text by default."""
        return self.text

    @model_validator(mode="wrap")
    @classmethod
    def _as_registered_kind(
        cls, data: Any, handler: ModelWrapValidatorHandler[PluginValue]
    ) -> PluginValue:
        """Validate data as the class registered for its ``kind`` (base class only)."""
        if cls is PluginValue and isinstance(data, Mapping):
            kind = data.get("kind")
            target = PLUGIN_VALUE_KINDS.get(kind) if isinstance(kind, str) else None
            return (target or UnregisteredValue).model_validate(data)
        return handler(data)


PLUGIN_VALUE_KINDS: dict[str, type[PluginValue]] = {}
"""The plugin value kinds registered in this process (by any judge), by kind."""


class UnregisteredValue(PluginValue):
    """A plugin value read back while no loaded plugin registers its kind; keeps every field."""

    model_config = ConfigDict(extra="allow")


def _value_tag(data: Any) -> str:
    kind = data.get("kind") if isinstance(data, Mapping) else getattr(data, "kind", None)
    return "plugin" if isinstance(kind, str) and kind not in CORE_VALUE_KINDS else "core"


Value = Annotated[
    Annotated[CoreValue, Tag("core")] | Annotated[SerializeAsAny[PluginValue], Tag("plugin")],
    Discriminator(_value_tag),
]
"""Any value a published cell can hold: a core kind or a plugin's."""


Column = Literal["baseline", "target", "actual", "interim"]
"""The column a cell comes from, as a parse hook is told it."""


class ActualStatus(StrEnum):
    """Whether an actual is final (確定) or projected (見込)."""

    FINAL = "final"
    PROJECTED = "projected"


class Target(Frozen):
    """The value or word to reach, and the fiscal year to reach it by."""

    value: Value
    fiscal_year: int | None = None


class Actual(Frozen):
    """The value reached, final or projected, and the fiscal year it is for."""

    value: Value
    status: ActualStatus = ActualStatus.FINAL
    fiscal_year: int | None = None


class Observation(Frozen):
    """The value of an indicator in one earlier fiscal year: a column of a year series.

    Tables that publish several years (``実績値 | 令和5年度 | 令和6年度``) judge the
    latest; the earlier years are kept as observations, oldest first.
    """

    fiscal_year: int
    value: Value
    status: ActualStatus = ActualStatus.FINAL


class InterimKind(StrEnum):
    """What a plan calls a target set for a year before the target year."""

    ANNUAL = "annual"
    """年度別目標: the target of one year."""
    MIDTERM = "midterm"
    """中間目標: the mid-term target."""
    GUIDE = "guide"
    """目安値: a guide value for the year."""


class InterimTarget(Frozen):
    """A target for one fiscal year before the target year (年度別目標, 中間目標, 目安値)."""

    fiscal_year: int
    value: Value
    kind: InterimKind = InterimKind.ANNUAL


class TargetRevision(Frozen):
    """A revised target, in force from ``from_year`` on; the original target is kept.

    ``fiscal_year`` is the year the revised target is for (the original target's
    year when ``None``); ``reason`` is why the plan revised it, as written.
    """

    from_year: int
    value: Value
    fiscal_year: int | None = None
    reason: str = ""


class Indicator(Frozen):
    """One evaluation indicator (評価指標) with what it is judged on.

    ``style`` and ``direction`` are given when the plan states them; otherwise
    the judge infers them and says so.  ``scale`` is the plan's own ordinal
    scale, lowest first, for status words.  ``series`` holds the values of
    years before the actual's, oldest first, when the table publishes them.
    ``baseline_year`` is the fiscal year of the baseline, ``interim`` the
    targets set for years before the target year, and ``revisions`` the
    revised targets, each in force from a year on (``target`` stays the
    original).  A judgment as of a year (``Judge.judge(indicator, as_of=...)``)
    reads them; an indicator without them judges its actual alone.
    """

    name: str = ""
    baseline: Value = Field(default_factory=Missing)
    target: Target
    actual: Actual
    style: str | None = None
    direction: Direction | None = None
    scale: tuple[str, ...] | None = None
    series: tuple[Observation, ...] = ()
    baseline_year: int | None = None
    interim: tuple[InterimTarget, ...] = ()
    revisions: tuple[TargetRevision, ...] = ()


class Outcome(StrEnum):
    """The result of judging one indicator."""

    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_EVALUABLE = "not_evaluable"


class Reason(Frozen):
    """Why: a stable namespaced code (``threshold.below_target``) and its parameters."""

    code: str
    params: dict[str, str] = Field(default_factory=dict)


class Margin(Frozen):
    """How far the actual is from the target: ``actual - target`` and ``actual / target``.

    ``ratio`` is ``None`` when the target is zero.
    """

    difference: Decimal
    ratio: Decimal | None
    unit: str | None = None


class LocalizedText(Frozen):
    """One text in Japanese and English."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``"ja"`` or ``"en"``)."""
        return self.ja if lang == "ja" else self.en


class TargetBasis(StrEnum):
    """Which target a judgment as of a year compared with."""

    FINAL = "final"
    """The final target (the revised one when a revision is in force)."""
    INTERIM = "interim"
    """The interim target of the year (年度別目標, 中間目標, 目安値)."""
    PRORATED = "prorated"
    """The pro-rated target: the year's value on the straight line to the final target."""
    PREVIOUS_YEAR = "previous_year"
    """The value a target relative to the previous year (``前年度比5%増``) asks for."""


class Comparison(Frozen):
    """What a judgment as of a year compared: the target used and the value judged.

    ``target`` is the target compared with and its year; ``actual`` the value
    judged (the value of the year, or the running total summed over the years);
    ``baseline`` the value the change is measured from (the baseline; zero for a
    running total summed from the year after the baseline; the previous year's
    value for a target relative to it).  ``revised_from`` is the year from which
    the revision the target comes from is in force, ``interim_kind`` what the
    plan calls an interim target.  Every figure derived from the judgment
    (degree, progress, grade, highlight) is computed on these values.
    """

    basis: TargetBasis
    target: Target
    actual: Actual
    baseline: Value = Field(default_factory=Missing)
    revised_from: int | None = None
    interim_kind: InterimKind | None = None


class Judgment(Frozen):
    """The verdict on one indicator, with everything needed to explain it.

    ``style`` is the evaluator that decided (``None`` when no style applied, as
    for a missing target); ``direction`` and ``direction_source`` say which way
    was taken as better and whether that was stated or inferred; ``margin`` is
    set where the values compared are single numbers.  ``comparison`` is set on
    a judgment as of a year: the target it used and the value it judged.
    """

    outcome: Outcome
    style: str | None
    reason: Reason
    message: LocalizedText
    direction: Direction | None = None
    direction_source: DirectionSource | None = None
    margin: Margin | None = None
    comparison: Comparison | None = None

    @property
    def direction_inferred(self) -> bool:
        """Whether the direction used was inferred rather than stated."""
        return self.direction_source is not None and self.direction_source.inferred
