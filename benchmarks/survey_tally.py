"""`par survey tally` on 100,000 response rows (target: under 5 s on the 2-core machine).

Generates the responses (CSV) for the example design and its 12 departments in a temporary folder, then
times the tally of the whole command, as a user runs it.

    python benchmarks/survey_tally.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "survey-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    agencies = [*sorted(path.stem for path in EXAMPLE.glob("so-*.yaml")), "ban-dan-toc", "thanh-tra-tinh"]
    rnd = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        responses = Path(tmp) / "responses.csv"
        with responses.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["Mã phiếu", "Nhóm", "Mã cơ quan", "Câu 1", "Câu 2"])
            for n in range(args.rows):
                citizen = rnd.random() < 0.85
                letter = rnd.choice("AAAABBBCDE" if citizen else "AAABBCD")
                row = [f"p{n}", "nguoi-dan" if citizen else "dai-bieu", rnd.choice(agencies)]
                writer.writerow([*row, letter if citizen else "", "" if citizen else letter])
        command = [sys.executable, "-m", "par_cli", "survey", "tally", str(EXAMPLE / "design.yaml"), str(responses)]
        start = time.perf_counter()
        done = subprocess.run([*command, "-o", str(Path(tmp) / "survey.yaml")], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(done.stderr)
    print(f"rows {args.rows:,}: tally {elapsed:.2f} s  (target < 5 s)")


if __name__ == "__main__":
    main()
