"""National-scale `par rank`: wall time, bare libyaml parse time of the same files, their ratio, peak memory.

Targets: ratio ≤ 0.12 on 2 cores at 3,400 and 34,000 files (issue 31; issue 16: 0.25, issue 3: 0.5); peak memory
≤ 150 MB at 34,000 files (the whole process tree, sampled). Cold: `--no-cache` (benchmarks/cache_rerank.py measures
ranking again). `PAR_COMPILED=0` in the environment measures the general engine (no compiled scorer) instead.

    python benchmarks/make_workload.py            # once: 3,400 commune files in benchmarks/workload/
    python benchmarks/rank_scale.py [--workload benchmarks/workload] [--jobs N] [--rounds 3] [--worker 400]

`--worker N` also prints a ranking worker's own cost: CPU time a file of its file scorer in this process over the
first N files (each criteria set read and compiled once, as in a worker), against the bare parse of the same files.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

import yaml


def tree_kb(pid: int) -> tuple[int, int]:
    """Memory of a process and all its descendants, from /proc (Linux): (RSS, PSS) in KB.

    RSS counts a page once in every process that maps it, so a forked worker's pages still shared with the
    parent count twice; PSS splits each shared page between the processes sharing it (the tree's real use)."""
    rss = pss = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text().splitlines()
            rss += next(int(line.split()[1]) for line in rollup if line.startswith("Rss:"))
            pss += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return rss, pss


class Run(NamedTuple):
    wall: float  # seconds
    rss_kb: int  # peak of the tree's summed RSS
    pss_kb: int  # peak of the tree's summed PSS
    cpu: float = 0.0  # CPU seconds (user + system) of the whole tree: less at the mercy of a shared machine's load


def workload(
    description: str, rounds: int | None = None, worker: bool = False
) -> tuple[argparse.Namespace, list[Path]]:
    """The `--workload` option of a benchmark (and `--rounds`, given a default; `--worker`) and its commune files
    (exits when there are none)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", type=Path, default=Path(__file__).parent / "workload")
    parser.add_argument("--jobs", type=int, default=None)
    if rounds is not None:
        parser.add_argument("--rounds", type=int, default=rounds)
    if worker:
        parser.add_argument("--worker", type=int, default=0, help="files scored in this process (0: none)")
    args = parser.parse_args()
    files = sorted(args.workload.glob("xa-*.yaml"))
    if not files:
        sys.exit(f"no workload in {args.workload}: run benchmarks/make_workload.py first")
    return args, files


def measure(arguments: list[str], cache: Path | None = None) -> tuple[float, int]:
    """Wall time (s) and peak RSS of the whole process tree (KB) of `par ARGUMENTS`; exits when par fails."""
    run = measure_tree(arguments, cache)
    return run.wall, run.rss_kb


def measure_tree(arguments: list[str], cache: Path | None = None) -> Run:
    """Wall time and peak memory (RSS and PSS) of the process tree of `par ARGUMENTS`; exits when par fails.
    Results cache: `cache`, else an empty one (every run measured cold)."""
    command = [sys.executable, "-m", "par_cli", *arguments]
    with tempfile.TemporaryDirectory() as empty:
        return _measure(command, {**os.environ, "PAR_CACHE_DIR": str(cache or empty)})


def _measure(command: list[str], env: dict[str, str]) -> Run:
    peak = peak_pss = 0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers are waited for by par: counted in it
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    done = threading.Event()

    def sample() -> None:
        # Reading smaps_rollup walks each process's page tables: every 20 ms it took 7–18 % off the wall time of
        # a ranking on 2 cores (the workers use both). Often during start-up, then 4 times a second: memory
        # grows slowly after it (a national ranking runs for minutes).
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = tree_kb(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            done.wait(0.02 if time.perf_counter() - start < 1 else 0.25)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command[3:])} failed ({process.returncode}): {err.decode()[:2000]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    return Run(elapsed, peak, peak_pss, cpu)


def run_rank(workload: Path, jobs: int | None) -> Run:
    jobs_given = ["--jobs", str(jobs)] if jobs else []
    return measure_tree(["rank", str(workload), "--format", "json", "--no-cache", *jobs_given])


def bare_parse(files: list[Path]) -> float:
    return bare_parse_cpu(files)[0]


def bare_parse_cpu(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of the bare libyaml parse of `files`, in this process."""
    start, cpu = time.perf_counter(), time.process_time()
    for path in files:
        with path.open("rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start, time.process_time() - cpu


def worker_cost(files: list[Path]) -> tuple[float, float]:
    """CPU seconds a file of a ranking worker's file scorer (`services.workspace.FileScorer`: the compiled scorer
    unless `PAR_COMPILED=0`), in this process as in a worker (the collector off), and of the bare parse."""
    import gc

    from par_cli.services.workspace import FileScorer

    scorer = FileScorer()
    scorer(files[0])  # the set read and compiled once, as each worker does with its first file
    gc.disable()
    try:
        start = time.process_time()
        for path in files:
            scorer(path)
        cost = (time.process_time() - start) / len(files)
    finally:
        gc.enable()
    return cost, bare_parse_cpu(files)[1] / len(files)


def main() -> None:
    """Rounds of (bare parse of half the files, ranking, bare parse of the other half): a shared machine's speed
    drifts from minute to minute (the same bare parse took 37–54 s on the 2-core machine), so each ranking is
    compared with parses on both sides of it, and the median ratio of the rounds is the figure."""
    args, files = workload(__doc__ or "", rounds=3, worker=True)
    size = sum(p.stat().st_size for p in files)
    bare_parse(files[:50])  # warm the file cache
    half = len(files) // 2
    ratios, cpu_ratios, runs = [], [], []
    print(f"files                      {len(files)} ({size / 2**20:.1f} MB)")
    for n in range(1, args.rounds + 1):
        before, before_cpu = bare_parse_cpu(files[:half])
        run = run_rank(args.workload, args.jobs)
        after, after_cpu = bare_parse_cpu(files[half:])
        parse, parse_cpu = before + after, before_cpu + after_cpu
        ratios.append(run.wall / parse)
        cpu_ratios.append(run.cpu / parse_cpu)
        runs.append(run)
        print(
            f"round {n}: par rank {run.wall:6.2f} s, libyaml CSafeLoader parse {parse:6.2f} s (one process), ratio "
            f"{run.wall / parse:.3f}; CPU {run.cpu:6.2f} s (whole tree) against {parse_cpu:6.2f} s, "
            f"{run.cpu / parse_cpu:.3f}"
        )
    median = f"ratio (median of {len(ratios)})"
    print(f"{median:<27}{statistics.median(ratios):.2f}  (target ≤ 0.12)")
    cpu_median = f"CPU ratio (median of {len(cpu_ratios)})"
    print(f"{cpu_median:<27}{statistics.median(cpu_ratios):.2f}  (CPU of the whole tree, any cores, to the parse's)")
    pss_kb, rss_kb = max(r.pss_kb for r in runs), max(r.rss_kb for r in runs)
    print(f"peak memory (tree PSS)     {pss_kb / 1024:.0f} MB  (target ≤ 150 MB at 34,000 files)")
    print(f"peak memory (tree RSS)     {rss_kb / 1024:.0f} MB  (counts pages shared by forked workers twice)")
    if args.worker:
        cost, parse_cost = worker_cost(files[: args.worker])
        print(
            f"worker, one process        {cost * 1000:.3f} ms a file (CPU), the parse {parse_cost * 1000:.3f} ms:"
            f" {cost / parse_cost:.3f} ({min(args.worker, len(files))} files)"
        )


if __name__ == "__main__":
    main()
