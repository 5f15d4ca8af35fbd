"""The year tests/serve/test_browser.py lives in the browser: the folder as an office makes it, and what each
person types into the pages of `par serve` (tests/serve/browser.py drives them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CRITERIA = "mau-so-nganh"
AGENCIES = {"so-noi-vu": "Sở Nội vụ", "so-y-te": "Sở Y tế"}
PASSWORD = "mật khẩu đủ dài 2025"
APPRAISER = "hoi-dong"  # the council as a whole: the set names no appraiser for its leaves
# A tiny PDF, the evidence an agency uploads (a scan of its plan, say): the server checks its magic bytes
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# What each agency types, code → as a person types it in the page: Vietnamese decimal commas, a level's label,
# Có/Không for a check, `45/50` for done out of total; None: not applicable (with the reason beside it)
ANSWERS: dict[str, dict[str, str | None]] = {
    "so-noi-vu": {
        "1.1.1": "Ban hành kịp thời", "1.1.2": "Có", "1.1.3": "97,5", "1.2.1": "1", "1.3.1": "45/50", "1.3.2": None,
        "1.4.1": "Có", "1.4.2": "Hoàn thành tốt", "1.5.1": "2", "2.1.1": "100", "2.1.2": "0", "2.2.1": "Có",
        "2.2.2": "92,5", "2.3.1": "Có", "2.3.2": "Thực hiện đầy đủ", "3.1.1": "100", "3.1.2": "3", "3.2.1": "95",
        "3.2.2": "88", "3.2.3": "90", "3.3.1": "Có", "3.3.2": "100", "3.4.1": "97,5", "4.1.1": "Có",
        "4.1.2": "0", "4.2.1": "Không vượt số được giao", "4.3.1": "100", "5.1.1": "Có", "5.1.2": "98", "5.2.1": "0",
        "5.3.1": "100", "5.4.1": "0", "6.1.1": "100", "6.1.2": "Thực hiện đầy đủ, đúng hạn", "6.2.1": "1,5", "6.3.1": "Có",
        "7.1.1": "99,5", "7.1.2": "97", "7.2.1": "100", "7.2.2": "90", "7.3.1": "Áp dụng, duy trì đúng quy định",
    },
    "so-y-te": {
        "1.1.1": "Ban hành không kịp thời", "1.1.2": "Có", "1.1.3": "85", "1.2.1": "2", "1.3.1": "20/50", "1.3.2": "80",
        "1.4.1": "Không", "1.4.2": "Hoàn thành", "1.5.1": "1", "2.1.1": "90", "2.1.2": "1", "2.2.1": "Có",
        "2.2.2": "75", "2.3.1": "Không", "2.3.2": "Thực hiện một phần", "3.1.1": "80", "3.1.2": "1", "3.2.1": "70",
        "3.2.2": None, "3.2.3": "60", "3.3.1": "Có", "3.3.2": "85,5", "3.4.1": "80", "4.1.1": "Có",
        "4.1.2": "2", "4.2.1": "Vượt số được giao", "4.3.1": "90", "5.1.1": "Không", "5.1.2": "70", "5.2.1": "1",
        "5.3.1": "75", "5.4.1": "2", "6.1.1": None, "6.1.2": "Thực hiện chậm", "6.2.1": "1", "6.3.1": "Có",
        "7.1.1": "80", "7.1.2": "65", "7.2.1": "90", "7.2.2": None, "7.3.1": "Áp dụng chưa đầy đủ",
    },
}  # fmt: skip
NOT_APPLICABLE = "Năm nay không phát sinh trường hợp nào"
APPRAISED = ("so-noi-vu", "1.1.3", "85", "Báo cáo chỉ chứng minh 85% nhiệm vụ hoàn thành")  # agency, code, value, why
UPLOADED = "1.1.1"  # the criterion each agency's evidence file is for
EVIDENCE_NAMED = "Kế hoạch số 12/KH-CCHC ngày 20/12/2024"  # the evidence named in the form, its scan uploaded


def make_year(folder: Path, period: str = "2025") -> None:
    """The year's folder as the guide tells an office to make it: one blank YAML form per agency from the criteria
    set (`par template SET -f yaml -o FOLDER/ID.yaml`), the agency's id and name written in its head."""
    folder.mkdir(parents=True)
    for agency_id, name in AGENCIES.items():
        target = folder / f"{agency_id}.yaml"
        made = par("template", CRITERIA, "-f", "yaml", "--period", period, "-o", str(target))
        assert made.returncode == 0, made.stderr
        text = target.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  id: ma-co-quan.*$", f"  id: {agency_id}", text, count=1)
        text = re.sub(r'(?m)^  name: ".*"$', f'  name: "{name}"', text, count=1)
        target.write_text(text, encoding="utf-8")


def par(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`par ARGS` as a person runs it; the result (not checked)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "par_cli", *args], capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd
    )
