"""``achievement judge``: judge one indicator given as cell text."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from achievement._errors import ParseError
from achievement._model import Actual, Indicator, Judgment, Missing, StatusWord, Target
from achievement.cli import OUTCOME_LABELS
from achievement.cli._output import write_output
from achievement.cli._plugin_options import add_plugin_options, judge_from_args


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``judge`` subcommand."""
    p = sub.add_parser(
        "judge",
        parents=[common],
        help="judge one indicator / 一つの指標を判定",
        description="Judge one indicator from its cells as published, e.g. "
        "--baseline 10% --target 60% --actual 20%.",
    )
    p.add_argument("--baseline", default=None, help="baseline (計画策定時); omit when none")
    p.add_argument("--target", required=True, help="target (目標)")
    p.add_argument("--actual", required=True, help="actual or projected value (実績)")
    p.add_argument("--direction", choices=("higher", "lower"), default=None)
    p.add_argument("--style", default=None, help="target style; inferred when omitted")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_plugin_options(p)
    p.set_defaults(handler=run)


def _unknown_target_word(judgment: Judgment) -> tuple[str, str] | None:
    """Why the target word could not be read (ja, en), when the ordinal style found it unknown."""
    from achievement.rules.ordinal import unknown_target_word

    if judgment.reason.code != "ordinal.unknown_word":
        return None
    word = judgment.reason.params.get("word", "")
    target = judgment.reason.params.get("target", "")
    if word != target:
        return None  # the actual's word is unknown: judged not evaluable, as the message says
    value = StatusWord(word=word, text=word)
    return unknown_target_word(
        Indicator(target=Target(value=value), actual=Actual(value=Missing()))
    )


def run(args: argparse.Namespace) -> int:
    """Judge and print the judgment; exit 0, or 1 when the target word cannot be read."""
    try:
        judgment = judge_from_args(args).judge_text(
            baseline=args.baseline,
            target=args.target,
            actual=args.actual,
            direction=args.direction,
            style=args.style,
        )
    except ParseError as exc:  # name the option, as the person typed it
        raise exc.located(file=None, row=None, column=f"--{exc.column}") from None
    unknown = _unknown_target_word(judgment)
    if unknown is not None:
        from achievement.render._safe import terminal_text

        ja, en = unknown
        head = "エラー" if args.lang == "ja" else "error"
        why = ja if args.lang == "ja" else en
        print(
            terminal_text(f"achievement: {head}: --target: {args.target}: {why}"), file=sys.stderr
        )
        return 1
    label = OUTCOME_LABELS[args.lang][judgment.outcome.value]
    if args.format == "json":
        data = judgment.model_dump(mode="json")
        data["label"] = label
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    else:
        text = f"{label}: {judgment.message.get(args.lang)}"
    # The cells are echoed in the message: a terminal gets their control characters made visible.
    write_output(text + "\n", None, args.format)
    return 0
