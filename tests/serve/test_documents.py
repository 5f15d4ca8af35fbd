"""`par serve`'s documents page: a refused download (results incomplete) shows as a page naming the document
asked for, with the page's way on (the office's "download anyway" link), never as a saved error page."""

from __future__ import annotations

import re

from tests.serve.conftest import Person


def test_the_document_links_let_a_refusal_show_as_a_page(people: dict[str, Person]) -> None:
    page = people["office"].get("/documents").text
    links = re.findall(r"<a [^>]*href=\"/documents/[^\"]+\"[^>]*>", page)
    assert len(links) == 7 and not any("download" in link.split('"', 2)[2] for link in links)


def test_the_ranking_workbook_refused_names_the_workbook_and_the_web_way(people: dict[str, Person]) -> None:
    refused = people["office"].get("/documents/ranking-xlsx")
    assert refused.status_code == 409
    said = refused.text.split('role="alert"')[1]
    assert "«Bảng xếp hạng (Excel)»" in said and "1 cơ quan" in said
    assert "phụ lục" not in said.split("</ul>")[0] and "--allow-incomplete" not in said
    assert "bấm «Vẫn tải xuống» bên dưới" in said and 'href="/documents/ranking-xlsx?incomplete=1"' in said
    anyway = people["office"].get("/documents/ranking-xlsx?incomplete=1")
    assert anyway.status_code == 200 and anyway.content.startswith(b"PK")


def test_the_annex_refused_to_the_council_says_the_office_completes_it(people: dict[str, Person]) -> None:
    refused = people["council"].get("/documents/annex")
    assert refused.status_code == 409
    said = refused.text.split('role="alert"')[1]
    assert "«Phụ lục của quyết định (Word)»" in said and "văn phòng bổ sung cho đủ" in said
    assert "--allow-incomplete" not in said and "?incomplete=1" not in said
