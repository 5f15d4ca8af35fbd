"""`par rank --robustness`'s possible ranks on one group of 3,400 communes, in the core (no files read).

Each commune has 160 appraised leaves; its 12 largest one-step gains and losses are kept (as the scorer keeps
them). Prints the time of ranking the group, of `robustness` with K = 1, 3 (the default) and 12 steps, and their
ratios to the ranking. Target: K = 3 within a few seconds, so that `--robustness` stays a small part of a
national ranking (`benchmarks/years_scale.py` measures the whole command on real files).

    python benchmarks/robustness_scale.py [--communes 3400]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from par_cli.core.ranking import Entry, rank
from par_cli.core.robustness import STEPS_COUNTED, robustness

STEPS = (Fraction(1, 8), Fraction(1, 4), Fraction(1, 2), Fraction(1, 20))  # count, levels, check, points (of 100)


def commune(n: int, chance: random.Random) -> Entry:
    points = Fraction(chance.randrange(5000, 9800), 100)
    moves = [chance.choice(STEPS) for _ in range(160)]
    largest = tuple(sorted(moves, reverse=True)[:STEPS_COUNTED])
    name = f"Xã {n:04d}"
    return Entry(f"xa-{n:04d}", name, "xa", (), "bench", "Bench", "2024", 2, "vi", (), points, Fraction(100), points,
                 None, (), name, gains=largest, losses=largest, self_index=points + chance.choice(STEPS))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--communes", type=int, default=3400)
    args = parser.parse_args()
    chance = random.Random(28)
    entries = [commune(n, chance) for n in range(args.communes)]
    start = time.perf_counter()
    [group] = rank(entries, "group")
    ranked = time.perf_counter() - start
    print(f"communes                     {len(entries)}")
    print(f"rank (core)                  {ranked:.2f} s")
    for steps in (1, 3, 12):
        start = time.perf_counter()
        found = robustness(group, steps)
        took = time.perf_counter() - start
        spread = sum((m.worst or 0) - (m.best or 0) for m in found) / len(found)
        print(
            f"robustness, K = {steps:<2}           {took:.2f} s   ratio {took / ranked:.1f}   mean spread {spread:.0f}"
        )


if __name__ == "__main__":
    main()
