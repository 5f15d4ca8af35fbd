"""Ranking again with the results cache: cold (empty cache), unchanged, and after editing one file of the workload,
each as a ratio to the bare libyaml parse of the same files; then ranking again, unchanged and after an edit, with
the default output (the terminal table, written to a pipe) instead of JSON.

Target (issue 16; issue 31 for the table): ranking again after editing one file of the 3,400 ≤ 0.05 × the bare
parse, with JSON and with the table. Three rounds (`--rounds`), each between two halves of the parse (a shared
machine's speed drifts); the medians are printed.

    python benchmarks/make_workload.py            # once
    python benchmarks/cache_rerank.py [--workload benchmarks/workload]
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from benchmarks.rank_scale import bare_parse, measure, workload

ROWS = (
    ("rank, empty cache", ""),
    ("rank again, nothing changed", ""),
    ("rank again, one file edited", "  (target ≤ 0.05)"),
    ("table: again, nothing changed", ""),
    ("table: again, one file edited", "  (target ≤ 0.05)"),
)


def one_round(folder: Path, files: list[Path]) -> tuple[float, list[tuple[float, int]]]:
    """The bare parse (two halves around the runs) and each run of `ROWS`: (wall seconds, peak KB)."""
    half = len(files) // 2
    parse = bare_parse(files[:half])
    rank = ["rank", str(folder), "--format", "json"]
    table = ["rank", str(folder)]  # the default output: the terminal's table (here into a pipe)
    edited, original = files[half], files[half].read_bytes()
    runs = []
    with tempfile.TemporaryDirectory() as cache:
        runs += [measure(rank, Path(cache)), measure(rank, Path(cache))]
        try:
            edited.write_bytes(original + b"# edited\n")
            runs.append(measure(rank, Path(cache)))
            runs.append(measure(table, Path(cache)))
            edited.write_bytes(original + b"# edited again\n")
            runs.append(measure(table, Path(cache)))
        finally:
            edited.write_bytes(original)
    return parse + bare_parse(files[half:]), runs


def main() -> None:
    args, files = workload(__doc__ or "", rounds=3)
    bare_parse(files[:50])
    rounds = [one_round(args.workload, files) for _ in range(args.rounds)]
    parse = statistics.median(p for p, _ in rounds)
    print(f"files                            {len(files)}")
    print(f"libyaml CSafeLoader parse        {parse:.2f} s (one process, median of {len(rounds)})")
    for at, (name, target) in enumerate(ROWS):
        wall = statistics.median(runs[at][0] for _, runs in rounds)
        ratio = statistics.median(runs[at][0] / p for p, runs in rounds)
        peak = max(runs[at][1] for _, runs in rounds)
        print(f"{name:<32} {wall:.2f} s  ratio {ratio:.3f}{target}  {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
