"""Fiscal years as plans write them: 2025年度, 令和7年度, R7, 令和元年度, H30, 平成30年度末.

A year is never a quantity: it is read here, by the notation and by the table reader
(year columns such as ``令和5年度 | 令和6年度``), into a :class:`FiscalYearText`
that keeps the year as a Western number and the text it came from.  Japanese fiscal
years run April to March; 令和N年度 is FY(2018+N), 平成N年度 is FY(1988+N) and
昭和N年度 is FY(1925+N).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["ERAS", "FiscalYearText", "era_name", "parse_fiscal_year"]

ERAS: dict[str, tuple[int, int, int]] = {
    # era: (offset to the Western year, first year, last year of the era)
    "令和": (2018, 1, 99),
    "平成": (1988, 1, 31),
    "昭和": (1925, 1, 64),
}
"""Imperial eras a plan may date by, with the offset that turns their year into a Western one."""

_ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和"}

_YEAR = re.compile(
    r"""
    (?:
        (?P<era>令和|平成|昭和|[RrHhSs]\.?)\s*(?P<era_year>元|\d{1,2})
      | (?:FY\s*)?(?P<western>(?:19|20)\d{2})
    )
    \s*(?P<suffix>年度末|年度|年末|年)?
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class FiscalYearText:
    """A fiscal year read from text.

    ``year`` is the Western fiscal year (令和7年度 -> 2025); ``era`` is the era the
    text was written in (``"令和"``, or ``None`` for a Western year); ``suffix`` is
    the word after the number (``年度``, ``年度末``, ``年``, or ``""``); ``end``
    is the index in the normalised text where the year stops, so that a caller can
    read what follows (``令和7年度までに完了``).
    """

    year: int
    era: str | None
    suffix: str
    end: int
    text: str

    @property
    def year_end(self) -> bool:
        """Whether the text names the end of the year (年度末, 年末)."""
        return self.suffix.endswith("末")


def parse_fiscal_year(text: str, *, bare: bool = False) -> FiscalYearText | None:
    """The fiscal year at the start of ``text``, or ``None`` when it does not start with one.

    ``bare`` allows a Western year with no era, no ``FY`` and no 年/年度 after it
    (``2025``): only a caller that knows the cell is a year (a header of year
    columns) passes it, since a bare ``2025`` is otherwise a count.  A letter era
    (``R7``, ``H30``) is a year on its own.  The text is width-normalised first
    (``令和７年度``).

    >>> parse_fiscal_year("令和7年度").year, parse_fiscal_year("R7").year
    (2025, 2025)
    >>> parse_fiscal_year("令和元年度").year, parse_fiscal_year("H30").year
    (2019, 2018)
    >>> y = parse_fiscal_year("平成30年度末"); (y.year, y.era, y.suffix, y.year_end)
    (2018, '平成', '年度末', True)
    >>> parse_fiscal_year("2025年度").year, parse_fiscal_year("FY2025").year
    (2025, 2025)
    >>> parse_fiscal_year("2025") is None, parse_fiscal_year("2025", bare=True).year
    (True, 2025)
    >>> parse_fiscal_year("令和7年度までに完了").end
    5
    >>> parse_fiscal_year("2025件") is None, parse_fiscal_year("平成40年度") is None
    (True, True)
    >>> parse_fiscal_year("20251", bare=True) is None
    True
    """
    s = unicodedata.normalize("NFKC", text).strip()
    m = _YEAR.match(s)
    if m is None:
        return None
    suffix = m.group("suffix") or ""
    if m.group("era") is not None:
        era = m.group("era").rstrip(".").upper()
        era = _ERA_LETTERS.get(era, era)
        offset, first, last = ERAS[era]
        raw = m.group("era_year")
        number = 1 if raw == "元" else int(raw)
        if not first <= number <= last:
            return None
        return FiscalYearText(offset + number, era, suffix, m.end(), s[: m.end()])
    western = m.group("western")
    if s[m.end("western") : m.end("western") + 1].isdigit():
        return None
    has_fy = s[: m.start("western")].strip() != ""
    if not suffix and not has_fy and not bare:
        return None
    return FiscalYearText(int(western), None, suffix, m.end(), s[: m.end()])


def era_name(year: int) -> str:
    """The year in the current era's notation: 2025 -> 令和7年度, 2019 -> 令和元年度.

    >>> era_name(2025), era_name(2019), era_name(2018)
    ('令和7年度', '令和元年度', '平成30年度')
    """
    for era, (offset, first, last) in ERAS.items():
        number = year - offset
        if first <= number <= last:
            return f"{era}{'元' if number == 1 else number}年度"
    return f"{year}年度"
