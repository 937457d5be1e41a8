"""The ``achievement`` command.

Each subcommand lives in its own module with a ``register(subparsers)`` function
that adds its parser and sets ``handler``; the handler returns the exit code.
Bad input ends in a one-paragraph message in the user's language and exit
code 2, never a traceback; an unexpected error (a bug) in a short message
with a hint to report it and exit code 3 (``ACHIEVEMENT_DEBUG=1`` shows the
traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from achievement._errors import AchievementError

__all__ = ["COMMANDS", "main"]

COMMANDS: tuple[str, ...] = (
    "achievement.cli.judge_command",
    "achievement.cli.report_command",
    "achievement.cli.annotate_command",
    "achievement.cli.batch_command",
    "achievement.cli.compare_command",
    "achievement.cli.diff_command",
    "achievement.cli.validate_command",
    "achievement.cli.schema_command",
    "achievement.cli.plugins_command",
)
"""The modules that provide subcommands, in the order ``--help`` lists them."""

LANG_ENV = "ACHIEVEMENT_LANG"

OUTCOME_LABELS = {
    "ja": {"achieved": "達成", "not_achieved": "未達成", "not_evaluable": "評価不能"},
    "en": {
        "achieved": "achieved",
        "not_achieved": "not achieved",
        "not_evaluable": "not evaluable",
    },
}
"""How each outcome is labelled in each language."""


def default_lang() -> str:
    """``ja`` unless ``ACHIEVEMENT_LANG`` says ``en``."""
    return "en" if os.environ.get(LANG_ENV, "ja").lower().startswith("en") else "ja"


def _wanted(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules ``argv`` needs: only its subcommand's, when it names a known one.

    Each command module imports what its options need (readers, renderers...), so a
    command line that names its subcommand builds only that subcommand's parser.
    """
    if argv is None:
        return COMMANDS
    for arg in argv:
        if arg in ("-h", "--help", "--"):
            return COMMANDS
        if not arg.startswith("-"):
            module = f"achievement.cli.{arg}_command"
            return (module,) if module in COMMANDS else COMMANDS
    return COMMANDS


def build_parser(
    lang: str | None = None, argv: Sequence[str] | None = None
) -> argparse.ArgumentParser:
    """The parser with every subcommand of :data:`COMMANDS` (only the one ``argv`` names).

    Its usage errors are written in ``lang`` (by default :func:`default_lang`).
    """
    from achievement import __version__
    from achievement.cli._parser import parser_class

    parser = parser_class(lang or default_lang())(
        prog="achievement",
        description="Judge whether the indicators of a plan met their targets. "
        "計画の評価指標が目標を達成したかを判定します。",
    )
    parser.add_argument("--version", action="version", version=f"achievement {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=default_lang(),
        help="language of labels and messages (default: ja) / 表示言語",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _wanted(argv):
        importlib.import_module(name).register(sub, common)
    return parser


DEBUG_ENV = "ACHIEVEMENT_DEBUG"
"""Set to ``1`` to see the traceback of an unexpected error."""

BUG_EXIT = 3
"""The exit code of an unexpected error (a bug), distinct from 1 (rows left out) and 2."""


def fail(error: AchievementError, lang: str) -> int:
    """Print ``error`` for a person, in ``lang``, and return exit code 2."""
    from achievement.render._safe import terminal_text

    head = "エラー" if lang == "ja" else "error"
    print(terminal_text(f"achievement: {head}: {error.message(lang)}"), file=sys.stderr)
    return 2


def crash(exc: BaseException, lang: str) -> int:
    """Report an unexpected exception in a few lines and return :data:`BUG_EXIT`.

    The traceback is shown only when ``ACHIEVEMENT_DEBUG=1``.
    """
    from achievement.render._safe import terminal_text

    if os.environ.get(DEBUG_ENV, "").strip().lower() in ("1", "true", "yes"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    what = terminal_text(f"{type(exc).__name__}: {exc}")[:500]
    if lang == "ja":
        print(
            f"achievement: 内部エラー: {what}\n"
            f"achievement: 不具合の可能性があります。{DEBUG_ENV}=1 を付けて再実行し、"
            "表示された内容を添えて報告してください",
            file=sys.stderr,
        )
    else:
        print(
            f"achievement: internal error: {what}\n"
            f"achievement: this is likely a bug; run again with {DEBUG_ENV}=1 and report "
            "what it shows",
            file=sys.stderr,
        )
    return BUG_EXIT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from achievement.cli._parser import peek_lang

    argv = sys.argv[1:] if argv is None else argv
    if list(argv) == ["--version"]:  # nothing else to read: no parser, no command module
        from achievement import __version__

        print(f"achievement {__version__}")
        return 0
    parser = build_parser(peek_lang(argv, default_lang()), argv)
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    from achievement.cli._gc import tuned
    from achievement.cli._plugin_options import report_failures

    try:
        with tuned():
            return report_failures(args, handler(args))
    except AchievementError as exc:
        return fail(exc, args.lang)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`achievement report | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except MemoryError:
        return fail(
            AchievementError(
                "out of memory: the file is too large to read; see --max-bytes and --max-rows",
                "メモリが足りません: ファイルが大きすぎます。--max-bytes と --max-rows を参照して"
                "ください",
            ),
            args.lang,
        )
    except RecursionError:
        return fail(
            AchievementError(
                "the file is nested too deeply to read",
                "ファイルの入れ子が深すぎて読めません",
            ),
            args.lang,
        )
    except Exception as exc:
        return crash(exc, args.lang)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
