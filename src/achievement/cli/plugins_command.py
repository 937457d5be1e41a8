"""``achievement plugins``: list every plugin with its distribution, version and styles."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

from achievement.cli._plugin_options import add_plugin_options, judge_from_args

if TYPE_CHECKING:
    from achievement._judge import PluginInfo

_HEADERS = {
    "ja": ("プラグイン", "種別", "配布パッケージ", "版", "評価方式"),
    "en": ("plugin", "origin", "distribution", "version", "styles"),
}
_ORIGINS = {
    "ja": {"builtin": "組み込み", "entry point": "インストール済み", "local": "ローカル"},
    "en": {"builtin": "builtin", "entry point": "installed", "local": "local"},
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``plugins`` subcommand."""
    p = sub.add_parser(
        "plugins",
        parents=[common],
        help="list plugins and the styles they provide / プラグインと評価方式の一覧",
        description="List every plugin the judge loads: built-in, installed (entry-point "
        "group 'achievement') and local, with distribution, version and styles.",
    )
    add_plugin_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the plugins of the judge, then their value kinds and warnings; exit 0.

    An installed plugin that fails to load is listed with its error (on standard
    error) and the others are listed as usual.
    """
    infos = judge_from_args(args, keep_going=True).describe_plugins()
    if args.format == "json":
        rows = [
            {
                "name": i.name,
                "origin": i.origin,
                "distribution": i.distribution,
                "version": i.version,
                "styles": list(i.styles),
                "value_kinds": list(i.value_kinds),
                "warnings": [w.get(args.lang) for w in i.warnings],
            }
            for i in infos
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        _warn(infos, args.lang)
        return 0
    table = [_HEADERS[args.lang]]
    for i in infos:
        table.append(
            (
                i.name,
                _ORIGINS[args.lang][i.origin],
                i.distribution or "-",
                i.version or "-",
                ", ".join(i.styles) or "-",
            )
        )
    widths = [max(_width(row[k]) for row in table) for k in range(len(table[0]))]
    for row in table:
        cells = (cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    kinds = [(kind, i.name) for i in infos for kind in i.value_kinds]
    if kinds:
        print()
        print("値の種類(プラグイン):" if args.lang == "ja" else "value kinds (plugins):")
        for kind, name in kinds:
            print(f"  {kind}  ({name})")
    _warn(infos, args.lang)
    return 0


def _warn(infos: tuple[PluginInfo, ...], lang: str) -> None:
    """Each plugin's warnings, on standard error."""
    head = "警告" if lang == "ja" else "warning"
    for info in infos:
        for warning in info.warnings:
            print(f"achievement: {head}: {warning.get(lang)}", file=sys.stderr)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
