"""National-scale `par rank`: wall time, bare libyaml parse time of the same files, their ratio, peak memory.

Targets (issue 16): ratio ≤ 0.25 on 2 cores (issue 3: 0.5); peak memory ≤ 150 MB at 34,000 files (the whole
process tree, sampled). Cold: `--no-cache` (benchmarks/cache_rerank.py measures ranking again).

    python benchmarks/make_workload.py            # once: 3,400 commune files in benchmarks/workload/
    python benchmarks/rank_scale.py [--workload benchmarks/workload] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def workload(description: str) -> tuple[argparse.Namespace, list[Path]]:
    """The `--workload` option of a benchmark and its commune files (exits when there are none)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", type=Path, default=Path(__file__).parent / "workload")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    files = sorted(args.workload.glob("xa-*.yaml"))
    if not files:
        sys.exit(f"no workload in {args.workload}: run benchmarks/make_workload.py first")
    return args, files


def measure(arguments: list[str], cache: Path | None = None) -> tuple[float, int]:
    """Wall time (s) and peak memory of the whole process tree (KB) of `par ARGUMENTS`; exits when par fails.
    Results cache: `cache`, else an empty one (every run measured cold)."""
    command = [sys.executable, "-m", "par_cli", *arguments]
    with tempfile.TemporaryDirectory() as empty:
        return _measure(command, {**os.environ, "PAR_CACHE_DIR": str(cache or empty)})


def _measure(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command[3:])} failed ({process.returncode}): {err.decode()[:2000]}")
    return elapsed, peak


def run_rank(workload: Path, jobs: int | None) -> tuple[float, int]:
    jobs_given = ["--jobs", str(jobs)] if jobs else []
    return measure(["rank", str(workload), "--format", "json", "--no-cache", *jobs_given])


def bare_parse(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        with path.open("rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def main() -> None:
    args, files = workload(__doc__ or "")
    size = sum(p.stat().st_size for p in files)
    bare_parse(files[:50])  # warm the file cache
    parse = bare_parse(files)
    wall, peak_kb = run_rank(args.workload, args.jobs)
    print(f"files                      {len(files)} ({size / 2**20:.1f} MB)")
    print(f"par rank (wall)            {wall:.2f} s")
    print(f"libyaml CSafeLoader parse  {parse:.2f} s (one process)")
    print(f"ratio                      {wall / parse:.2f}  (target ≤ 0.25)")
    print(f"peak memory (tree RSS)     {peak_kb / 1024:.0f} MB  (target ≤ 150 MB at 34,000 files)")


if __name__ == "__main__":
    main()
