"""`par check` on the 3,400-file workload (a process pool, as `par rank`) against the bare libyaml parse.

Target (issue 16): ≤ 0.7 × the bare parse on 2 cores.

    python benchmarks/make_workload.py            # once
    python -m benchmarks.check_scale [--workload benchmarks/workload]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.rank_scale import bare_parse, measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", type=Path, default=Path(__file__).parent / "workload")
    args = parser.parse_args()
    files = sorted(args.workload.glob("xa-*.yaml"))
    if not files:
        sys.exit(f"no workload in {args.workload}: run benchmarks/make_workload.py first")
    bare_parse(files[:50])
    parse = bare_parse(files)
    wall, peak_kb = measure(["check", str(args.workload)])
    print(f"files                      {len(files)}")
    print(f"libyaml CSafeLoader parse  {parse:.2f} s (one process)")
    print(
        f"par check (wall)           {wall:.2f} s  ratio {wall / parse:.2f}  (target ≤ 0.70)  {peak_kb / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
