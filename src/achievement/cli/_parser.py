"""An argument parser whose usage errors speak the user's language.

argparse writes its own errors (a missing argument, an unknown option, a
value that is not one of the choices) in English.  :class:`LocalizedParser`
keeps its usage line and exit code 2, and says the common errors in Japanese
when the language is ``ja``; the language has to be known before parsing can
fail, so :func:`peek_lang` reads it from the raw arguments.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

__all__ = ["LocalizedParser", "parser_class", "peek_lang", "translate"]

_ARGUMENT = re.compile(r"^argument (?P<name>.+?): (?P<rest>.*)$", re.S)

_JA_WHOLE: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^the following arguments are required: (?P<a>.*)$", re.S),
        "次の引数が必要です: {a}",
    ),
    (re.compile(r"^unrecognized arguments: (?P<a>.*)$", re.S), "使えない引数があります: {a}"),
    (
        re.compile(r"^one of the arguments (?P<a>.*) is required$", re.S),
        "次の引数のどれかが必要です: {a}",
    ),
    (
        re.compile(r"^ambiguous option: (?P<a>\S+) could match (?P<b>.*)$", re.S),
        "オプション {a} はどれのことか決められません。候補: {b}",
    ),
)
"""Messages about the command line as a whole, in Japanese."""

_JA_ARGUMENT: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^invalid choice: (?P<a>.*) \(choose from (?P<b>.*)\)$", re.S),
        "{a} は選べません。選べるもの: {b}",
    ),
    (re.compile(r"^expected one argument$"), "値を一つ指定してください"),
    (re.compile(r"^expected at least one argument$"), "値を一つ以上指定してください"),
    (re.compile(r"^expected at most one argument$"), "値は一つまでです"),
    (re.compile(r"^invalid (?P<a>\S+) value: (?P<b>.*)$", re.S), "値 {b} が正しくありません"),
    (re.compile(r"^not allowed with argument (?P<a>.*)$", re.S), "{a} と一緒には使えません"),
)
"""Messages about one argument (``argument NAME: ...``), in Japanese."""


def translate(message: str, lang: str) -> str:
    """argparse's English ``message`` in ``lang``; a message not known here stays as it is.

    >>> translate("the following arguments are required: FILE", "ja")
    '次の引数が必要です: FILE'
    >>> translate("argument --lang: invalid choice: 'fr' (choose from 'ja', 'en')", "ja")
    "引数 --lang: 'fr' は選べません。選べるもの: 'ja', 'en'"
    >>> translate("unrecognized arguments: --colour", "en")
    'unrecognized arguments: --colour'
    """
    if lang != "ja":
        return message
    for pattern, text in _JA_WHOLE:
        if m := pattern.match(message):
            return text.format(**m.groupdict())
    if arg := _ARGUMENT.match(message):
        for pattern, text in _JA_ARGUMENT:
            if m := pattern.match(arg["rest"]):
                return f"引数 {arg['name']}: {text.format(**m.groupdict())}"
    return message


class LocalizedParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` that writes usage errors in :attr:`lang`."""

    lang: str = "ja"
    """The language of the error messages, ``ja`` or ``en``."""

    def error(self, message: str) -> NoReturn:
        """Print the usage line and ``message`` in :attr:`lang`, then exit with code 2."""
        self.print_usage(sys.stderr)
        head = "エラー" if self.lang == "ja" else "error"
        self.exit(2, f"{self.prog}: {head}: {translate(message, self.lang)}\n")


def parser_class(lang: str) -> type[LocalizedParser]:
    """A :class:`LocalizedParser` class speaking ``lang``; subcommand parsers inherit it."""

    class Parser(LocalizedParser):
        pass

    Parser.lang = lang
    return Parser


def peek_lang(argv: Sequence[str], default: str) -> str:
    """The language ``--lang`` asks for in ``argv`` (the last one given), else ``default``.

    >>> peek_lang(["judge", "--lang", "en", "--target"], "ja"), peek_lang(["--lang=en"], "ja")
    ('en', 'en')
    >>> peek_lang(["report", "--", "--lang", "en"], "ja"), peek_lang(["--lang", "fr"], "en")
    ('ja', 'en')
    """
    lang = default
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value in ("ja", "en"):
            lang = value
    return lang
