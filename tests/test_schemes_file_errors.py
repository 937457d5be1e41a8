"""Scheme files that cannot be used: each error names the file (and the row or field) and says
why, in English and Japanese, with the exact words the user reads."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from achievement import Judge, hookimpl
from achievement.schemes import (
    Scheme,
    SchemeFileError,
    SchemeRegistry,
    UnknownSchemeError,
    get_scheme,
    load_scheme,
)

JUDGE = Judge(autoload=False)


def refused(path: Path, data: bytes, judge: Judge = JUDGE) -> SchemeFileError:
    path.write_bytes(data)
    with pytest.raises(SchemeFileError) as info:
        load_scheme(path, judge)
    assert info.value.file == str(path)
    return info.value


def test_scheme_file_not_in_utf8(tmp_path: Path) -> None:
    """A scheme file saved in Latin-1 (café) is refused as not UTF-8 text."""
    error = refused(tmp_path / "latin.yaml", "extends: degree\nname: café\n".encode("latin-1"))
    assert (error.en, error.ja) == (
        "cannot read the scheme file: it is not UTF-8 text",
        "評価区分のファイルを読めません: UTF-8 のテキストではありません",
    )
    assert (error.row, error.column) == (None, None)


def test_missing_scheme_file(tmp_path: Path) -> None:
    """A scheme file that does not exist: the reader's reason, after the scheme's own words."""
    path = tmp_path / "absent.yaml"
    with pytest.raises(SchemeFileError) as info:
        load_scheme(path, JUDGE)
    assert info.value.file == str(path)
    assert (info.value.en, info.value.ja) == (
        "cannot read the scheme file: no such file",
        "評価区分のファイルを読めません: ファイルがありません",
    )


@pytest.mark.parametrize("name", ["broken.json", "BROKEN.JSON"])
def test_broken_json_scheme_file(tmp_path: Path, name: str) -> None:
    """A .json file (any case of the suffix) is read as JSON: the error is JSON's, with its row."""
    error = refused(tmp_path / name, b'{"extends": "degree",\n "bands": }')
    assert (error.en, error.ja, error.row) == (
        "not valid JSON: Expecting value",
        "JSON として読めません: Expecting value",
        2,
    )


def test_broken_yaml_scheme_file(tmp_path: Path) -> None:
    """An unclosed list on line 4 of a YAML scheme file: YAML's reason and the row."""
    error = refused(tmp_path / "broken.yaml", b"extends: degree\nbands:\n  A: [110%\n")
    assert (error.en, error.ja, error.row) == (
        "not valid YAML: did not find expected ',' or ']'",
        "YAML として読めません: did not find expected ',' or ']'",
        4,
    )


def test_control_character_in_a_yaml_scheme_file(tmp_path: Path) -> None:
    """A control character (BEL) in a YAML scheme file is refused with YAML's whole message."""
    error = refused(tmp_path / "bell.yaml", b"extends: degree\nname: a\x07b\n")
    reason = (
        "unacceptable character #x0007: control characters are not allowed\n"
        '  in "<unicode string>", position 23'
    )
    assert (error.en, error.ja, error.row) == (
        f"not valid YAML: {reason}",
        f"YAML として読めません: {reason}",
        None,
    )


def test_scheme_file_nested_too_deep(tmp_path: Path) -> None:
    """A scheme file nested 70 levels deep is refused by the bounds of the YAML reader."""
    error = refused(tmp_path / "deep.yaml", ("a: " + "[" * 70 + "]" * 70 + "\n").encode())
    assert (error.en, error.ja) == (
        "the plan file is nested more than 64 levels deep",
        "計画ファイルの入れ子が 64 段を超えています",
    )


def test_scheme_file_holding_a_list(tmp_path: Path) -> None:
    """A YAML list instead of a mapping of fields."""
    error = refused(tmp_path / "list.yaml", b"- 1\n- 2\n")
    assert (error.en, error.ja, error.column) == (
        "a scheme file must hold a mapping of fields",
        "評価区分のファイルには項目の対応表(マッピング)が必要です",
        None,
    )


