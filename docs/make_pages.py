"""The pictures of par's documents shown in the README: each made by par from the bundled examples, printed to
PDF by LibreOffice (Word, Excel) or shot by headless Chromium (HTML), its first page kept as a PNG.

Run from the repository's root after a change to what a document looks like: `python docs/make_pages.py`
(needs LibreOffice, poppler-utils and Chromium). tests/test_pages.py checks that each picture the README shows
is here."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PICTURES = Path(__file__).resolve().parent / "guide" / "pages"
DOCUMENTS = {  # picture → (par's arguments, the page to keep)
    "annex.png": (["rank", "examples/2025", "--previous", "examples/2024", "-f", "docx"], 1),
    "agency-report.png": (["score", "examples/2025/so-noi-vu.yaml", "--among", "examples/2025", "-f", "docx"], 1),
    "agency-form.png": (["template", "mau-so-nganh", "--period", "2025", "-f", "xlsx"], 2),
    "ranking-workbook.png": (["rank", "examples/2025", "--previous", "examples/2024", "-f", "xlsx"], 1),
    "ranking-html.png": (["rank", "examples/2025", "--previous", "examples/2024", "--areas", "-f", "html"], 1),
    "trend-html.png": (["trend", "examples/2023", "examples/2024", "examples/2025", "-f", "html"], 1),
    "improvement-plan.png": (["gaps", "examples/2025", "-f", "xlsx"], 1),
    "cut-list.png": (["appraisal", "cuts", "examples/tham-dinh-2025", "-f", "xlsx"], 1),
    "survey-report.png": (["survey", "report", "examples/survey-2024/survey.yaml", "-f", "xlsx"], 1),
}
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]  # fmt: skip


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="par-pages-"))
    try:
        for picture, (args, page) in DOCUMENTS.items():
            suffix = args[args.index("-f") + 1]
            made = work / f"{Path(picture).stem}.{suffix}"
            subprocess.run([sys.executable, "-m", "par_cli", *args, "-o", str(made)], check=True)
            if suffix == "html":
                subprocess.run(
                    [*CHROMIUM, f"--user-data-dir={work / 'chromium'}", "--window-size=1400,900",
                     f"--screenshot={PICTURES / picture}", made.as_uri()],
                    check=True, capture_output=True,
                )  # fmt: skip
                continue
            subprocess.run(
                ["soffice", f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
                 "--outdir", str(work), str(made)],
                check=True, capture_output=True,
            )  # fmt: skip
            subprocess.run(
                ["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile",
                 str(made.with_suffix(".pdf")), str(PICTURES / Path(picture).stem)],
                check=True,
            )  # fmt: skip
            print(picture)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
