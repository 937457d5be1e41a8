"""The plugin options every command that judges shares: ``--plugin`` and ``--disable-plugin``.

A command adds them with :func:`add_plugin_options` and builds its judge with
:func:`judge_from_args`::

    add_plugin_options(parser)
    ...
    judge = judge_from_args(args)
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = ["add_plugin_options", "judge_from_args"]


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


def judge_from_args(args: argparse.Namespace) -> Judge:
    """The judge for a command: the default one unless plugin options were given."""
    from achievement._judge import Judge, default_judge

    plugins: list[str] = getattr(args, "plugins", None) or []
    disabled: list[str] = getattr(args, "disabled_plugins", None) or []
    if not plugins and not disabled:
        return default_judge()
    return Judge(plugins=plugins, blocked=disabled)
