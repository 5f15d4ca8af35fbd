"""Beyond one year's table: mergers in `rank --previous`, `par trend`, `par gaps`, `rank --robustness`.

Every figure below is computed by hand in the comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, Write, run, run_english

SET = """\
kind: criteria
id: so-2025
title: "Bộ chỉ số thử"
grades: [{min: 90, label: A}, {min: 0, label: B}]
areas:
  - {code: "1", title: Một, max: 60, allow_na: true}
  - {code: "2", title: Hai, max: 40}
"""


def unit(write: Write, year: str, agency_id: str, one: str, two: str, predecessors: str = "") -> None:
    merged = f", predecessors: [{predecessors}]" if predecessors else ""
    write(
        f"{year}/{agency_id}.yaml",
        f'kind: assessment\ncriteria: so-2025\nagency: {{id: {agency_id}, name: "Sở {agency_id.upper()}", '
        f"group: so{merged}}}\nperiod: {year}\nanswers: {{'1': {one}, '2': {two}}}\n",
    )


@pytest.fixture
def years(write: Write) -> Write:
    """2023: a 70, b 50, c 60, e 65 · 2024: a 80, b 24/40 = 60, c 70, d 90 · 2025: m (a + b) 75, c 72, d 95."""
    for year in ("2023", "2024", "2025"):
        write(f"{year}/criteria.yaml", SET)
    unit(write, "2023", "a", "42", "28")
    unit(write, "2023", "b", "30", "20")
    unit(write, "2023", "c", "36", "24")
    unit(write, "2023", "e", "39", "26")  # dissolved before 2024: a line of its own
    unit(write, "2024", "a", "48", "32")
    unit(write, "2024", "b", "na", "24")
    unit(write, "2024", "c", "40", "30")
    unit(write, "2024", "d", "54", "36")
    unit(write, "2025", "m", "45", "30", "a, b")
    unit(write, "2025", "c", "42", "30")
    unit(write, "2025", "d", "57", "38")
    return write


def rows(out: str) -> list[dict[str, object]]:
    [group] = json.loads(out)["groups"]
    return list(group["rows"])


# Mergers in `par rank --previous`


def test_a_merged_unit_takes_the_mean_of_its_predecessors_and_is_marked_merged(years: Write) -> None:
    code, out, err = run("rank", "2025", "--previous", "2024", "-f", "json")
    assert code == 0, err
    found = {r["agency"]["id"]: r for r in rows(out)}  # type: ignore[index]
    # m: (80 + 60) / 2 = 70; in 2024 only d (90) was above 70 → rank 2; now 2nd (95, 75, 72) → unchanged
    assert found["m"]["previous_index"] == 70
    assert (found["m"]["previous_rank"], found["m"]["rank_change"]) == (2, 0)
    assert found["m"]["merged_from"] == ["a", "b"]
    assert found["m"]["agency"]["predecessors"] == ["a", "b"]  # type: ignore[index]
    # the others keep their published ranks: c was 3rd of 4, d 1st
    assert (found["c"]["previous_rank"], found["c"]["rank_change"], found["c"]["previous_index"]) == (3, 0, 70)
    assert (found["d"]["previous_rank"], "merged_from" in found["d"]) == (1, False)
    assert json.loads(out)["merged_as"] == "mean"


def test_pooled_points_over_maxima_weigh_the_larger_unit_more(years: Write) -> None:
    code, out, err = run("rank", "2025", "--previous", "2024", "--merged-as", "pooled", "-f", "json")
    assert code == 0, err
    m = next(r for r in rows(out) if r["agency"]["id"] == "m")  # type: ignore[index]
    # (80 + 24) / (100 + 40) = 74.2857… → 74.29; still only d above it
    assert (m["previous_index"], m["previous_rank"]) == (74.29, 2)


def test_the_table_says_merged_instead_of_new_and_how(years: Write) -> None:
    code, out, err = run("rank", "2025", "--previous", "2024")
    assert code == 0, err
    line = next(text for text in out.splitlines() if text.split()[1:3] == ["Sở", "M"])
    assert line.split() == ["2", "Sở", "M", "75,00", "100,00", "75,00", "B", "2", "hợp", "nhất", "=", "██████··"], out
    assert "mới" not in out, out
    assert "hợp nhất: Sở M — kỳ trước 70,00 % = trung bình chỉ số của các đơn vị tiền thân (Sở A, Sở B)" in out, out
    code, out, err = run("rank", "2025", "--previous", "2024", "--lang", "en", "--merged-as", "pooled")
    assert "merged: Sở M — earlier 74.29 % = the predecessors' points over their maxima, pooled (Sở A, Sở B)" in out, (
        out
    )


def test_without_predecessors_the_unit_is_new(years: Write) -> None:
    (Path("2025") / "m.yaml").write_text(
        (Path("2025") / "m.yaml").read_text(encoding="utf-8").replace(", predecessors: [a, b]", ""), encoding="utf-8"
    )
    code, out, _ = run("rank", "2025", "--previous", "2024")
    assert code == 0 and "mới" in out and "hợp nhất" not in out, out


def test_a_previous_json_ranking_gives_the_same_earlier_figures(years: Write) -> None:
    assert run("rank", "2024", "-f", "json", "-o", "2024.json")[0] == 0
    from_folder = rows(run("rank", "2025", "--previous", "2024", "-f", "json")[1])
    from_json = rows(run("rank", "2025", "--previous", "2024.json", "-f", "json")[1])
    pick = ["previous_rank", "rank_change", "previous_index"]
    assert [[r[k] for k in pick] for r in from_json] == [[r[k] for k in pick] for r in from_folder]


def test_an_unknown_predecessor_is_located_with_a_hint(years: Write) -> None:
    unit(years, "2025", "m", "45", "30", "a, bb")
    code, out, err = run_english("rank", "2025", "--previous", "2024")
    assert code == 1, out
    assert err.strip() == (
        "2025/m.yaml:3:60: error R008: predecessor 'bb' is not in the ranking of 2024 (hint: did you mean 'b'?)"
    ), err
    # without --previous, predecessors are only declared: nothing to check against
    assert run_english("rank", "2025")[0] == 0


# par trend


def test_trend_follows_a_merged_unit_back_through_its_predecessors(years: Write) -> None:
    code, out, err = run("trend", "2023", "2024", "2025", "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["periods"] == ["2023", "2024", "2025"]
    lines = {a["id"]: a["periods"] for a in data["agencies"]}
    assert list(lines) == ["d", "m", "c", "e"]  # the latest period's units in rank order, then the dissolved
    # m: 2023 (70 + 50) / 2 = 60, above it c? no (60 = 60, a tie shares the rank), e 65 → rank 2
    assert [(p["index"], p["rank"], p.get("merged_from")) for p in lines["m"]] == [
        (60, 2, ["a", "b"]),
        (70, 2, ["a", "b"]),
        (75, 2, None),
    ]
    assert [(p["index"], p["rank"]) for p in lines["c"]] == [(60, 3), (70, 3), (72, 3)]
    assert [(p["index"], p["rank"]) for p in lines["d"]] == [(None, None), (90, 1), (95, 1)]
    # e in 2023: a 70 above it → 2nd
    assert [(p["index"], p["rank"]) for p in lines["e"]] == [(65, 2), (None, None), (None, None)]
    # area indices follow the same way: m's area 1 in 2024 is a's alone (b had it N/A): 48/60 = 80
    assert lines["m"][1]["areas"] == [{"code": "1", "index": 80, "rank": 2}, {"code": "2", "index": 70, "rank": 3}]


def test_trend_table_has_sparklines_and_the_change(years: Write) -> None:
    code, out, err = run("trend", "2023", "2024", "2025")
    assert code == 0, err
    m = next(text for text in out.splitlines() if text.startswith("Sở M"))
    # 60 → 70 → 75 on a scale from 50 (the lowest in the table: b's own 2023 line, ▁) to 95 (highest, █), 8 blocks:
    # 10/45 × 7 = 1 (▂), 20/45 × 7 = 3 (▄), 25/45 × 7 = 3 (▄)
    assert m.split() == ["Sở", "M", "60,00*", "2*", "70,00*", "2*", "75,00", "2", "▂▄▄", "+15,00"], out
    assert "* Sở M, 2024: trung bình chỉ số của các đơn vị tiền thân (Sở A, Sở B)" in out, out  # names, not ids


def test_trend_csv_and_html(years: Write) -> None:
    code, out, _ = run("trend", "2023", "2024", "2025", "-f", "csv")
    assert code == 0
    assert out.splitlines()[0].lstrip("\ufeff").split(",")[:7] == [
        "agency_id", "agency", "group", "period", "index", "rank", "merged_from",
    ]  # fmt: skip
    # m in 2023: areas (70 + 50) / 2 = 60 and (70 + 50) / 2 = 60; in 2024 area 1 is a's alone (b: N/A) = 80
    assert "m,Sở M,so,2023,60.00,2,a b,60.00,60.00" in out, out
    assert "m,Sở M,so,2024,70.00,2,a b,80.00,70.00" in out, out
    code, page, _ = run("trend", "2023", "2024", "2025", "-f", "html")
    # a line per unit (d, m, c, e) and per predecessor of m (a, b), in the table's order: its swatches match
    assert code == 0 and page.count("<polyline") == 6 and "<svg" in page


def test_a_period_given_twice_is_refused(years: Write) -> None:
    code, _, err = run("trend", "2024", "2024")
    assert code == 2 and "U002" in err and "2024" in err, err


def test_trend_of_the_shipped_examples_follows_the_2025_merger() -> None:
    code, out, err = run(
        "trend", str(ROOT / "examples/2023"), str(ROOT / "examples/2024"), str(ROOT / "examples/2025"), "-f", "json"
    )
    assert code == 0, err
    lines = {a["id"]: a["periods"] for a in json.loads(out)["agencies"]}
    merged = lines["so-cong-thuong-khoa-hoc-cong-nghe"]
    # 2023: Sở Công Thương was not ranked yet, so the figure is Sở KH&CN's alone (and says so); 2024: both
    assert [(p["index"], p["rank"], p.get("merged_from")) for p in merged] == [
        (79.64, 8, ["so-khoa-hoc-cong-nghe"]),
        (78.51, 9, ["so-cong-thuong", "so-khoa-hoc-cong-nghe"]),
        (79.38, 8, None),
    ]
    assert "so-cong-thuong" not in lines and "so-khoa-hoc-cong-nghe" not in lines
    assert "so-ke-hoach-dau-tu" in lines  # 2023 only: its own line
    # the predecessors' own figures in 2023 and 2024, with their own ranks: 2024's 78.51 = (76.75 + 80.27) / 2
    [whole] = [a for a in json.loads(out)["agencies"] if a["id"] == "so-cong-thuong-khoa-hoc-cong-nghe"]
    assert [(part["id"], part["name"]) for part in whole["predecessors"]] == [
        ("so-cong-thuong", "Sở Công Thương"),
        ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ"),
    ]
    assert [[(p["index"], p["rank"]) for p in part["periods"]] for part in whole["predecessors"]] == [
        [(None, None), (76.75, 11), (None, None)],  # not in the 2023 folder
        [(79.64, 8), (80.27, 7), (None, None)],
    ]
    assert [p.get("merged_by") for p in merged] == [None, "mean", None]  # one predecessor in 2023: its own figure


def test_trend_reads_published_json_rankings_as_periods(years: Write) -> None:
    """A period may be the JSON an office published (`par rank --format json`): the same lines as from folders."""
    assert run("rank", "2023", "-f", "json", "-o", "2023.json")[0] == 0
    assert run("rank", "2024", "-f", "json", "-o", "2024.json", "--areas")[0] == 0
    from_folders = json.loads(run("trend", "2023", "2024", "2025", "-f", "json")[1])
    code, out, err = run("trend", "2023.json", "2024.json", "2025", "-f", "json")
    assert code == 0, err
    from_json = json.loads(out)
    assert from_json["periods"] == ["2023", "2024", "2025"]  # the period each JSON file says
    pick = [[(p["index"], p["rank"], p.get("merged_from")) for p in a["periods"]] for a in from_json["agencies"]]
    want = [[(p["index"], p["rank"], p.get("merged_from")) for p in a["periods"]] for a in from_folders["agencies"]]
    assert pick == want


def test_trend_areas_and_pooled_figures(years: Write) -> None:
    code, out, err = run("trend", "2024", "2025", "--areas", "--merged-as", "pooled", "--lang", "en")
    assert code == 0, err
    # pooled 2024: (80 + 24) / 140 = 74.29; area 2: mean of a 80 and b 60 = 70 (areas are always means), 3rd
    m = next(line for line in out.splitlines() if line.startswith("Sở M"))
    assert m.split()[:6] == ["Sở", "M", "74.29*", "2*", "75.00", "2"], out
    assert "Area index across periods (rank): 2. Hai\n" in out  # each area by its code and title
    area_m = [line for line in out.splitlines() if line.startswith("Sở M")][2]
    assert area_m.split() == ["Sở", "M", "70.00", "(3)*", "75.00", "(2)"], out
    assert "* Sở M, 2024: the predecessors' points over their maxima, pooled (Sở A, Sở B)" in out, out


TREND_VI = """\
Chỉ số qua các kỳ: 2023, 2024, 2025
Bộ chỉ số thử

          Chỉ số  Hạng  Chỉ số  Hạng  Chỉ số  Hạng