def test_bands_as_a_list(tmp_path: Path) -> None:
    """``bands: [1, 2]`` names no grade."""
    error = refused(tmp_path / "bands.yaml", b"extends: degree\nbands: [1, 2]\n")
    assert (error.en, error.ja, error.column) == (
        "'bands' must map grade labels to lower bounds",
        "「bands」は区分の名前と下限値の対応表でなければなりません",
        "bands",
    )


def test_bands_naming_grades_the_scheme_lacks(tmp_path: Path) -> None:
    """Every unknown label is named, sorted, with the grades the scheme has."""
    error = refused(tmp_path / "zz.yaml", b"extends: degree\nbands: {Z: 10%, Y: 1}\n")
    assert (error.en, error.ja, error.column) == (
        "'bands' names a grade that 'degree' does not have: Y, Z; grades: A, B, C, D",
        "「bands」の区分「Y, Z」は「degree」にありません。区分: A, B, C, D",
        "bands",
    )


def test_bands_with_a_bound_that_is_not_a_number(tmp_path: Path) -> None:
    """``B: abc`` is not a number: pydantic's reason."""
    error = refused(tmp_path / "abc.yaml", b"extends: degree\nbands: {B: abc}\n")
    assert (error.en, error.ja, error.column) == (
        "'bands' do not give a valid scheme: Input should be a valid decimal",
        "「bands」の値では評価区分が成り立ちません: Input should be a valid decimal",
        "bands",
    )


def test_bands_giving_the_last_grade_a_bound(tmp_path: Path) -> None:
    """``D: 10%`` bounds the grade that catches the rest: the scheme's own reason, both languages."""
    error = refused(tmp_path / "d.yaml", b"extends: degree\nbands: {D: 10%}\n")
    assert (error.en, error.ja, error.column) == (
        "'bands' do not give a valid scheme: the last grade 'D' must have no 'min' (nor 'when'): "
        "it catches the rest",
        "「bands」の値では評価区分が成り立ちません: 最後の区分「D」には min を書きません"
        "(when も書きません。残りすべてを受ける区分です)",
        "bands",
    )


class _TwoGrades:
    @hookimpl
    def achievement_register_schemes(self, registry: SchemeRegistry) -> None:
        registry.add(
            Scheme.model_validate(
                {
                    "name": "town",
                    "title": {"ja": "町の区分", "en": "town grades"},
                    "basis": "degree",
                    "grades": [
                        {
                            "label": "S",
                            "meaning": {"ja": "s", "en": "s"},
                            "min": 1,
                            "achieved": True,
                        },
                        {"label": "T", "meaning": {"ja": "t", "en": "t"}},
                    ],
                }
            )
        )


def test_extends_a_scheme_of_the_judge_given(tmp_path: Path) -> None:
    """``extends`` names a scheme of the judge passed in, here one a plugin added."""
    path = tmp_path / "town-90.yaml"
    path.write_text("extends: town\nbands: {S: 90%}\n", encoding="utf-8")
    scheme = load_scheme(path, Judge(autoload=False, plugins=[_TwoGrades()]))
    assert (scheme.name, [g.label for g in scheme.grades]) == ("town-90", ["S", "T"])
    assert str(scheme.get("S").min) == "0.9"


def test_a_whole_scheme_with_an_unknown_basis(tmp_path: Path) -> None:
    """``basis: speed``: the field and the words that can be used."""
    error = refused(
        tmp_path / "speed.yaml", b"name: x\ntitle: {ja: x, en: x}\nbasis: speed\ngrades: []\n"
    )
    assert (error.en, error.ja, error.column) == (
        "not a valid scheme: basis: Input should be 'met', 'degree', 'progress', 'change', "
        "'pace' or 'trajectory'",
        "評価区分として正しくありません: basis: 決められた語のどれかで書いてください",
        "basis",
    )


