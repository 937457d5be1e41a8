"""What a reader returns: the plan, and every row it could not read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from achievement._model import LocalizedText
from achievement._plan import Plan

__all__ = ["Problem", "ReadResult"]


class Problem(BaseModel, frozen=True, extra="forbid"):
    """One cell or row a reader could not read; the row is left out of the plan.

    ``row`` is the row as a person sees it in a spreadsheet (the header is
    row 1 of a table without a title), or the indicator's position in a plan
    file; ``column`` is the header as written; ``text`` the cell as written.
    """

    file: str
    row: int | None
    column: str | None
    text: str
    code: str
    message: LocalizedText

    def line(self, lang: str = "en") -> str:
        """The problem on one line: ``file:row: column: text: message``."""
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        text = self.text.replace("\r", "\\r").replace("\n", "\\n")
        return f"{where}: {self.column or '-'}: {text}: {self.message.get(lang)}"


class ReadResult(BaseModel):
    """A plan as read, the problems met, and how many data rows were read.

    Every data row is either in ``plan.indicators`` or named by a problem:
    ``rows == len(plan.indicators) + len(problem_rows)``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    plan: Plan
    problems: tuple[Problem, ...] = ()
    rows: int

    @property
    def problem_rows(self) -> tuple[int | None, ...]:
        """The rows named by problems, each once, in order."""
        return tuple(dict.fromkeys(p.row for p in self.problems))
