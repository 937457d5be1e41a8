"""A grading scheme as data: ordered grades, each with a band on one measurement.

A scheme grades an indicator in three steps:

1. An indicator that is not evaluable gets the scheme's ``cannot_assess``
   grade, or no grade when the scheme has none.
2. A met indicator whose measurement on the scheme's ``basis`` is undefined
   (a word target, a negative target, no baseline...) gets ``met_grade``: by
   default the last grade that counts as achieved.
3. Otherwise the grades are tried best first, and the first whose band holds
   wins.  A band holds when the grade's measurement is defined and at least
   its lower bound (above it, when ``strict``).  The last grade has no bound
   and catches the rest; when the basis is undefined the rest gets
   ``unmet_grade`` instead, if the scheme names one.

So every evaluable indicator gets exactly one grade.  The achievement rate of a
scheme counts the grades marked ``achieved`` over every grade given except the
``cannot_assess`` one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import Field, field_validator, model_validator

from achievement._model import Frozen, Indicator, Judgment, LocalizedText
from achievement._rate import achievement_rate
from achievement.schemes._measure import Basis, Measurements, measure

__all__ = ["Condition", "Grade", "InvalidScheme", "Scheme"]


class InvalidScheme(ValueError):
    """A scheme whose grades do not fit together; the message in English and Japanese."""

    def __init__(self, en: str, ja: str) -> None:
        super().__init__(en)
        self.en = en
        self.ja = ja


_BASIS_WORDS: Mapping[Basis, tuple[str, str]] = {
    Basis.MET: ("目標達成", "target met"),
    Basis.DEGREE: ("達成度", "achievement degree"),
    Basis.PROGRESS: ("進捗率", "progress"),
    Basis.CHANGE: ("計画策定時からの変化率", "change against the baseline"),
    Basis.PACE: ("このペースでの目標年度の見込達成度", "projected degree at this pace"),
    Basis.TRAJECTORY: ("按分目標に対する進捗", "progress against the pro-rated path"),
}

_BASIS_DEFINITIONS: Mapping[Basis, tuple[str, str]] = {
    Basis.MET: (
        "目標値と比較して同数以上(低い方が良い指標は同数以下)を達成とする",
        "met means the actual is the target or better",
    ),
    Basis.DEGREE: (
        "達成度 = 実績 ÷ 目標(低い方が良い指標は 目標 ÷ 実績)",
        "achievement degree = actual / target (target / actual when lower is better)",
    ),
    Basis.PROGRESS: (
        "進捗率 = (実績 − 計画策定時) ÷ (目標 − 計画策定時)",
        "progress = (actual - baseline) / (target - baseline)",
    ),
    Basis.CHANGE: (
        "変化率 = (実績 − 計画策定時) ÷ |計画策定時|(低い方が良い指標は符号を逆にする)",
        "change = (actual - baseline) / |baseline|, sign reversed when lower is better",
    ),
    Basis.PACE: (
        "見込達成度 = (これまでの値の回帰直線による目標年度の値 − 計画策定時) ÷ "
        "(目標 − 計画策定時)",
        "projected degree = (the target-year value on the least-squares line through the "
        "years so far - baseline) / (target - baseline)",
    ),
    Basis.TRAJECTORY: (
        "按分目標に対する進捗 = (直近値 − 計画策定時) ÷ (按分目標 − 計画策定時)、"
        "按分目標は計画策定時から目標への直線上の直近年度の値",
        "progress against the path = (latest - baseline) / (pro-rated target - baseline), "
        "the pro-rated target being the latest year's value on the straight line from the "
        "baseline to the target",
    ),
}


def _percent(value: Decimal) -> str:
    """``0.05`` as ``5%``, ``-0.05`` as ``-5%``, ``1.2`` as ``120%``."""
    shown = (value * 100).quantize(Decimal("0.01"), ROUND_HALF_UP).normalize()
    return f"{shown:f}%"


def _ratio(value: object) -> object:
    """Read ``"80%"`` as ``0.8``."""
    if isinstance(value, str) and value.strip().endswith(("%", "％")):
        return Decimal(value.strip()[:-1]) / 100
    return value


class Condition(Frozen):
    """One condition of a grade: a measurement at least ``min`` (above it, when ``strict``).

    ``basis`` is the measurement read (the scheme's own when ``None``).  A
    condition holds only when the measurement is defined.
    """

    basis: Basis | None = None
    min: Decimal
    strict: bool = False

    @field_validator("min", mode="before")
    @classmethod
    def _percentage(cls, value: object) -> object:
        return _ratio(value)

    def holds(self, measurements: Measurements, basis: Basis) -> bool:
        """Whether ``measurements`` meet this condition."""
        value = measurements.get(self.basis or basis)
        if value is None:
            return False
        return value > self.min if self.strict else value >= self.min

    def words(self, basis: Basis) -> LocalizedText:
        """The condition in words."""
        read = self.basis or basis
        if read is Basis.MET:
            return LocalizedText(ja="目標を達成", en="target met")
        ja, en = _BASIS_WORDS[read]
        bound = _percent(self.min)
        if self.strict:
            return LocalizedText(ja=f"{ja}{bound}超", en=f"{en} above {bound}")
        return LocalizedText(ja=f"{ja}{bound}以上", en=f"{en} {bound} or more")


class Grade(Frozen):
    """One grade of a scheme: its label, what it means, and its band.

    ``basis`` is the measurement the band reads (the scheme's own when
    ``None``); ``min`` is the band's lower bound, inclusive unless ``strict``,
    written as a ratio (``0.8``) or a percentage (``"80%"``); ``None`` only on
    the last grade, which catches the rest.  ``achieved`` says whether the
    grade counts as achieved in the achievement rate.  ``label`` is the
    grade's identity (the one ``min`` bands, ``met_grade`` and JSON output
    name); ``label_en`` is how English output shows it, when it differs.

    ``when`` is a list of conditions that must all hold, for a grade that
    combines measurements ("80% or more achieved, and not worse than the
    baseline"); ``basis``/``min``/``strict`` are the one-condition shorthand,
    and a grade gives one or the other.
    """

    label: str = Field(min_length=1)
    meaning: LocalizedText
    label_en: str | None = Field(default=None, min_length=1)
    basis: Basis | None = None
    min: Decimal | None = None
    strict: bool = False
    when: tuple[Condition, ...] | None = Field(default=None, min_length=1)
    achieved: bool = False

    @field_validator("min", mode="before")
    @classmethod
    def _percentage(cls, value: object) -> object:
        """Read ``"80%"`` as ``0.8``."""
        return _ratio(value)

    @model_validator(mode="after")
    def _one_form(self) -> Grade:
        if self.when is not None and (
            self.min is not None or self.basis is not None or self.strict
        ):
            raise InvalidScheme(
                f"grade {self.label!r} gives both 'when' and 'basis/min/strict'; give one of them",
                f"区分「{self.label}」に when と basis/min/strict の両方があります。"
                "どちらか一方で書いてください",
            )
        return self

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """The conditions of the band, all of which must hold; none for the last grade."""
        if self.when is not None:
            return self.when
        if self.min is None:
            return ()
        return (Condition(basis=self.basis, min=self.min, strict=self.strict),)

    @property
    def bounded(self) -> bool:
        """Whether the grade has a band (only the last grade has none)."""
        return bool(self.conditions)

    def name(self, lang: str) -> str:
        """The label shown in ``lang``: ``label_en`` in English when given, else ``label``.

        >>> grade = Grade(label="達成", label_en="achieved", meaning={"ja": "", "en": ""})
        >>> grade.name("ja"), grade.name("en")
        ('達成', 'achieved')
        """
        return self.label_en if lang == "en" and self.label_en else self.label

    def holds(self, measurements: Measurements, basis: Basis) -> bool:
        """Whether this grade's band holds for ``measurements``: every condition holds."""
        return all(condition.holds(measurements, basis) for condition in self.conditions)

    def condition(self, basis: Basis) -> LocalizedText:
        """The band in words."""
        if not self.conditions:
            return LocalizedText(ja="それ以外", en="otherwise")
        words = [condition.words(basis) for condition in self.conditions]
        return LocalizedText(
            ja="かつ".join(w.ja for w in words), en=" and ".join(w.en for w in words)
        )


def _covers(upper: tuple[Condition, ...], lower: tuple[Condition, ...], basis: Basis) -> bool:
    """Whether every measurement meeting all of ``lower`` also meets all of ``upper``: each
    condition of ``upper`` is implied by a condition of ``lower`` on the same measurement."""

    def implies(mine: Condition, other: Condition) -> bool:
        if (mine.basis or basis) is not (other.basis or basis):
            return False
        return mine.min > other.min or (mine.min == other.min and (mine.strict or not other.strict))

    return all(any(implies(mine, other) for mine in lower) for other in upper)


class Scheme(Frozen):
    """A grading scheme: turns what was measured into a grade label.

    ``grades`` are ordered best first.  ``per_measure`` marks a scheme that
    also grades each measure from its indicators' grades (``soumu5``).
    ``source`` says where the scheme comes from, in words.
    """

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    title: LocalizedText
    basis: Basis
    grades: tuple[Grade, ...] = Field(min_length=2)
    cannot_assess: Grade | None = None
    met_grade: str | None = None
    unmet_grade: str | None = None
    per_measure: bool = False
    source: LocalizedText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Scheme:
        labels = [grade.label for grade in self.grades]
        if self.cannot_assess is not None:
            labels.append(self.cannot_assess.label)
        shown = [grade.name("en") for grade in (*self.grades, *filter(None, [self.cannot_assess]))]
        if len(set(labels)) != len(labels) or len(set(shown)) != len(shown):
            raise InvalidScheme(
                f"grade labels must be unique: {labels}",
                f"区分の名前が重複しています: {labels}",
            )
        *banded, last = self.grades
        if last.bounded:
            raise InvalidScheme(
                f"the last grade {last.label!r} must have no 'min' (nor 'when'): it catches the rest",
                f"最後の区分「{last.label}」には min を書きません(when も書きません。"
                "残りすべてを受ける区分です)",
            )
        for grade in banded:
            if not grade.bounded:
                raise InvalidScheme(
                    f"grade {grade.label!r} needs a 'min' or 'when' (only the last has none)",
                    f"区分「{grade.label}」には min(下限)か when が必要です"
                    "(どちらもないのは最後の区分だけ)",
                )
        for at, grade in enumerate(banded):
            for earlier in banded[:at]:
                if _covers(earlier.conditions, grade.conditions, self.basis):
                    raise InvalidScheme(
                        f"grade {grade.label!r} can never be given: every indicator in its band "
                        f"({grade.condition(self.basis).en}) is already in the band of "
                        f"{earlier.label!r} above it ({earlier.condition(self.basis).en}); "
                        "bands go from the best grade down",
                        f"区分「{grade.label}」は付くことがありません。その範囲"
                        f"({grade.condition(self.basis).ja})の指標はすべて上の区分「{earlier.label}」"
                        f"({earlier.condition(self.basis).ja})に当たります。区分は良い方から順に、"
                        "下限を下げて書いてください",
                    )
        achieved = {grade.label for grade in self.grades if grade.achieved}
        if not achieved:
            raise InvalidScheme(
                "at least one grade must be marked 'achieved'",
                "achieved(達成とみなす)の区分が少なくとも一つ必要です",
            )
        if self.met_grade is not None and self.met_grade not in achieved:
            raise InvalidScheme(
                f"met_grade {self.met_grade!r} must name an achieved grade",
                f"met_grade「{self.met_grade}」は達成とみなす区分でなければなりません",
            )
        if self.unmet_grade is not None and (
            self.unmet_grade not in labels or self.unmet_grade in achieved
        ):
            raise InvalidScheme(
                f"unmet_grade {self.unmet_grade!r} must name a grade not achieved",
                f"unmet_grade「{self.unmet_grade}」は達成とみなさない区分でなければなりません",
            )
        return self

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label, best first, the ``cannot_assess`` one last."""
        extra = () if self.cannot_assess is None else (self.cannot_assess.label,)
        return (*(grade.label for grade in self.grades), *extra)

    def label_of(self, grade: Grade | None, lang: str) -> str | None:
        """How ``grade`` is shown in ``lang`` (see :meth:`Grade.name`); ``None`` for no grade."""
        return None if grade is None else grade.name(lang)

    def labels_in(self, lang: str) -> tuple[str, ...]:
        """:attr:`labels` as shown in ``lang``, in the same order."""
        return tuple(self.get(label).name(lang) for label in self.labels)

    def get(self, label: str) -> Grade:
        """The grade labelled ``label``."""
        for grade in (*self.grades, *filter(None, [self.cannot_assess])):
            if grade.label == label:
                return grade
        raise KeyError(label)

    def rank(self, grade: Grade) -> int:
        """The position of ``grade``, ``0`` for the best; ``cannot_assess`` ranks last."""
        return self.labels.index(grade.label)

    @property
    def met_fallback(self) -> Grade:
        """The grade of a met indicator whose basis is undefined."""
        if self.met_grade is not None:
            return self.get(self.met_grade)
        return [grade for grade in self.grades if grade.achieved][-1]

    def grade_of(self, measurements: Measurements) -> Grade | None:
        """The grade for ``measurements``; ``None`` only for a non-evaluable indicator."""
        if measurements.met is None:
            return self.cannot_assess
        undefined = measurements.get(self.basis) is None
        if measurements.met and undefined:
            return self.met_fallback
        for grade in self.grades[:-1]:
            if grade.holds(measurements, self.basis):
                return grade
        if undefined and self.unmet_grade is not None:
            return self.get(self.unmet_grade)
        return self.grades[-1]

    def grade(self, indicator: Indicator, judgment: Judgment) -> Grade | None:
        """The grade of ``indicator`` as judged by ``judgment``."""
        return self.grade_of(measure(indicator, judgment))

    def achieved(self, grade: Grade | None) -> bool:
        """Whether ``grade`` counts as achieved."""
        return grade is not None and grade.achieved

    def rate(
        self, grades: Iterable[Grade | None], evaluable: Iterable[bool] | None = None
    ) -> Decimal | None:
        """Achieved grades over the grades that count, in percent, rounded half-up to one place.

        ``evaluable`` says, grade by grade, whether the indicator was evaluable:
        only the grades of indicators that were not are left out, so an
        evaluable indicator graded ``cannot_assess`` (kenko21's E for a change
        that cannot be measured) still counts as not achieved, as it does in
        the binary rate.  Without ``evaluable``, every ``cannot_assess`` grade
        is left out.  ``None`` when nothing counts.
        """
        given = list(grades)
        flags = [None] * len(given) if evaluable is None else list(evaluable)
        counted = [
            grade
            for grade, counts in zip(given, flags, strict=True)
            if grade is not None
            and (
                counts
                if counts is not None
                else self.cannot_assess is None or grade.label != self.cannot_assess.label
            )
        ]
        achieved = sum(grade.achieved for grade in counted)
        return achievement_rate(achieved, len(counted) - achieved)

    def with_bands(self, bands: Mapping[str, Any]) -> Scheme:
        """A copy with the lower bounds of the named grades changed, validated again.

        A label that is not a grade of this scheme raises :class:`KeyError`.
        """
        unknown = sorted(set(bands) - {grade.label for grade in self.grades})
        if unknown:
            raise KeyError(", ".join(map(str, unknown)))
        data = self.model_dump()
        for grade in data["grades"]:
            if grade["label"] in bands:
                grade["min"] = bands[grade["label"]]
        return Scheme.model_validate(data)

    @property
    def rule(self) -> LocalizedText:
        """The rule in words, as the report prints it next to the results."""
        ja = [f"{g.label}({g.meaning.ja}): {g.condition(self.basis).ja}" for g in self.grades]
        en = [f"{g.name('en')} ({g.meaning.en}): {g.condition(self.basis).en}" for g in self.grades]
        bases = {
            self.basis,
            *(c.basis for g in self.grades for c in g.conditions if c.basis is not None),
        }
        notes_ja = [_BASIS_DEFINITIONS[b][0] for b in Basis if b in bases]
        notes_en = [_BASIS_DEFINITIONS[b][1] for b in Basis if b in bases]
        if self.basis is not Basis.MET:
            word_ja, word_en = _BASIS_WORDS[self.basis]
            unmet = self.unmet_grade or self.grades[-1].label
            notes_ja.append(
                f"{word_ja}が求められない指標は、達成なら{self.met_fallback.label}、"
                f"未達成なら上の区分に当たらない限り{unmet}"
            )
            unmet_en = self.get(unmet).name("en")
            notes_en.append(
                f"where the {word_en} is undefined, a met indicator is "
                f"{self.met_fallback.name('en')} and one not met is {unmet_en} "
                "unless a band above holds"
            )
        if self.cannot_assess is None:
            notes_ja.append("評価不能の指標には区分を付けない")
            notes_en.append("indicators that cannot be evaluated get no grade")
        else:
            label, meaning = self.cannot_assess.label, self.cannot_assess.meaning
            notes_ja.append(
                f"評価不能の指標は{label}({meaning.ja})とし、{label}は達成率の分母から除く"
            )
            label_en = self.cannot_assess.name("en")
            notes_en.append(
                f"indicators that cannot be evaluated are {label_en} ({meaning.en}), "
                f"and {label_en} stays out of the rate's denominator"
            )
        if self.per_measure:
            notes_ja.append(
                "施策の区分は指標の区分から決める(主要な指標の指定がなければ全指標を主要とみなす)"
            )
            notes_en.append(
                "each measure is graded from its indicators' grades "
                "(every indicator counts as main when none is flagged)"
            )
        achieved = [g.label for g in self.grades if g.achieved]
        notes_ja.append(f"達成率は{'・'.join(achieved)}の割合")
        achieved_en = [g.name("en") for g in self.grades if g.achieved]
        notes_en.append(f"the achievement rate counts {', '.join(achieved_en)}")
        return LocalizedText(
            ja=f"{self.title.ja}: {'、'.join(ja)}({'。'.join(notes_ja)})",
            en=f"{self.title.en}: {'; '.join(en)} ({'; '.join(notes_en)})",
        )
