"""`par trend`'s core on a national scale: two periods of 3,400 communes with 8 areas each (generated in
memory), each unit's index, rank and area ranks per period. Target: a few seconds (ranks are counted by
bisection in each group's sorted figures, once per group and area; counting them unit by unit took 397 s).

    python benchmarks/trend_scale.py [--units 3400]

With `--ratio` (`python -m benchmarks.trend_scale --ratio [--rounds 3]`): the whole trend of 3 periods as
`linear_scale` times it (each period ranked, the lines, the report and its JSON), at `--units` and 10× as many,
each in a fresh process: the medians, and the wall and CPU time ratios (linear is 10; target ≤ 11).
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
    parser.add_argument("--ratio", action="store_true", help="time 3 periods at --units and 10×, in fresh processes")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.ratio:
        ratio(args.units, args.rounds)
        return
    rnd = random.Random(1)
    periods = [period("2024", args.units, rnd), period("2025", args.units, rnd)]
    start = time.perf_counter()
    found = trend(periods)
    print(f"units × periods   {args.units} × 2, 8 areas")
    print(f"trend             {time.perf_counter() - start:.2f} s for {len(found.lines)} lines (target ≤ 5 s)")


def ratio(units: int, rounds: int) -> None:
    import os
    import statistics

    from benchmarks.linear_scale import _run

    runs = [(_run("trend (3 periods)", units), _run("trend (3 periods)", units * 10)) for _ in range(rounds)]
    wall = [high["seconds"] / low["seconds"] for low, high in runs]
    cpu = [high["cpu"] / low["cpu"] for low, high in runs]
    low_s, high_s = (statistics.median(run[k]["seconds"] for run in runs) for k in (0, 1))
    low_cpu, high_cpu = (statistics.median(run[k]["cpu"] for run in runs) for k in (0, 1))
    low_kb, high_kb = (
        statistics.median(run[k]["grown_kb"] / (n * 3) for run in runs) for k, n in ((0, units), (1, units * 10))
    )
    print(f"load average {os.getloadavg()[0]:.2f}; median of {rounds} rounds; linear is 10, target ≤ 11")
    print(f"trend, 3 periods  {units:>6}: {low_s:6.2f} s  {units * 10:>6}: {high_s:6.2f} s  "
          f"ratio {statistics.median(wall):5.2f}  CPU ratio {statistics.median(cpu):5.2f}  "
          f"(each round: {', '.join(f'{w:.1f}/{c:.1f}' for w, c in zip(wall, cpu, strict=True))})")  # fmt: skip
    print(f"CPU time          {units:>6}: {low_cpu:6.2f} s  {units * 10:>6}: {high_cpu:6.2f} s")
    print(f"peak memory above the start per agency-period: {low_kb:5.1f} KB  {high_kb:5.1f} KB")


if __name__ == "__main__":
    main()
