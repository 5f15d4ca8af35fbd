"""`par import` at two sizes 10× apart: the time ratio (linear is 10, target ≤ 11) and the peak memory per row.

Generates export tables in a temporary folder under /tmp, as offices send them: the long shape (one row per
agency and criterion: `Mã cơ quan`, `Tên cơ quan`, `Nhóm`, `Mã tiêu chí`, `Tự đánh giá`, `Thẩm định`, `Tài liệu
kiểm chứng`), and the wide one (one row per agency, one column per criterion code), as .xlsx and .csv, from the
answers of examples/2025/so-noi-vu.yaml (criteria `mau-so-nganh`). Each import is a whole process, as a user runs
it; its peak memory is the child's peak RSS (`wait4`), and the memory per row is the peak's growth from the small
table to the large one over the rows added.

    python benchmarks/import_scale.py [--rows 3400] [--rounds 3] [--shape long|wide|both] [--kind xlsx|csv|both]
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "2025" / "so-noi-vu.yaml"
LONG = ["STT", "Mã cơ quan", "Tên cơ quan", "Nhóm", "Mã tiêu chí", "Tự đánh giá", "Thẩm định", "Tài liệu kiểm chứng"]


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dict):
        return f"{value['done']}/{value['total']}"
    return value


def _answers() -> list[tuple[str, Any, Any, str]]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    found = []
    for code, answer in data["answers"].items():
        if "self" in answer:
            evidence = "; ".join(answer.get("evidence", []))
            found.append((code, _cell(answer["self"]), _cell(answer.get("appraised")), evidence))
    return found


def table_rows(rows: int, shape: str) -> tuple[list[str], list[list[Any]]]:
    answers = _answers()
    if shape == "wide":
        header = ["STT", "Mã cơ quan", "Tên cơ quan", "Nhóm", *(code for code, *_ in answers)]
        body = [[n + 1, f"so-{n}", f"Sở {n}", "so-nganh", *(a[1] for a in answers)] for n in range(rows)]
        return header, body
    body = []
    for n in range(rows):
        agency, (code, mine, theirs, evidence) = divmod(n, len(answers))[0], answers[n % len(answers)]
        body.append([n + 1, f"so-{agency}", f"Sở {agency}", "so-nganh", code, mine, theirs, evidence])
    return LONG, body


def write_table(path: Path, header: list[str], body: list[list[Any]]) -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(["" if v is None else v for v in row] for row in body)
        return
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tổng hợp")
    sheet.append(["BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CCHC"])  # a title block above the header
    sheet.append([])
    sheet.append(header)
    for row in body:
        sheet.append(row)
    book.save(path)


def run(table: Path, out: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one `par import`, a whole process."""
    command = [sys.executable, "-m", "par_cli", "import", str(table), "-c", "mau-so-nganh", "-o", str(out)]
    start = time.perf_counter()
    child = subprocess.Popen([*command, "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"{table.name}: exit {child.returncode}\n{err.decode()[:2000]}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=3400, help="the small table's rows (the large one has 10×)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shape", choices=("long", "wide", "both"), default="long")
    parser.add_argument("--kind", choices=("xlsx", "csv", "both"), default="both")
    args = parser.parse_args()
    shapes = ("long", "wide") if args.shape == "both" else (args.shape,)
    kinds = ("xlsx", "csv") if args.kind == "both" else (args.kind,)
    sizes = (args.rows, args.rows * 10)
    print(f"load average {os.getloadavg()[0]:.2f}; rounds {args.rounds} (medians)")
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        for shape in shapes:
            for kind in kinds:
                tables = []
                for rows in sizes:
                    table = Path(tmp) / f"{shape}-{rows}.{kind}"
                    write_table(table, *table_rows(rows, shape))
                    tables.append(table)
                ratios, small, large, memory, peaks = [], [], [], [], []
                for _ in range(args.rounds):  # small and large in turn: a shared machine's speed drifts
                    (s, s_rss), (b, b_rss) = run(tables[0], Path(tmp) / "out"), run(tables[1], Path(tmp) / "out")
                    small.append(s)
                    large.append(b)
                    ratios.append(b / s)
                    peaks.append(b_rss)
                    memory.append((b_rss - s_rss) * 1024 / (sizes[1] - sizes[0]))
                print(
                    f"{shape:4} {kind:4}  {sizes[0]:,} rows {statistics.median(small):6.2f} s, "
                    f"{sizes[1]:,} rows {statistics.median(large):6.2f} s: time ratio "
                    f"{statistics.median(ratios):5.2f} (linear 10, target ≤ 11); peak memory per row "
                    f"{statistics.median(memory) / 1024:6.2f} KB, {max(peaks) / 1024:,.0f} MB at {sizes[1]:,} rows"
                )


if __name__ == "__main__":
    main()
