"""`par rank --robustness` and `par gaps` at national scale, against a plain `par rank` of the same files.

Both carry more per agency back from the workers (each leaf's one-step moves; every node's max and points):
this prints their wall time and peak memory of the whole process tree, and the ratios to the plain ranking.
Target: each ≤ 1.5 × the plain ranking's time, memory within the ranking's budget (300 MB).

    python benchmarks/make_workload.py     # once: 3,400 commune files in benchmarks/workload/
    python benchmarks/years_scale.py [--workload benchmarks/workload]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rank_scale import measure, workload


def main() -> None:
    args, files = workload(__doc__ or "")
    folder = str(args.workload)
    plain, plain_kb = measure(["rank", folder, "--format", "json"])
    print(f"files                        {len(files)}")
    print(f"par rank                     {plain:.2f} s  {plain_kb / 1024:.0f} MB")
    for name, arguments in (
        ("par rank --robustness", ["rank", folder, "--robustness", "--format", "json"]),
        ("par gaps", ["gaps", folder, "--format", "json"]),
    ):
        wall, peak = measure(arguments)
        print(f"{name:<28} {wall:.2f} s  {peak / 1024:.0f} MB   ratio {wall / plain:.2f} (target ≤ 1.50)")


if __name__ == "__main__":
    main()