Cơ quan     2023  2023    2024  2024    2025  2025  Xu hướng  Thay đổi
──────────────────────────────────────────────────────────────────────
Sở D           —     —   90,00     1   95,00     1        ▇█     +5,00
Sở M      60,00*    2*  70,00*    2*   75,00     2       ▂▄▄    +15,00
  ↳ Sở A   70,00     1   80,00     2       —     —        ▄▅    +10,00
  ↳ Sở B   50,00     4   60,00     4       —     —        ▁▂    +10,00
Sở C       60,00     3   70,00     3   72,00     3       ▂▄▄    +12,00
Sở E       65,00     2       —     —       —     —         ▃         —
Xu hướng: mỗi kỳ một cột (2023, 2024, 2025), cao theo chỉ số: cột thấp nhất 50,00 (chỉ số thấp nhất
trong bảng), cột cao nhất 95,00 (cao nhất)
* Sở M, 2023: trung bình chỉ số của các đơn vị tiền thân (Sở A, Sở B): 60,00 = (70,00 + 50,00) / 2;
hạng: vị trí của chỉ số này trong bảng kỳ đó
* Sở M, 2024: trung bình chỉ số của các đơn vị tiền thân (Sở A, Sở B): 70,00 = (80,00 + 60,00) / 2;
hạng: vị trí của chỉ số này trong bảng kỳ đó
"""

TREND_EN_POOLED = """\
Index across periods: 2023, 2024, 2025
Bộ chỉ số thử

           Index  Rank   Index  Rank  Index  Rank
