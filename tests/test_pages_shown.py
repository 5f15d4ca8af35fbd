"""The guide shows one page of each document (issue 28) and the pages of `par serve` (issue 32), in both languages:
every picture it shows is in docs/guide/pages, made by docs/make_pages.py (documents) or docs/make_serve_pages.py
(the web pages), and every picture there is shown; the README shows some of them."""

from __future__ import annotations

import re

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"


def shown(page: str, prefix: str) -> set[str]:
    return set(re.findall(rf"\]\({re.escape(prefix)}pages/([^)]+\.png)\)", (GUIDE / page).read_text(encoding="utf-8")))


def test_every_picture_the_guide_shows_is_made_and_shown() -> None:
    held = {path.name for path in (GUIDE / "pages").glob("*.png")}
    made = set(re.findall(r'"([a-z-]+\.png)": \(', (ROOT / "docs/make_pages.py").read_text(encoding="utf-8")))
    shots = re.search(r"SHOTS = \(([^)]*)\)", (ROOT / "docs/make_serve_pages.py").read_text(encoding="utf-8"))
    assert shots is not None
    served = {f"{name}.png" for name in re.findall(r'"([a-z-]+)"', shots.group(1))}
    assert shown("van-ban.md", "") == shown("en/documents.md", "../") == made and len(made) == 9
    assert shown("may-chu.md", "") == shown("en/serve.md", "../") == served and len(served) == 4
    assert held == made | served
    for name in held:  # a PNG, not a pointer or an empty file
        assert (GUIDE / "pages" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"\]\(docs/guide/pages/([^)]+\.png)\)", readme)) <= held
