"""The Japanese plan notation: cell text as published, read into typed values.

Reads every form of cell found in published plan tables (see the notation
reference in the docs) and refuses the rest with a :class:`ParseError` that
carries the text and the position where reading stopped.  It never guesses:
text that could mean two things is refused, not read one way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from achievement._construct import typed_quantity
from achievement._errors import ParseError
from achievement._model import (
    Bound,
    Component,
    Components,
    DirectionWord,
    Missing,
    Period,
    Quantity,
    RunningTotal,
    StatusWord,
    Trend,
    Value,
)
from achievement._multipliers import PLAIN, with_multipliers
from achievement._wordings import parse_wording

__all__ = ["DIRECTION_WORDS", "MISSING_TEXTS", "NOTE_WORDS", "PROVISIONAL_NOTES", "parse_value"]

MISSING_TEXTS: frozenset[str] = frozenset({"", "-", "―", "—", "–", "‐", "‒", "_", "ー", "集計中"})
"""Cell texts (after width normalisation) that mean "no value"."""

DIRECTION_WORDS: dict[str, Trend] = {
    "増加": Trend.INCREASE,
    "向上": Trend.INCREASE,
    "拡大": Trend.INCREASE,
    "充実": Trend.INCREASE,
    "上昇": Trend.INCREASE,
    "減少": Trend.DECREASE,
    "削減": Trend.DECREASE,
    "短縮": Trend.DECREASE,
    "低下": Trend.DECREASE,
    "維持": Trend.MAINTAIN,
    "現状維持": Trend.MAINTAIN,
}
"""Words that ask for a movement against the baseline."""

# Units that may be written directly before a label ("証明書交付18分異動届45分"): the
# longest one that starts a run of letters ends the unit there.
_KNOWN_UNITS = sorted(
    [
        "件",
        "回",
        "時間",
        "分",
        "秒",
        "日",
        "種類",
        "人",
        "名",
        "円",
        "億円",
        "万円",
        "千円",
        "箇所",
        "か所",
        "ヶ所",
        "カ所",
        "校",
        "社",
        "団体",
        "台",
        "本",
        "点",
        "倍",
        "割",
        "ポイント",
        "歳",
        "ページ",
        "施設",
        "事業",
        "世帯",
        "部",
    ],
    key=len,
    reverse=True,
)

_NUMBER = r"ゼロ|[0-9]{1,3}(?:,[ \t]*[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?"
_SIGNS = "+\\-−▲△"
_QUANTITY = re.compile(
    rf"(?P<prefix>年間|累計|年)?\s*(?P<sign>[{_SIGNS}])?\s*(?P<num>{_NUMBER})"
    rf"(?P<tail>(?:\s*(?:百万|億|万|千)(?:\s*{PLAIN}(?![0-9.]))?)*)"
    rf"(?:\s*(?P<word>%|(?:k|c)?m[23](?![0-9])|[^\s0-9(){_SIGNS},.:]+))?"
    r"(?:\s*(?P<bound>以上|以下|以内|未満|超え|超|以降|以前))?"
)
_LABEL = re.compile(rf"[^\s0-9(){_SIGNS}]+")
_WORD = re.compile(r"[^\W\d_]+(?:・[^\W\d_]+)*")
_HAS_NUMBER = re.compile(r"[0-9]|ゼロ")
_BOUNDS = {"以上": Bound.AT_LEAST, "以下": Bound.AT_MOST, "以内": Bound.AT_MOST}
_STRICT_BOUNDS = ("未満", "超え", "超")
# Words that look like a bound but say something else (a time, not an amount): refused
# rather than kept as the end of a unit ("30分以降" is not the unit 分以降).
_OTHER_BOUNDS = ("以降", "以前")
MAX_DIGITS = 20
"""Digits a number may have: within them every sum, difference and scaling is exact."""

_SOUND_MARKS = frozenset("\uff9e\uff9f\u3099\u309a")
_LIST_MARKS = "、・/;"
"""Marks that separate labelled values (after width normalisation), never part of a label."""
_APPROXIMATE_LABELS = frozenset({"約", "概ね", "おおむね", "およそ", "約で"})
_APPROXIMATE_SUFFIXES = ("程度", "前後", "くらい", "ぐらい", "余り", "超過見込")
_NOTE_MARKS = ("※", "*", "＊")
_KEEP = "を維持"
PROVISIONAL_NOTES: frozenset[str] = frozenset({"速報値", "速報", "暫定値", "暫定"})
"""Bracketed notes that mark a value as preliminary: ``45.3%(速報値)``."""
NOTE_WORDS: frozenset[str] = PROVISIONAL_NOTES | frozenset({"確定値", "確定", "推計値", "推計"})
"""Bracketed notes read as notes on a single value; so is any word starting with 全 (全校)."""


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "qty", "label", "(", ")"
    start: int
    quantity: Quantity | None = None
    label: str = ""


def _fail(text: str, position: int, en: str, ja: str) -> ParseError:
    return ParseError(text, position, en, ja)


def _normalize(text: str) -> tuple[str, list[int]]:
    """Width-normalised text (NFKC: ６０％ -> 60%), stripped, with each character's index in ``text``.

    Each character is normalised on its own, so every position in the result
    maps back to the character of the cell it came from.
    """
    if unicodedata.is_normalized("NFKC", text) and text == text.strip():
        return text, list(range(len(text) + 1))
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    while i < len(text):
        # A voiced-sound mark goes with the kana before it: ﾎﾟ -> ポ.
        j = i + 1
        while j < len(text) and text[j] in _SOUND_MARKS:
            j += 1
        n = unicodedata.normalize("NFKC", text[i:j])
        chars.append(n)
        offsets.extend([i] * len(n))
        i = j
    s = "".join(chars)
    start = len(s) - len(s.lstrip())
    stripped = s.strip()
    offsets = offsets[start : start + len(stripped)]
    offsets.append(offsets[-1] + 1 if offsets else 0)
    return stripped, offsets


def parse_value(text: str | None) -> Value:
    """Read one published cell into a typed value.

    ``None``, blank, a dash or 集計中 read as :class:`Missing`; a number with its
    unit, period and bound as :class:`Quantity`; ``年5件(累計31件)`` as
    :class:`RunningTotal`; labelled values as :class:`Components`; 増加 and
    the like as :class:`DirectionWord`; any other single word as
    :class:`StatusWord`.

    >>> parse_value("年 8, 150 時間").amount
    Decimal('8150')
    >>> parse_value("1.2万件").amount == 12000
    True

    Raises :class:`ParseError` for anything else, with the position where
    reading stopped.
    """
    if text is None:
        return Missing(text="")
    original = text.strip()
    s, offsets = _normalize(original)
    if s in MISSING_TEXTS:
        return Missing(text=original)
    if original.endswith(_KEEP) and _HAS_NUMBER.search(s):
        # 90%以上を維持: the level to keep is the target, compared like any other number.
        try:
            kept = parse_value(original[: -len(_KEEP)])
        except ParseError as exc:  # named with the whole cell
            raise ParseError(original, exc.position, exc.reason_en, exc.reason_ja) from None
        if isinstance(kept, Quantity):
            return kept.model_copy(update={"text": original})
    try:
        worded = parse_wording(original, s)
        if worded is not None:
            return worded
        if not _HAS_NUMBER.search(s):
            return _parse_word(original, s)
        return _assemble(original, s, _tokenize(original, s))
    except ParseError as exc:
        # Positions found in the normalised text are reported in the cell as given.
        position = offsets[min(exc.position, len(offsets) - 1)]
        raise ParseError(original, position, exc.reason_en, exc.reason_ja) from None


def _parse_word(original: str, s: str) -> Value:
    word = re.sub(r"\s+", "", s)
    trend = DIRECTION_WORDS.get(word)
    if trend is not None:
        return DirectionWord(word=word, trend=trend, text=original)
    match = _WORD.fullmatch(word)
    if match is None:
        bad = next(
            (i for i, ch in enumerate(s) if not (ch.isalpha() or ch.isspace() or ch == "・")), 0
        )
        raise _fail(
            original,
            bad,
            "expected a number, a word or a dash",
            "数値・語・ダッシュのいずれでもありません",
        )
    return StatusWord(word=word, text=original)


def _tokenize(original: str, s: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            tokens.append(_Token(kind=ch, start=i))
            i += 1
            continue
        m = _QUANTITY.match(s, i)
        if m is not None:
            quantity, end = _quantity(original, s, m)
            tokens.append(_Token(kind="qty", start=i, quantity=quantity))
            i = end
            continue
        lm = _LABEL.match(s, i)
        if lm is None:
            raise _fail(original, i, f"unexpected {ch!r}", f"「{ch}」は読めません")
        if lm.group().startswith(","):
            raise _fail(
                original,
                i,
                "a comma in a number must be followed by three digits (1,234)",
                "数値の「,」の後には3桁の数字が必要です(1,234)",
            )
        # "小学校 85%、中学校 80%": a list mark before a label separates it from the value before
        raw = lm.group().rstrip(":")
        label = raw.lstrip(_LIST_MARKS) if tokens else raw
        if raw and not label:  # "10%/20%": a list mark between two values, no label
            i = lm.end()
            continue
        if not label:
            raise _fail(original, i, f"unexpected {ch!r}", f"「{ch}」は読めません")
        tokens.append(_Token(kind="label", start=i + len(raw) - len(label), label=label))
        i = lm.end()
    return tokens


def _refused_bound(word: str) -> tuple[str, str]:
    """Why a bound word is refused, in English and Japanese."""
    if word in _STRICT_BOUNDS:
        return (
            f"strict bound {word!r} is not supported; write 以上 or 以下",
            f"「{word}」には対応していません。以上・以下で書いてください",
        )
    return (
        f"{word!r} is not a bound that can be judged; write 以上, 以下 or 以内",
        f"「{word}」は評価できる上下限ではありません。以上・以下・以内で書いてください",
    )


def _quantity(original: str, s: str, m: re.Match[str]) -> tuple[Quantity, int]:
    """Build a quantity from a match; return it and where reading goes on."""
    end = m.end()
    word = m.group("word") or ""
    bound_text = m.group("bound")
    for refused in (*_STRICT_BOUNDS, *_OTHER_BOUNDS):
        if word.endswith(refused) or bound_text == refused:
            pos = m.start("bound") if bound_text == refused else m.end("word") - len(refused)
            en, ja = _refused_bound(refused)
            raise _fail(original, pos, en, ja)
    for mark in _NOTE_MARKS:
        if mark in word:
            raise _fail(
                original,
                m.start("word") + word.index(mark),
                f"a note mark {mark!r}; remove it and keep the note in another column",
                f"注記の記号「{mark}」があります。記号を除き、注記は別の列に書いてください",
            )
    for suffix in _APPROXIMATE_SUFFIXES:
        if word.endswith(suffix):
            raise _fail(
                original,
                m.end("word") - len(suffix),
                f"an approximate value ({suffix}); write the number itself",
                f"おおよその値({suffix})は読みません。数値そのものを書いてください",
            )
    while (name := next((b for b in _BOUNDS if word.endswith(b)), None)) is not None:
        if bound_text is not None:
            # Point at the later of the two bounds.
            later = m.start("bound") if m.group("bound") else m.start("word") + len(word)
            raise _fail(original, later, "two bounds", "上下限(以上・以下・以内)が二つあります")
        bound_text, word = name, word[: -len(name)]
    if word and bound_text is None and _QUANTITY.match(s, _skip_space(s, m.end("word"))):
        # "交付18分異動届45分": the unit ends where the label of the next value begins.
        known = next((u for u in _KNOWN_UNITS if word.startswith(u) and word != u), None)
        if known is not None:
            word = known
            end = m.start("word") + len(known)
    raw = m.group("num")
    if sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
        raise _fail(
            original,
            m.start("num"),
            f"a number of more than {MAX_DIGITS} digits cannot be read exactly",
            f"{MAX_DIGITS}桁を超える数は正確に読めません",
        )
    amount = Decimal(0) if raw == "ゼロ" else Decimal(re.sub(r"[,\s]", "", raw))
    if m.group("sign") in ("-", "−", "▲", "△"):
        amount = -amount
    if m.group("tail"):
        amount = with_multipliers(original, m, amount)
    prefix = m.group("prefix")
    period = None if prefix is None else Period.CUMULATIVE if prefix == "累計" else Period.ANNUAL
    bound = None if bound_text is None else _BOUNDS[bound_text]
    return typed_quantity(amount, word or None, period, bound, s[m.start() : end].strip()), end


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i].isspace():
        i += 1
    return i


def _assemble(original: str, s: str, tokens: list[_Token]) -> Value:
    if not tokens:  # pragma: no cover - a text with a number has a token
        raise _fail(original, 0, "empty", "空です")
    _refuse_notes(original, tokens)
    first = tokens[0]
    if first.kind == "label":
        return _label_first(original, tokens)
    if first.kind != "qty" or first.quantity is None:
        raise _fail(original, first.start, "expected a number", "数値がありません")
    if len(tokens) == 1:
        q = first.quantity
        return typed_quantity(q.amount, q.unit, q.period, q.bound, original)
    second = tokens[1]
    if (
        len(tokens) == 4
        and [t.kind for t in tokens[1:]] == ["(", "label", ")"]
        and _is_note(tokens[2].label)
    ):
        q, note = first.quantity, tokens[2].label
        return q.model_copy(
            update={"text": original, "note": note, "provisional": note in PROVISIONAL_NOTES}
        )
    if second.kind == "(" and len(tokens) >= 3 and tokens[2].kind == "label":
        return _paren_labels(original, tokens)
    if (
        second.kind == "("
        and len(tokens) == 4
        and tokens[2].kind == "qty"
        and tokens[3].kind == ")"
    ):
        total = tokens[2].quantity
        assert total is not None
        if total.period is not Period.CUMULATIVE:
            raise _fail(
                original,
                tokens[2].start,
                "the value in brackets must be a running total (累計)",
                "括弧内は累計でなければなりません",
            )
        annual = first.quantity
        if annual.period is Period.CUMULATIVE:
            raise _fail(
                original,
                first.start,
                "a running total must follow an annual figure",
                "累計の前には年間の値が必要です",
            )
        return RunningTotal(annual=annual, total=total, text=original)
    bad = tokens[3] if second.kind == "(" and len(tokens) > 3 else second
    raise _fail(
        original,
        bad.start,
        "more than one value, and not as labelled values or a running total",
        "値が複数あり、ラベル付きの値にも累計の形にもなっていません",
    )


def _is_note(word: str) -> bool:
    """Whether a bracketed word after a single value is a note on it: 速報値, 全校, ..."""
    return word in NOTE_WORDS or (word.startswith("全") and len(word) > 1)


def _components(original: str, pairs: list[tuple[_Token, _Token]]) -> Components:
    seen: set[str] = set()
    items: list[Component] = []
    for label, qty in pairs:
        if label.label in seen:
            raise _fail(
                original,
                label.start,
                f"label {label.label!r} appears twice",
                f"ラベル「{label.label}」が重複しています",
            )
        seen.add(label.label)
        assert qty.quantity is not None
        items.append(Component(label=label.label, value=qty.quantity))
    if len(items) < 2:
        raise _fail(
            original,
            pairs[0][0].start if pairs else 0,
            f"unexpected text {pairs[0][0].label!r} with the number "
            "(labels are read only when a cell has two or more labelled values)",
            f"数値に「{pairs[0][0].label}」が付いていて読めません"
            "(ラベルは二つ以上のラベル付きの値があるときだけ読みます)",
        )
    return Components(items=tuple(items), text=original)


def _refuse_notes(original: str, tokens: list[_Token]) -> None:
    """Refuse approximations (約, 程度) and note marks (※) with a message that says so."""
    for token in tokens:
        if token.kind != "label":
            continue
        word = token.label
        if word in _APPROXIMATE_LABELS or word.startswith(_APPROXIMATE_SUFFIXES):
            raise _fail(
                original,
                token.start,
                f"an approximate value ({word}); write the number itself",
                f"おおよその値({word})は読みません。数値そのものを書いてください",
            )
        if word.startswith(_NOTE_MARKS):
            raise _fail(
                original,
                token.start,
                f"a note mark {word[0]!r}; remove it and keep the note in another column",
                f"注記の記号「{word[0]}」があります。記号を除き、注記は別の列に書いてください",
            )


def _label_first(original: str, tokens: list[_Token]) -> Components:
    pairs: list[tuple[_Token, _Token]] = []
    for k in range(0, len(tokens), 2):
        label = tokens[k]
        if label.kind != "label":
            raise _fail(original, label.start, "expected a label", "ラベルがありません")
        if k + 1 >= len(tokens) or tokens[k + 1].kind != "qty":
            pos = tokens[k + 1].start if k + 1 < len(tokens) else tokens[k].start + len(label.label)
            raise _fail(
                original,
                pos,
                f"expected a number after {label.label!r}",
                f"「{label.label}」の後に数値がありません",
            )
        pairs.append((label, tokens[k + 1]))
    return _components(original, pairs)


def _paren_labels(original: str, tokens: list[_Token]) -> Components:
    pairs: list[tuple[_Token, _Token]] = []
    for k in range(0, len(tokens), 4):
        group = tokens[k : k + 4]
        kinds = [t.kind for t in group]
        if kinds != ["qty", "(", "label", ")"]:
            wrong = next(
                (
                    t
                    for t, want in zip(group, ["qty", "(", "label", ")"], strict=False)
                    if t.kind != want
                ),
                group[-1],
            )
            raise _fail(
                original,
                wrong.start,
                "expected a number followed by its label in brackets",
                "「数値(ラベル)」の形になっていません",
            )
        pairs.append((group[2], group[0]))
    return _components(original, pairs)