Agency      2023  2023    2024  2024   2025  2025  Trend  Change
────────────────────────────────────────────────────────────────
Sở D           —     —   90.00     1  95.00     1     ▇█   +5.00
Sở M      60.00*    2*  74.29*    2*  75.00     2    ▂▄▄  +15.00
  ↳ Sở A   70.00     1   80.00     2      —     —     ▄▅  +10.00
  ↳ Sở B   50.00     4   60.00     4      —     —     ▁▂  +10.00
Sở C       60.00     3   70.00     3  72.00     3    ▂▄▄  +12.00
Sở E       65.00     2       —     —      —     —      ▃       —
Trend: one bar per period (2023, 2024, 2025), as high as the index: the shortest bar 50.00 (the
lowest in the table), the tallest 95.00 (the highest)
* Sở M, 2023: the predecessors' points over their maxima, pooled (Sở A, Sở B): 60.00 = (70.00 +
50.00) / (100 + 100) × 100; rank: where that index stands in that period's ranking
* Sở M, 2024: the predecessors' points over their maxima, pooled (Sở A, Sở B): 74.29 = (80.00 +
24.00) / (100 + 40) × 100; rank: where that index stands in that period's ranking
"""


@pytest.mark.parametrize(
    ("options", "expected"), [((), TREND_VI), (("--merged-as", "pooled", "--lang", "en"), TREND_EN_POOLED)]
)
def test_trend_nests_the_predecessors_own_figures_and_says_the_sum(
    years: Write, options: tuple[str, ...], expected: str
) -> None:
    """Under m, a's and b's own index and rank in the periods m's figure is computed from (a 70 1st, b 50 4th in
    2023; a 80 2nd, b 60 4th in 2024), and the note's sum with those figures. Mean: (70 + 50) / 2 = 60,
    (80 + 60) / 2 = 70. Pooled: (70 + 50) / (100 + 100) × 100 = 60; 2024, b's area 1 N/A (max 40):
    (80 + 24) / (100 + 40) × 100 = 104/140 × 100 = 74.2857… = 74.29. a's change 70 → 80: +10; b's 50 → 60: +10."""
    code, out, err = run("trend", "2023", "2024", "2025", *options)
    assert code == 0, err
    assert [line.rstrip() for line in out.splitlines()] == expected.splitlines()


def test_a_sum_the_shown_figures_do_not_give_says_approximately(years: Write) -> None:
    """a 48.005 + 32 = 80.005 (shown 80.01), b 24.001/40 = 60.0025 (shown 60.00): m's exact mean 70.00375 is shown
    70.00, while (80.01 + 60.00) / 2 = 70.005 would be 70.01: `≈`, not `=`. Pooled: 104.006/140 = 74.29004…, and
    (80.01 + 24.00) / 140 = 74.2928… = 74.29 too: `=`."""
    unit(years, "2024", "a", "48.005", "32")
    unit(years, "2024", "b", "na", "24.001")
    code, out, err = run("trend", "2024", "2025", "--lang", "en")
    assert code == 0, err
    assert "(Sở A, Sở B): 70.00 ≈ (80.01 + 60.00) / 2; rank" in " ".join(out.split()), out
    code, out, err = run("trend", "2024", "2025", "--lang", "en", "--merged-as", "pooled")
    assert code == 0, err
    assert "(Sở A, Sở B): 74.29 = (80.01 + 24.00) / (100 + 40) × 100; rank" in " ".join(out.split()), out


def test_a_pooled_trend_over_a_ranking_without_points_says_it_took_the_mean(years: Write) -> None:
    """A published ranking giving indices only (no points, no maxima) cannot be pooled: the figure is the mean
    (80 + 60) / 2 = 70, and the note now says so (it said `pooled` over a mean), with `merged_by: mean`."""
    Path("2024.json").write_text(
        '{"groups": [{"group": "so", "period": "2024", "rows": [\n'
        '  {"rank": 1, "agency": {"id": "a", "name": "Sở A"}, "index": 80},\n'
        '  {"rank": 2, "agency": {"id": "b", "name": "Sở B"}, "index": 60}\n]}]}\n',
        encoding="utf-8",
    )
    code, out, err = run("trend", "2024.json", "2025", "--merged-as", "pooled", "--lang", "en")
    assert code == 0, err
    said = " ".join(out.split())
    assert "* Sở M, 2024: the mean of the predecessors' indices (Sở A, Sở B): 70.00 = (80.00 + 60.00) / 2;" in said
    code, out, err = run("trend", "2024.json", "2025", "--merged-as", "pooled", "-f", "json")
    m = next(a for a in json.loads(out)["agencies"] if a["id"] == "m")
    assert (m["periods"][0]["index"], m["periods"][0]["merged_by"]) == (70, "mean")


def test_trend_predecessors_in_json_csv_html_and_word(years: Write) -> None:
    """New keys only: each merged unit's `predecessors` (id, name, group, periods as the unit's), `merged_by` on a
    figure computed from two or more; CSV rows for them with `predecessor_of` last; nested rows in HTML and Word."""
    code, out, err = run("trend", "2023", "2024", "2025", "-f", "json", "--merged-as", "pooled")
    assert code == 0, err
    agencies = {a["id"]: a for a in json.loads(out)["agencies"]}
    m = agencies["m"]
    assert list(m) == ["id", "name", "group", "periods", "predecessors"]
    assert [sorted(p) for p in m["periods"]] == [
        ["areas", "index", "merged_by", "merged_from", "period", "rank"],
        ["areas", "index", "merged_by", "merged_from", "period", "rank"],
        ["areas", "index", "period", "rank"],
    ]
    assert [p.get("merged_by") for p in m["periods"]] == ["pooled", "pooled", None]
    a, b = m["predecessors"]
    assert (a["id"], a["name"], a["group"], b["id"]) == ("a", "Sở A", "so", "b")
    assert b["periods"][1] == {
        "period": "2024",
        "index": 60,
        "rank": 4,
        "areas": [{"code": "1", "index": None, "rank": None}, {"code": "2", "index": 60, "rank": 4}],
    }
    assert b["periods"][2] == {"period": "2025", "index": None, "rank": None}
    assert all("predecessors" not in agencies[other] for other in ("c", "d", "e"))
    code, out, _ = run("trend", "2023", "2024", "2025", "-f", "csv")
    assert code == 0
    rows = [line.lstrip("\ufeff") for line in out.splitlines()]
    assert rows[0].endswith(",area_1,area_2,predecessor_of")
    assert rows[1:9] == [
        "d,Sở D,so,2024,90.00,1,,90.00,90.00,",
        "d,Sở D,so,2025,95.00,1,,95.00,95.00,",
        "m,Sở M,so,2023,60.00,2,a b,60.00,60.00,",
        "m,Sở M,so,2024,70.00,2,a b,80.00,70.00,",
        "m,Sở M,so,2025,75.00,2,,75.00,75.00,",
        "a,Sở A,so,2023,70.00,1,,70.00,70.00,m",
        "a,Sở A,so,2024,80.00,2,,80.00,80.00,m",
        "b,Sở B,so,2023,50.00,4,,50.00,50.00,m",
    ]
    code, page, _ = run("trend", "2023", "2024", "2025", "-f", "html", "--lang", "en")
    assert code == 0
    # Sở A: the 3rd row, the 3rd line of the chart (d, m, a): the same colour
    assert '<span style="color:#2ca02c">●</span> ↳ Sở A</td><td class="n">70.00</td><td class="n">1</td>' in page
    assert '<g class="series" data-marker="triangle"><title>Sở A</title><polyline' in page
    assert run("trend", "2023", "2024", "2025", "-f", "docx", "-o", "trend.docx")[0] == 0
    from docx import Document

    [table] = Document("trend.docx").tables
    cells = [[cell.text for cell in row.cells][:5] for row in table.rows]
    assert cells[2:5] == [
        ["Sở M", "60,00*", "2*", "70,00*", "2*"],
        ["↳ Sở A", "70,00", "1", "80,00", "2"],
        ["↳ Sở B", "50,00", "4", "60,00", "4"],
    ]


def test_trend_reports_an_unknown_predecessor(years: Write) -> None:
    unit(years, "2025", "m", "45", "30", "a, z")
    code, _, err = run("trend", "2023", "2024", "2025")
    assert code == 1
    assert "2025/m.yaml:3:" in err and "R008" in err and "'z'" in err, err


@pytest.mark.parametrize(
    "figures",
    [
        '"index": -5',
        '"index": 1e400',
        '"index": 70, "points": 1e999999999',
        '"index": 70, "max": 0',
        '"index": 70, "areas": [{"code": "1", "index": "x"}]',
        '"index": 70, "agency": {"id": "a", "predecessors": [1, "b"]}',
    ],
)
def test_a_published_ranking_with_impossible_figures_is_refused_not_used(years: Write, figures: str) -> None:
    """A hand-edited JSON ranking: a figure no ranking can hold is an error at its row (and a number of a billion
    digits is never expanded)."""
    agency = "" if '"agency"' in figures else '"agency": {"id": "a"}, '  # given once (twice is Y002)
    Path("2024.json").write_text(
        f'{{"groups": [{{"group": "so", "period": "2024", "rows": [\n  {{"rank": 1, {agency}{figures}}}\n]}}]}}\n',
        encoding="utf-8",
    )
    code, _, err = run_english("trend", "2024.json", "2025")
    assert code == 1, err
    assert err.startswith("2024.json:2:3: error J002: groups[0].rows[0]: expected a rank"), err


def test_a_number_too_long_to_read_is_one_located_line(years: Write) -> None:
    Path("2024.json").write_text('{"groups": [{"rows": [{"rank": 1, "index": ' + "9" * 5000 + "}]}]}", encoding="utf-8")
    code, _, err = run_english("rank", "2025", "--previous", "2024.json")
    assert (code, err) == (1, "2024.json:1:1: error J001: invalid JSON: a number with thousands of digits\n")


def test_a_published_ranking_naming_an_agency_twice_is_refused(years: Write) -> None:
    Path("2024.json").write_text(
        '{"groups": [{"group": "so", "rows": [\n'
        '  {"rank": 1, "agency": {"id": "a"}, "index": 80},\n'
        '  {"rank": 2, "agency": {"id": "A"}, "index": 60}\n]}]}\n',
        encoding="utf-8",
    )
    code, _, err = run_english("rank", "2025", "--previous", "2024.json")
    assert (code, err) == (1, "2024.json:3:32: error R003: agency 'A' is ranked twice in group so\n"), err


def test_trend_of_a_saved_ranking_shows_its_units_in_the_runs_grouping(years: Write) -> None:
    """A ranking keeps the groups it was made with: ranked by `group` (so), shown with `--group-by none`, its
    unit e (2023 only) was put in a table of its own headed "group so", the others in one headed "group"."""
    assert run("rank", "2023", "-f", "json", "-o", "2023.json")[0] == 0
    assert run("rank", "2023", "-f", "json", "--group-by", "none", "-o", "none.json")[0] == 0
    for args in (("2023.json", "2024", "--group-by", "none"), ("none.json", "2024")):
        code, out, err = run_english("trend", *args)
        assert code == 0, err
        assert "group" not in out, out  # one table, no group heading
        assert [line.split()[:2] for line in out.splitlines() if line.startswith("Sở ")] == [
            ["Sở", "D"],
            ["Sở", "A"],
            ["Sở", "C"],
            ["Sở", "B"],
            ["Sở", "E"],
        ]
        code, out, err = run("trend", *args, "-f", "json")
        groups = {a["id"]: a["group"] for a in json.loads(out)["agencies"]}
        assert set(groups.values()) == ({None} if "none" in args else {"so"}), groups
        # e's rank in 2023 as the ranking gives it: a 70, e 65, c 60, b 50
        assert [p["rank"] for p in next(a for a in json.loads(out)["agencies"] if a["id"] == "e")["periods"]] == [
            2,
            None,
        ]


def test_trend_refuses_a_saved_ranking_whose_groups_cannot_be_regrouped(write: Write) -> None:
    for year in ("2023", "2024"):
        write(f"{year}/criteria.yaml", SET)
        unit(write, year, "a", "42", "28")
        unit(write, year, "b", "30", "20")
        path = Path(f"{year}/b.yaml")
        path.write_text(path.read_text(encoding="utf-8").replace("group: so", "group: xa"), encoding="utf-8")
    assert run("rank", "2023", "-f", "json", "-o", "apart.json")[0] == 0
    assert run("rank", "2023", "-f", "json", "--group-by", "none", "-o", "together.json")[0] == 0
    code, out, err = run_english("trend", "apart.json", "2024", "--group-by", "none")
    assert code == 2, out + err
    assert err.splitlines() == [
        "apart.json: error U002: this ranking ranks its agencies in groups (so, xa); --group-by none ranks them all"
        " together: its ranks cannot be shown beside the others (hint: give that period's folder instead of the"
        " file, or make the ranking with `par rank FOLDER --group-by none -f json`)",
    ]
    code, out, err = run("trend", "together.json", "2024", "--lang", "vi")
    assert code == 2, out + err
    assert err.splitlines()[0].split(" (gợi ý")[0] == (
        "together.json: lỗi U002: bảng xếp hạng này xếp hạng chung tất cả các cơ quan (lập với --group-by none);"
        " các thư mục được xếp hạng theo nhóm (so, xa): không thể đặt thứ hạng của nó cạnh các kỳ khác"
    )
    assert run("trend", "apart.json", "2024")[0] == 0  # in the groups it was made with: as it is
