"""Pydantic's validation errors told to a person, in Japanese and English."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic_core import ErrorDetails

__all__ = ["describe"]

_JA: dict[str, str] = {
    "missing": "必須の項目がありません",
    "extra_forbidden": "この項目は使えません",
    "string_type": "文字で書いてください",
    "int_type": "整数で書いてください",
    "int_parsing": "整数で書いてください",
    "bool_type": "true か false で書いてください",
    "bool_parsing": "true か false で書いてください",
    "decimal_parsing": "数値で書いてください",
    "decimal_type": "数値で書いてください",
    "list_type": "一覧(リスト)で書いてください",
    "tuple_type": "一覧(リスト)で書いてください",
    "dict_type": "項目の組(辞書)で書いてください",
    "model_type": "項目の組(辞書)で書いてください",
    "enum": "決められた語のどれかで書いてください",
    "literal_error": "決められた語のどれかで書いてください",
    "too_short": "項目が足りません",
    "greater_than_equal": "値が小さすぎます",
    "less_than_equal": "値が大きすぎます",
}


def _where(loc: Sequence[int | str]) -> str:
    """A field's place as written in the file: ``goals[0].measures[1].title``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "-"


def describe(errors: Sequence[ErrorDetails], limit: int = 5) -> tuple[str, str]:
    """The first ``limit`` errors as ``(en, ja)`` text: ``field: what is wrong; ...``.

    Error types without a Japanese wording keep pydantic's English message in
    the Japanese text too, rather than being left out.
    """
    shown = list(errors)[:limit]
    en = "; ".join(f"{_where(e['loc'])}: {e['msg']}" for e in shown)
    ja = "; ".join(f"{_where(e['loc'])}: {_JA.get(e['type'], e['msg'])}" for e in shown)
    return en, ja
