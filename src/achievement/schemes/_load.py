"""Finding a scheme by name, or reading one from a YAML or JSON file.

A scheme file either changes a scheme already known::

    extends: degree
    name: degree-110        # optional; the file's name otherwise
    bands: {A: 110%, B: 80%, C: 50%}

or states a whole new scheme with the fields of :class:`Scheme`.  Any other
field of the scheme it extends may be given too (``title``, ``unmet_grade``...).
A scheme whose bands were changed does not keep the ``source`` of the scheme
it extends unless the file states one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from achievement._errors import AchievementError
from achievement._validation import describe
from achievement.schemes._scheme import InvalidScheme, Scheme

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = ["SchemeFileError", "get_scheme", "load_scheme"]

SCHEME_SUFFIXES = (".yaml", ".yml", ".json")
"""The file suffixes read as scheme files."""


class SchemeFileError(AchievementError, ValueError):
    """A scheme file that cannot be read or does not describe a valid scheme."""


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _read(path: Path) -> Any:
    """The data in ``path``; YAML is read with PyYAML, imported only here."""
    from achievement.readers._limits import Limits, read_bounded

    try:
        text = read_bounded(path, str(path), Limits()).decode("utf-8")
    except AchievementError as exc:
        raise SchemeFileError(
            f"cannot read the scheme file: {exc.en}",
            f"評価区分のファイルを読めません: {exc.ja}",
            file=str(path),
        ) from exc
    except UnicodeDecodeError as exc:
        raise SchemeFileError(
            "cannot read the scheme file: it is not UTF-8 text",
            "評価区分のファイルを読めません: UTF-8 のテキストではありません",
            file=str(path),
        ) from exc
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemeFileError(
                f"not valid JSON: {exc.msg}",
                f"JSON として読めません: {exc.msg}",
                file=str(path),
                row=exc.lineno,
            ) from exc
    try:
        import yaml
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SchemeFileError(
            "reading YAML needs PyYAML: pip install 'achievement[yaml]'",
            "YAML を読むには PyYAML が必要です: pip install 'achievement[yaml]'",
            file=str(path),
        ) from exc
    from achievement.readers._planfile import safe_load_bounded

    try:
        return safe_load_bounded(text, file=str(path))
    except SchemeFileError:
        raise
    except AchievementError as exc:
        raise SchemeFileError(exc.en, exc.ja, file=str(path)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SchemeFileError(
            f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
            f"YAML として読めません: {getattr(exc, 'problem', None) or exc}",
            file=str(path),
            row=None if mark is None else mark.line + 1,
        ) from exc


def load_scheme(path: str | Path, judge: Judge | None = None) -> Scheme:
    """Read the scheme in the YAML or JSON file ``path``.

    ``extends`` names a scheme of ``judge`` (the default judge when ``None``).
    Errors name the file and the field.
    """
    path = Path(path)
    data = _read(path)
    if not isinstance(data, dict):
        raise SchemeFileError(
            "a scheme file must hold a mapping of fields",
            "評価区分のファイルには項目の対応表(マッピング)が必要です",
            file=str(path),
        )
    data = dict(data)
    base_name = data.pop("extends", None)
    bands = data.pop("bands", None)
    if base_name is not None:
        base = get_scheme(str(base_name), judge)
        if bands is not None:
            if not isinstance(bands, dict):
                raise SchemeFileError(
                    "'bands' must map grade labels to lower bounds",
                    "「bands」は区分の名前と下限値の対応表でなければなりません",
                    file=str(path),
                    column="bands",
                )
            try:
                base = base.with_bands(bands)
            except ValidationError as exc:
                problem = exc.errors()[0]
                cause = problem.get("ctx", {}).get("error")
                en = cause.en if isinstance(cause, InvalidScheme) else problem["msg"]
                ja = cause.ja if isinstance(cause, InvalidScheme) else problem["msg"]
                raise SchemeFileError(
                    f"'bands' do not give a valid scheme: {en}",
                    f"「bands」の値では評価区分が成り立ちません: {ja}",
                    file=str(path),
                    column="bands",
                ) from exc
            except KeyError as exc:
                raise SchemeFileError(
                    f"'bands' names a grade that {base.name!r} does not have: {exc.args[0]}; "
                    f"grades: {', '.join(g.label for g in base.grades)}",
                    f"「bands」の区分「{exc.args[0]}」は「{base.name}」にありません。"
                    f"区分: {', '.join(g.label for g in base.grades)}",
                    file=str(path),
                    column="bands",
                ) from exc
        given = data.get("name")
        inherited = base.model_dump(exclude_none=True)
        if bands is not None:
            inherited.pop("source", None)  # changed bands are no longer the source's rule
        data = {**inherited, **data}
        if given is None:
            data["name"] = re.sub(r"[^A-Za-z0-9_.-]", "-", path.stem).strip("-._") or base.name
    elif bands is not None:
        raise SchemeFileError(
            "'bands' changes a scheme named by 'extends'",
            "「bands」は「extends」で指定した区分を変更するためのものです",
            file=str(path),
            column="bands",
        )
    try:
        return Scheme.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        cause = first.get("ctx", {}).get("error")
        if isinstance(cause, InvalidScheme):
            raise SchemeFileError(
                f"not a valid scheme: {cause.en}",
                f"評価区分として正しくありません: {cause.ja}",
                file=str(path),
            ) from exc
        field = _field(first["loc"])
        en, ja = describe([first])
        raise SchemeFileError(
            f"not a valid scheme: {en}",
            f"評価区分として正しくありません: {ja}",
            file=str(path),
            column=field,
        ) from exc


def get_scheme(name_or_path: str | Path, judge: Judge | None = None) -> Scheme:
    """The scheme named ``name_or_path`` in ``judge``, or read from that file.

    >>> get_scheme("degree").grades[1].min
    Decimal('0.8')
    """
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.lower().endswith(SCHEME_SUFFIXES):
        return load_scheme(Path(name_or_path), judge)
    if judge is None:
        from achievement._judge import default_judge

        judge = default_judge()
    return judge.schemes[text]
