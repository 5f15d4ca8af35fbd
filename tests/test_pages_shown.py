"""The guide shows one page of each document (issue 28), in both languages: every picture it shows is in
docs/guide/pages, made by docs/make_pages.py, and every picture there is shown; the README shows one of them.
The pictures of `par serve`'s pages (serve-*.png) are made by docs/make_serve_pages.py."""

from __future__ import annotations

import re

from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"


def shown(page: str, prefix: str) -> set[str]:
    return set(re.findall(rf"\]\({re.escape(prefix)}pages/([^)]+\.png)\)", (GUIDE / page).read_text(encoding="utf-8")))


def test_every_picture_the_guide_shows_is_made_and_shown() -> None:
    pictures = {path.name for path in (GUIDE / "pages").glob("*.png")}
    served = {name for name in pictures if name.startswith("serve-")}
    held = pictures - served
    made = set(re.findall(r'"([a-z-]+\.png)": \(', (ROOT / "docs/make_pages.py").read_text(encoding="utf-8")))
    assert shown("van-ban.md", "") == shown("en/documents.md", "../") == held == made and len(held) == 9
    shot = re.search(r"SHOTS = \(([^)]*)\)", (ROOT / "docs/make_serve_pages.py").read_text(encoding="utf-8"))
    assert shot and served == {f"{name}.png" for name in re.findall(r'"([a-z-]+)"', shot.group(1))}
    for name in pictures:  # a PNG, not a pointer or an empty file
        assert (GUIDE / "pages" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"\]\(docs/guide/pages/([^)]+\.png)\)", readme)) <= pictures
