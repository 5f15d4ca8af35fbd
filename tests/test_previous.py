"""`rank --previous` from what offices have: ranks and ids only, the CSV and xlsx `par rank` writes (also as a
spreadsheet saves them again); mergers that take over the rank of a unit still ranked are said (issue 25)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT, Write, run, run_english
from tests.test_years import rows, unit, years

__all__ = ["years"]  # the fixture: 2023 a b c e · 2024 a b c d · 2025 m (a + b) c d

EXAMPLES = ROOT / "examples"


def ranks_only(source: str, target: str) -> None:
    """A `par rank` JSON with everything but the ranks and agency ids taken out, as an office publishes it."""
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    for group in data["groups"]:
        group["rows"] = [{"rank": r["rank"], "agency": {"id": r["agency"]["id"]}} for r in group["rows"]]
    Path(target).write_text(json.dumps(data, indent=1), encoding="utf-8")


def changes(out: str) -> list[tuple[object, ...]]:
    return [(r["agency"]["id"], r["previous_rank"], r["rank_change"]) for r in rows(out)]  # type: ignore[index]


def test_a_ranking_of_ranks_and_ids_only_gives_rank_changes(years: Write) -> None:
    """2023: a 70 (1), e 65 (2), c 60 (3), b 50 (4) · 2024: d 90, a 80, c 70, b 60: no index needed."""
    assert run_english("rank", "2023", "-f", "json", "-o", "2023.json")[0] == 0
    ranks_only("2023.json", "ranks.json")
    code, out, err = run_english("rank", "2024", "--previous", "ranks.json", "-f", "json")
    assert (code, err) == (0, "ranks.json: warning R012: 1 unit ranked last period is not in this ranking: e (e, #2)\n")
    assert changes(out) == [("d", None, None), ("a", 1, -1), ("c", 3, 0), ("b", 4, 0)]


def test_a_merged_unit_asks_for_the_indices_at_each_row_without_one(years: Write) -> None:
    """m's previous figure is the mean of a's and b's indices, ranked among 2024's: each row is asked for its
    index, at the row."""
    assert run("rank", "2024", "-f", "json", "-o", "2024.json")[0] == 0
    ranks_only("2024.json", "ranks.json")
    code, _, err = run("rank", "2025", "--previous", "ranks.json", "--lang", "en")
    hint = "(hint: give the unit's index too (`par rank` writes it in JSON, CSV and xlsx))"
    said = (
        "has a rank but no index: the previous figure of the merged unit 'm' is computed from the indices of its group"
    )
    assert (code, err.splitlines()) == (
        1,
        [
            f"ranks.json:{n}:5: error J003: '{agency}' {said} {hint}"
            for n, agency in ((17, "d"), (23, "a"), (29, "c"), (35, "b"))
        ],
    ), err


def test_a_trend_asks_for_the_index_at_the_row(years: Write) -> None:
    assert run("rank", "2023", "-f", "json", "-o", "2023.json")[0] == 0
    ranks_only("2023.json", "ranks.json")
    code, _, err = run("trend", "ranks.json", "2024", "--lang", "vi")
    assert code == 1, err
    assert err.splitlines()[0] == (
        "ranks.json:17:5: lỗi J003: 'a' có hạng nhưng không có chỉ số: diễn biến qua các kỳ cần chỉ số của từng kỳ "
        "(gợi ý: ghi cả chỉ số của đơn vị (`par rank` ghi chỉ số trong JSON, CSV và xlsx))"
    ), err


def test_the_csv_and_xlsx_par_rank_writes_give_the_rank_changes_of_its_json(in_tmp: Path) -> None:
    """examples/2025 against 2024: the merged department, Sở Y tế ▲2, Sở Xây dựng ▼1 … from every format."""
    for form in ("json", "csv", "xlsx"):
        assert run("rank", str(EXAMPLES / "2024"), "-f", form, "-o", f"2024.{form}")[0] == 0
    found = {}
    for form in ("json", "csv", "xlsx"):
        code, out, err = run("rank", str(EXAMPLES / "2025"), "--previous", f"2024.{form}", "-f", "json")
        assert (code, err) == (0, ""), (form, err)
        found[form] = [(*change, r["previous_index"]) for change, r in zip(changes(out), rows(out), strict=True)]
    assert found["csv"] == found["xlsx"] == found["json"]
    assert ("so-y-te", 9, 2, 78.62) in found["json"] and ("so-xay-dung", 8, -1, 79.21) in found["json"]
    assert ("so-cong-thuong-khoa-hoc-cong-nghe", 9, 1, 78.51) in found["json"]


def test_a_ranking_csv_saved_again_by_a_spreadsheet_is_read(years: Write) -> None:
    """With or without a BOM, CRLF line ends, `;` between cells and decimal commas."""
    assert run_english("rank", "2023", "-f", "csv", "-o", "2023.csv")[0] == 0
    text = Path("2023.csv").read_text(encoding="utf-8-sig")
    Path("bom.csv").write_bytes(("\ufeff" + text).encode("utf-8"))
    Path("plain.csv").write_bytes(text.replace("\r\n", "\n").encode("utf-8"))
    Path("semicolon.csv").write_bytes(text.replace(",", ";").replace(".", ",").encode("utf-8"))
    for name in ("bom.csv", "plain.csv", "semicolon.csv"):
        code, out, err = run_english("rank", "2024", "--previous", name, "-f", "json")
        gone = f"{name}: warning R012: 1 unit ranked last period is not in this ranking: Sở E (e, #2)\n"
        assert (code, err) == (0, gone), (name, err)
        assert changes(out) == [("d", None, None), ("a", 1, -1), ("c", 3, 0), ("b", 4, 0)], name


def test_a_bad_cell_of_a_ranking_csv_is_located(years: Write) -> None:
    Path("2023.csv").write_text("rank,agency_id,index\r\n1,a,70\r\nfirst,e,65\r\n3,c,250\r\n", encoding="utf-8")
    code, _, err = run("rank", "2024", "--previous", "2023.csv", "--lang", "en")
    assert (code, err.splitlines()) == (
        1,
        [
            "2023.csv:3:rank: error J002: expected a rank (a whole number ≥ 1), found 'first'",
            "2023.csv:4:index: error J002: '250' is not a figure a ranking can hold in column index (an index 0–200, "
            "points ≥ 0, max > 0)",
        ],
    ), err


def test_a_table_without_agency_ids_or_names_is_not_a_ranking(years: Write) -> None:
    Path("2023.csv").write_text("rank,grade\r\n1,Tốt\r\n", encoding="utf-8")
    code, _, err = run("rank", "2024", "--previous", "2023.csv", "--lang", "en")
    assert (code, err) == (
        1,
        "2023.csv:1:1: error J002: not a ranking: no column 'agency_id' (hint: give a ranking as `par rank --format "
        "json|csv|xlsx|docx` writes it: at least the columns rank and agency_id (or Xếp hạng and Tên cơ quan))\n",
    ), err


def test_a_predecessor_still_ranked_in_the_same_period_is_said_where_it_is_written(years: Write) -> None:
    """x names c, which 2025 still ranks: x takes over c's rank of 2024 while c keeps it."""
    unit(years, "2025", "x", "30", "20", "c")
    code, out, err = run("rank", "2025", "--previous", "2024", "--lang", "en", "-f", "json")
    assert code == 0, err
    assert err == (
        "2025/x.yaml:3:57: warning R009: predecessor 'c' is still ranked in this period: 'x' takes over its previous "
        "rank while it keeps it too (hint: list as predecessors only the units merged away (no longer ranked), or "
        "remove this one)\n"
    ), err
    assert [r for r in changes(out) if r[0] in ("c", "x")] == [("c", 3, 0), ("x", 3, -1)]


