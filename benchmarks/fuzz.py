"""A long fuzz campaign: mutants of every shipped file through `par check`, `par score` and `par rank`.

Prints the runs, how many exited 0, how many exited 1 with located one-line errors, and every other outcome
(a traceback, another exit code, an unlocated or multi-line error), which must be none.

    python benchmarks/fuzz.py [--count 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzz.mutants import campaign


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000, help="mutants (each is run three times)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    tally = campaign(args.count, args.seed)
    print(f"mutants {args.count} (seed {args.seed}), runs {tally.runs} in {time.perf_counter() - start:.0f} s")
    print(f"exit 0: {tally.ok}   exit 1, located one-line errors: {tally.located}   anything else: {len(tally.other)}")
    for line in tally.other:
        print("  " + line)
    sys.exit(1 if tally.other else 0)


if __name__ == "__main__":
    main()
