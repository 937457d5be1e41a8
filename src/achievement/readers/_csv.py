"""CSV: UTF-8 (with or without a BOM) or Shift_JIS / cp932, as Japanese Excel saves it."""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator

from achievement._errors import AchievementError

__all__ = ["ENCODINGS", "csv_rows", "decode"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
"""One line with its ending (\\r\\n, \\r or \\n), or the last line without one."""

ENCODINGS = ("utf-8", "cp932")
"""The encodings tried, in order, when a file has no UTF-8 byte order mark."""


def decode(data: bytes, *, file: str) -> str:
    """The text of a CSV file: UTF-8 with a BOM, else UTF-8, else cp932.

    >>> decode("指標".encode("cp932"), file="a.csv")
    '指標'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise AchievementError(
            "the file is UTF-16 text (Excel's Unicode text); save it as CSV UTF-8",
            "ファイルが UTF-16(Excel の Unicode テキスト)です。CSV UTF-8 で保存してください",
            file=file,
        )
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    else:
        encodings = ENCODINGS
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AchievementError(
        "the file is neither UTF-8 nor Shift_JIS (cp932) text; save it as CSV UTF-8",
        "ファイルが UTF-8 でも Shift_JIS(cp932)でもありません。CSV UTF-8 で保存してください",
        file=file,
    )


def csv_rows(text: str, *, file: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with its row number as a spreadsheet shows it (the first is 1).

    A cell written over several lines inside quotes stays one record.
    """
    # line by line, as io.StringIO(text, newline="") splits them, without its copy of the text
    lines = (found.group() for found in _LINE.finditer(text))
    reader = csv.reader(lines, strict=False)
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            yield number, record
    except csv.Error as exc:
        raise AchievementError(
            f"the CSV cannot be read after row {number}: {exc}",
            f"{number}行目の後の CSV が読めません: {exc}",
            file=file,
        ) from exc
