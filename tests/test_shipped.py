"""Every shipped criteria set and example: loads, checks clean, scores as documented; templates round-trip."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.core.diagnostics import Level
from par_cli.core.model import CriteriaSet, Node
from par_cli.core.rules.check import CheckRule
from par_cli.core.rules.count import CountRule
from par_cli.core.rules.deduction import DeductionRule
from par_cli.core.rules.levels import LevelsRule
from par_cli.core.rules.likert import LikertRule
from par_cli.core.rules.linear import LinearRule
from par_cli.core.rules.points import PointsRule
from par_cli.core.rules.tiers import TiersRule
from par_cli.readers.files import file_kind
from par_cli.render.views import TemplateView
from par_cli.render.yaml import template
from par_cli.services.checking import check_paths
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import Workspace, builtin_sets, load_criteria
from par_cli.words.codes import level_of
from tests.conftest import ROOT, Write, run, run_english, score_file

CRITERIA = sorted((ROOT / "criteria").glob("*.yaml"))
EXAMPLES = sorted((ROOT / "examples").rglob("*.yaml"))
REFERENCE = ROOT.parent / "shared" / "reference" / "par_structures.yaml"


@pytest.mark.parametrize("path", CRITERIA, ids=lambda p: p.name)
def test_shipped_set_loads_and_names_its_source(path: Path) -> None:
    loaded = load_criteria(path)
    assert loaded.model.id == path.stem
    assert loaded.model.source and loaded.model.status in {"official", "partial", "template"}


def test_shipped_sets_and_examples_pass_check_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = check_paths([Path("criteria"), Path("examples")], Workspace(survey=SurveySource()), strict=True)
    failures = [d for d in report.diagnostics if level_of(d) is Level.ERROR]
    # Documented in the file: Sở Khoa học và Công nghệ shows what a department with missing evidence looks like.
    assert {d.file for d in failures} == {
        "examples/2023/so-khoa-hoc-cong-nghe.yaml",
        "examples/2024/so-khoa-hoc-cong-nghe.yaml",
        "examples/survey-2024/so-khoa-hoc-cong-nghe.yaml",
    }
    assert {d.code for d in failures} == {"A007"}
    assert report.files == len(CRITERIA) + len(EXAMPLES)


def test_official_area_maxima_match_the_reference() -> None:
    """The figures of the public sets are the verified ones (shared/reference/par_structures.yaml)."""
    expected = {
        "bnv-2948-2017-tinh": ["10", "10", "14.5", "11", "16", "7", "16", "15.5"],
        "bnv-2948-2017-bo": ["12", "17", "16", "13", "17", "7.5", "17.5"],
        "bnv-876-2022-bo": ["68.5", "31.5"],
        "bnv-876-2022-tinh": ["68", "32"],
        "ha-tinh-so-nganh-2021": ["11", "10.5", "13", "10", "14.5", "9.5", "16.5"],
    }
    sets = {loaded.model.id: loaded.model for loaded in builtin_sets()}
    for set_id, maxima in expected.items():
        assert [f"{area.max.normalize():f}" for area in sets[set_id].areas] == maxima, set_id
    if REFERENCE.is_file():  # beside the repository in CI: check the figures against the reference itself
        import yaml

        reference = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
        national = reference["national"]["bnv_2948_2017"]
        for kind, set_id in (("province", "bnv-2948-2017-tinh"), ("ministry", "bnv-2948-2017-bo")):
            areas = national[kind]["areas"]
            assert [a["title"] for a in areas] == [a.title for a in sets[set_id].areas]
            assert [Decimal(str(a["max"])) for a in areas] == [x.max for x in sets[set_id].areas]


def test_template_set_uses_every_rule_kind_and_feature() -> None:
    model = load_criteria(ROOT / "criteria" / "mau-so-nganh.yaml").model
    leaves: list[Node] = []

    def collect(node: Node) -> None:
        if node.children is None:
            leaves.append(node)
        for child in node.children or ():
            collect(child)

    for area in model.areas:
        collect(area)
    kinds = {type(leaf.scoring_rule) for leaf in leaves}
    assert kinds == {PointsRule, CheckRule, LevelsRule, TiersRule, LinearRule, DeductionRule, CountRule, LikertRule}
    assert 38 <= len(leaves) <= 48 and len(model.areas) == 8
    assert any(leaf.allow_na for leaf in leaves) and any(a.source == "survey" for a in model.areas)
    assert model.grades and model.adjustments and all(leaf.guide or leaf.rule for leaf in leaves)


def _best_input(node: Node, survey: bool) -> str:
    rule = node.scoring_rule
    if isinstance(rule, LevelsRule):
        value = rule.levels[0].key
    elif isinstance(rule, CheckRule):
        value = "true"
    elif isinstance(rule, (TiersRule, LinearRule)):
        value = "100"
    elif isinstance(rule, DeductionRule):
        value = "0"
    elif isinstance(rule, CountRule):
        value = str(int(node.max / rule.per))
    elif isinstance(rule, LikertRule):
        value = "{A: 10}"
    else:
        value = f"{node.max.normalize():f}"
    return value


def _fill(form: str, criteria: CriteriaSet) -> str:
    """Fill a blank form as an agency would: the best input everywhere, with evidence."""
    nodes: dict[str, Node] = {}

    def collect(node: Node) -> None:
        nodes[node.code] = node
        for child in node.children or ():
            collect(child)

    for area in criteria.areas:
        collect(area)

    def answer(match: re.Match[str]) -> str:
        code = json.loads(match.group(1))
        value = _best_input(nodes[code], "survey" in match.group(0))
        if "survey: null" in match.group(0):
            return f'  "{code}": {{survey: {value}}}'
        return f'  "{code}": {{self: {value}, evidence: ["Báo cáo số 1/BC"]}}'

    filled = re.sub(r'^  ("[^"]+"): \{(?:self: null, evidence: \[\]|survey: null)\}$', answer, form, flags=re.MULTILINE)
    return filled.replace("{self: null}", "{self: 0}").replace("id: ma-co-quan", "id: co-quan-mau")


@pytest.mark.parametrize("loaded", builtin_sets(), ids=lambda c: c.model.id)
def test_template_round_trip(loaded: object, write: Write) -> None:
    criteria = loaded.model  # type: ignore[attr-defined]
    form = template(TemplateView(criteria, criteria.id, "2024"))
    blank = write("blank.yaml", form)
    blank_result = score_file(blank)
    assert blank_result.points == 0 and {f.code for f in blank_result.findings} == {"unanswered"}
    filled = write("filled.yaml", _fill(form, criteria))
    result = score_file(filled)
    assert result.index == 100 and not result.findings
    report = check_paths([filled], Workspace(), strict=True)
    assert [d for d in report.diagnostics if level_of(d) is Level.ERROR] == []


def test_template_command_writes_a_form_that_points_at_the_set(write: Write) -> None:
    code, out, _ = run("template", "mau-so-nganh", "--period", "2025")
    assert code == 0
    assert 'criteria: "mau-so-nganh"' in out and "period: 2025" in out
    assert '  "3.2.1": {self: null, evidence: []}' in out
    assert "  #   Cách chấm: điểm = tỷ lệ × điểm tối đa; dưới 80%: 0 điểm" in out
    code, out, err = run_english("template", "mau-so-nganh", "-o", "missing-folder/blank.yaml")
    assert (code, out) == (1, "")
    assert err.startswith("missing-folder/blank.yaml: error F003: cannot write the file: no such file or folder")


def test_template_output_into_a_folder(write: Write) -> None:
    write(
        "sets/own.yaml",
        (ROOT / "criteria" / "ha-tinh-so-nganh-2021.yaml")
        .read_text(encoding="utf-8")
        .replace("ha-tinh-so-nganh-2021", "own"),
    )
    Path("forms").mkdir()
    code, out, _ = run("template", "sets/own.yaml", "-o", "forms/blank.yaml")
    assert (code, out) == (0, "")
    text = Path("forms/blank.yaml").read_text(encoding="utf-8")
    assert 'criteria: "../sets/own.yaml"' in text
    assert score_file(Path("forms/blank.yaml")).max == 85


def test_criteria_list_and_show() -> None:
    code, out, _ = run("criteria", "list")
    assert code == 0
    for loaded in builtin_sets():
        assert loaded.model.id in out
    code, out, _ = run("criteria", "show", "mau-so-nganh", "--depth", "1")
    assert code == 0
    assert "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)  [mau-so-nganh]  100 điểm" in out
    assert "8 Tác động của cải cách hành chính (điều tra xã hội học)  (20 điểm)  [điều tra XHH]" in out
    assert "1.1 " not in out
    code, out, _ = run("criteria", "show", "mau-so-nganh")
    assert "từ 100%: 1,5 điểm; từ 80%: 1 điểm; từ 50%: 0,5 điểm; còn lại: 0 điểm" in out
    assert run("criteria", "show", "no-such-set")[0] == 1


def test_examples_rank_with_last_year(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run("rank", "examples/2024", "--previous", "examples/2023", "-f", "json")
    assert code == 0
    [group] = json.loads(out)["groups"]
    rows = {row["agency"]["id"]: row for row in group["rows"]}
    assert len(rows) == 12
    assert rows["so-cong-thuong"]["previous_rank"] is None  # new this year
    assert "so-ke-hoach-dau-tu" not in rows  # gone
    assert rows["ban-dan-toc"]["max"] == 87  # not-applicable branches reduce its maximum
    assert rows["thanh-tra-tinh"]["max"] == 93
    assert all(row["rank_change"] is not None for key, row in rows.items() if key != "so-cong-thuong")


def test_published_area_breakdown_is_reproduced() -> None:
    result = score_file(ROOT / "examples" / "ban-dan-toc-2021" / "ban-dan-toc.yaml")
    from par_cli.core.numbers import shown

    assert [(shown(a.points, 2), shown(a.percent or Fraction(0), 2)) for a in result.areas] == [
        ("10.59", "96.27"),
        ("12.00", "100.00"),
        ("5.00", "100.00"),
        ("8.50", "100.00"),
        ("5.00", "90.90"),
        ("8.00", "61.58"),
    ]


def test_every_example_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for path in EXAMPLES:
        if file_kind(path) == "assessment":
            assert run("score", str(path.relative_to(ROOT)), "-f", "json")[0] == 0, path


def test_wheel_ships_the_builtin_sets(tmp_path: Path) -> None:
    """After a plain (non-editable) install the sets are found by id: build the wheel and run from it."""
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("par_index-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert {f"par_cli/criteria/{p.name}" for p in CRITERIA} <= names
    form = tmp_path / "a.yaml"
    form.write_text(
        "kind: assessment\ncriteria: bnv-2948-2017-tinh\nagency: {id: x, name: X}\nanswers: {'1': 10}\n",
        encoding="utf-8",
    )
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from par_cli.__main__ import main; sys.argv[1:] = ['score', 'a.yaml', '-f', 'json']; main()",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    assert probe.returncode == 0, probe.stderr
    assert json.loads(probe.stdout)["max"] == 100
