"""Schemes from plugins and from files, the rule in words, and soumu5's grades per measure."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from achievement import (
    Actual,
    Indicator,
    Judge,
    PluginError,
    Target,
    hookimpl,
    parse_value,
)
from achievement.schemes import (
    Grade,
    Scheme,
    SchemeFileError,
    SchemeRegistry,
    UnknownSchemeError,
    get_scheme,
    grade_measure,
    load_scheme,
)

JUDGE = Judge(autoload=False)
PRESET_NAMES = ("baseline-4", "binary", "degree", "kenko21", "progress", "soumu5")


def taito(baseline: str, target: str, actual: str) -> Indicator:
    return Indicator(
        baseline=parse_value(baseline),
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value(actual)),
    )


def nagayo() -> Scheme:
    """Nagayo Town's S/A/B/C/− scheme, as a plugin would state it."""
    return Scheme.model_validate(
        {
            "name": "nagayo",
            "title": {"ja": "長与町の評価区分", "en": "Nagayo Town grades"},
            "basis": "change",
            "grades": [
                {
                    "label": "S",
                    "meaning": {"ja": "目標超", "en": "above target"},
                    "basis": "degree",
                    "min": 1,
                    "strict": True,
                    "achieved": True,
                },
                {
                    "label": "A",
                    "meaning": {"ja": "基準値超", "en": "above baseline"},
                    "min": "10%",
                    "strict": True,
                },
                {"label": "B", "meaning": {"ja": "同水準", "en": "same level"}, "min": "-10%"},
                {"label": "C", "meaning": {"ja": "下落", "en": "fell"}},
            ],
            "cannot_assess": {"label": "−", "meaning": {"ja": "評価できない", "en": "n/a"}},
        }
    )


class NagayoPlugin:
    @hookimpl
    def achievement_register_schemes(self, registry: SchemeRegistry) -> None:
        registry.add(nagayo())


def test_presets_register_through_the_hook() -> None:
    """A judge's schemes are the six presets, each added by the built-in presets plugin."""
    assert tuple(JUDGE.schemes) == PRESET_NAMES
    assert {JUDGE.schemes.owner(name) for name in PRESET_NAMES} == {"achievement.schemes.presets"}


def test_blocking_the_presets_plugin_removes_them() -> None:
    """Blocking the presets plugin leaves a judge without schemes, so names are unknown."""
    bare = Judge(autoload=False, blocked=["achievement.schemes.presets"])
    assert len(bare.schemes) == 0
    with pytest.raises(UnknownSchemeError):
        get_scheme("binary", bare)


def test_plugin_adds_a_scheme() -> None:
    """A plugin's scheme is found by name and grades like a preset."""
    judge = Judge(autoload=False, plugins=[NagayoPlugin()])
    scheme = get_scheme("nagayo", judge)
    row = taito("10%", "60%", "20%")
    grade = scheme.grade(row, judge.judge(row))
    assert grade is not None
    assert grade.label == "A"


def test_two_plugins_with_one_name_are_refused() -> None:
    """Two plugins adding the same scheme name raise an error naming both."""

    class OtherNagayoPlugin(NagayoPlugin):
        pass

    judge = Judge(autoload=False, plugins=[NagayoPlugin(), OtherNagayoPlugin()])
    with pytest.raises(PluginError, match="nagayo") as info:
        judge.schemes  # noqa: B018
    assert "NagayoPlugin" in str(info.value)
    assert "OtherNagayoPlugin" in str(info.value)


def test_plugin_adding_something_else_is_refused() -> None:
    """A plugin that adds an object that is not a Scheme gets a PluginError."""
    bad = SimpleNamespace(
        achievement_register_schemes=hookimpl(lambda registry: registry.add("degree"))
    )
    with pytest.raises(PluginError, match="not a Scheme"):
        Judge(autoload=False, plugins=[bad]).schemes  # noqa: B018


def test_unknown_name_lists_the_schemes() -> None:
    """An unknown scheme name raises a LookupError listing the available ones in both languages."""
    with pytest.raises(UnknownSchemeError) as info:
        get_scheme("aichi", JUDGE)
    assert isinstance(info.value, LookupError)
    assert "baseline-4" in info.value.message("en")
    assert "評価区分「aichi」" in info.value.message("ja")


def test_rule_in_words_follows_the_bands() -> None:
    """The rule printed for degree states each band and is rebuilt when a band changes."""
    degree = get_scheme("degree", JUDGE)
    assert "B(おおむね達成): 達成度80%以上" in degree.rule.ja
    assert "B (nearly reached): achievement degree 80% or more" in degree.rule.en
    changed = degree.with_bands({"B": "90%"})
    assert "B(おおむね達成): 達成度90%以上" in changed.rule.ja
    assert "80%" not in changed.rule.ja.split("(")[0]


