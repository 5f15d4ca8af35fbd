"""`par survey tally` on 100,000 response rows (target: under 5 s on the 2-core machine), and at two sizes 10×
apart (`--scale`): the time ratio (linear is 10, target ≤ 11) and the peak memory per response row.

Generates the responses (CSV) for the example design and its 12 departments in a temporary folder, then
times the tally of the whole command, as a user runs it; its peak memory is the child's peak RSS (`wait4`), the
memory per row the peak's growth from the small table to the large one over the rows added.

    python benchmarks/survey_tally.py [--rows 100000]
    python benchmarks/survey_tally.py --scale [--rows 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "survey-2024"


def responses_csv(path: Path, rows: int) -> None:
    agencies = [*sorted(path.stem for path in EXAMPLE.glob("so-*.yaml")), "ban-dan-toc", "thanh-tra-tinh"]
    rnd = random.Random(1)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Mã phiếu", "Nhóm", "Mã cơ quan", "Câu 1", "Câu 2"])
        for n in range(rows):
            citizen = rnd.random() < 0.85
            letter = rnd.choice("AAAABBBCDE" if citizen else "AAABBCD")
            row = [f"p{n}", "nguoi-dan" if citizen else "dai-bieu", rnd.choice(agencies)]
            writer.writerow([*row, letter if citizen else "", "" if citizen else letter])


def tally(responses: Path, out: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one `par survey tally`, a whole process."""
    command = [sys.executable, "-m", "par_cli", "survey", "tally", str(EXAMPLE / "design.yaml"), str(responses)]
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    child = subprocess.Popen([*command, "-o", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(err.decode()[:2000])
    return elapsed, usage.ru_maxrss


def scale(rows: int, rounds: int) -> None:
    sizes = (rows, rows * 10)
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        tables = [Path(tmp) / f"responses-{n}.csv" for n in sizes]
        for table, n in zip(tables, sizes, strict=True):
            responses_csv(table, n)
        small, large, ratios, memory, peaks = [], [], [], [], []
        for _ in range(rounds):  # small and large in turn: a shared machine's speed drifts
            (s, s_rss), (b, b_rss) = (tally(table, Path(tmp) / "survey.yaml") for table in tables)
            small.append(s)
            large.append(b)
            ratios.append(b / s)
            peaks.append(b_rss)
            memory.append((b_rss - s_rss) * 1024 / (sizes[1] - sizes[0]))
    print(f"load average {os.getloadavg()[0]:.2f}; rounds {rounds} (medians)")
    print(
        f"tally  {sizes[0]:,} rows {statistics.median(small):6.2f} s, {sizes[1]:,} rows "
        f"{statistics.median(large):6.2f} s: time ratio {statistics.median(ratios):5.2f} (linear 10, target ≤ 11); "
        f"peak memory per row {statistics.median(memory):,.0f} B, {max(peaks) / 1024:,.0f} MB at {sizes[1]:,} rows"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=None, help="100,000; with --scale the small table's, 20,000")
    parser.add_argument("--scale", action="store_true", help="two sizes 10× apart: the time ratio, memory per row")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.scale:
        scale(args.rows or 20_000, args.rounds)
        return
    rows = args.rows or 100_000
    with tempfile.TemporaryDirectory() as tmp:
        responses = Path(tmp) / "responses.csv"
        responses_csv(responses, rows)
        command = [sys.executable, "-m", "par_cli", "survey", "tally", str(EXAMPLE / "design.yaml"), str(responses)]
        start = time.perf_counter()
        done = subprocess.run([*command, "-o", str(Path(tmp) / "survey.yaml")], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(done.stderr)
    print(f"rows {rows:,}: tally {elapsed:.2f} s  (target < 5 s)")


if __name__ == "__main__":
    main()
