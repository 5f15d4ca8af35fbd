"""`par serve`'s records: an agency's form saved into its file is what `par rank` and `par check` read; values
typed as people type them; a save on a changed file refused; nothing half-written; unchanged lines kept."""

from __future__ import annotations

import json
import os
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.serve.folder_index import agencies, file_of
from par_cli.serve.form_model import build_form
from par_cli.serve.records import Refused, VersionConflict, version_of
from par_cli.serve.saving import save_form
from tests.conftest import run


def _agency(folder: Path, agency_id: str, name: str) -> Path:
    path = folder / f"{agency_id}.yaml"
    code, _, err = run("template", "mau-so-nganh", "-f", "yaml", "--period", "2024", "-o", str(path))
    assert code == 0, err
    lines = path.read_text(encoding="utf-8").split("\n")
    details = {"  id:": f"  id: {agency_id}", "  name:": f'  name: "{name}"', "  group:": "  group: so-nganh"}
    for n, line in enumerate(lines):
        for start, new in details.items():
            if line.startswith(start):
                lines[n] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    _agency(tmp_path, "so-a", "Sở A")
    _agency(tmp_path, "so-b", "Sở B")
    return tmp_path


def _fill(folder: Path, agency_id: str, typed: dict[str, str]) -> None:
    path = file_of(folder, agency_id)
    assert path is not None
    form = build_form(folder, path, "vi")
    assert form is not None
    save_form(folder, path, form.agency.version, typed, "vi")


def _every_leaf(folder: Path, agency_id: str, percent: str, number: str) -> dict[str, str]:
    path = file_of(folder, agency_id)
    assert path is not None
    form = build_form(folder, path, "vi")
    assert form is not None
    typed = {}
    for field in form.fields:
        value = {"check": "Có", "percent": percent, "number": number, "count": "1"}.get(field.kind)
        if field.kind == "levels":
            value = field.levels[0][1]  # a level's label, as the drop-down shows it
        if value is not None:
            typed[f"self-{field.code}"] = value
            typed[f"evidence-{field.code}"] = "Báo cáo số 12/BC-SNV\n\nQuyết định số 5/QĐ-UBND"
    return typed


def test_a_saved_form_is_what_par_rank_and_par_check_read(folder: Path) -> None:
    _fill(folder, "so-a", _every_leaf(folder, "so-a", "97,5", "0,5"))
    _fill(folder, "so-b", _every_leaf(folder, "so-b", "45/50", "0,25"))
    code, out, err = run("rank", str(folder), "-f", "json")
    assert code == 0, err
    rows = {row["agency"]["id"]: row for row in json.loads(out)["groups"][0]["rows"]}
    records = {record.id: record for record in agencies(folder, "vi")}
    for agency_id in ("so-a", "so-b"):
        index = records[agency_id].index
        assert index is not None
        assert rows[agency_id]["index"] == pytest.approx(float(round(index, 2)))
        path = file_of(folder, agency_id)
        assert path is not None
        form = build_form(folder, path, "vi")
        assert form is not None and form.points is not None
        assert rows[agency_id]["points"] == pytest.approx(float(round(form.points, 2)))
    assert rows["so-a"]["index"] != rows["so-b"]["index"]  # 97.5% and 90% do not score alike
    code, out, err = run("check", str(folder))
    assert code == 0, out + err  # warnings only: the survey leaves wait for the survey


def test_vietnamese_inputs_as_people_type_them(folder: Path) -> None:
    path = folder / "so-a.yaml"
    _fill(
        folder,
        "so-a",
        {
            "self-1.1.1": "Ban hành kịp thời",  # a level's label
            "self-1.1.2": "Có",
            "self-1.1.3": "97,5",  # a decimal comma
            "self-1.3.1": "45/50",  # done/total
            "self-1.3.2": "KPS",  # not applicable, where allowed
            "reason-1.3.2": "Không có văn bản phát sinh trong năm",
            "self-1.4.1": "khong dat",  # without its diacritics
            "self-1.2.1": "2",
        },
    )
    written = path.read_text(encoding="utf-8")
    assert '"1.1.1": {self: "kip-thoi", evidence: []}' in written
    assert '"1.1.2": {self: true, evidence: []}' in written
    assert '"1.1.3": {self: 97.5, evidence: []}' in written
    assert '"1.3.1": {self: {done: 45, total: 50}, evidence: []}' in written
    assert '"1.3.2": {na: true, reason: "Không có văn bản phát sinh trong năm", evidence: []}' in written
    assert '"1.4.1": {self: false, evidence: []}' in written
    form = build_form(folder, path, "vi")
    assert form is not None
    shown = {field.code: field.self_text for field in form.fields}
    assert shown["1.1.3"] == "97,5" and shown["1.3.1"] == "45/50" and shown["1.1.2"] == "Có"
    field = form.field("1.3.2")
    assert field is not None and field.na and not field.applicable
    field = form.field("1.1.3")
    assert field is not None and field.points == Fraction(1)  # above 90%: all its point
    _fill(folder, "so-a", {"self-1.1.3": "  ", "na-1.3.2": ""})  # cleared: no answer; N/A unticked
    form = build_form(folder, path, "vi")
    assert form is not None
    field = form.field("1.1.3")
    assert field is not None and field.self_text == "" and any(p.code == "A006" for p in field.problems)


