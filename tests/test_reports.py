"""Issue 6: explanations, self vs appraisal, reports (Markdown, CSV, HTML, XLSX), Vietnamese output, bars."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest

from par_cli.core.explain import explain
from par_cli.core.scoring import score
from par_cli.services.workspace import Workspace
from par_cli.words.explain import action
from par_cli.words.numbers import figure, group_digits
from par_cli.writers.text_bar import bar
from tests.conftest import SPEC, Write, run, run_english
from tests.test_engine import SET, demo_file


def test_vietnamese_and_english_numbers() -> None:
    assert group_digits("1234.5", "vi") == "1.234,5"
    assert group_digits("1234.5", "en") == "1,234.5"
    assert group_digits("-1234567.25", "vi") == "−1.234.567,25"
    assert group_digits("88.52", "vi") == "88,52"
    assert group_digits("100", "vi") == "100"
    assert figure(Fraction(8852, 100), 2, "vi") == "88,52"
    assert figure(Fraction(1, 3), 2, "en") == "0.33"
    assert figure(Fraction(9032, 9650) * 100, 2, "vi") == "93,60"  # rounded half-up once
    assert figure(None, 2, "vi") == "—"


def test_bars_read_without_colour() -> None:
    assert bar(Fraction(100)) == "████████"
    assert bar(Fraction(0)) == "········"
    assert bar(Fraction(50)) == "████····"
    assert bar(Fraction(81, 1)) == "██████▍·"
    assert bar(None) == ""
    assert bar(Fraction(150)) == "████████"  # clamped


def ledger_of(path: Path, code: str | None = None):  # type: ignore[no-untyped-def]
    bound = Workspace().assessment(path)
    return explain(bound, score(bound), code)


def test_ledger_figures_for_the_spec_example() -> None:
    ledger = ledger_of(SPEC / "so-noi-vu.yaml")
    lines = {line.code: line for line in ledger.lines}
    assert [line.code for line in ledger.lines] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.3", "2", "2.1", "2.2", "3"]
    assert (lines["1.1.2"].points, lines["1.1.2"].self_points, lines["1.1.2"].lost) == (1, 2, 1)
    assert ledger.effect(lines["1.1.2"]) == Fraction(100, 15)  # 1 point of 15: 6.67 index points
    assert lines["1.3"].lost == Fraction("0.5")
    assert lines["2.1"].lost == Fraction("0.25")
    assert lines["3"].lost == Fraction("1.4")
    assert [(g.line.code, g.available) for g in ledger.gaps] == [
        ("3", Fraction("1.4")),
        ("1.1.2", Fraction(1)),
        ("1.3", Fraction("0.5")),
        ("2.2", Fraction("0.5")),
        ("2.1", Fraction("0.25")),
    ]
    assert [action(g.line, "en") for g in ledger.gaps] == [
        "more 'A' answers in the survey",
        "reach > 90 %",
        "no violations (now 1)",
        "1 more (now 2)",
        "reach 100 %",
    ]


def test_explain_subtree_and_unknown_code() -> None:
    ledger = ledger_of(SPEC / "so-noi-vu.yaml", "1.1")
    assert [line.code for line in ledger.lines] == ["1.1", "1.1.1", "1.1.2"]
    assert [g.line.code for g in ledger.gaps] == ["1.1.2"]
    code, _, err = run_english("explain", str(SPEC / "so-noi-vu.yaml"), "9.9")
    assert code == 1 and "no criterion '9.9'" in err


@pytest.mark.parametrize(
    ("code", "answer", "en", "vi"),
    [
        ("1.1", "part", "reach level 'full'", "đạt mức 'full'"),
        ("1.2", "80", "reach > 90 %", "đạt trên 90 %"),
        ("1.3", "2", "no violations (now 2)", "không có vi phạm (hiện có 2)"),
        ("1.4", "1", "3 more (now 1)", "thêm 3 (hiện có 1)"),
        ("1.5", "0.5", "reach 2 points", "đạt 2 điểm"),
        ("2.1", "false", "meet it (true)", "đáp ứng yêu cầu"),
        ("2.2", "40", "reach ≥ 50 % to score, full points at 80 %", "đạt từ 50 % để có điểm, tối đa ở 80 %"),
        ("2.2", "60", "reach 80 %", "đạt 80 %"),
        ("3.1", "{survey: {A: 1, C: 1}}", "more 'A' answers in the survey", "nhiều phiếu A hơn trong điều tra"),
    ],
)
def test_what_would_earn_the_points_for_every_rule_kind(write: Write, code: str, answer: str, en: str, vi: str) -> None:
    ledger = ledger_of(demo_file(write, f'{{"{code}": {answer}}}'))
    [gap] = [g for g in ledger.gaps if g.line.code == code]
    assert (action(gap.line, "en"), action(gap.line, "vi")) == (en, vi)
    unanswered = next(g for g in ledger.gaps if g.line.answer is None)
    assert action(unanswered.line, "en") == "answer it"


def test_explain_terminal_and_json(in_tmp: Path) -> None:
    for name in ("criteria.yaml", "so-noi-vu.yaml"):
        shutil.copy(SPEC / name, in_tmp / name)
    code, out, _ = run("explain", "so-noi-vu.yaml", "1.1", "--lang", "en")
    assert code == 0
    lines = [line.rstrip() for line in out.splitlines()]
    assert (
        "    1.1.2  Mức độ thực hiện kế hoạch CCHC                                  1.00  2.00  −1.00   −6.67" in lines
    )
    assert "           Input: self 95 % → appraised 90 %" in lines
    assert "           Rule: > 90%: 2 points; ≥ 70%: 1 point; otherwise 0" in lines
    assert "           Evidence: Báo cáo 120/BC-SNV ngày 10/12/2024" in lines
    assert lines[-2:] == ["Largest recoverable gaps", "  1.1.2    reach > 90 %: +1.00 points, +6.67 index points"]
    code, out, _ = run("explain", "so-noi-vu.yaml", "-f", "json")
    data = json.loads(out)
    assert data["gaps"][0] == {
        "code": "3",
        "title": "Mức độ hài lòng (điều tra xã hội học)",
        "points": 1.4,
        "index_points": 9.33,
        "action": "more 'A' answers in the survey",
    }
    leaf = next(line for line in data["lines"] if line["code"] == "2.2")
    assert leaf == {
        "code": "2.2",
        "title": "Số thủ tục được đơn giản hóa",
        "depth": 2,
        "leaf": True,
        "applicable": True,
        "max": 1.5,
        "points": 1,
        "self_points": 1,
        "lost": 0.5,
        "index_effect": 3.33,
        "kind": "count",
        "rule": "0.5 per item, up to max",
        "input": "2",
        "evidence": [],
        "explanation": "Quyết định công bố đang trình ký",
        "evidence_missing": False,
    }


def test_explain_vietnamese_gap_line(in_tmp: Path) -> None:
    for name in ("criteria.yaml", "so-noi-vu.yaml"):
        shutil.copy(SPEC / name, in_tmp / name)
    code, out, _ = run("explain", "so-noi-vu.yaml", "1.1")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == "  1.1.2    đạt trên 90 %: +1,00 điểm, +6,67 điểm chỉ số"


def test_score_markdown_and_csv_exact(in_tmp: Path) -> None:
    for name in ("criteria.yaml", "so-noi-vu.yaml"):
        shutil.copy(SPEC / name, in_tmp / name)
    code, out, _ = run("score", "so-noi-vu.yaml", "-f", "markdown", "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        "# Sở Nội vụ — Bộ chỉ số ví dụ (spec v1) · year 2024",
        "",
        "**Index 79.00 %** (11.85 / 15.00 points) · grade **Khá** · self-assessed 83.17 % (12.48 points)",
        "",
        "| Code | Title | Max | Self | Final | Δ | Index % |",
        "| :--- | :--- | ---: | ---: | ---: | ---: | ---: |",
        "| 1 | **Công tác chỉ đạo, điều hành cải cách hành chính** | 6.00 | 5.50 | 4.50 | −1.00 | 75.00 |",
        "| 2 | **Cải cách thủ tục hành chính** | 4.00 | 3.38 | 3.25 | −0.13 | 81.25 |",
        "| 3 | **Mức độ hài lòng (điều tra xã hội học)** | 5.00 | 3.60 | 3.60 |  | 72.00 |",
        "| T | Điểm thưởng |  | 0.00 | 0.50 | +0.50 |  |",
        "|  | **Total** | 15.00 | 12.48 | 11.85 | −0.63 | 79.00 |",
        "",
        "## Findings",
        "",
        "- 1.1.2 Mức độ thực hiện kế hoạch CCHC: appraisal cut 2.00 → 1.00 (−1.00)",
        "- 2.1 Tỷ lệ hồ sơ giải quyết đúng hạn: appraisal cut 2.38 → 2.25 (−0.13)",
        '- 3 Mức độ hài lòng (điều tra xã hội học): 5 of 105 survey answers not counted (E, "không biết"): '
        "the share is of the others",
    ]
    code, _, _ = run("score", "so-noi-vu.yaml", "-f", "csv", "-o", "score.csv")
    assert code == 0
    assert Path("score.csv").read_bytes().decode("utf-8").split("\r\n") == [
        "\ufeffcode,title,depth,applicable,max,self_points,points,index,self_index",
        '1,"Công tác chỉ đạo, điều hành cải cách hành chính",1,true,6.00,5.50,4.50,75.00,91.67',
        "2,Cải cách thủ tục hành chính,1,true,4.00,3.38,3.25,81.25,84.38",
        "3,Mức độ hài lòng (điều tra xã hội học),1,true,5.00,3.60,3.60,72.00,72.00",
        "T,Điểm thưởng,,,,0.00,0.50,,",
        "total,,,,15.00,12.48,11.85,79.00,83.17",
        "",
    ]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if name in ("href", "src")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile(write: Write) -> None:
    write("demo.yaml", SET.replace("title: Area one", 'title: "Area <b>one</b> & <script>"'))
    write(
        "a.yaml",
        'kind: assessment\ncriteria: demo\nagency: {id: x, name: "<script>alert(1)</script>", group: "g&<i>"}\n'
        "answers: {'1.1': full, '1.2': 95}\n",
    )
    write(
        "b.yaml",
        'kind: assessment\ncriteria: demo\nagency: {id: y, name: "Sở B", group: "g&<i>"}\nanswers: {\'1.1\': part}\n',
    )


def test_html_score_report_is_self_contained_and_escaped(write: Write) -> None:
    _hostile(write)
    code, out, _ = run("score", "a.yaml", "-f", "html", "--depth", "2")
    assert code == 0
    parser = _Collector()
    parser.feed(out)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert parser.links == []  # no network: nothing fetched
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text and "Area <b>one</b> & <script>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert out.startswith("<!DOCTYPE html>") and "@page { size: A4;" in out
    assert parser.tags.count("svg") >= 3  # per-area bars
    assert "Largest recoverable gaps" not in text and "Điểm có thể cải thiện" in text  # the set's language


def test_html_rank_report(write: Write) -> None:
    _hostile(write)
    write("office.yaml", 'kind: office\ngroups: [{id: "g&<i>", label: "Khối <i>g&"}]\n')  # the group's label
    code, out, _ = run("rank", ".", "-f", "html", "--lang", "en")
    assert code == 0
    parser = _Collector()
    parser.feed(out)
    assert "script" not in parser.tags and "i" not in parser.tags
    text = "".join(parser.text)
    assert "PAR Index ranking" in text and "<script>alert(1)</script>" in text and "Khối <i>g&" in text
    assert parser.tags.count("tr") == 3 and parser.links == []


def test_xlsx_rank(write: Write) -> None:
    import openpyxl

    _hostile(write)
    write(
        "c.yaml",
        'kind: assessment\ncriteria: demo\nagency: {id: z, name: "=1+1", group: "g&<i>"}\nanswers: {\'1.1\': none}\n',
    )
    assert run("rank", ".", "-f", "xlsx")[0] == 2  # a workbook needs --output
    assert run("rank", ".", "-f", "xlsx", "-o", "rank.xlsx")[0] == 2  # it would be read as an input next time
    target = Path.cwd().parent / f"{Path.cwd().name}-rank.xlsx"
    code, out, _ = run("rank", ".", "-f", "xlsx", "-o", str(target), "--lang", "en", "--allow-incomplete")
    assert (code, out) == (0, "")
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1] == ["Rank", "Agency", "Points", "Max", "Index %", "Grade", "agency_id", "group"]
    assert rows[2][:6] == [1, "<script>alert(1)</script>", 4, 20, 20, "—"]
    assert [sheet.column_dimensions[c].hidden for c in "FGH"] == [False, True, True]  # ids, read back by --previous
    assert rows[4][1] == "=1+1" and sheet.cell(row=5, column=2).data_type == "s"  # text, not a formula


def test_rank_vietnamese_markdown(write: Write) -> None:
    _hostile(write)
    code, out, _ = run("rank", ".", "-f", "markdown")
    assert code == 0
    assert out.splitlines()[2:5] == [
        "| Hạng | Cơ quan | Điểm | Tối đa | Chỉ số % | Xếp loại |",
        "| ---: | :--- | ---: | ---: | ---: | :--- |",
        "| 1 | <script>alert(1)</script> | 4,00 | 20,00 | 20,00 | — |",
    ]


def test_endless_decimals_are_shown_rounded_with_a_sign() -> None:
    from par_cli.core.scoring import Finding
    from par_cli.words.catalogue import finding_text

    figures = (Fraction(124, 65), Fraction(114, 65))  # 1.9076923… → 1.7538461…
    cut = Finding("info", "appraisal-cut", "6.1.1", ("answers", "6.1.1"), figures)
    assert finding_text(cut, "vi") == "6.1.1: thẩm định giảm ≈1,9077 → ≈1,7538 (≈−0,1538)"
    raised = Finding("info", "appraisal-raised", "1", ("answers", "1"), (Fraction(1, 2), Fraction(3, 4)))
    assert finding_text(raised, "en") == "1: appraisal raised 0.5 → 0.75 (+0.25)"


def test_a_change_rounding_would_hide_is_shown_with_more_places() -> None:
    """A council reading `giảm 0,44 → 0,44 (0,00)` sees a cut of nothing: the figures get the places that show it."""
    from par_cli.core.scoring import Finding
    from par_cli.words.catalogue import finding_text

    figures = (Fraction(4386, 10000), Fraction(4353, 10000))
    cut = Finding("info", "appraisal-cut", "5.4.2", ("answers", "5.4.2"), figures)
    assert finding_text(cut, "vi", places=2) == "5.4.2: thẩm định giảm 0,439 → 0,435 (−0,004)"
    assert finding_text(cut, "en", places=2) == "5.4.2: appraisal cut 0.439 → 0.435 (−0.004)"
    tiny = Finding("info", "appraisal-raised", "1", ("answers", "1"), (Fraction(1, 2), Fraction(500001, 1000000)))
    assert finding_text(tiny, "en", places=2) == "1: appraisal raised 0.500000 → 0.500001 (+0.000001)"
    seen = Finding("info", "appraisal-cut", "1", ("answers", "1"), (Fraction(1, 2), Fraction(1, 4)))
    assert finding_text(seen, "en", places=2) == "1: appraisal cut 0.50 → 0.25 (−0.25)"


def test_every_rule_kind_is_described_in_both_languages() -> None:
    from decimal import Decimal

    from par_cli.core.formats import KINDS
    from par_cli.core.rules.levels import Level
    from par_cli.core.rules.tiers import Tier
    from par_cli.words.explain import describe_rule, input_hint

    samples: dict[str, dict[str, object]] = {
        "levels": {"levels": (Level(key="a", points=Decimal(1)),)},
        "tiers": {"tiers": (Tier(min=Decimal(50), points=Decimal(1)),)},
        "deduction": {"per": Decimal(1)},
        "count": {"per": Decimal(1)},
        "between": {"low": Decimal(25), "high": Decimal(90)},
    }
    assert set(KINDS) == {
        *("points", "check", "levels", "tiers", "linear", "between", "deduction", "count", "likert", "relative")
    }
    for kind, rule_class in KINDS.items():
        rule = rule_class(**samples.get(kind, {}))
        assert rule.kind == kind
        for lang in ("vi", "en"):
            assert describe_rule(rule, lang) and input_hint(rule, lang)
