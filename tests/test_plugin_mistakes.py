"""Plugin authors' mistakes and broken plugins: a clear message naming the plugin and the hook,
never a traceback, and the built-in rules keep judging what the plugin does not claim."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from achievement import Judge, default_judge, hookimpl
from achievement._judge import AUTOLOAD_ENV, DISABLED_PLUGINS_ENV
from achievement.cli import build_parser, main

from ._plugin_helpers import FakeDistribution, FakeEntryPoint, install

HEAD = """\
from achievement import Outcome, Verdict, hookimpl
"""

EVALUATOR = """
class Toy:
    style = "toy"
    messages = {MESSAGES}

    def evaluate(self, indicator):
        return {RETURN}


@hookimpl
def achievement_register_evaluators(registry):
    registry.add(Toy())
"""

GOOD_MESSAGES = '{"toy.done": {"ja": "達成", "en": "done"}}'

PLAN = """\
goals:
  - title: 目標
    measures:
      - title: 施策
        indicators:
          - name: 件数
            baseline: 3件
            target: 10件
            actual: 12件
          - name: 研修
            target: 10回
            actual: 12回
"""


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    monkeypatch.delenv(DISABLED_PLUGINS_ENV, raising=False)
    default_judge.cache_clear()
    yield
    default_judge.cache_clear()


def plugin(tmp_path: Path, body: str, stem: str = "mine") -> Path:
    path = tmp_path / f"{stem}.py"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def judge_cli(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, str, str]:
    argv = ["judge", "--plugin", str(path), "--target", "10件", "--actual", "12件", *extra]
    return run(capsys, *argv, "--lang", "en")


# -- item 5: mistakes made when writing a plugin --------------------------------------------


def test_wrong_hook_parameters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An implementation asking for an argument its hook does not pass names plugin and hook."""
    path = plugin(
        tmp_path,
        """
        @hookimpl
        def achievement_parse_value(cell):
            return None
        """,
    )
    code, _, err = judge_cli(capsys, path)
    assert code == 2
    assert err == (
        "achievement: error: plugin 'mine', hook achievement_parse_value: the implementation "
        "takes (cell), but the hook passes only (text, column); cell is not one of them "
        "(take any of them, by these names)\n"
    )


def test_misspelt_hook_is_named_with_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hook name that does not exist is refused with the closest hook name."""
    path = plugin(
        tmp_path,
        """
        @hookimpl
        def achievement_parse_valeu(text):
            return None
        """,
    )
    code, _, err = judge_cli(capsys, path)
    assert code == 2
    assert "plugin 'mine': achievement_parse_valeu is not a hook of achievement; " in err
    assert "did you mean achievement_parse_value?" in err


def test_forgotten_hookimpl_is_a_warning_in_plugins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hook function without @hookimpl registers nothing: ``achievement plugins`` warns."""
    path = plugin(
        tmp_path,
        """
        def achievement_register_evaluators(registry):
            pass
        """,
    )
    code, out, err = run(capsys, "plugins", "--plugin", str(path), "--lang", "en")
    assert code == 0
    assert "\nmine " in out
    assert err == (
        "achievement: warning: plugin 'mine': achievement_register_evaluators is not marked "
        "with @achievement.hookimpl, so it is never called\n"
        "achievement: warning: plugin 'mine' implements no hook: it adds nothing\n"
    )
    code, _, err = run(capsys, "plugins", "--plugin", str(path))
    assert "@achievement.hookimpl が付いていないため呼び出されません" in err


@pytest.mark.parametrize(("missing", "blank"), [("ja", False), ("en", False), ("en", True)])
def test_message_catalogue_missing_a_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], missing: str, blank: bool
) -> None:
    """A message without ja or en is refused when the judge is built, naming plugin and hook."""
    other = "en" if missing == "ja" else "ja"
    also = f', "{missing}": " "' if blank else ""
    body = EVALUATOR.replace("{MESSAGES}", f'{{"toy.done": {{"{other}": "done"{also}}}}}')
    path = plugin(tmp_path, body.replace("{RETURN}", 'Verdict(Outcome.ACHIEVED, "toy.done")'))
    code, _, err = judge_cli(capsys, path, "--style", "toy")
    assert code == 2
    assert err == (
        "achievement: error: plugin 'mine', hook achievement_register_evaluators, style 'toy': "
        f"the message of reason code 'toy.done' has no {missing} text; every message needs "
        "both ja and en\n"
    )