def test_a_value_that_cannot_be_read_is_refused_at_its_field_and_nothing_is_written(folder: Path) -> None:
    path = folder / "so-a.yaml"
    before = path.read_bytes()
    for typed in ({"self-1.1.3": "97,5,1"}, {"self-1.1.1": "kịp"}, {"self-1.1.3": "150"}, {"self-1.1.1": "KPS"}):
        with pytest.raises(Refused) as refused:
            _fill(folder, "so-a", typed)
        assert refused.value.problems, typed
        assert all(p.level == "error" for p in refused.value.problems)
        code = next(iter(typed)).removeprefix("self-")
        assert any(p.criterion == code for p in refused.value.problems), refused.value.problems
        assert path.read_bytes() == before
    with pytest.raises(Refused) as refused:
        _fill(folder, "so-a", {"self-1.1.3": "150"})
    assert "150" in refused.value.problems[0].text or "100" in refused.value.problems[0].text


def test_a_refused_save_says_every_problem_of_what_was_sent_at_once(folder: Path) -> None:
    path = folder / "so-a.yaml"
    before = path.read_bytes()
    with pytest.raises(Refused) as refused:  # one value that cannot be read, one `par check` refuses once written
        _fill(folder, "so-a", {"self-1.1.1": "kịp", "self-1.1.3": "150", "self-1.1.2": "Có"})
    found = {(p.criterion, p.code) for p in refused.value.problems}
    assert {c for c, _ in found} == {"1.1.1", "1.1.3"}, found
    assert all(p.level == "error" for p in refused.value.problems)
    assert path.read_bytes() == before


def test_a_save_on_a_file_changed_since_is_refused(folder: Path) -> None:
    path = folder / "so-a.yaml"
    form = build_form(folder, path, "vi")
    assert form is not None
    seen = form.agency.version
    save_form(folder, path, seen, {"self-1.1.2": "Có"}, "vi")  # someone else saves first
    now = path.read_bytes()
    with pytest.raises(VersionConflict) as refused:
        save_form(folder, path, seen, {"self-1.1.2": "Không"}, "vi")
    assert "so-a.yaml" in refused.value.words("vi")
    assert "changed" in refused.value.words("en")
    assert path.read_bytes() == now  # never last-write-wins
    assert version_of(now) != seen


