"""What a reader returns: the plan, and every row it could not read."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from achievement._model import LocalizedText
from achievement._plan import Plan

__all__ = ["Problem", "ReadResult"]


class Problem(BaseModel, frozen=True, extra="forbid"):
    """One cell or row a reader could not read.

    ``row`` is the row as a person sees it in a spreadsheet (the header is
    row 1 of a table without a title), or in a YAML plan file the line its
    indicator begins on (``None`` in a JSON one); ``column`` is the header as
    written, or the cell's path in a plan file
    (``goals[0].measures[0].indicators[1].direction``); ``text`` the cell as
    written.
    An ``"error"`` leaves its row out of the plan; a ``"warning"`` concerns a
    cell that does not change the judgment (such as an unknown published
    outcome), and its row is still read and judged; a ``"note"`` names a row
    that is not an indicator (a heading row, a totals row) and was skipped.
    """

    file: str
    row: int | None
    column: str | None
    text: str
    code: str
    message: LocalizedText
    severity: Literal["error", "warning", "note"] = "error"

    def line(self, lang: str = "en") -> str:
        """The problem on one line: ``file:row: column: text: message``."""
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        text = self.text.replace("\r", "\\r").replace("\n", "\\n")
        return f"{where}: {self.column or '-'}: {text}: {self.message.get(lang)}"


class ReadResult(BaseModel):
    """A plan as read, the problems met, and how many data rows were read.

    Every data row is in ``plan.indicators``, named by an error, or skipped
    as a heading or totals row with a note in ``skipped``:
    ``rows == len(plan.indicators) + len(problem_rows)``, and the table had
    ``rows + len(skipped)`` data rows.  Warnings name rows that are in the plan;
    they are listed in ``problems`` too, and on their own in ``warnings``.
    ``layout`` says how the table's layout was read where a person should know
    (earlier year columns kept as a series, units taken from a header row).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan: Plan
    problems: tuple[Problem, ...] = ()
    rows: int
    unread_columns: tuple[str, ...] = ()
    """Headers of the table that no field was read from (mapped to ``ignore`` or not)."""
    skipped: tuple[Problem, ...] = ()
    """Rows that are not indicators (heading and totals rows), each with a ``"note"``."""
    layout: tuple[LocalizedText, ...] = ()
    header_rows: tuple[int, ...] = ()
    """The rows the header was read from: one, or two for a header over year or unit cells."""
    """How the layout was read, where it matters: year columns, units from a header row."""

    def notes(self, lang: str) -> list[str]:
        """What a person should know besides the problems: the layout read, the columns left unread.

        The rows skipped are in :attr:`skipped`, each with its own line.
        """
        notes = [text.get(lang) for text in self.layout]
        if self.unread_columns:
            names = "、".join(f"「{h}」" for h in self.unread_columns)
            if lang == "ja":
                notes.append(
                    f"読み込まなかった列: {names}(必要なら --columns 見出し=項目 で対応付けてください)"
                )
            else:
                notes.append(
                    f"columns not read: {names} (map one with --columns HEADER=FIELD if it is needed)"
                )
        return notes

    @property
    def problem_rows(self) -> tuple[int | None, ...]:
        """The rows named by errors (the rows left out), each once, in order."""
        return tuple(dict.fromkeys(p.row for p in self.problems if p.severity == "error"))

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems whose rows are still in the plan."""
        return tuple(p for p in self.problems if p.severity == "warning")