def test_reason_code_without_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A verdict whose code has no message is not evaluable, naming the style and the plugin."""
    body = EVALUATOR.replace("{MESSAGES}", GOOD_MESSAGES)
    path = plugin(tmp_path, body.replace("{RETURN}", 'Verdict(Outcome.ACHIEVED, "toy.gone")'))
    code, out, err = judge_cli(capsys, path, "--style", "toy")
    assert code == 1
    assert out == (
        "not evaluable: style 'toy' (plugin 'mine') returned the reason code 'toy.gone', "
        "which has no message in its messages catalogue; not evaluable\n"
    )
    assert err.startswith(
        "achievement: warning: plugin 'mine' failed in hook evaluate: "
        "reason code 'toy.gone' has no message. To run without it, pass --disable-plugin mine"
    )


def test_evaluate_returning_a_non_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``evaluate`` returning something else than a Verdict is named, not a crash."""
    body = EVALUATOR.replace("{MESSAGES}", GOOD_MESSAGES)
    path = plugin(tmp_path, body.replace("{RETURN}", '"achieved"'))
    code, out, err = judge_cli(capsys, path, "--style", "toy")
    assert code == 1
    assert out == (
        "not evaluable: style 'toy' (plugin 'mine'): evaluate returned str, not a Verdict; "
        "not evaluable\n"
    )
    assert "plugin 'mine' failed in hook evaluate: returned str, not a Verdict" in err


def test_parse_hook_returning_a_non_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A parse hook returning something that is not a value names the plugin and the hook."""
    path = plugin(
        tmp_path,
        """
        @hookimpl
        def achievement_parse_value(text):
            return {"amount": 10}
        """,
    )
    code, _, err = judge_cli(capsys, path)
    assert code == 2
    assert err.startswith(
        "achievement: error: plugin 'mine', hook achievement_parse_value: "
        "read '10件' as dict, which is not a value"
    )


# -- issue 12 item 12: broken plugins at run time -------------------------------------------

RAISES_IN_INFER = """
@hookimpl
def achievement_infer_style(indicator):
    if indicator.name == "研修":
        raise KeyError("unit")
    return None
"""

RAISES_IN_PARSE = """
@hookimpl
def achievement_parse_value(text, column):
    if text.endswith("回"):
        raise ValueError("cannot count")
    return None
"""


def _report(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str) -> tuple[int, str, str]:
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN, encoding="utf-8")
    path = plugin(tmp_path, body)
    return run(
        capsys, "report", str(source), "--plugin", str(path), "--format", "json", "--lang", "en"
    )


def test_plugin_raising_in_infer_style(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The indicator it failed on is not evaluable, naming it; the others are judged; once."""
    import json

    code, out, err = _report(tmp_path, capsys, RAISES_IN_INFER)
    assert code == 1
    first, second = json.loads(out)["indicators"]
    assert (first["outcome"], first["style"]) == ("achieved", "threshold")
    assert (second["outcome"], second["reason"]["code"]) == (
        "not_evaluable",
        "judge.inference_failed",
    )
    assert "(hook achievement_infer_style)" in second["message"]
    assert err.count("achievement: warning:") == 1
    assert err.startswith(
        "achievement: warning: plugin 'mine' failed in hook achievement_infer_style: "
        "KeyError: 'unit'. To run without it, pass --disable-plugin mine, or set "
        "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD=1"
    )


def test_plugin_raising_in_parse_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Cells it failed on are read by the notation; every indicator is judged; reported once."""
    import json

    code, out, err = _report(tmp_path, capsys, RAISES_IN_PARSE)
    assert code == 1
    outcomes = [i["outcome"] for i in json.loads(out)["indicators"]]
    assert outcomes == ["achieved", "achieved"]
    assert err == (
        "achievement: warning: plugin 'mine' failed in hook achievement_parse_value (2 times): "
        "ValueError: cannot count. To run without it, pass --disable-plugin mine, or set "
        "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD=1 to stop loading installed plugins\n"
    )


def test_plugin_naming_an_unknown_style(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plugin inferring a style nobody registers is named; its indicator is not evaluable."""
    code, out, err = judge_cli(
        capsys,
        plugin(
            tmp_path,
            """
            @hookimpl
            def achievement_infer_style(indicator):
                return "thershold"
            """,
        ),
    )
    assert code == 1
    assert out.startswith(
        "not evaluable: plugin 'mine' named the style 'thershold' for indicator '' "
        "(hook achievement_infer_style), but no plugin registers that style"
    )
    assert "plugin 'mine' failed in hook achievement_infer_style: unknown style" in err


class _Good:
    __name__ = "good"

    @hookimpl
    def achievement_infer_style(self, indicator: object) -> None:
        return None


def _broken_install(monkeypatch: pytest.MonkeyPatch) -> None:
    install(
        monkeypatch,
        FakeDistribution("achievement-broken", "1.0", FakeEntryPoint("broken", ImportError("x"))),
        FakeDistribution("achievement-good", "2.0", FakeEntryPoint("good", _Good())),
    )
    monkeypatch.setenv(AUTOLOAD_ENV, "")


