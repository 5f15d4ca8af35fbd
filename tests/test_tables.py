"""CSV tables people send (survey responses, export tables): a row is read as its writer meant it, or refused
at its row: a quote left open never swallows the rows after it, a split cell never shifts a row's values."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, SPEC, Write, run, run_english

SURVEY = ROOT / "examples" / "survey-2024"
CRITERIA = (SPEC / "criteria.yaml").read_text(encoding="utf-8")


def _responses(edit: dict[int, tuple[str, str]]) -> str:
    lines = (SURVEY / "responses.csv").read_text(encoding="utf-8").splitlines()
    for number, (old, new) in edit.items():
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return "\n".join(lines) + "\n"


def test_a_quote_left_open_in_survey_responses_is_refused_not_four_forms_lost(write: Write) -> None:
    # lines 6 to 10 would be one form of 'ban-dan-toc' (4 forms fewer, another percentage, exit 0)
    write("r.csv", _responses({6: ("ban-dan-toc-0005", '"ban-dan-toc-0005'), 10: ("0009,", '0009",')}))
    code, _, err = run_english("survey", "tally", str(SURVEY / "design.yaml"), "r.csv", "-o", "survey.yaml")
    assert (code, err) == (
        1,
        "r.csv:6: error T001: a quote opened in this row is not closed where its cell ends: lines 6–10 of the file"
        ' were read as one row (hint: close the quote ("…") where the cell ends, or remove it)\n',
    )
    assert not Path("survey.yaml").exists()


def test_a_quote_never_closed_is_located_in_every_file_at_once(write: Write) -> None:
    # never closed: the csv module's 128 KB field limit, a traceback before
    write("a.csv", _responses({2: ("ban-dan-toc-0001", '"ban-dan-toc-0001')}))
    write("b.csv", _responses({3: ("ban-dan-toc-0002", '"ban-dan-toc-0002')}))
    code, _, err = run("survey", "tally", str(SURVEY / "design.yaml"), "a.csv", "b.csv", "-o", "s.yaml", "--lang", "vi")
    assert code == 1
    assert err.splitlines() == [
        "a.csv:2: lỗi T001: dấu ngoặc kép mở ở dòng này không được đóng ở cuối ô: các dòng 2–2546 của tệp bị đọc"
        ' thành một dòng (gợi ý: đóng dấu ngoặc kép ("…") ở cuối ô, hoặc xóa nó)',
        "b.csv:3: lỗi T001: dấu ngoặc kép mở ở dòng này không được đóng ở cuối ô: các dòng 3–2547 của tệp bị đọc"
        ' thành một dòng (gợi ý: đóng dấu ngoặc kép ("…") ở cuối ô, hoặc xóa nó)',
    ]


def test_an_unquoted_decimal_comma_that_adds_a_cell_is_refused_at_its_row(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    write("t.csv", "Mã cơ quan,Mã,Tự đánh giá\nso-noi-vu,1.1.2,95,5\nso-noi-vu,1.2,Có\n")
    code, _, err = run_english("import", "t.csv", "--criteria", "criteria.yaml", "-o", "out")
    assert (code, err) == (
        1,
        "t.csv:2: error T001: 4 cells in this row, but the header has 3 titles (hint: a decimal comma (95,5) splits"
        ' a cell in two in a comma-separated file: write 95.5, or quote it "95,5")\n',
    )
    assert not list(Path().glob("out/*"))


def test_text_over_two_lines_in_a_quoted_cell_is_still_one_cell(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    write(
        "t.csv",
        'Mã cơ quan,Tên cơ quan,Mã,Tự đánh giá,Tài liệu kiểm chứng\nso-noi-vu,Sở Nội vụ,1.2,Có,"Báo cáo quý I, quý II\nBáo cáo năm"\n'
        "so-noi-vu,Sở Nội vụ,1.3,1,Kết luận 15/KL\n",
    )
    code, _, err = run("import", "t.csv", "--criteria", "criteria.yaml", "-o", "out")
    assert code == 0, err
    written = Path("out/so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '"1.2": {self: true, evidence: ["Báo cáo quý I, quý II", "Báo cáo năm"]}' in written
    assert '"1.3": {self: 1' in written
