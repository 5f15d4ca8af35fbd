"""A long unbroken text (a 4,000-character evidence line without a space, a pasted address) wraps in its cell
instead of widening the page: the agency's form, the council's page and explain stay as wide as a 1366 px screen.
The pages come from the routes; the system's Chromium lays them out with par.css (skipped where it is missing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.applications import Starlette

from par_cli.serve import app as serve_app
from tests.serve import browser
from tests.serve.conftest import Person

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=browser.missing() or "")

LONG = "https://dichvucong.example.vn/" + "a" * 4000  # one "word" of 4,030 characters
CSS = (Path(serve_app.__file__).parent / "static" / "par.css").read_text(encoding="utf-8")


def test_a_long_unbroken_evidence_line_wraps_on_every_page(
    app: Starlette, folder: Path, people: dict[str, Person]
) -> None:
    path = folder / "so-noi-vu.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Kế hoạch 01/KH-SNV ngày 05/01/2024"', f'"{LONG}"'), encoding="utf-8")
    app.state.store.set_state("so-noi-vu", "submitted")
    pages = {
        "agency": people["so-noi-vu"].get("/agency").text,
        "council": people["council"].get("/council/so-noi-vu").text,
        "explain": people["office"].get("/explain/so-noi-vu").text,
    }
    widths = {}
    with browser.browsing() as chromium:
        page = chromium.new_page(viewport=browser.SCREEN)  # type: ignore[arg-type]
        for name, html in pages.items():
            assert LONG in html, name
            page.set_content(html.replace('<link rel="stylesheet" href="/static/par.css">', f"<style>{CSS}</style>"))
            widths[name] = page.evaluate("document.documentElement.scrollWidth")
    assert widths == {"agency": 1366, "council": 1366, "explain": 1366}
