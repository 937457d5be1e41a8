"""Plugin discovery, registration and failure handling in the Judge."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from achievement import Indicator, Judge, Outcome, PluginError, UnknownStyleError, hookimpl
from achievement._judge import AUTOLOAD_ENV, DISABLED_PLUGINS_ENV

from ._plugin_helpers import (
    EvaluatorPlugin,
    EvenEvaluator,
    FakeDistribution,
    FakeEntryPoint,
    install,
)

BUILTIN_STYLES = ("cumulative", "deadline", "direction", "ordinal", "threshold")


def even_dist(version: str = "1.2.3") -> FakeDistribution:
    return FakeDistribution(
        "achievement-even", version, FakeEntryPoint("even", EvaluatorPlugin(EvenEvaluator()))
    )


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    monkeypatch.delenv(DISABLED_PLUGINS_ENV, raising=False)


def test_entry_point_plugin_is_loaded_and_described(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin installed under the entry-point group is loaded and described with its distribution."""
    install(monkeypatch, even_dist())
    judge = Judge()
    info = {p.name: p for p in judge.describe_plugins()}["even"]
    assert (info.origin, info.distribution, info.version, info.styles) == (
        "entry point",
        "achievement-even",
        "1.2.3",
        ("even",),
    )
    assert judge.judge_text(baseline=None, target="1件", actual="4件", style="even").outcome is (
        Outcome.ACHIEVED
    )


def test_entry_points_of_other_groups_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entry points outside the group ``achievement`` are not loaded."""
    other = FakeEntryPoint("even", EvaluatorPlugin(EvenEvaluator()), group="pytest11")
    install(monkeypatch, FakeDistribution("x", "1", other))
    assert "even" not in Judge().styles


def test_autoload_env_turns_entry_points_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the autoload variable set, an installed plugin is not loaded and its style is unknown."""
    install(monkeypatch, even_dist())
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    judge = Judge()
    assert judge.styles == BUILTIN_STYLES
    with pytest.raises(UnknownStyleError) as caught:
        judge.judge_text(baseline=None, target="1件", actual="4件", style="even")
    assert caught.value.known == BUILTIN_STYLES
    assert "installed styles: cumulative, deadline, direction, ordinal, threshold" in str(
        caught.value
    )


def test_autoload_argument_beats_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """``autoload=True`` loads entry points even when the variable says not to."""
    install(monkeypatch, even_dist())
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    assert "even" in Judge(autoload=True).styles


