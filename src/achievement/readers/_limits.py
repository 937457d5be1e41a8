"""Limits on what a reader takes in, so that a hostile or broken file cannot eat the machine.

A file over a limit is refused with an error naming the limit and the option
that raises it, before its contents are held in memory.  Only regular files
are read: a FIFO, a device (a link to ``/dev/zero``) or a socket is refused
without being read, so it cannot hang the command.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from achievement._errors import AchievementError

__all__ = ["MAX_COLUMNS", "MAX_DEPTH", "MAX_NODES", "UNPACKED_RATIO", "Limits", "read_bounded"]

MAX_COLUMNS = 256
"""Columns of a table (an XLSX sheet's used range, a CSV record)."""

MAX_DEPTH = 64
"""Nesting of a YAML or JSON plan file (mappings and lists inside each other)."""

MAX_NODES = 1_000_000
"""Values in a YAML or JSON plan file once its aliases are expanded."""

UNPACKED_RATIO = 10
"""An XLSX archive's parts, unpacked, may hold this many times ``max_bytes``."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How much a reader takes in; see ``--max-rows``, ``--max-cell-chars``, ``--max-bytes``.

    >>> Limits().max_rows, Limits().max_cell_chars, Limits().max_bytes
    (100000, 10000, 20000000)
    """

    max_rows: int = 100_000
    """Rows of a table (sheet rows, CSV records) or indicators of a plan file."""
    max_cell_chars: int = 10_000
    """Characters in one cell."""
    max_bytes: int = 20_000_000
    """Bytes of the file as stored (and, for XLSX, :data:`UNPACKED_RATIO` times this unpacked)."""

    def rows(
        self, rows: Iterable[tuple[int, list[str]]], file: str
    ) -> Iterator[tuple[int, list[str]]]:
        """``rows``, refused with an error when one goes beyond a limit."""
        for count, (number, cells) in enumerate(rows, start=1):
            if count > self.max_rows:
                raise self.too_many_rows(file)
            if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
                raise AchievementError(
                    f"row {number} has more than {MAX_COLUMNS} columns; a plan table has far fewer",
                    f"{number}行目の列が {MAX_COLUMNS} 列を超えています。計画の表はずっと少ないはずです",
                    file=file,
                    row=number,
                )
            for index, cell in enumerate(cells):
                if len(cell) > self.max_cell_chars:
                    raise self.too_long(file, number, index + 1, len(cell))
            yield number, cells

    def too_many_rows(self, file: str) -> AchievementError:
        """The error for a table or plan with more rows than :attr:`max_rows`."""
        return AchievementError(
            f"the file has more than {self.max_rows} rows (--max-rows {self.max_rows})",
            f"ファイルの行数が {self.max_rows} 行を超えています(--max-rows {self.max_rows})",
            file=file,
        )

    def too_long(
        self, file: str, row: int | None, column: int | str, length: int
    ) -> AchievementError:
        """The error for a cell longer than :attr:`max_cell_chars`."""
        return AchievementError(
            f"column {column} holds {length} characters, more than {self.max_cell_chars} "
            f"(--max-cell-chars {self.max_cell_chars})",
            f"{column}列目が {length} 文字あり、{self.max_cell_chars} 文字を超えています"
            f"(--max-cell-chars {self.max_cell_chars})",
            file=file,
            row=row,
        )

    def too_big(
        self, file: str, what_en: str = "file", what_ja: str = "ファイル"
    ) -> AchievementError:
        """The error for a file larger than :attr:`max_bytes`."""
        return AchievementError(
            f"the {what_en} is larger than {self.max_bytes} bytes (--max-bytes {self.max_bytes})",
            f"{what_ja}が {self.max_bytes} バイトを超えています(--max-bytes {self.max_bytes})",
            file=file,
        )


def _unreadable(file: str, exc: OSError) -> AchievementError:
    return AchievementError(
        f"the file cannot be read: {exc.strerror or exc}",
        f"ファイルを読み込めません: {exc.strerror or exc}",
        file=file,
    )


def read_bounded(path: Path, file: str, limits: Limits) -> bytes:
    """The bytes of the regular file ``path``, refused when larger than ``limits.max_bytes``.

    The file is opened without blocking and checked to be a regular file
    before anything is read, so a FIFO or a device is refused at once.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise AchievementError("no such file", "ファイルがありません", file=file) from exc
    except IsADirectoryError as exc:
        raise AchievementError(
            "this is a folder, not a file", "ファイルではなくフォルダです", file=file
        ) from exc
    except OSError as exc:
        raise _unreadable(file, exc) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise AchievementError(
                "this is a folder, not a file", "ファイルではなくフォルダです", file=file
            )
        if not stat.S_ISREG(info.st_mode):
            raise AchievementError(
                "this is not a regular file (a pipe, a device or a socket); only files are read",
                "通常のファイルではありません(パイプ、デバイス、ソケット)。読めるのはファイルだけです",
                file=file,
            )
        if info.st_size > limits.max_bytes:
            raise limits.too_big(file)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            size += len(chunk)
            if size > limits.max_bytes:  # the file grew while it was read
                raise limits.too_big(file)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _unreadable(file, exc) from exc
    finally:
        os.close(fd)