def test_broken_installed_plugin_says_how_to_skip_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The error names the plugin and both ways to run without it; each way works."""
    _broken_install(monkeypatch)
    argv = ("judge", "--target", "10件", "--actual", "12件", "--lang", "en")
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err == (
        "achievement: error: the installed plugin 'broken' (from achievement-broken) failed to "
        "load: ImportError: x. To run without it, pass --disable-plugin broken, or set "
        "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD=1 to stop loading installed plugins\n"
    )
    assert run(capsys, *argv, "--disable-plugin", "broken")[0] == 0
    assert run(capsys, *argv, "--no-plugins")[0] == 0
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    default_judge.cache_clear()
    assert run(capsys, *argv)[0] == 0


def test_plugins_lists_the_others_beside_a_broken_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``achievement plugins`` lists every plugin that loads, and the broken one with its error."""
    _broken_install(monkeypatch)
    code, out, err = run(capsys, "plugins", "--lang", "en")
    assert code == 0
    assert "\ngood  " in out.replace("good ", "good  ")
    assert "\nbroken " in out
    assert "the installed plugin 'broken' (from achievement-broken) failed to load" in err
    assert "--disable-plugin broken" in err


@pytest.mark.parametrize(
    ("setting", "autoloads"),
    [("1", False), ("true", False), ("YES", False), ("0", True), ("false", True), ("", True)],
)
def test_autoload_switch_takes_only_yes_words(
    monkeypatch: pytest.MonkeyPatch, setting: str, autoloads: bool
) -> None:
    """Only 1, true and yes stop autoloading; 0 and false do not."""
    install(
        monkeypatch, FakeDistribution("achievement-good", "2.0", FakeEntryPoint("good", _Good()))
    )
    monkeypatch.setenv(AUTOLOAD_ENV, setting)
    names = [p.name for p in Judge().describe_plugins()]
    assert ("good" in names) is autoloads


def test_every_command_takes_no_plugins() -> None:
    """``--no-plugins`` is accepted by every command."""
    from achievement.cli import COMMANDS

    needs = {
        "validate": ["plan.csv"],
        "judge": ["--target", "1件", "--actual", "1件"],
        "batch": ["in.csv", "-o", "out.csv"],
        "annotate": ["plan.csv", "-o", "out.csv"],
        "diff": ["last.json", "this.json"],
    }
    names = [module.rsplit(".", 1)[-1].removesuffix("_command") for module in COMMANDS]
    assert {"report", "validate", "compare", "judge", "schema", "plugins"} <= set(names)
    for command in names:
        argv = [command, *needs.get(command, []), "--no-plugins"]
        assert build_parser("en", argv).parse_args(argv).no_plugins is True, command


def test_no_plugins_leaves_installed_plugins_out(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--no-plugins`` only the built-in rules judge."""
    install(
        monkeypatch, FakeDistribution("achievement-good", "2.0", FakeEntryPoint("good", _Good()))
    )
    monkeypatch.setenv(AUTOLOAD_ENV, "")
    _, out, _ = run(capsys, "plugins", "--no-plugins", "--format", "json")
    assert "good" not in out
    _, out, _ = run(capsys, "plugins", "--format", "json")
    assert '"good"' in out


class _FailsToRegister:
    __name__ = "clumsy"

    @hookimpl
    def achievement_register_evaluators(self, registry: object) -> None:
        raise AttributeError("no evaluator today")


def test_installed_plugin_failing_to_register(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An installed plugin that fails in a registration hook is named with how to skip it."""
    install(
        monkeypatch,
        FakeDistribution("achievement-clumsy", "1.0", FakeEntryPoint("clumsy", _FailsToRegister())),
        FakeDistribution("achievement-good", "2.0", FakeEntryPoint("good", _Good())),
    )
    monkeypatch.setenv(AUTOLOAD_ENV, "")
    code, _, err = run(capsys, "judge", "--target", "1件", "--actual", "1件", "--lang", "en")
    assert code == 2
    assert err == (
        "achievement: error: plugin 'clumsy' failed to register its evaluators (hook "
        "achievement_register_evaluators): AttributeError: no evaluator today. To run without "
        "it, pass --disable-plugin clumsy, or set ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD=1 to stop "
        "loading installed plugins\n"
    )
    code, out, err = run(capsys, "plugins", "--lang", "en")
    assert code == 0
    assert "\ngood " in out
    assert "\nclumsy " in out
    assert "plugin 'clumsy' failed to register its evaluators" in err


def test_message_needing_a_parameter_the_verdict_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A message template naming a parameter the verdict does not give is named, not a crash."""
    body = EVALUATOR.replace("{MESSAGES}", '{"toy.done": {"ja": "{actual}で達成", "en": "done"}}')
    path = plugin(tmp_path, body.replace("{RETURN}", 'Verdict(Outcome.ACHIEVED, "toy.done")'))
    code, out, err = judge_cli(capsys, path, "--style", "toy")
    assert code == 1
    assert out == (
        "not evaluable: style 'toy' (plugin 'mine'): the message of reason code 'toy.done' "
        "cannot be filled from the verdict's params (KeyError: 'actual'); not evaluable\n"
    )
    assert "plugin 'mine' failed in hook evaluate: message of 'toy.done'" in err