def _without_survey(folder: str) -> None:
    """The example's 2024 assessments before the survey results came in."""
    Path(folder).mkdir()
    for source in sorted((EXAMPLES / "2024").glob("*.yaml")):
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        Path(folder, source.name).write_text("".join(x for x in lines if not x.startswith('  "8.')), encoding="utf-8")


def test_survey_results_still_missing_are_said_and_no_annex_is_written(in_tmp: Path) -> None:
    """Before: every survey criterion scored 0, exit 0, no word (only `par check` warned)."""
    _without_survey("2024")
    said = (
        "2024: warning R010: 12 agencies have no survey results: their 3 survey criteria (20 points) score 0 (hint:"
        " give --survey FILE (the results `par survey tally` writes), or put it beside the assessments)\n"
    )
    code, out, err = run_english("rank", "2024", "-f", "json", "--no-cache")
    assert (code, err) == (0, said) and json.loads(out)["groups"]
    for fmt in ("docx", "xlsx"):
        code, out, err = run_english("rank", "2024", "-f", fmt, "-o", f"annex.{fmt}", "--no-cache")
        assert (code, out) == (1, "")
        assert err == said + (
            f"annex.{fmt}: error R011: no annex is written over incomplete results: 12 agencies would be published"
            " with criteria scored 0 for want of results (hint: complete them, or give --allow-incomplete to"
            " publish the ranking as it is)\n"
        )
        assert not Path(f"annex.{fmt}").exists()
        code, _, err = run_english("rank", "2024", "-f", fmt, "-o", f"annex.{fmt}", "--no-cache", "--allow-incomplete")
        assert (code, err) == (0, said) and Path(f"annex.{fmt}").exists()
    code, _, err = run_english("rank", str(EXAMPLES / "2024"), "-f", "docx", "-o", "full.docx", "--no-cache")
    assert (code, err) == (0, "")


def test_unanswered_criteria_are_counted_in_the_warning(in_tmp: Path) -> None:
    shutil.copytree(EXAMPLES / "2024", "2024")
    path = Path("2024/so-noi-vu.yaml")
    path.write_text(
        "".join(x for x in path.read_text(encoding="utf-8").splitlines(True) if not x.startswith('  "1.1.1"')),
        encoding="utf-8",
    )
    code, _, err = run_english("rank", "2024", "--no-cache")
    assert code == 0
    assert err.startswith("2024: warning R010: 1 agency has criteria without an answer (1 in all, ")


def test_a_unit_ranked_last_period_and_absent_now_is_listed(in_tmp: Path) -> None:
    """Before: so-ke-hoach-dau-tu (ranked 4th in 2023, gone in 2024) was not mentioned anywhere."""
    code, out, err = run_english("rank", str(EXAMPLES / "2024"), "--previous", str(EXAMPLES / "2023"), "-f", "json")
    assert code == 0
    assert err == (
        f"{EXAMPLES / '2023'}: warning R012: 1 unit ranked last period is not in this ranking:"
        " Sở Kế hoạch và Đầu tư (so-ke-hoach-dau-tu, #4)\n"
    )
    assert json.loads(out)["absent_from_previous"] == [
        {"agency": {"id": "so-ke-hoach-dau-tu", "name": "Sở Kế hoạch và Đầu tư"}, "group": "so-nganh", "rank": 4}
    ]
    assert "absent_from_previous" not in json.loads(run_english("rank", str(EXAMPLES / "2024"), "-f", "json")[1])
