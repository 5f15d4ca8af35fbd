"""The pictures of `par serve`'s pages shown in the guide: the year of tests/serve/test_browser.py (the office, two
agencies, a council member, in the system's Chromium), shot at 1366×768 (the smallest screen an office works on)
on the status board, an agency's form, the council's page and the published ranking.

Run from the repository's root after a change to what a page looks like: `python docs/make_serve_pages.py`
(needs Chromium and Playwright's Python package, a dev dependency; no browser is downloaded)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[1]
PICTURES = ROOT / "docs" / "guide" / "pages"
SHOTS = ("serve-board", "serve-agency-form", "serve-council", "serve-public")  # each a PNG in PICTURES


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.serve import browser, browser_year

    why = browser.missing()
    if why is not None:
        sys.exit(f"cannot shoot the pages: {why}")

    def shoot(name: str, page: Page) -> None:
        assert name in SHOTS, name
        page.screenshot(path=PICTURES / f"{name}.png")  # the first screen, as a person sees it at 1366×768
        print(f"{name}.png")

    work = Path(tempfile.mkdtemp(prefix="par-serve-pages-"))
    try:
        browser_year.make_year(work / "nam-2025")
        with browser.browsing() as chromium:
            browser.run(chromium, work / "nam-2025", work, shoot)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
