"""`par serve` end to end in a real browser (issue 32): the office signs in with the link the first start prints,
opens the window and invites two agencies and a council member; each agency signs in with the keyboard, fills in
its form as a person does (`97,5`, `45/50`, a level chosen by its label, Có/Không, not applicable with a reason),
uploads a PDF and submits; the council member appraises an answer with a reason; the office publishes. Then
`par rank FOLDER` prints the figures the published page shows, and the folder holds what the people typed.

The browser is the system's Chromium driven by Playwright (tests/serve/browser.py); where either is missing, or
in .ci/lowest (PAR_NO_PAGES), the test is skipped with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.serve import browser, browser_year

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=browser.missing() or "")


def test_a_year_in_the_browser_ends_with_the_figures_par_rank_prints(tmp_path: Path) -> None:
    folder = tmp_path / "nam-2025"
    browser_year.make_year(folder)
    with browser.browsing() as chromium:
        published = browser.run(chromium, folder, tmp_path)
    print(published.timings.steps)  # seconds per step (pytest -s): a slow page shows here first

    # the published page and `par rank FOLDER` agree, agency by agency: rank and index as shown
    assert published.page == published.ranked
    assert set(published.page) == set(browser_year.AGENCIES.values())
    assert published.page["Sở Nội vụ"][0] == "1"
    assert published.board == {name: index for name, (_, index) in published.page.items()}  # the office's too
    assert published.faults == []  # every field labelled, every page as wide as the screen at most

    # the folder is the record: what each agency typed, as the CLI reads it
    home = yaml.safe_load((folder / "so-noi-vu.yaml").read_text(encoding="utf-8"))
    answers = home["answers"]
    assert answers["1.1.1"]["self"] == "kip-thoi"  # chosen by its label, kept by its key
    assert answers["1.1.3"]["self"] == 97.5  # typed `97,5`
    assert answers["1.3.1"]["self"] == {"done": 45, "total": 50}  # typed `45/50`
    assert answers["1.1.2"]["self"] is True  # Có
    assert answers["1.3.2"]["na"] is True and answers["1.3.2"]["reason"] == browser_year.NOT_APPLICABLE
    assert answers["1.1.1"]["evidence"] == [browser_year.EVIDENCE_NAMED]
    uploaded = list((folder / ".par-serve" / "minh-chung" / "so-noi-vu" / browser_year.UPLOADED).iterdir())
    assert [path.read_bytes() for path in uploaded] == [browser_year.EVIDENCE_PDF]

    # the council's appraisal, with its reason, in the appraisal file `par appraisal` reads
    agency_id, code, value, reason = browser_year.APPRAISED
    appraisal = yaml.safe_load((folder / f"tham-dinh-{browser_year.APPRAISER}.yaml").read_text(encoding="utf-8"))
    assert appraisal["agencies"][agency_id][code] == {"appraised": int(value), "reason": reason}
