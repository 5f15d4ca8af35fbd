"""`par serve`'s council records and documents: a member appraises only its appraiser's leaves, into the file
`par appraisal read` would write, rounds keep the first value; the ranking and every document are the command
line's own."""

from __future__ import annotations

import json
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.core.diagnostics import ParError
from par_cli.serve.appraise import council_agency, save_appraisal
from par_cli.serve.folder_index import agencies
from par_cli.serve.folder_index import form as form_of
from par_cli.serve.folder_rank import DOCUMENTS, Missing, document, explain_records, published_changes, ranking
from par_cli.serve.records import Refused, VersionConflict
from tests.conftest import ROOT, run


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "tham-dinh-2025", tmp_path / "nam-2025")
    return tmp_path / "nam-2025"


def test_a_member_sees_and_appraises_only_its_appraisers_leaves(folder: Path) -> None:
    path = folder / "xa-tan-thanh.yaml"
    seen = council_agency(folder, path, "so-noi-vu", "vi")
    assert seen is not None
    assert [leaf.field.code for leaf in seen.leaves] == ["1.1", "1.2"]
    assert seen.file == "tham-dinh-so-noi-vu.yaml"
    leaf = seen.leaves[1]
    assert leaf.editable and leaf.field.appraised_text == "8" and leaf.field.evidence
    before = (folder / "tham-dinh-so-tu-phap.yaml").read_bytes()
    typed = {"appraised-1.2": "7,5", "reason-1.2": "Báo cáo quý IV gửi chậm", "appraised-3.1": "10"}
    saved = save_appraisal(folder, path, "so-noi-vu", seen.version, typed, 1, "vi")
    assert [(c.field, c.before, c.after) for c in saved.changes] == [
        ("agencies.xa-tan-thanh.1.2.appraised", "8", "7.5"),
        ("agencies.xa-tan-thanh.1.2.reason", "", '"Báo cáo quý IV gửi chậm"'),
    ]
    assert (folder / "tham-dinh-so-tu-phap.yaml").read_bytes() == before  # 3.1 is another appraiser's
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Minh họa")  # its comments above kept
    assert '"1.2": {appraised: 7.5, reason: "Báo cáo quý IV gửi chậm"}' in text
    code, out, err = run("check", str(folder))
    assert code == 0, out + err
    code, out, err = run("appraisal", "cuts", str(folder), "-f", "json")
    assert code == 0, err
    assert "Báo cáo quý IV gửi chậm" in out


def test_a_later_round_keeps_the_first_appraisal(folder: Path) -> None:
    path = folder / "xa-tan-thanh.yaml"
    seen = council_agency(folder, path, "so-noi-vu", "vi")
    assert seen is not None
    saved = save_appraisal(folder, path, "so-noi-vu", seen.version, {"appraised-1.2": "9"}, 2, "vi")
    assert ("agencies.xa-tan-thanh.1.2.first_appraisal", "", "8") in {
        (c.field, c.before, c.after) for c in saved.changes
    }
    saved = save_appraisal(folder, path, "so-noi-vu", saved.version, {"appraised-1.2": "9,5"}, 2, "vi")
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '"1.2": {first_appraisal: 8, appraised: 9.5}' in text  # the first round's, never written over
    with pytest.raises(VersionConflict):
        save_appraisal(folder, path, "so-noi-vu", seen.version, {"appraised-1.2": "6"}, 2, "vi")


def test_a_value_the_rule_refuses_writes_nothing(folder: Path) -> None:
    path = folder / "xa-tan-thanh.yaml"
    seen = council_agency(folder, path, "so-noi-vu", "vi")
    assert seen is not None
    before = (folder / "tham-dinh-so-noi-vu.yaml").read_bytes()
    for typed in (
        {"appraised-1.2": "abc"},
        {"appraised-1.2": "KPS"},
        {"appraised-1.2": "12"},
        {"appraised-1.2": "0,3"},
    ):
        with pytest.raises(Refused) as refused:
            save_appraisal(folder, path, "so-noi-vu", seen.version, typed, 1, "vi")
        assert refused.value.problems and refused.value.problems[0].criterion == "1.2", typed
        assert (folder / "tham-dinh-so-noi-vu.yaml").read_bytes() == before


