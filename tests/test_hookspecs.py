"""Every hook states its contract (the hook reference is built from these docstrings)."""

from __future__ import annotations

import inspect

import pytest

from achievement import Judge, _hookspecs

HOOKS = sorted(
    name
    for name, fn in vars(_hookspecs).items()
    if callable(fn) and hasattr(fn, f"{_hookspecs.PROJECT}_spec")
)


def test_hooks_are_found() -> None:
    """The hook specification module declares the hooks the judge calls."""
    assert set(HOOKS) == set(Judge(autoload=False).plugin_manager.hook.__dict__)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_is_prefixed(name: str) -> None:
    """Every hook is prefixed ``achievement_``, so check_pending catches misspelt ones."""
    assert name.startswith("achievement_")


@pytest.mark.parametrize("name", HOOKS)
def test_hook_has_a_contract(name: str) -> None:
    """Every hook has a docstring of several sentences that says when it is called."""
    doc = inspect.getdoc(getattr(_hookspecs, name)) or ""
    assert doc.count(".") >= 3, f"{name} needs a docstring stating its contract"
    assert "called" in doc.lower(), f"{name} must say when it is called"


@pytest.mark.parametrize("name", HOOKS)
def test_firstresult_hook_says_so(name: str) -> None:
    """A hook that stops at the first answer says so, and says what passing looks like."""
    fn = getattr(_hookspecs, name)
    doc = " ".join((inspect.getdoc(fn) or "").split())
    if getattr(fn, f"{_hookspecs.PROJECT}_spec")["firstresult"]:
        assert "Stops at the first non-``None`` result" in doc
        assert "``None``" in doc.split("Stops")[0]


@pytest.mark.parametrize("name", HOOKS)
def test_hook_arguments_are_documented(name: str) -> None:
    """Every argument of a hook is named in its docstring."""
    fn = getattr(_hookspecs, name)
    doc = inspect.getdoc(fn) or ""
    for arg in inspect.signature(fn).parameters:
        assert f"``{arg}``" in doc or f"``{arg}." in doc, f"{name}: argument {arg!r} undocumented"
