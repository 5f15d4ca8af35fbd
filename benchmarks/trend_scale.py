"""`par trend`'s core on a national scale: two periods of 3,400 communes with 8 areas each (generated in
memory), each unit's index, rank and area ranks per period. Target: a few seconds (ranks are counted by
bisection in each group's sorted figures, once per group and area; counting them unit by unit took 397 s).

    python benchmarks/trend_scale.py [--units 3400]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from par_cli.core.lineage import Past, PastRow
from par_cli.core.trend import trend


def period(label: str, units: int, rnd: random.Random) -> Past:
    rows = []
    for n in range(units):
        areas = tuple((str(a), Fraction(rnd.randint(5000, 10000), 100)) for a in range(1, 9))
        index = Fraction(rnd.randint(7000, 10000), 100)
        rows.append(PastRow("xa", f"xa-{n}", f"Xã {n}", n + 1, index, None, None, areas))
    return Past(rows, label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=3400)
    args = parser.parse_args()
    rnd = random.Random(1)
    periods = [period("2024", args.units, rnd), period("2025", args.units, rnd)]
    start = time.perf_counter()
    found = trend(periods)
    print(f"units × periods   {args.units} × 2, 8 areas")
    print(f"trend             {time.perf_counter() - start:.2f} s for {len(found.lines)} lines (target ≤ 5 s)")


if __name__ == "__main__":
    main()
