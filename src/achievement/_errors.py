"""The exception hierarchy: one root, each subclass also a matching builtin."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AchievementError",
    "ParseError",
    "PluginError",
    "UnknownStyleError",
]


class AchievementError(Exception):
    """Root of every error the library raises on purpose.

    Each error carries where the problem is (``file``, ``row``, ``column``) when
    it is known and a message in Japanese and English.
    """

    def __init__(
        self,
        en: str,
        ja: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(en)
        self.en = en
        self.ja = ja
        self.file = file
        self.row = row
        self.column = column

    def where(self, lang: str = "en") -> str:
        """The location of the problem as text (file, row, column), or ``""``."""
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"{self.row}行目" if lang == "ja" else f"row {self.row}")
        if self.column is not None and self.column.startswith("--"):  # a command-line option
            parts.append(f"オプション {self.column}" if lang == "ja" else f"option {self.column}")
        elif self.column is not None:
            parts.append(f"列「{self.column}」" if lang == "ja" else f"column {self.column!r}")
        return ", ".join(parts)

    def message(self, lang: str = "en") -> str:
        """The whole message in ``lang`` (``"ja"`` or ``"en"``), location first."""
        body = self.ja if lang == "ja" else self.en
        where = self.where(lang)
        return f"{where}: {body}" if where else body

    def __str__(self) -> str:
        return self.message("en")


class ParseError(AchievementError, ValueError):
    """Cell text that the notation parser cannot read.

    ``text`` is the cell as given and ``position`` the index in it (from 0)
    where reading stopped; messages count characters from 1, as people do.
    """

    def __init__(
        self,
        text: str,
        position: int,
        en: str,
        ja: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(
            f"cannot read {text!r} at character {position + 1}: {en}",
            f"「{text}」の{position + 1}文字目が読めません: {ja}",
            file=file,
            row=row,
            column=column,
        )
        self.text = text
        self.position = position
        self.reason_en = en
        self.reason_ja = ja

    def located(self, *, file: str | None, row: int | None, column: str | None) -> ParseError:
        """The same error with its location in a table filled in."""
        return ParseError(
            self.text,
            self.position,
            self.reason_en,
            self.reason_ja,
            file=file,
            row=row,
            column=column,
        )


class UnknownStyleError(AchievementError, LookupError):
    """A target style that no registered evaluator provides.

    ``known`` lists the installed styles and ``suggestion`` is the closest one
    to ``style`` when the name looks misspelt (else ``None``).

    >>> UnknownStyleError("treshold", ["threshold", "ordinal"]).message("en")
    "unknown style 'treshold'; did you mean 'threshold'? installed styles: ordinal, threshold"
    """

    def __init__(self, style: str, known: Sequence[str]) -> None:
        from difflib import get_close_matches

        names = ", ".join(sorted(known)) or "-"
        close = get_close_matches(style, sorted(known), n=1, cutoff=0.6)
        suggestion = close[0] if close else None
        hint_en = f"did you mean {suggestion!r}? " if suggestion else ""
        hint_ja = f"「{suggestion}」の誤りではありませんか。" if suggestion else ""
        super().__init__(
            f"unknown style {style!r}; {hint_en}installed styles: {names}",
            f"評価方式「{style}」はありません。{hint_ja}使える方式: {names}",
        )
        self.style = style
        self.known = tuple(sorted(known))
        self.suggestion = suggestion


class PluginError(AchievementError, RuntimeError):
    """A plugin that cannot be loaded or that breaks the registry's rules."""

    def __init__(self, en: str, ja: str) -> None:
        super().__init__(en, ja)
