"""Reading the text of a plan file (YAML or JSON) within bounds.

Scalars are read as written: YAML's plain ``010``, ``1:30`` or ``1_000`` and
JSON's ``10.50`` stay that text.  YAML is refused before anything is built
when it is nested too deep or holds too many values once its aliases are
expanded (see :mod:`achievement.readers._limits`).
"""

from __future__ import annotations

import json
from typing import Any, Literal

from achievement._errors import AchievementError
from achievement.readers._limits import MAX_DEPTH, MAX_NODES, Limits

__all__ = [
    "indicator_lines",
    "parse_plan_text",
    "parse_text",
    "safe_load_bounded",
    "yaml_module",
]

_YAML_IMPLICIT = frozenset({"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"})


def yaml_module() -> Any:
    """The PyYAML module, or an error saying how to install it."""
    try:
        import yaml
    except ImportError as exc:
        raise AchievementError(
            "reading or writing YAML needs PyYAML: pip install 'achievement[yaml]'",
            "YAML の読み書きには PyYAML が必要です: pip install 'achievement[yaml]'",
        ) from exc
    return yaml


def parse_text(text: str, fmt: Literal["yaml", "json"], *, file: str) -> object:
    """The contents of a plan file, or an error naming the line that cannot be read."""
    if fmt == "json":
        try:
            return json.loads(text, parse_float=str, parse_int=str, parse_constant=str)
        except json.JSONDecodeError as exc:
            raise AchievementError(
                f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                f"{exc.lineno}行{exc.colno}文字目が JSON として読めません: {exc.msg}",
                file=file,
                row=exc.lineno,
            ) from exc
    yaml = yaml_module()
    try:
        return yaml.load(text, Loader=_loader())  # a SafeLoader: builds no objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise AchievementError(
            f"not valid YAML: {reason}",
            f"YAML として読めません: {reason}",
            file=file,
            row=line,
        ) from exc


def parse_plan_text(
    text: str, fmt: Literal["yaml", "json"], *, file: str, limits: Limits | None = None
) -> tuple[object, dict[str, int] | None]:
    """The contents of a plan file, and for YAML the line each indicator begins on.

    YAML is parsed once, with libyaml's C parser when PyYAML has it.  Before
    anything is built, the nesting depth (:data:`MAX_DEPTH`) and the number of
    values once aliases are expanded (:data:`MAX_NODES`, and at most
    ``limits.max_rows`` indicators) are counted on the parsed nodes without
    expanding them, so a small file of nested aliases is refused at once.
    """
    limits = limits or Limits()
    if fmt == "json":
        try:
            data = parse_text(text, "json", file=file)
        except RecursionError as exc:
            raise _too_deep(file) from exc
        _check_json(data, file)
        return data, None
    yaml = yaml_module()
    loader = _loader()(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError as exc:
            raise _too_deep(file) from exc
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, file) from exc
        if node is None:
            return None, {}
        _check_nodes(node, file, limits)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            raise _yaml_error(exc, file) from exc
    finally:
        loader.dispose()
    return data, _lines(node)


def safe_load_bounded(text: str, *, file: str) -> object:
    """YAML read as :func:`yaml.safe_load` reads it, with the depth and alias bounds of plans.

    Raises :class:`yaml.YAMLError` for text that is not YAML, and
    :class:`AchievementError` for a document beyond the bounds.
    """
    yaml = yaml_module()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError as exc:
            raise _too_deep(file) from exc
        if node is None:
            return None
        _check_nodes(node, file, Limits())
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _too_deep(file: str) -> AchievementError:
    return AchievementError(
        f"the plan file is nested more than {MAX_DEPTH} levels deep",
        f"計画ファイルの入れ子が {MAX_DEPTH} 段を超えています",
        file=file,
    )


def _yaml_error(exc: Exception, file: str) -> AchievementError:
    mark = getattr(exc, "problem_mark", None)
    line = None if mark is None else mark.line + 1
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return AchievementError(
        f"not valid YAML: {reason}", f"YAML として読めません: {reason}", file=file, row=line
    )


def _check_json(data: object, file: str) -> None:
    """Refuse JSON nested deeper than :data:`MAX_DEPTH` (walked without recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(file)
        if isinstance(item, dict):
            stack.extend((value, depth + 1) for value in item.values())
        elif isinstance(item, list):
            stack.extend((value, depth + 1) for value in item)


def _check_nodes(root: Any, file: str, limits: Limits) -> None:
    """Refuse a YAML node graph too deep, recursive, or too large once aliases are expanded.

    Each node is visited once; the expanded size of a node shared by aliases
    is counted as often as it is used, without building the copies.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    indicators = 0
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            open_.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            if depth[key] > MAX_DEPTH:
                raise _too_deep(file)
            if size[key] > MAX_NODES:
                raise AchievementError(
                    f"the plan file holds more than {MAX_NODES} values once its aliases "
                    "(*name) are expanded",
                    f"計画ファイルの別名(*名前)を展開すると値が {MAX_NODES} 個を超えます",
                    file=file,
                )
            continue
        if key in size:
            continue
        if key in open_:
            raise AchievementError(
                "the plan file refers to itself through an alias (*name)",
                "計画ファイルが別名(*名前)で自分自身を参照しています",
                file=file,
            )
        if len(open_) >= MAX_DEPTH:
            raise _too_deep(file)
        open_.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)
    for goal in _items(_get(root, "goals")):
        for measure in _items(_get(goal, "measures")):
            indicators += len(_items(_get(measure, "indicators")))
    expanded = size[id(root)]
    if indicators > limits.max_rows or (expanded > limits.max_rows * 64):
        raise limits.too_many_rows(file)


def _children(node: Any) -> list[Any]:
    if node.id == "sequence":
        return list(node.value)
    if node.id == "mapping":
        return [part for pair in node.value for part in pair]
    return []


def _lines(root: Any) -> dict[str, int]:
    lines: dict[str, int] = {}
    for i, goal in enumerate(_items(_get(root, "goals"))):
        for j, measure in enumerate(_items(_get(goal, "measures"))):
            for k, indicator in enumerate(_items(_get(measure, "indicators"))):
                path = f"goals[{i}].measures[{j}].indicators[{k}]"
                lines[path] = indicator.start_mark.line + 1
    return lines


def _loader() -> Any:
    yaml = yaml_module()
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc,valid-type]
        """The safe loader that resolves only nulls and merge keys: other scalars stay text."""

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag in _YAML_IMPLICIT]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def indicator_lines(text: str) -> dict[str, int]:
    """The line (from 1) each indicator of a YAML plan file begins on, by its path.

    >>> indicator_lines("goals:\\n- title: g\\n  measures:\\n  - title: m\\n    indicators:\\n"
    ...                 "    - name: a\\n      target: 1\\n    - name: b\\n      target: 2\\n")
    {'goals[0].measures[0].indicators[0]': 6, 'goals[0].measures[0].indicators[1]': 8}
    """
    yaml = yaml_module()
    try:
        root = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:  # pragma: no cover - the text was loaded before
        return {}
    return _lines(root)


def _get(node: Any, key: str) -> Any:
    """The value node under ``key`` of a mapping node, or ``None``."""
    if node is None or node.id != "mapping":
        return None
    return next((v for k, v in node.value if k.id == "scalar" and k.value == key), None)


def _items(node: Any) -> list[Any]:
    """The item nodes of a sequence node; none for anything else."""
    return list(node.value) if node is not None and node.id == "sequence" else []