def test_yaml_extends_a_preset(tmp_path: Path) -> None:
    """A YAML file extending degree with A at 110% grades 60% -> 65% (degree 108%) as B."""
    path = tmp_path / "aichi-110.yaml"
    path.write_text("extends: degree\nbands:\n  A: 110%\n  B: 95%\n", encoding="utf-8")
    scheme = get_scheme(str(path), JUDGE)
    assert scheme.name == "aichi-110"
    assert scheme.source is None
    assert scheme.get("A").min == Decimal("1.1")
    row = taito("35%", "60%", "65%")
    grade = scheme.grade(row, JUDGE.judge(row))
    assert grade is not None
    assert grade.label == "B"


def test_json_states_a_whole_scheme(tmp_path: Path) -> None:
    """A JSON file may state a whole new scheme, which validates against the model."""
    path = tmp_path / "nagayo.json"
    path.write_text(json.dumps(nagayo().model_dump(mode="json")), encoding="utf-8")
    assert load_scheme(path, JUDGE) == nagayo()


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("extends: degree\nbands: {Z: 10%}\n", "bands"),
        ("extends: degree\nbands: [1, 2]\n", "bands"),
        ("name: x\ntitle: {ja: x, en: x}\nbasis: speed\ngrades: []\n", "basis"),
        (
            "extends: degree\ngrades:\n  - {label: A, meaning: {ja: a, en: a}, min: abc}\n"
            "  - {label: B, meaning: {ja: b, en: b}}\n",
            "grades.0.min",
        ),
        ("bands: {A: 1}\n", "bands"),
    ],
)
def test_bad_scheme_file_names_file_and_field(tmp_path: Path, text: str, field: str) -> None:
    """A scheme file with a bad field raises an error naming the file and the field."""
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemeFileError) as info:
        load_scheme(path, JUDGE)
    assert info.value.file == str(path)
    assert info.value.column == field
    assert str(path) in info.value.message("ja")


def test_unreadable_scheme_files(tmp_path: Path) -> None:
    """A missing file, broken YAML and a list instead of a mapping each raise SchemeFileError."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("extends: [degree\n", encoding="utf-8")
    listed = tmp_path / "listed.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    for path in (tmp_path / "absent.yaml", broken, listed):
        with pytest.raises(SchemeFileError) as info:
            load_scheme(path, JUDGE)
        assert info.value.file == str(path)


def test_scheme_model_refuses_inconsistent_grades() -> None:
    """A scheme whose last grade has a bound, or with no achieved grade, is refused."""
    base = get_scheme("degree", JUDGE).model_dump()
    no_catch_all = {**base, "grades": base["grades"][:-1]}
    with pytest.raises(ValueError, match="no 'min'"):
        Scheme.model_validate(no_catch_all)
    none_achieved = {**base, "grades": [{**g, "achieved": False} for g in base["grades"]]}
    with pytest.raises(ValueError, match="achieved"):
        Scheme.model_validate(none_achieved)


def _two_bands(upper: dict[str, object], lower: dict[str, object]) -> dict[str, object]:
    """A scheme on the achievement degree with bands A and B as given, and C for the rest."""
    meaning = {"ja": "区分", "en": "grade"}
    return {
        "name": "city",
        "title": {"ja": "市の区分", "en": "city grades"},
        "basis": "degree",
        "grades": [
            {"label": "A", "meaning": meaning, "achieved": True, **upper},
            {"label": "B", "meaning": meaning, **lower},
            {"label": "C", "meaning": meaning},
        ],
    }


def test_a_grade_that_can_never_be_given_is_refused() -> None:
    """Bands go from the best grade down: a band wholly inside one above it is refused."""
    with pytest.raises(ValueError, match="grade 'B' can never be given") as info:
        get_scheme("degree", JUDGE).with_bands({"B": "120%"})
    assert "'A' above it (achievement degree 100% or more)" in str(info.value)
    with pytest.raises(ValueError, match="'B' can never be given"):
        Scheme.model_validate(_two_bands({"min": "80%"}, {"min": "80%"}))
    with pytest.raises(ValueError, match="'B' can never be given"):  # > 80% is within >= 80%
        Scheme.model_validate(_two_bands({"min": "80%"}, {"min": "80%", "strict": True}))
    degree_met = [{"basis": "degree", "min": 1}]
    with pytest.raises(ValueError, match="'B' can never be given"):
        Scheme.model_validate(
            _two_bands({"when": degree_met}, {"when": [*degree_met, {"basis": "change", "min": 0}]})
        )


def test_a_scheme_file_with_a_band_above_the_one_above_it_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``bands`` raising B over A: the report stops with the file, the grade and the fix."""
    from achievement.cli import main

    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nextends: degree\nbands:\n  B: 120%\n", encoding="utf-8")
    assert main(["report", "--scheme", str(path)]) == 2
    err = capsys.readouterr().err
    assert "mine.yaml" in err
    assert "区分「B」は付くことがありません" in err
    assert "上の区分「A」(達成度100%以上)" in err


