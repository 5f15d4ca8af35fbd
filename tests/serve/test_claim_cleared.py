"""A bonus or penalty the agency claimed, cleared again: saved (the try-out: the save was refused, saying
nothing but 'not written as typed', and the agency could never empty the box)."""

from __future__ import annotations

import re
from pathlib import Path

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