def test_an_appraisal_held_in_the_assessment_is_not_the_councils_to_change(folder: Path) -> None:
    seen = council_agency(folder, folder / "xa-an-binh.yaml", "hoi-dong", "vi")
    assert seen is not None
    held = {leaf.field.code: leaf for leaf in seen.leaves}["4.1"]
    assert held.held_in_assessment and not held.editable
    assert seen.file == "tham-dinh-hoi-dong.yaml"
    everything = council_agency(folder, folder / "xa-an-binh.yaml", None, "vi")
    assert everything is not None and not any(leaf.editable for leaf in everything.leaves)
    assert len(everything.leaves) > len(seen.leaves)


def test_a_new_appraisers_file_is_one_par_reads(folder: Path) -> None:
    path = folder / "xa-hoa-phu.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'("4.1": \{self: [^,]+), appraised: [^,]+,', r"\1,", text), encoding="utf-8")
    seen = council_agency(folder, path, "hoi-dong", "vi")
    assert seen is not None
    codes = [leaf.field.code for leaf in seen.leaves if leaf.editable]
    assert codes, seen.leaves
    field = seen.leaves[[leaf.field.code for leaf in seen.leaves].index(codes[0])].field
    value = {"levels": field.levels[-1][0], "check": "Không"}.get(field.kind, "0")
    save_appraisal(folder, path, "hoi-dong", seen.version, {f"appraised-{codes[0]}": value, "reason-x": "?"}, 1, "vi")
    assert (folder / "tham-dinh-hoi-dong.yaml").exists()
    code, out, err = run("check", str(folder))
    assert code == 0, out + err


def test_the_ranking_is_par_ranks(folder: Path) -> None:
    code, out, err = run("rank", str(folder), "-f", "json", "--lang", "vi")
    assert code == 0, err
    ranked = ranking(folder, "vi")
    assert ranked.records == json.loads(out)
    assert not ranked.previous and ranked.incomplete == 0
    last = folder.parent / "ranking-2024.json"
    last.write_text(out, encoding="utf-8")
    code, out, err = run("rank", str(folder), "-f", "json", "--lang", "vi", "--previous", str(last))
    assert code == 0, err
    again = ranking(folder, "vi", last)
    assert again.records == json.loads(out) and again.previous


def test_explain_is_par_explains(folder: Path) -> None:
    code, out, err = run("explain", str(folder / "xa-hoa-phu.yaml"), "-f", "json", "--lang", "en")
    assert code == 0, err
    assert explain_records(folder, "XA-HOA-PHU", "en") == json.loads(out)
    with pytest.raises(Missing):
        explain_records(folder, "xa-khac", "en")


def test_every_document_as_bytes(folder: Path, tmp_path: Path) -> None:
    for kind in DOCUMENTS:
        made = document(folder, kind, "vi")
        assert made.content, kind
        if made.name.endswith((".xlsx", ".docx")):
            assert made.content.startswith(b"PK"), kind
        else:
            assert made.content.startswith(b"\xef\xbb\xbf"), kind  # a CSV Excel opens in UTF-8
    out = tmp_path / "phu-luc.docx"
    code, _, err = run("rank", str(folder), "-f", "docx", "-o", str(out))
    assert code == 0, err
    assert document(folder, "annex", "vi").name == "phu-luc.docx"
    code, out_csv, err = run("rank", str(folder), "-f", "csv", "--lang", "vi")
    assert document(folder, "ranking-csv", "vi").content.decode("utf-8").replace("\r\n", "\n") == out_csv
    with pytest.raises(Missing):
        document(folder, "passwords", "vi")


