"""The documentation site stays true to the code.

Every hook has its page in both languages, headed by its full signature, and
every ``$ achievement ...`` command shown in a ``console`` block prints what the
page says it prints (all of it, or, when the block ends with a line ``...``,
the lines shown and more).  The ``>>>`` examples in the pages run as doctests (see
``--doctest-glob`` in ``pyproject.toml``).
"""

from __future__ import annotations

import argparse
import inspect
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

from achievement import _hookspecs
from achievement._judge import AUTOLOAD_ENV, DISABLED_PLUGINS_ENV, default_judge
from achievement.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("ja", "en")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)


def hookspecs() -> list[Callable[..., Any]]:
    """The hook specifications the plugin manager is built from."""
    return [
        f
        for name, f in vars(_hookspecs).items()
        if name.startswith("achievement_") and hasattr(f, "achievement_spec")
    ]


def call_signature(spec: Callable[..., Any]) -> str:
    """``name(arg, ...)``: how a hook is written in the heading of its page."""
    return f"{spec.__name__}({', '.join(inspect.signature(spec).parameters)})"


def typed_signature(spec: Callable[..., Any]) -> str:
    """``def name(arg: Type, ...) -> Type``, the annotations as written in the spec."""
    sig = inspect.signature(spec)
    args = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"def {spec.__name__}({args}) -> {sig.return_annotation}"


def hook_page(lang: str, name: str) -> Path:
    return DOCS / lang / "plugins" / "hooks" / f"{name}.md"


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def fences(text: str) -> Iterator[tuple[str, str]]:
    for m in FENCE.finditer(text):
        yield m.group("lang"), m.group("body")


def console_commands() -> list[Any]:
    """Every ``$ command`` of a console block with the output printed below it."""
    cases = []
    for page in pages():
        for lang, body in fences(page.read_text(encoding="utf-8")):
            if lang != "console":
                continue
            command: str | None = None
            output: list[str] = []
            for line in [*body.splitlines(), "$ "]:
                if line.startswith("$ "):
                    if command is not None:
                        rel = page.relative_to(DOCS).as_posix()
                        cases.append(
                            pytest.param(command, "\n".join(output), id=f"{rel}:{command}")
                        )
                    command, output = line[2:], []
                else:
                    output.append(line)
    return cases


def test_there_are_hooks() -> None:
    """The hook specs are found, so the tests below check something."""
    assert {f.__name__ for f in hookspecs()} >= {
        "achievement_register_evaluators",
        "achievement_infer_style",
    }


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", hookspecs(), ids=lambda f: f.__name__)
def test_hook_page_is_headed_by_its_signature(spec: Callable[..., Any], lang: str) -> None:
    """Each hook has a page in each language whose first heading is its call signature."""
    text = hook_page(lang, spec.__name__).read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("# "))
    assert heading == f"# `{call_signature(spec)}`"
    assert typed_signature(spec) in text


@pytest.mark.parametrize("spec", hookspecs(), ids=lambda f: f.__name__)
def test_hook_page_opens_with_the_spec_summary(spec: Callable[..., Any]) -> None:
    """The English hook page states the first sentence of the hook's docstring."""
    summary = (inspect.getdoc(spec) or "").split("\n\n")[0]
    expected = " ".join(summary.replace("``", "`").split())
    text = " ".join(hook_page("en", spec.__name__).read_text(encoding="utf-8").split())
    assert expected in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("spec", hookspecs(), ids=lambda f: f.__name__)
def test_hook_page_says_whether_first_result_wins(spec: Callable[..., Any], lang: str) -> None:
    """A hook page mentions firstresult exactly when the hook stops at the first answer."""
    text = hook_page(lang, spec.__name__).read_text(encoding="utf-8")
    firstresult = bool(spec.achievement_spec.get("firstresult"))  # type: ignore[attr-defined]
    assert ("firstresult" in text) is firstresult


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_for_a_hook_that_does_not_exist(lang: str) -> None:
    """Every hook page names a hook the plugin manager knows, and is in the site's nav."""
    known = {f.__name__ for f in hookspecs()}
    documented = {p.stem for p in (DOCS / lang / "plugins" / "hooks").glob("*.md")}
    assert documented == known
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in known:
        assert config.count(f"plugins/hooks/{name}.md") == len(LANGS)