def test_bands_without_extends(tmp_path: Path) -> None:
    """``bands`` alone has no scheme to change."""
    error = refused(tmp_path / "bands-only.yaml", b"bands: {A: 1}\n")
    assert (error.en, error.ja, error.column) == (
        "'bands' changes a scheme named by 'extends'",
        "「bands」は「extends」で指定した区分を変更するためのものです",
        "bands",
    )


def test_a_name_given_in_the_file_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "aichi.yaml"
    path.write_text("extends: degree\nname: aichi-110\nbands: {A: 110%}\n", encoding="utf-8")
    assert load_scheme(path, JUDGE).name == "aichi-110"


def test_bands_on_a_scheme_without_a_source(tmp_path: Path) -> None:
    """``progress`` states no source: changing its bands still loads, without one."""
    path = tmp_path / "progress-40.yaml"
    path.write_text("extends: progress\nbands: {B: 40%}\n", encoding="utf-8")
    scheme = load_scheme(path, JUDGE)
    assert (scheme.name, scheme.source, str(scheme.get("B").min)) == ("progress-40", None, "0.4")


@pytest.mark.parametrize(
    ("stem", "name"),
    [
        ("_Aichi 110 X-", "Aichi-110-X"),  # spaces to '-', '-', '.', '_' trimmed, case kept
        ("愛知県", "degree"),  # nothing left: the scheme extended
        ("___", "degree"),
    ],
)
def test_scheme_name_from_the_file_name(tmp_path: Path, stem: str, name: str) -> None:
    """Without ``name``, the file name gives it, as far as it is made of letters and digits."""
    path = tmp_path / f"{stem}.yaml"
    path.write_text("extends: degree\n", encoding="utf-8")
    assert load_scheme(path, JUDGE).name == name


def test_unknown_scheme_name_lists_every_scheme() -> None:
    """The names known, sorted and comma-separated, or '-' when the judge has none."""
    with pytest.raises(UnknownSchemeError) as info:
        get_scheme("aichi", JUDGE)
    assert info.value.name == "aichi"
    assert (info.value.en, info.value.ja) == (
        "unknown grading scheme 'aichi'; available schemes: baseline-4, binary, degree, "
        "kenko21, progress, soumu5 (or a .yaml/.json file)",
        "評価区分「aichi」はありません。使える区分: baseline-4, binary, degree, kenko21, "
        "progress, soumu5(または .yaml/.json ファイル)",
    )
    bare = Judge(autoload=False, blocked=["achievement.schemes.presets"])
    with pytest.raises(UnknownSchemeError) as info:
        get_scheme("aichi", bare)
    assert info.value.en == (
        "unknown grading scheme 'aichi'; available schemes: - (or a .yaml/.json file)"
    )


def test_registry_knows_its_names() -> None:
    assert "degree" in JUDGE.schemes
    assert "aichi" not in JUDGE.schemes


def test_yaml_scheme_file_without_pyyaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PyYAML installed, a YAML scheme file asks for the extra that brings it."""
    monkeypatch.setitem(sys.modules, "yaml", None)  # `import yaml` raises ImportError
    error = refused(tmp_path / "degree-90.yaml", b"extends: degree\nbands: {A: 90%}\n")
    assert (error.en, error.ja) == (
        "reading YAML needs PyYAML: pip install 'achievement[yaml]'",
        "YAML を読むには PyYAML が必要です: pip install 'achievement[yaml]'",
    )


def test_a_scheme_file_given_by_name_extends_a_scheme_of_the_judge(tmp_path: Path) -> None:
    """``get_scheme("town-90.yaml", judge)`` reads the file with that judge's schemes."""
    path = tmp_path / "town-90.yaml"
    path.write_text("extends: town\nbands: {S: 90%}\n", encoding="utf-8")
    judge = Judge(autoload=False, plugins=[_TwoGrades()])
    assert get_scheme(str(path), judge).name == "town-90"
    assert get_scheme(path, judge).name == "town-90"
