"""What a fresh try-out of `par serve` found: the public address before publishing, the language switch on a page
with other parameters, an Excel form on the board."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.applications import Starlette

from tests.conftest import run
from tests.serve.conftest import Person


def test_the_public_address_says_the_ranking_is_not_published_yet(people: dict[str, Person]) -> None:
    page = people["none"].get("/public")
    assert page.status_code == 404  # no ranking there yet, said in words
    assert "Kết quả xếp hạng chưa được công bố." in page.text and "quay lại sau" in page.text
    english = people["none"].get("/public?lang=en")
    assert english.status_code == 404 and "The ranking has not been published yet." in english.text
    assert people["office"].publish().status_code == 303
    published = people["none"].get("/public")
    assert published.status_code == 200 and "chưa được công bố" not in published.text


def test_the_language_switch_keeps_the_pages_other_parameters(app: Starlette, people: dict[str, Person]) -> None:
    office = people["office"]
    for _ in range(120):
        app.state.store.audit("snv", "save", "so-noi-vu.yaml", "answers.1.2.self", "true", "false")
    second = office.get("/office/audit?page=2").text
    assert '<a href="?page=2&amp;lang=en" hreflang="en" lang="en">English</a>' in second
    english = office.get("/office/audit?page=2&lang=en").text
    assert "Page 2 of 2" in english and '<a href="?page=2&amp;lang=vi" hreflang="vi" lang="vi">' in english
    told = office.get("/council/so-y-te?said=saved&lang=en").text
    assert 'href="?said=saved&amp;lang=vi"' in told


def test_an_excel_form_on_the_board_says_why_it_is_only_shown(folder: Path, people: dict[str, Person]) -> None:
    code, _, err = run(
        "template",
        str(folder / "criteria.yaml"),
        "-f",
        "xlsx",
        "-o",
        str(folder / "so-xay-dung.xlsx"),
        "--period",
        "2024",
    )
    assert code == 0, err
    board = people["office"].get("/office").text
    row = board[board.index("so-xay-dung.xlsx") :]
    assert re.match(r"so-xay-dung\.xlsx<div class=\"hint\">Phiếu Excel: trang web chỉ hiển thị, không điền được", row)
    assert "par template … -f yaml" in row.split("</tr>")[0]
    assert board.count("Phiếu Excel:") == 1  # the YAML forms: nothing said