def test_the_annex_waits_for_every_answer(folder: Path) -> None:
    path = folder / "xa-an-binh.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('  "1.2": {self: 10,', '  "1.2": {self: null,'))
    (folder / "tham-dinh-so-noi-vu.yaml").unlink()
    with pytest.raises(ParError) as refused:
        document(folder, "annex", "vi")
    assert refused.value.diagnostics[0].code == "R011"
    assert document(folder, "annex", "vi", allow_incomplete=True).content.startswith(b"PK")


def test_two_members_of_one_appraiser_save_other_agencies_side_by_side(folder: Path) -> None:
    first = council_agency(folder, folder / "xa-tan-thanh.yaml", "so-noi-vu", "vi")
    second = council_agency(folder, folder / "xa-an-binh.yaml", "so-noi-vu", "vi")
    assert first is not None and second is not None
    save_appraisal(
        folder,
        folder / "xa-tan-thanh.yaml",
        "so-noi-vu",
        first.version,
        {"appraised-1.2": "7", "reason-1.2": "Chậm"},
        1,
        "vi",
    )
    save_appraisal(folder, folder / "xa-an-binh.yaml", "so-noi-vu", second.version, {"appraised-1.2": "9"}, 1, "vi")
    text = (folder / "tham-dinh-so-noi-vu.yaml").read_text(encoding="utf-8")
    assert (
        '"1.2": {appraised: 7, reason: "Chậm"}' in text
        and '"1.2": {appraised: 9, reason: "Báo cáo quý III gửi chậm 3 ngày"}' in text
    )
    with pytest.raises(VersionConflict):  # the same agency's values changed since: refused
        save_appraisal(
            folder, folder / "xa-tan-thanh.yaml", "so-noi-vu", first.version, {"appraised-1.2": "6"}, 1, "vi"
        )


def test_relative_criteria_score_against_the_groups_leader_as_ranked(folder: Path) -> None:
    code, out, err = run("rank", str(folder), "-f", "json")
    assert code == 0, err
    ranked = {row["agency"]["id"]: row["index"] for row in json.loads(out)["groups"][0]["rows"]}
    listed = {record.id: record.index for record in agencies(folder, "vi")}
    for agency_id, index in ranked.items():
        shown = listed[agency_id]
        assert shown is not None and float(round(shown, 2)) == pytest.approx(index), agency_id
        seen = council_agency(folder, folder / f"{agency_id}.yaml", "so-noi-vu", "vi")
        assert seen is not None and seen.form.index is not None
        assert float(round(seen.form.index, 2)) == pytest.approx(index), agency_id
        form = form_of(folder, folder / f"{agency_id}.yaml", "vi")
        assert form is not None and form.index is not None and form.self_index is not None
        assert float(round(form.index, 2)) == pytest.approx(index), agency_id
        assert explain_records(folder, agency_id, "vi")["index"] == pytest.approx(index), agency_id
    assert listed["xa-tan-thanh"] == 74.5  # not 88: its 30 on 2.1 is 9,00 of 15 against the leader's 50
    line = next(x for x in explain_records(folder, "xa-tan-thanh", "vi")["lines"] if x["code"] == "2.1")
    assert (line["input"], line["points"]) == ("30", 9)
    self_shown = {record.id: record.self_index for record in agencies(folder, "vi")}
    assert self_shown["xa-hoa-phu"] is not None and round(self_shown["xa-hoa-phu"], 2) == Fraction("92.33")


def test_what_changed_since_the_ranking_was_published(folder: Path) -> None:
    snapshot = json.dumps(ranking(folder, "en").records)
    assert published_changes(folder, snapshot, "vi") == ()
    path = folder / "tham-dinh-trung-tam.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"2.1": 30', '"2.1": 40'), encoding="utf-8")
    assert published_changes(folder, snapshot, "vi") == ("Xã Tân Thạnh",)  # 74,50 then, 77,50 now
    (folder / "xa-hoa-phu.yaml").unlink()
    assert set(published_changes(folder, snapshot, "vi")) == {"Xã Tân Thạnh", "Xã An Bình", "Xã Hòa Phú"}
