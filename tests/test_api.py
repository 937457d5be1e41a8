"""The public surface: the one-line API, the package's exports and what importing it costs."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import achievement
from achievement import Judge, Judgment, Outcome, judge

ALLOWED_THIRD_PARTY = {
    "pydantic",
    "pydantic_core",
    "pluggy",
    "annotated_types",
    "typing_extensions",
    "typing_inspection",
}


def test_import_loads_only_pydantic_and_pluggy() -> None:
    """`import achievement` loads no third-party module other than pydantic and pluggy (and theirs)."""
    code = textwrap.dedent(
        """
        import json, sys, sysconfig
        before = set(sys.modules)
        import achievement
        sites = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
        new = [sys.modules[name] for name in set(sys.modules) - before]
        print(json.dumps(sorted(
            module.__name__ for module in new
            if any(str(getattr(module, "__file__", None) or "").startswith(site) for site in sites)
        )))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    third_party = {name.partition(".")[0] for name in json.loads(out)} - {"achievement"}
    assert third_party <= ALLOWED_THIRD_PARTY, third_party - ALLOWED_THIRD_PARTY
    assert "pluggy" in third_party
    assert "pydantic" in third_party


def test_import_registers_nothing() -> None:
    """Importing the package builds no plugin manager; the default judge is built on first use."""
    code = textwrap.dedent(
        """
        import pluggy
        made = []
        original = pluggy.PluginManager.__init__
        def spy(self, *a, **k):
            made.append(1)
            original(self, *a, **k)
        pluggy.PluginManager.__init__ = spy
        import achievement
        assert not made, "a plugin manager was built at import"
        achievement.judge(baseline=None, target="1件", actual="1件")
        achievement.judge(baseline=None, target="1件", actual="1件")
        assert len(made) == 1, made
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_all_is_sorted_and_complete() -> None:
    """`__all__` is sorted and names every public attribute the package defines."""
    names = achievement.__all__
    assert names == sorted(
        names, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)
    )
    public = {
        name
        for name, value in vars(achievement).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("achievement")
    }
    assert public <= set(names), public - set(names)
    assert all(hasattr(achievement, name) for name in names)


def test_one_line_api_shape() -> None:
    """judge(baseline=, target=, actual=) returns a Judgment whose outcome is a str enum."""
    j = judge(baseline="10%", target="60%", actual="20%")
    assert isinstance(j, Judgment)
    assert j.outcome == "not_achieved"
    assert isinstance(j.outcome, str)
    assert judge(baseline=None, target="80%", actual="82%").outcome == "achieved"
    assert judge(baseline="10%", target="60%", actual="20%", direction="lower").outcome == (
        Outcome.ACHIEVED
    )


def test_judges_own_their_plugin_managers() -> None:
    """Two judges have separate plugin managers, each with the five built-in styles."""
    a, b = Judge(autoload=False), Judge(autoload=False)
    assert a.plugin_manager is not b.plugin_manager
    assert a.styles == b.styles == ("cumulative", "deadline", "direction", "ordinal", "threshold")


def test_version_is_the_distribution_version() -> None:
    """`achievement.__version__` is read from the installed distribution."""
    from importlib.metadata import version

    assert achievement.__version__ == version("achievement")


def test_python_m_achievement_runs_the_command_line() -> None:
    """``python -m achievement`` is the command line: it judges, and exits with its code."""
    done = subprocess.run(
        [sys.executable, "-m", "achievement", "judge", "--target", "60%", "--actual", "61%"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("達成")
    wrong = subprocess.run(
        [sys.executable, "-m", "achievement", "judge", "--actual", "61%"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert wrong.returncode == 2