def test_every_page_exists_in_both_languages() -> None:
    """The Japanese and the English site have the same pages."""
    ja = {p.relative_to(DOCS / "ja") for p in (DOCS / "ja").rglob("*.md")}
    en = {p.relative_to(DOCS / "en") for p in (DOCS / "en").rglob("*.md")}
    assert ja == en


SNIPPET = "--8<-- "
"""How a page includes a file of the project (``pymdownx.snippets``), e.g. the example plugin."""


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_python_blocks_are_doctests(page: Path) -> None:
    """Every Python block in the docs is a doctest, or includes a file of the project whole."""
    for lang, body in fences(page.read_text(encoding="utf-8")):
        if lang in ("python", "py", "pycon") and body.startswith(SNIPPET):
            included = body.strip().removeprefix(SNIPPET).strip().strip('"')
            assert body.strip().count("\n") == 0, "include one whole file per block"
            assert ":" not in included, "include whole files, not line ranges that drift"
            assert (ROOT / included).is_file(), included
        elif lang in ("python", "py", "pycon"):
            assert body.lstrip().startswith(">>>"), body
            assert body.endswith("\n\n"), "end a doctest block with a blank line"


MORE = "..."
"""The last line of a console block's output that stands for the lines left out."""


def compared(printed: str, expected: str) -> tuple[str, str]:
    """``(got, want)``: all the output, or its first lines when ``expected`` ends with ``...``.

    An output no longer than the lines shown is compared whole, so ``...`` never
    hides that the output stopped short.
    """
    shown = expected.rstrip("\n").split("\n")
    if shown[-1] != MORE:
        return printed, expected.rstrip("\n")
    lines = printed.split("\n")
    if len(lines) <= len(shown) - 1:
        return printed, expected.rstrip("\n")
    return "\n".join(lines[: len(shown) - 1]), "\n".join(shown[:-1])


