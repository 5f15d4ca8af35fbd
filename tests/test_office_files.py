"""An office's files as they come back: a form saved with macros (.xlsm) or as a template read as the form it is,
a spreadsheet par does not read said per file (never skipped silently)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Write, run_english
from tests.test_xlsx import fill, form

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")


def _forms(write: Write) -> Path:
    """A folder of two filled forms (and the criteria set): so-noi-vu.xlsx and so-tu-phap.xlsx."""
    path = fill(form(write), ("so-noi-vu", "Sở Nội vụ"), {"1.2": ("Có",)}, {})
    Path("forms").mkdir()
    shutil.copy(path, "forms/so-noi-vu.xlsx")
    Path("form.xlsx").unlink()
    other = fill(form(write), ("so-tu-phap", "Sở Tư pháp"), {"1.2": ("Không",)}, {})
    shutil.copy(other, "forms/so-tu-phap.xlsx")
    shutil.copy("criteria.yaml", "forms/criteria.yaml")
    return Path("forms")


def _ranked(folder: Path) -> list[str]:
    code, out, err = run_english("rank", str(folder), "-f", "json")
    assert code == 0, err
    return sorted(row["agency"]["id"] for group in json.loads(out)["groups"] for row in group["rows"])


@pytest.mark.parametrize("suffix", [".xlsm", ".XLSM", ".xltx", ".xltm"])
def test_a_form_saved_with_macros_or_as_a_template_is_read_as_the_form(write: Write, suffix: str) -> None:
    """A form saved as .xlsm (Excel with macros) was skipped by `par rank` and `par check`: one agency fewer,
    without a word."""
    folder = _forms(write)
    Path("forms/so-tu-phap.xlsx").rename(f"forms/so-tu-phap{suffix}")
    assert _ranked(folder) == ["so-noi-vu", "so-tu-phap"]
    _, out, _ = run_english("check", str(folder))
    assert f"so-tu-phap{suffix}" in out and "in 3 files" in out  # the criteria set and both forms


@pytest.mark.parametrize("suffix", [".xlsb", ".ots", ".fods", ".xlt", ".et", ".numbers"])
def test_a_spreadsheet_par_does_not_read_is_said_per_file(write: Write, suffix: str) -> None:
    folder = _forms(write)
    Path("forms/so-tu-phap.xlsx").rename(f"forms/so-tu-phap{suffix}")
    code, _, err = run_english("rank", str(folder))
    assert code == 0, err
    said = f"forms/so-tu-phap{suffix}: info F006: left out: a spreadsheet par does not read"
    assert said in err
    assert said in run_english("check", str(folder))[1]


@needs_soffice
def test_a_form_saved_by_libreoffice_as_excel_with_macros_is_read(write: Write) -> None:
    folder = _forms(write)
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={Path('profile').resolve().as_uri()}",
            "--headless",
            "--convert-to",
            "xlsm:Calc MS Excel 2007 VBA XML",
            "--outdir",
            "lo",
            "forms/so-tu-phap.xlsx",
        ],
        capture_output=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    Path("forms/so-tu-phap.xlsx").unlink()
    shutil.copy("lo/so-tu-phap.xlsm", "forms/so-tu-phap.xlsm")  # its content type: macroEnabled.main+xml
    assert _ranked(folder) == ["so-noi-vu", "so-tu-phap"]
