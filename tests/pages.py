"""Documents as people see them: Word/Excel through LibreOffice to PDF pages, HTML through headless Chromium.

Tests that look at pages import these helpers and mark themselves with `needs_soffice` / `needs_chromium`, so
that a machine without the tools skips them with the reason, never fails or passes them silently.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# .ci/lowest sets PAR_NO_PAGES: the pages depend on par's writers, not on the lowest versions of its libraries.
_NO_PAGES = bool(os.environ.get("PAR_NO_PAGES"))
needs_soffice = pytest.mark.skipif(
    _NO_PAGES or shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="PAR_NO_PAGES is set"
    if _NO_PAGES
    else "needs LibreOffice (soffice) and poppler (pdftotext): apt-get "
    "install libreoffice-writer libreoffice-calc poppler-utils",
)
needs_chromium = pytest.mark.skipif(
    _NO_PAGES or shutil.which("chromium") is None,
    reason="PAR_NO_PAGES is set" if _NO_PAGES else "needs Chromium: apt-get install chromium",
)


def own_profile() -> str:
    """LibreOffice's option for a profile of its own: two soffice at once on one profile (the suite runs on every
    core) hand the second's job to the first, and its file never comes."""
    return f"-env:UserInstallation={Path(tempfile.mkdtemp(prefix='par-soffice-')).as_uri()}"


def to_pdf(document: Path) -> Path:
    """LibreOffice's PDF of a .docx/.xlsx, beside it; a private profile so that parallel runs do not collide."""
    profile = Path(tempfile.mkdtemp(prefix="par-soffice-"))
    try:
        done = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(document.parent),
                str(document),
            ],
            capture_output=True,
            text=True,
            timeout=240,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = document.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (pdftotext -layout)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def pdf_words(pdf: Path) -> list[str]:
    """Every word printed, in reading order: a figure cut over two lines shows as two words."""
    return [word for page in pdf_pages(pdf) for word in page.split()]


def pdf_page_size_mm(pdf: Path) -> tuple[float, float]:
    """The first page's width and height in millimetres."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    line = next(line for line in info.splitlines() if line.startswith("Page size:"))
    width, height = (float(part) for part in line.split()[2:5:2])
    return round(width / 72 * 25.4, 1), round(height / 72 * 25.4, 1)


def png_pages(pdf: Path, dpi: int = 60) -> list[Path]:
    """The pages as PNG pictures (pdftoppm), for a person or the README to look at."""
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True, timeout=120)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"))


_CHROMIUM = [
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 900) -> Path:
    """Chromium's picture of an HTML file at a screen's size."""
    with tempfile.TemporaryDirectory(prefix="par-chromium-") as profile:
        subprocess.run(
            [
                *_CHROMIUM,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    return png


def measure(page: Path, script: str, width: int = 1400, height: int = 900) -> object:
    """What a JavaScript expression gives on the laid-out page (JSON), as Chromium shows it at that size.

    The expression runs after layout; its JSON lands in the DOM, which Chromium prints (--dump-dom).
    """
    probe = page.with_name(page.stem + ".probe.html")
    probe.write_text(
        page.read_text(encoding="utf-8")
        + "<script>window.addEventListener('load', () => { const out = document.createElement('pre');"
        + f" out.id = 'par-probe'; out.textContent = JSON.stringify(({script}));"
        + " document.body.appendChild(out); });</script>",
        encoding="utf-8",
    )
    with tempfile.TemporaryDirectory(prefix="par-chromium-") as profile:
        done = subprocess.run(
            [
                *_CHROMIUM,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "--virtual-time-budget=5000",
                "--dump-dom",
                probe.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    start = done.stdout.index('<pre id="par-probe">') + len('<pre id="par-probe">')
    text = done.stdout[start : done.stdout.index("</pre>", start)]
    return json.loads(text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
