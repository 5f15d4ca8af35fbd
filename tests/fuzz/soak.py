"""A soak of the two YAML paths: a long stream of assessments, most in the fast path's subset and some mutated,
read one after another in one process as a national folder is, with the fast path's memos bounded at a size
(0, 1, a few lines, as shipped), each compared with the located path (`tests.test_fast_path.agree`: the same
values and positions, or declined where the located path has a word to say). Then the first files are read again,
with the memos full of the others: the same verdicts.

    python -m tests.fuzz.soak [--files 20000] [--sizes 0,1,7,default] [--seed 1]

A bounded run is in the suite (tests/fuzz/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from benchmarks.make_workload import assessment_text
from tests.fuzz.mutants import BYTES, structure, syntax


def stream(count: int, seed: int) -> list[bytes]:
    """`count` assessments of the benchmark's shape (their lines repeat from file to file but for strings and
    figures), one in three mutated (bytes, YAML structure or syntax), one in ten writing a key twice."""
    rnd = random.Random(seed)
    files = []
    for n in range(count):
        text = assessment_text(n, random.Random(seed * 100_003 + n))
        if n % 10 == 7:
            text = text.replace("{self: ", "{self: 1, self: ", 1)
        raw = text.encode()
        if n % 3 == 1:
            for _ in range(rnd.randint(1, 2)):
                raw = rnd.choice([*BYTES, structure, syntax, syntax])(raw, rnd)
        files.append(raw)
    return files


def soak(count: int, seed: int, size: int | None) -> tuple[int, int]:
    """Reads the stream with the memos bounded at `size` (None: as shipped); (read the fast way, declined)."""
    from tests.test_fast_path import agree, memo

    files = stream(count, seed)
    with memo(size):
        verdicts = [agree(raw) for raw in files]
        again = [agree(raw) for raw in files[: max(1, count // 10)]]
    assert again == verdicts[: len(again)], "a file read otherwise once the memos held others"
    return sum(verdicts), count - sum(verdicts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=20_000, help="files read at each memo size")
    parser.add_argument("--sizes", default="0,1,7,default")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for written in args.sizes.split(","):
        size = None if written == "default" else int(written)
        start = time.perf_counter()
        read, declined = soak(args.files, args.seed, size)
        took = time.perf_counter() - start
        print(f"memo {written}: {read} read the fast way, {declined} declined, all as the located path ({took:.0f} s)")
    sys.exit(0)


if __name__ == "__main__":
    main()
