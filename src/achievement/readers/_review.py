"""What a table says as a whole about its cells, checked once every row is read.

Two readings need the whole table rather than one row:

- **Excel percentages.** A CSV saved from percent-formatted cells holds ``0.62`` where
  the target is ``60%``.  When every number without a unit in the actual (or baseline)
  column is from 0 to 1, the column is taken as fractions of one and each such cell
  is read in %, the judgment saying so; a bare fraction against a percentage target in
  any other column is a problem naming the cell.
- **Unknown target words.** A target word that no style reads (``foo``) is a problem
  that lists the words that can be read, not a silent "not evaluable".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from achievement._model import LocalizedText, Quantity, Value
from achievement._plan import PlanIndicator
from achievement.readers._result import Problem

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = ["review"]

_PERCENT = "%"
_HUNDRED = Decimal(100)


def _fraction(value: Value) -> bool:
    """A bare number from 0 to 1."""
    return isinstance(value, Quantity) and value.unit is None and 0 <= value.amount <= 1


def _percent_target(item: PlanIndicator) -> bool:
    target = item.indicator.target.value
    return isinstance(target, Quantity) and target.unit == _PERCENT


def _as_percent(value: Quantity) -> Quantity:
    amount = (value.amount * _HUNDRED).normalize()
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    return value.model_copy(update={"amount": amount, "unit": _PERCENT, "from_fraction": True})


def _column_of_fractions(items: Sequence[PlanIndicator], field: str) -> bool:
    """Every number without a unit in the column is from 0 to 1, and there is one.

    Numbers with a unit (``125万人``) are text in the file, not percent-formatted cells.
    """
    values = (_value(item, field) for item in items)
    bare = [v for v in values if isinstance(v, Quantity) and v.unit is None]
    return bool(bare) and all(_fraction(v) for v in bare)


def _value(item: PlanIndicator, field: str) -> Value:
    indicator = item.indicator
    return indicator.actual.value if field == "actual" else indicator.baseline


def _with_value(item: PlanIndicator, field: str, value: Value) -> PlanIndicator:
    indicator = item.indicator
    if field == "actual":
        changed = indicator.model_copy(
            update={"actual": indicator.actual.model_copy(update={"value": value})}
        )
    else:
        changed = indicator.model_copy(update={"baseline": value})
    return item.model_copy(update={"indicator": changed})


def review(
    items: Sequence[PlanIndicator],
    *,
    file: str,
    headers: Mapping[str, str],
    judge: Callable[[], Judge],
) -> tuple[list[PlanIndicator], list[Problem]]:
    """The rows as the whole table reads them, and the rows left out with their problems.

    ``headers`` maps a field (``actual``, ``baseline``, ``target``) to its header;
    ``judge`` gives the judge the plan is read for, asked only about a target word
    that is not on the scale (a plugin may read it).
    """
    kept: list[PlanIndicator] = []
    problems: list[Problem] = []
    fractions = {f: _column_of_fractions(items, f) for f in ("actual", "baseline")}
    for item in items:
        found: list[Problem] = []
        for field in ("actual", "baseline"):
            value = _value(item, field)
            if not isinstance(value, Quantity) or value.amount == 0:
                continue  # 0 is 0% either way
            if not (_percent_target(item) and _fraction(value)):
                continue
            if fractions[field]:
                item = _with_value(item, field, _as_percent(value))
            elif field == "actual":
                found.append(_fraction_problem(file, item, headers.get(field), value.text))
        word = _unknown_word(item, judge)
        if word is not None:
            ja, en = word
            found.append(
                Problem(
                    file=file,
                    row=item.row,
                    column=headers.get("target"),
                    text=item.indicator.target.value.text,
                    code="cell.unknown_word",
                    message=LocalizedText(ja=ja, en=en),
                )
            )
        problems.extend(found)
        if not found:
            kept.append(item)
    return kept, problems


def _fraction_problem(file: str, item: PlanIndicator, column: str | None, text: str) -> Problem:
    return Problem(
        file=file,
        row=item.row,
        column=column,
        text=text,
        code="cell.fraction_or_percent",
        message=LocalizedText(
            ja=f"「{text}」は割合(1を100%とする値)とも数値とも読め、目標は%です。"
            "列の単位のない数がすべて0から1なら%として読みます。%を付けて書いてください",
            en=f"{text!r} could be a fraction of one or a number, and the target is a "
            "percentage; a column whose numbers without a unit are all from 0 to 1 is read in %. "
            "Write it with %",
        ),
    )


def _unknown_word(item: PlanIndicator, judge: Callable[[], Judge]) -> tuple[str, str] | None:
    from achievement.rules.ordinal import unknown_target_word

    indicator = item.indicator
    why = unknown_target_word(indicator)
    if why is None:
        return None
    style = indicator.style or judge().infer_style(indicator)
    return why if style == "ordinal" else None
