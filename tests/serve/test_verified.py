"""What a try-out verifying the fixes found: a claimed bonus cleared again could never be saved (refused as 'not
written as typed'); a refused save lost the N/A tick; the council's page of a broken file said "no such page"; an
upload over 20 MB did not say the limit."""

from __future__ import annotations

import re
from pathlib import Path

from par_cli.serve import uploads
from tests.serve.conftest import Person


def _version(page: str) -> str:
    found = re.search(r'name="version" value="([^"]+)"', page)
    assert found is not None
    return found[1]


def test_a_claimed_bonus_can_be_cleared(folder: Path, people: dict[str, Person]) -> None:
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    agency = people["so-noi-vu"]
    saved = agency.post("/agency/save", {"version": _version(agency.get("/agency").text), "self-T": "1"})
    assert saved.status_code == 303, saved.text
    assert "self: 1" in (folder / "so-noi-vu.yaml").read_text(encoding="utf-8").split("adjustments:")[1]
    given = {"version": _version(agency.get("/agency").text), "self-T": "", "self-1.1.2": "88"}
    cleared = agency.post("/agency/save", given)
    assert cleared.status_code == 303, re.findall(r'class="problem[^>]*>([^<]+)', cleared.text)
    text = (folder / "so-noi-vu.yaml").read_text(encoding="utf-8")
    assert "self: 1" not in text.split("adjustments:")[1] and "self: 88" in text


def test_a_bonus_alone_in_its_entry_can_be_cleared(folder: Path, people: dict[str, Person]) -> None:
    """As `par template` makes a file: the claim's entry holds the agency's own value and nothing else."""
    path = folder / "so-noi-vu.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"T": {appraised: 0.5}', '"T": {self: 0}'), "utf-8")
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    agency = people["so-noi-vu"]
    saved = agency.post("/agency/save", {"version": _version(agency.get("/agency").text), "self-T": "1"})
    assert saved.status_code == 303, saved.text
    given = {"version": _version(agency.get("/agency").text), "self-T": "", "self-1.1.2": "88"}
    cleared = agency.post("/agency/save", given)
    assert cleared.status_code == 303, re.findall(r'class="problem[^>]*>([^<]+)', cleared.text)
    text = path.read_text(encoding="utf-8")
    assert "self: 1" not in text.split("adjustments:")[1] and "self: 88" in text


def test_a_refused_save_keeps_a_ticked_not_applicable(people: dict[str, Person]) -> None:
    """The try-out: N/A ticked with a reason, another field refused: the reason came back, the tick did not."""
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    agency = people["so-noi-vu"]
    given = {"version": _version(agency.get("/agency").text), "na-1.3": "on", "reason-1.3": "Không phát sinh"}
    refused = agency.post("/agency/save", {**given, "self-1.1.2": "abc"})
    assert refused.status_code == 400
    assert re.search(r'<input type="checkbox" id="na-\d+" name="na-1\.3" checked>', refused.text)
    assert 'value="Không phát sinh"' in refused.text
    plain = agency.get("/agency").text
    assert not re.search(r'name="na-1\.3" checked', plain)  # nothing was saved: the file's own state


def test_the_councils_page_of_a_broken_file_says_why(folder: Path, people: dict[str, Person]) -> None:
    path = folder / "so-y-te.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nthêm: [mở mà không đóng\n", encoding="utf-8")
    for role in ("council", "office"):
        page = people[role].get("/council/so-y-te")
        assert page.status_code == 409
        assert "Chưa thẩm định được cơ quan này: tệp tự đánh giá so-y-te.yaml có lỗi" in page.text
    assert people["council"].get("/council/khong-co").status_code == 404


def test_an_upload_over_the_limit_says_the_limit(people: dict[str, Person]) -> None:
    """21 MB: under the request's own bound (25 MB), over a file's (20 MB): said on the form, with the limit."""
    assert uploads.MAX_SIZE == 20 * 1024 * 1024  # the words say 20 MB
    assert people["office"].post("/office/window", {"action": "open"}).status_code == 303
    agency = people["so-noi-vu"]
    data = b"%PDF-1.4\n" + b"0" * (21 * 1024 * 1024)
    sent = agency.client.post(
        "/agency/evidence",
        data={"csrf": agency.csrf, "code": "1.1.1"},
        files={"file": ("lon.pdf", data, "application/pdf")},
    )
    assert sent.status_code == 400
    assert "Tệp quá lớn: tối đa 20 MB một tệp; hãy nén hoặc chia nhỏ tệp." in sent.text