def test_a_crash_while_writing_leaves_the_file_whole(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = folder / "so-a.yaml"
    before = path.read_bytes()
    form = build_form(folder, path, "vi")
    assert form is not None

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_form(folder, path, form.agency.version, {"self-1.1.2": "Có"}, "vi")
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["so-a.yaml", "so-b.yaml"]  # no temporary file left


def test_unchanged_answers_and_comments_keep_their_text(folder: Path) -> None:
    path = folder / "so-a.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  "1.1.1": {self: null, evidence: []}', '  "1.1.1":   kip-thoi   # typed by hand')
    text = text.replace(
        '  "1.1.3": {self: null, evidence: []}',
        '  "1.1.3":\n    self: 95\n    evidence:\n      - "Báo cáo 12"',
    )
    path.write_text(text, encoding="utf-8")
    form = build_form(folder, path, "vi")
    assert form is not None
    saved = save_form(folder, path, form.agency.version, {"self-1.1.2": "Có", "self-1.1.3": "96"}, "vi")
    after = path.read_text(encoding="utf-8")
    assert '  "1.1.1":   kip-thoi   # typed by hand' in after
    assert '  "1.1.3": {self: 96, evidence: ["Báo cáo 12"]}' in after
    assert "    self: 95" not in after
    lines_before = [line for line in text.split("\n") if line.lstrip().startswith("#")]
    assert lines_before == [line for line in after.split("\n") if line.lstrip().startswith("#")]
    assert {(c.field, c.before, c.after) for c in saved.changes} == {
        ("answers.1.1.2.self", "null", "true"),
        ("answers.1.1.3.self", "95", "96"),
    }
    assert all(c.file == "so-a.yaml" for c in saved.changes)
    again = save_form(folder, path, saved.version, {"self-1.1.2": "Có", "self-1.1.3": "96"}, "vi")
    assert again.changes == () and path.read_text(encoding="utf-8") == after  # nothing changed: nothing written


def test_a_new_answer_goes_in_the_sets_order(folder: Path) -> None:
    path = folder / "so-a.yaml"
    text = path.read_text(encoding="utf-8").replace('  "1.1.2": {self: null, evidence: []}\n', "")
    path.write_text(text, encoding="utf-8")
    form = build_form(folder, path, "vi")
    assert form is not None
    save_form(folder, path, form.agency.version, {"self-1.1.2": "Không", "explanation-1.1.2": "Chưa bố trí"}, "vi")
    after = path.read_text(encoding="utf-8")
    first, second, third = (after.index(f'"1.1.{n}":') for n in (1, 2, 3))
    assert first < second < third
    assert '"1.1.2": {self: false, explanation: "Chưa bố trí"}' in after


def test_the_folders_agencies(folder: Path) -> None:
    (folder / "broken.yaml").write_text(
        'kind: assessment\ncriteria: mau-so-nganh\nagency: {id: so-c, name: "Tỉnh"}\nanswers: {"1.1.3": abc}\n'
    )
    found = agencies(folder, "en")
    assert [a.id for a in found] == ["so-a", "so-b", "so-c"]  # by name, in Vietnamese order
    broken = found[-1]
    assert broken.index is None and broken.errors and broken.file == "broken.yaml"
    fine = found[0]
    assert fine.name == "Sở A" and fine.group == "so-nganh" and fine.period == "2024" and fine.editable
    assert fine.version == version_of((folder / "so-a.yaml").read_bytes())
    assert fine.warnings and fine.errors == 0 and fine.index == 0
    assert file_of(folder, "SO-B") == folder / "so-b.yaml" and file_of(folder, "so-x") is None


def test_a_bonus_claim_and_a_doubtful_rate(folder: Path) -> None:
    path = folder / "so-a.yaml"
    form = build_form(folder, path, "vi")
    assert form is not None and [claim.code for claim in form.claims] == ["T", "P"]
    saved = save_form(folder, path, form.agency.version, {"self-T": "1,5", "self-1.1.3": "0,95"}, "vi")
    written = path.read_text(encoding="utf-8")
    assert '"T": {self: 1.5}' in written and '"1.1.3": {self: 0.95, evidence: []}' in written
    doubt = [p for p in saved.problems if p.code == "A023"]
    assert doubt and doubt[0].criterion == "1.1.3" and "95" in doubt[0].text  # saved, and said: 95% likely meant
    form = build_form(folder, path, "vi")
    assert form is not None and form.claims[0].self_text == "1,5"
    with pytest.raises(Refused):
        save_form(folder, path, form.agency.version, {"self-T": "nhiều"}, "vi")


def test_a_file_changed_by_hand_shows_at_once(folder: Path) -> None:
    first = {record.id: record for record in agencies(folder, "vi")}
    assert agencies(folder, "vi")[0] is first["so-a"]  # an unchanged folder is not read again
    path = folder / "so-a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.1.2": {self: null,', '"1.1.2": {self: true,'))
    changed = {record.id: record for record in agencies(folder, "vi")}
    assert changed["so-a"].index == 1 and changed["so-b"] is first["so-b"]
    (folder / "tham-dinh-hoi-dong.yaml").write_text(
        'kind: appraisal\ncriteria: mau-so-nganh\nappraiser: hoi-dong\nagencies:\n  so-a: {"1.1.2": false}\n',
        encoding="utf-8",
    )
    appraised = {record.id: record for record in agencies(folder, "vi")}
    assert appraised["so-a"].index == 0 and appraised["so-a"].self_index == 1  # an appraisal file counts too


def test_a_file_added_or_removed_by_hand_shows_at_once(folder: Path) -> None:
    old = 1_600_000_000_000_000_000  # the folder settled long ago: its listing is kept
    os.utime(folder, ns=(old, old))
    assert [a.id for a in agencies(folder, "vi")] == ["so-a", "so-b"]
    assert [a.id for a in agencies(folder, "vi")] == ["so-a", "so-b"]
    added = folder / "so-c.yaml"
    text = (folder / "so-b.yaml").read_text(encoding="utf-8").replace("id: so-b", "id: so-c")
    added.write_text(text.replace('name: "Sở B"', 'name: "Sở C"'), encoding="utf-8")
    os.utime(folder, ns=(old, old))  # even where the folder's time says nothing (a coarse clock)
    assert [a.id for a in agencies(folder, "vi")] == ["so-a", "so-b", "so-c"]
    assert file_of(folder, "so-c") == added
    (folder / "so-a.yaml").unlink()
    os.utime(folder, ns=(old, old))
    assert [a.id for a in agencies(folder, "vi")] == ["so-b", "so-c"] and file_of(folder, "so-a") is None
    inside = folder / "ke-hoach"
    inside.mkdir()
    (inside / "so-d.yaml").write_text(text.replace("id: so-c", "id: so-d").replace("Sở B", "Sở D"), "utf-8")
    os.utime(folder, ns=(old, old))
    assert [a.id for a in agencies(folder, "vi")] == ["so-b", "so-c", "so-d"]


def test_a_windows_file_keeps_its_line_ends_and_its_bom(folder: Path) -> None:
    path = folder / "so-a.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    form = build_form(folder, path, "vi")
    assert form is not None
    save_form(folder, path, form.agency.version, {"self-1.1.2": "Có"}, "vi")
    written = path.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf") and b'"1.1.2": {self: true, evidence: []}\r\n' in written
    assert written.count(b"\n") == written.count(b"\r\n")


def test_not_applicable_stays_until_the_agency_changes_it(folder: Path) -> None:
    path = folder / "so-a.yaml"
    _fill(folder, "so-a", {"self-1.3.2": "", "na-1.3.2": "on", "reason-1.3.2": "Không phát sinh"})
    assert '"1.3.2": {na: true, reason: "Không phát sinh", evidence: []}' in path.read_text(encoding="utf-8")
    _fill(folder, "so-a", {"self-1.3.2": "", "self-1.1.2": "Có"})  # a page without the box: N/A kept
    assert '"1.3.2": {na: true, reason: "Không phát sinh", evidence: []}' in path.read_text(encoding="utf-8")
    _fill(folder, "so-a", {"self-1.3.2": "", "na-1.3.2": "off"})  # the hidden field of an unticked box
    assert '"1.3.2": {evidence: []}' in path.read_text(encoding="utf-8")
    _fill(folder, "so-a", {"self-1.3.2": "KPS"})
    _fill(folder, "so-a", {"self-1.3.2": "80%"})  # a value typed: it applies again
    assert '"1.3.2": {self: 80, evidence: []}' in path.read_text(encoding="utf-8")


def test_a_changed_answer_keeps_its_comment(folder: Path) -> None:
    path = folder / "so-a.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  "1.1.3": {self: null, evidence: []}', '  "1.1.3": 95   # theo Báo cáo 12 # quý IV')
    path.write_text(text, encoding="utf-8")
    form = build_form(folder, path, "vi")
    assert form is not None
    save_form(folder, path, form.agency.version, {"self-1.1.3": "96,5"}, "vi")
    assert '  "1.1.3": 96.5   # theo Báo cáo 12 # quý IV\n' in path.read_text(encoding="utf-8")


def test_a_text_longer_than_a_page_is_refused_at_its_field(folder: Path) -> None:
    path = folder / "so-a.yaml"
    form = build_form(folder, path, "vi")
    assert form is not None
    before = path.read_bytes()
    with pytest.raises(Refused) as refused:
        save_form(folder, path, form.agency.version, {"explanation-1.1.3": "Giải trình. " * 2000}, "vi")
    assert [p.said for p in refused.value.problems] == [
        "1.1.3: văn bản dài 23.999 ký tự, quá 4.000 ký tự: hãy rút gọn, hoặc tải lên thành tệp minh chứng"
    ]
    assert path.read_bytes() == before


def test_a_one_line_answers_section_stays_on_one_line(folder: Path) -> None:
    path = folder / "so-c.yaml"
    head = 'kind: assessment\ncriteria: mau-so-nganh\nagency: {id: so-c, name: "Sở C", group: so-nganh}\nperiod: 2024\n'
    path.write_text(head + 'answers: {"1.1.3": 95, "1.1.2": true}  # viết tay\n', encoding="utf-8")
    form = build_form(folder, path, "vi")
    assert form is not None
    save_form(folder, path, form.agency.version, {"self-1.1.3": "96,5"}, "vi")
    assert path.read_text(encoding="utf-8") == head + 'answers: {"1.1.2": true, "1.1.3": 96.5}  # viết tay\n'
