"""Writing a command's output: atomically, never over its input, every failure a message.

A report is written to a temporary file in the folder of ``-o OUT`` and
renamed over ``OUT`` only when it is complete, so a run that fails (disk
full, a file-size limit, an interrupted command) leaves the previous report
as it was.  ``OUT`` naming the plan being read, or a link to it, is refused
before anything is written.  Text written to stdout or stderr for a terminal
has its control characters made visible (see :mod:`achievement.render._safe`).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from achievement._errors import AchievementError

__all__ = ["check_not_input", "write_file", "write_output"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # the same file, through a link or another path
    except OSError:
        return False


def check_not_input(out: str | None, *inputs: Path | str | None) -> None:
    """Refuse ``out`` when it is one of ``inputs``, or a link to one (or they are hard links)."""
    if out is None:
        return
    for source in inputs:
        if source is not None and _same_file(Path(out), Path(source)):
            raise AchievementError(
                f"the output {out} is the file being read ({source}); give another name with -o",
                f"出力先 {out} は読み込むファイル({source})です。-o で別の名前を指定してください",
                file=out,
            )


def _write_error(out: str, exc: OSError) -> AchievementError:
    reason = exc.strerror or type(exc).__name__
    return AchievementError(
        f"cannot write {out}: {reason}; the previous file, if any, is unchanged",
        f"{out} に書き込めません: {reason}。元のファイルがあれば変更していません",
        file=out,
    )


def _batched(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """``pieces`` joined into texts of about ``size`` characters: fewer, larger writes."""
    held: list[str] = []
    length = 0
    for piece in pieces:
        held.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(held)
            held.clear()
            length = 0
    if held:
        yield "".join(held)


def write_file(data: str | bytes | Iterable[str], out: str) -> None:
    """Write ``data`` to ``out`` atomically: a temporary file in the same folder, then a rename.

    ``data`` may be text given piece by piece (written as it comes, so the
    whole text never exists at once); when making a piece fails, the
    temporary file is removed and ``out`` is left as it was.  The new file gets the permissions a new file gets (umask), or those of the
    file it replaces; when ``out`` is a link, the file it points to is replaced.
    """
    path = Path(out)
    if path.is_symlink():  # write the file the link points to, and keep the link
        path = path.resolve()
    pieces: Iterable[bytes]
    if isinstance(data, str):
        pieces = (data.encode("utf-8"),)
    elif isinstance(data, bytes):
        pieces = (data,)
    else:
        pieces = (text.encode("utf-8") for text in _batched(data))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(out, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _write_error(out, exc) from exc
        raise


def write_output(data: str | bytes | Iterable[str], out: str | None, fmt: str) -> None:
    """Write ``data`` to the file ``out``, or to stdout when ``out`` is ``None``.

    Binary data is refused on a terminal; text on a terminal has its control
    characters made visible.  Text given piece by piece is written as it comes.
    """
    if out is not None:
        write_file(data, out)
        return
    try:
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                raise AchievementError(
                    f"the {fmt} format is binary: give -o OUT or redirect stdout to a file",
                    f"{fmt} 形式はバイナリです: -o で出力先を指定するか、標準出力をファイルへ"
                    "リダイレクトしてください",
                )
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        pieces = (data,) if isinstance(data, str) else _batched(data)
        if sys.stdout.isatty():
            from achievement.render._safe import terminal_text

            pieces = (terminal_text(piece) for piece in pieces)
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _write_error("stdout", exc) from exc
