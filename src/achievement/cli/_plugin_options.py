"""The plugin options every command shares: ``--plugin``, ``--disable-plugin``, ``--no-plugins``.

A command adds them with :func:`add_plugin_options` and builds its judge with
:func:`judge_from_args`; the command line reports the plugin hooks that failed
during the run once each, with :func:`report_failures`::

    add_plugin_options(parser)
    ...
    judge = judge_from_args(args)
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = ["add_plugin_options", "judge_from_args", "report_failures"]


def add_plugin_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--plugin PATH`` and ``--disable-plugin NAME``, both repeatable, to ``parser``."""
    group = parser.add_argument_group("plugins / プラグイン")
    group.add_argument(
        "--plugin",
        dest="plugins",
        action="append",
        default=[],
        metavar="PATH",
        help="load a local plugin: a .py file or an importable module name; repeatable "
        "/ ローカルのプラグインを読み込む(繰り返し指定可)",
    )
    group.add_argument(
        "--disable-plugin",
        dest="disabled_plugins",
        action="append",
        default=[],
        metavar="NAME",
        help="do not load the plugin NAME (as listed by 'achievement plugins'); repeatable "
        "/ 指定した名前のプラグインを読み込まない",
    )
    group.add_argument(
        "--no-plugins",
        dest="no_plugins",
        action="store_true",
        help="load no installed plugin: only the built-in rules (and any --plugin given) "
        "/ インストール済みのプラグインを読み込まない(組み込みの規則と --plugin のみ)",
    )


def judge_from_args(args: argparse.Namespace, *, keep_going: bool = False) -> Judge:
    """The judge for a command: the default one unless plugin options were given.

    With ``keep_going``, an installed plugin that fails to load is left out
    and listed with its error rather than stopping the command.
    """
    from achievement._judge import Judge, default_judge

    plugins: list[str] = getattr(args, "plugins", None) or []
    disabled: list[str] = getattr(args, "disabled_plugins", None) or []
    no_plugins: bool = getattr(args, "no_plugins", False)
    if not plugins and not disabled and not no_plugins and not keep_going:
        judge = default_judge()
    else:
        autoload = False if no_plugins else None
        judge = Judge(plugins=plugins, blocked=disabled, autoload=autoload, keep_going=keep_going)
    judge.take_failures()  # only this run's failures are reported
    args.judge_used = judge
    return judge


def report_failures(args: argparse.Namespace, code: int) -> int:
    """Print each plugin hook that failed during the run once; exit 1 rather than 0 if any did."""
    judge: Judge | None = getattr(args, "judge_used", None)
    failures = () if judge is None else judge.take_failures()
    lang = getattr(args, "lang", "en")
    head = "警告" if lang == "ja" else "warning"
    for failure in failures:
        print(f"achievement: {head}: {failure.message(lang)}", file=sys.stderr)
    return 1 if failures and code == 0 else code