def test_bands_that_each_catch_some_indicator_are_kept() -> None:
    """A band that still catches an indicator the band above does not is a valid scheme."""
    above = Scheme.model_validate(_two_bands({"min": "80%", "strict": True}, {"min": "80%"}))
    assert [g.label for g in above.grades] == ["A", "B", "C"]  # B is exactly 80%
    Scheme.model_validate(_two_bands({"min": "100%"}, {"min": "80%"}))
    degree_met = [{"basis": "degree", "min": 1}]
    Scheme.model_validate(  # B: degree met but worse than the baseline
        _two_bands({"when": [*degree_met, {"basis": "change", "min": 0}]}, {"when": degree_met})
    )
    Scheme.model_validate(  # another measurement: progress is not the degree
        _two_bands({"min": "100%"}, {"basis": "progress", "min": "120%"})
    )


SOUMU5 = get_scheme("soumu5", JUDGE)


def soumu5_of(baseline: str, target: str, actual: str) -> Grade | None:
    row = taito(baseline, target, actual)
    return SOUMU5.grade(row, JUDGE.judge(row))


def test_soumu5_measure_9_of_taito() -> None:
    """Measure 9 (BPR met, 電子決裁 99%, オンライン 20%) is ④; with 電子決裁 the main one, ③."""
    bpr = soumu5_of("年3件(累計6件)", "年5件 (累計31件)", "年 27 件 (累計 59 件)")
    approval = soumu5_of("31%", "100%", "99%")
    online = soumu5_of("10%", "60%", "20%")
    assert [g.label for g in (bpr, approval, online) if g is not None] == [
        "目標超過達成",
        "相当程度進展あり",
        "進展が大きくない",
    ]
    whole = grade_measure(SOUMU5, [(bpr, False), (approval, False), (online, False)])
    assert whole is not None
    assert whole.label == "進展が大きくない"
    main = grade_measure(SOUMU5, [(bpr, False), (approval, True), (online, False)])
    assert main is not None
    assert main.label == "相当程度進展あり"


def test_soumu5_measure_all_met() -> None:
    """A measure whose indicators all met is 目標達成, or 目標超過達成 when its main one is far above."""
    card = soumu5_of("35%", "60%", "91%")
    hours = soumu5_of("年 600 時間", "年 8, 150 時間", "年 9,300 時間")
    both = grade_measure(SOUMU5, [(card, False), (hours, False)])
    card_main = grade_measure(SOUMU5, [(card, True), (hours, False)])
    assert (both and both.label, card_main and card_main.label) == ("目標達成", "目標超過達成")


def test_soumu5_measure_without_grades_cannot_be_assessed() -> None:
    """A measure with no graded indicator gets no grade."""
    assert grade_measure(SOUMU5, [(None, True)]) is None


def test_grade_measure_needs_a_per_measure_scheme() -> None:
    """Grading a measure under a scheme that does not grade measures raises ValueError."""
    with pytest.raises(ValueError, match="does not grade measures"):
        grade_measure(get_scheme("degree", JUDGE), [])


@settings(deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 4), st.booleans()), min_size=1, max_size=6),
    st.data(),
)
def test_soumu5_measure_is_monotone(items: list[tuple[int, bool]], data: st.DataObject) -> None:
    """Improving one indicator's grade never worsens the grade of its measure."""
    which = data.draw(st.integers(0, len(items) - 1))
    index, main = items[which]
    improved = list(items)
    improved[which] = (data.draw(st.integers(0, index)), main)

    def of(pairs: list[tuple[int, bool]]) -> Grade:
        grade = grade_measure(SOUMU5, [(SOUMU5.grades[i], m) for i, m in pairs])
        assert grade is not None
        return grade

    assert SOUMU5.rank(of(improved)) <= SOUMU5.rank(of(items))


def test_grades_that_do_not_fit_are_explained_in_both_languages(tmp_path: Path) -> None:
    """A scheme file whose last grade has a bound names the file and says why, in ja and en."""
    path = tmp_path / "two.yaml"
    path.write_text(
        "extends: degree\nname: two\ngrades:\n"
        "  - {label: A, meaning: {ja: a, en: a}, min: 1, achieved: true}\n"
        "  - {label: B, meaning: {ja: b, en: b}, min: 0.5}\n",
        encoding="utf-8",
    )
    with pytest.raises(SchemeFileError) as info:
        load_scheme(path, JUDGE)
    assert info.value.file == str(path)
    assert "最後の区分「B」には min を書きません" in info.value.message("ja")
    assert "the last grade 'B' must have no 'min'" in info.value.message("en")