@pytest.mark.parametrize("how", ["argument", "environment"])
def test_blocked_plugin_is_not_loaded(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """A plugin named in the block list, as an argument or in the environment, is not loaded."""
    install(monkeypatch, even_dist())
    if how == "argument":
        judge = Judge(blocked=["even"])
    else:
        monkeypatch.setenv(DISABLED_PLUGINS_ENV, "other, even")
        judge = Judge()
    assert "even" not in judge.styles
    assert "even" not in [p.name for p in judge.describe_plugins()]


def test_entry_point_that_fails_to_load_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed plugin that cannot be imported is refused naming it and its distribution."""
    broken = FakeEntryPoint("broken", ImportError("No module named 'nowhere'"))
    install(monkeypatch, FakeDistribution("achievement-broken", "0.1", broken))
    with pytest.raises(PluginError, match=r"'broken' \(from achievement-broken\).*nowhere"):
        Judge()


def test_two_plugins_claiming_one_style_are_refused() -> None:
    """Two plugins that add the same style are refused with an error naming both."""
    first = EvaluatorPlugin(EvenEvaluator(), name="first")
    second = EvaluatorPlugin(EvenEvaluator(), name="second")
    with pytest.raises(PluginError) as caught:
        Judge(plugins=[first, second], autoload=False)
    assert "'first'" in caught.value.en
    assert "'second'" in caught.value.en
    assert "「first」" in caught.value.ja


def test_plugin_claiming_a_builtin_style_is_refused() -> None:
    """A plugin may not take over a built-in style; the error names the built-in plugin."""
    with pytest.raises(PluginError, match=r"achievement\.rules\.threshold"):
        Judge(plugins=[EvaluatorPlugin(EvenEvaluator("threshold"))], autoload=False)


PLUGIN_FILE = """
from achievement import hookimpl
from achievement.rules.threshold import ThresholdEvaluator


class Percent(ThresholdEvaluator):
    style = "{style}"
    messages = {{
        code.replace("threshold.", "{style}."): text
        for code, text in ThresholdEvaluator.messages.items()
    }}

    def evaluate(self, indicator):
        verdict = super().evaluate(indicator)
        return type(verdict)(**{{
            **{{f: getattr(verdict, f) for f in verdict.__slots__}},
            "code": verdict.code.replace("threshold.", "{style}."),
        }})


@hookimpl
def achievement_register_evaluators(registry):
    registry.add(Percent())
"""


def write_plugin(directory: Path, stem: str, style: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stem}.py"
    path.write_text(textwrap.dedent(PLUGIN_FILE.format(style=style)), encoding="utf-8")
    return path


@pytest.mark.parametrize("as_str", [True, False])
def test_local_plugin_file(tmp_path: Path, as_str: bool) -> None:
    """A plugin given as a ``.py`` path adds its style, judged like a built-in one."""
    path = write_plugin(tmp_path, "percent_plugin", "percent")
    judge = Judge(plugins=[str(path) if as_str else path], autoload=False)
    judgment = judge.judge_text(baseline=None, target="80%", actual="85%", style="percent")
    assert (judgment.style, judgment.outcome) == ("percent", Outcome.ACHIEVED)
    info = {p.name: p for p in judge.describe_plugins()}["percent_plugin"]
    assert (info.origin, info.distribution, info.styles) == ("local", None, ("percent",))


def test_local_plugin_file_loaded_twice_is_one_plugin(tmp_path: Path) -> None:
    """The same plugin file given twice, or to two judges, is one plugin, not a conflict."""
    path = write_plugin(tmp_path, "twice_plugin", "twice")
    assert Judge(plugins=[path, path], autoload=False).styles.count("twice") == 1
    assert "twice" in Judge(plugins=[path], autoload=False).styles


def test_two_local_files_with_one_name_are_refused(tmp_path: Path) -> None:
    """Two different plugin files with the same name in one judge are refused, naming the name."""
    first = write_plugin(tmp_path / "a", "same_name_plugin", "alpha")
    second = write_plugin(tmp_path / "b", "same_name_plugin", "beta")
    with pytest.raises(PluginError, match="two different plugins are named 'same_name_plugin'"):
        Judge(plugins=[first, second], autoload=False)
    assert "beta" in Judge(plugins=[second], autoload=False).styles


def test_local_plugin_file_can_be_blocked_by_name(tmp_path: Path) -> None:
    """A plugin file is named after its file, and blocking that name keeps it out."""
    path = write_plugin(tmp_path, "blocked_plugin", "blockme")
    assert "blockme" not in Judge(plugins=[path], blocked=["blocked_plugin"], autoload=False).styles


def test_missing_plugin_file_is_named(tmp_path: Path) -> None:
    """A plugin path that does not exist is refused with the path."""
    missing = tmp_path / "nowhere.py"
    with pytest.raises(PluginError, match=r"nowhere\.py"):
        Judge(plugins=[missing], autoload=False)


def test_plugin_file_with_an_error_is_named(tmp_path: Path) -> None:
    """A plugin file that raises on import is refused with the path and the error."""
    path = tmp_path / "raising_plugin.py"
    path.write_text("raise RuntimeError('boom')\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"raising_plugin\.py.*RuntimeError: boom"):
        Judge(plugins=[path], autoload=False)


def test_local_plugin_by_module_name() -> None:
    """A plugin given as an importable module name is registered under that name."""
    judge = Judge(plugins=["tests._plugin_module"], autoload=False)
    assert "tests._plugin_module" in [p.name for p in judge.describe_plugins()]
    assert "odd" in judge.styles


def test_unimportable_module_name_is_named() -> None:
    """A plugin module name that cannot be imported is refused with the name."""
    with pytest.raises(PluginError, match="no_such_plugin_module"):
        Judge(plugins=["no_such_plugin_module"], autoload=False)


def test_misspelt_hook_is_refused() -> None:
    """A plugin implementing a hook that does not exist is refused (check_pending)."""

    class Misspelt:
        @hookimpl
        def achievement_register_evaluator(self, registry: object) -> None:
            """Misspelt: the hook is achievement_register_evaluators."""

    with pytest.raises(PluginError, match="achievement_register_evaluator"):
        Judge(plugins=[Misspelt()], autoload=False)


def test_plugin_raising_while_registering_is_named() -> None:
    """A plugin that raises while registering is refused naming it."""

    class Raising:
        __name__ = "raising"

        @hookimpl
        def achievement_register_evaluators(self, registry: object) -> None:
            raise KeyError("oops")

    with pytest.raises(PluginError, match="'raising' failed to register"):
        Judge(plugins=[Raising()], autoload=False)


class ExplodingEvaluator(EvenEvaluator):
    def evaluate(self, indicator: Indicator):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")


def test_evaluator_that_raises_gives_a_judgment_error() -> None:
    """An evaluator that raises gives a not-evaluable judgment naming the plugin and the indicator."""
    judge = Judge(plugins=[EvaluatorPlugin(ExplodingEvaluator(), name="boom")], autoload=False)
    judgment = judge.judge_text(
        baseline=None, target="1件", actual="2件", style="even", name="研修の回数"
    )
    assert judgment.outcome is Outcome.NOT_EVALUABLE
    assert judgment.reason.code == "judge.evaluator_failed"
    assert judgment.reason.params == {
        "style": "even",
        "plugin": "boom",
        "indicator": "研修の回数",
        "error": "ZeroDivisionError: division by zero",
    }
    assert "プラグイン「boom」" in judgment.message.ja
    assert "'研修の回数'" in judgment.message.en
    other = judge.judge_text(baseline=None, target="110件", actual="785件")
    assert other.outcome is Outcome.ACHIEVED


class BadVerdictEvaluator(EvenEvaluator):
    def evaluate(self, indicator: Indicator):  # type: ignore[no-untyped-def]
        return "achieved"


class UnknownCodeEvaluator(EvenEvaluator):
    def evaluate(self, indicator: Indicator):  # type: ignore[no-untyped-def]
        verdict = super().evaluate(indicator)
        return type(verdict)(verdict.outcome, "even.not_in_catalogue")


@pytest.mark.parametrize(
    ("evaluator", "code", "en", "ja"),
    [
        (
            BadVerdictEvaluator(),
            "judge.not_a_verdict",
            "style 'even' (plugin 'toy'): evaluate returned str, not a Verdict; not evaluable",
            "評価方式「even」(プラグイン「toy」)の evaluate が Verdict ではなく str を返したため"
            "評価不能",
        ),
        (
            UnknownCodeEvaluator(),
            "judge.no_message",
            "style 'even' (plugin 'toy') returned the reason code 'even.not_in_catalogue', "
            "which has no message in its messages catalogue; not evaluable",
            "評価方式「even」(プラグイン「toy」)が返した理由コード「even.not_in_catalogue」の"
            "文言が messages にないため評価不能",
        ),
    ],
)
def test_malformed_verdict_gives_a_judgment_error(
    evaluator: EvenEvaluator, code: str, en: str, ja: str
) -> None:
    """A verdict that is not one, or whose code has no message, is named, not a crash."""
    judge = Judge(plugins=[EvaluatorPlugin(evaluator)], autoload=False)
    judgment = judge.judge_text(baseline=None, target="1件", actual="2件", style="even")
    assert (judgment.outcome, judgment.reason.code) == (Outcome.NOT_EVALUABLE, code)
    assert judgment.reason.params["plugin"] == "toy"
    assert (judgment.message.en, judgment.message.ja) == (en, ja)
    (failure,) = judge.take_failures()
    assert (failure.plugin, failure.hook) == ("toy", "evaluate")


class Claims:
    """Infers the style ``even`` for every target in 件."""

    __name__ = "claims"

    @hookimpl
    def achievement_infer_style(self, indicator: Indicator) -> str | None:
        target = indicator.target.value
        return "even" if getattr(target, "unit", None) == "件" else None


def test_infer_hook_claims_before_builtins() -> None:
    """A plugin's inference runs before the built-in one, so it can claim a numeric target."""
    judge = Judge(plugins=[EvaluatorPlugin(EvenEvaluator()), Claims()], autoload=False)
    assert judge.judge_text(baseline=None, target="110件", actual="785件").style == "even"
    assert judge.judge_text(baseline=None, target="60%", actual="20%").style == "threshold"


def test_infer_hook_that_raises_gives_a_judgment_error() -> None:
    """A plugin that raises while inferring a style gives a judgment error naming it."""

    class Raising:
        __name__ = "guesser"

        @hookimpl
        def achievement_infer_style(self, indicator: Indicator) -> str | None:
            raise ValueError("cannot guess")

    judge = Judge(plugins=[Raising()], autoload=False)
    judgment = judge.judge_text(baseline=None, target="1件", actual="2件", name="指標A")
    assert judgment.outcome is Outcome.NOT_EVALUABLE
    assert judgment.reason.code == "judge.inference_failed"
    assert judgment.reason.params == {
        "plugin": "guesser",
        "indicator": "指標A",
        "error": "ValueError: cannot guess",
    }
    assert judge.judge_text(baseline=None, target="1件", actual="2件", style="threshold").outcome


def test_unknown_style_suggests_the_nearest() -> None:
    """A misspelt style is refused with the nearest installed style suggested, in both languages."""
    judge = Judge(autoload=False)
    with pytest.raises(UnknownStyleError) as caught:
        judge.judge_text(baseline=None, target="1件", actual="2件", style="treshold")
    assert caught.value.suggestion == "threshold"
    assert "did you mean 'threshold'?" in caught.value.message("en")
    assert "「threshold」の誤りではありませんか" in caught.value.message("ja")


def test_unknown_style_without_a_near_name_suggests_nothing() -> None:
    """A style name far from every installed one gets no suggestion, only the list."""
    error = UnknownStyleError("range", BUILTIN_STYLES)
    assert error.suggestion is None
    assert "did you mean" not in error.message("en")
    assert error.message("en").endswith("cumulative, deadline, direction, ordinal, threshold")


def test_unknown_style_is_named_before_the_cells_are_read() -> None:
    """A stated unknown style is reported even when a cell needs that style's plugin to be read."""
    with pytest.raises(UnknownStyleError, match="'range'"):
        Judge(autoload=False).judge_text(
            baseline=None, target="80%〜90%", actual="85%", style="range"
        )
