"""The README shows one page of each document (issue 28): every picture it shows is in docs/guide/pages, made by
docs/make_pages.py, and every picture there is shown."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_every_picture_the_readme_shows_is_made_and_shown() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"\]\(docs/guide/pages/([^)]+\.png)\)", readme))
    held = {path.name for path in (ROOT / "docs/guide/pages").glob("*.png")}
    made = set(re.findall(r'"([a-z-]+\.png)": \(', (ROOT / "docs/make_pages.py").read_text(encoding="utf-8")))
    assert shown == held == made and len(shown) == 9
    for name in held:  # a PNG, not a pointer or an empty file
        assert (ROOT / "docs/guide/pages" / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