@pytest.fixture
def bare_install(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command as a bare installation runs it in the project's folder: no installed
    plugin, Japanese by default."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("ACHIEVEMENT_LANG", raising=False)
    monkeypatch.delenv(DISABLED_PLUGINS_ENV, raising=False)
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    default_judge.cache_clear()
    yield
    default_judge.cache_clear()


@pytest.mark.usefixtures("bare_install")
@pytest.mark.parametrize(("command", "expected"), console_commands())
def test_console_block_prints_what_it_shows(
    command: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command shown in the docs prints the output shown below it, or begins with it."""
    argv = shlex.split(command)
    assert argv[0] == "achievement"
    code = main(argv[1:])
    out = capsys.readouterr()
    printed = (out.out + out.err).rstrip("\n")
    got, want = compared(printed, expected)
    assert got == want
    assert code == exit_code(printed)


PROBLEMS = re.compile(r"問題 [1-9]\d*件|\b[1-9]\d* problem\(s\)")
"""A summary line telling that some rows or cells could not be read."""


def exit_code(printed: str) -> int:
    """The exit code the output shows: 2 for an error, 1 when problems were reported, else 0."""
    if printed.startswith("achievement: "):
        return 2
    return 1 if PROBLEMS.search(printed) else 0


def test_exit_code_follows_the_output() -> None:
    """An error, a summary with problems and a clean summary each expect their own exit code."""
    assert exit_code("achievement: エラー: x") == 2
    assert (
        exit_code("a.csv: 2行中 1行を読み込みました。問題 1件(読めなかった行 1行)、注意 0件。") == 1
    )
    assert exit_code("a.csv: read 1 of 2 rows; 1 problem(s) in 1 row(s) left out") == 1
    assert exit_code("a.csv: read 2 of 2 rows; 0 problem(s) in 0 row(s) left out") == 0
    assert (
        exit_code("a.csv: 2行中 2行を読み込みました。問題 0件(読めなかった行 0行)、注意 0件。") == 0
    )


def test_a_shortened_console_block_still_fails_when_output_drifts() -> None:
    """The ``...`` form compares the lines shown, and is refused when nothing is left out."""
    assert compared("a\nb\nc", "a\nb\n...")[0] == compared("a\nb\nc", "a\nb\n...")[1]
    got, want = compared("a\nB\nc", "a\nb\n...")
    assert got != want
    got, want = compared("a\nb", "a\nb\n...")
    assert got != want


@pytest.mark.skipif(find_spec("mkdocs") is None, reason="the docs extra is not installed")
def test_site_builds_in_strict_mode(tmp_path: Path) -> None:
    """``mkdocs build --strict`` succeeds: no broken link, reference or nav entry."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "index.html").is_file()
    assert (tmp_path / "en" / "index.html").is_file()


MODULES = ("readers", "rollup", "schemes", "strategies", "testing", "trajectory")
"""The public modules of the package, each rendered whole on the Python API page."""


@pytest.mark.parametrize("lang", LANGS)
def test_api_reference_lists_every_public_name(lang: str) -> None:
    """The Python API page renders every name in ``achievement.__all__``, and nothing else."""
    import achievement

    text = (DOCS / lang / "reference" / "api.md").read_text(encoding="utf-8")
    rendered = re.findall(r"^::: achievement\.(\w+)$", text, re.M)
    assert sorted(name for name in rendered if name not in MODULES) == sorted(achievement.__all__)
    assert set(MODULES) <= set(rendered)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """The subcommands of the ``achievement`` command, by name."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_command_and_option_is_documented(name: str, lang: str) -> None:
    """Each subcommand has its section on the command-line page, naming every option."""
    text = (DOCS / lang / "reference" / "cli.md").read_text(encoding="utf-8")
    assert f"\n## achievement {name} " in text
    section = text.split(f"\n## achievement {name} ", 1)[1].split("\n## ", 1)[0]
    for action in subcommands()[name]._actions:
        for option in action.option_strings:
            if option.startswith("--") and option not in ("--help", "--lang"):
                assert f"`{option}" in section, option


@pytest.mark.parametrize("lang", LANGS)
def test_committed_schema_is_the_plan_schema(lang: str) -> None:
    """The JSON Schema shown with the plan file format is the one the reader validates with."""
    import json

    from achievement.readers import plan_schema

    path = DOCS / lang / "reference" / "plan-schema.json"
    assert json.loads(path.read_text(encoding="utf-8")) == plan_schema()
    page = (DOCS / lang / "reference" / "plan-files.md").read_text(encoding="utf-8")
    assert "(plan-schema.json)" in page


@pytest.mark.parametrize("lang", LANGS)
def test_grading_page_states_every_preset_rule(lang: str) -> None:
    """The grading page has a section per preset scheme with its rule as the report prints it."""
    from achievement.schemes.presets import PRESETS

    text = (DOCS / lang / "grading.md").read_text(encoding="utf-8")
    for scheme in PRESETS:
        assert f"## `{scheme.name}`" in text
        section = text.split(f"## `{scheme.name}`", 1)[1].split("\n## ", 1)[0]
        assert " ".join(getattr(scheme.rule, lang).split()) in " ".join(section.split())


@pytest.mark.parametrize("lang", LANGS)
def test_quick_start_shows_the_readme_commands(lang: str) -> None:
    """The quick start's first-command section shows the README's two commands, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = next(body for fence, body in fences(readme) if fence == "sh")
    page = (DOCS / lang / "index.md").read_text(encoding="utf-8")
    section = page.split("<!-- first-command", 1)[1].split("<!-- /first-command -->", 1)[0]
    assert next(body for fence, body in fences(section) if fence == "sh") == commands
