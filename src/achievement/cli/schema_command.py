"""``achievement schema``: print the JSON Schema of the plan file format, or of the JSON report."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``schema`` subcommand."""
    p = sub.add_parser(
        "schema",
        parents=[common],
        help="print the plan file's JSON Schema / 計画ファイルの JSON Schema を表示",
        description="Print the JSON Schema of the plan file format (YAML or JSON), "
        "or with --report that of the JSON report (achievement report --format json).",
    )
    p.add_argument(
        "--report",
        action="store_true",
        help="the schema of the JSON report instead / JSON 形式の報告書のスキーマを表示",
    )
    from achievement.cli._plugin_options import add_plugin_options

    add_plugin_options(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema (the plan's with keys sorted, the report's in report order); exit 0."""
    if getattr(args, "report", False):
        from achievement.render._report_schema import report_schema

        print(json.dumps(report_schema(), ensure_ascii=False, indent=2))  # report order
        return 0
    from achievement.readers import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True))
    return 0
