"""`par check` on the 3,400-file workload (a process pool, as `par rank`) against the bare libyaml parse.

Target (issue 31): ≤ 0.25 × the bare parse on 2 cores (issue 16: 0.7). Rounds as `rank_scale.py`: each check
between two half parses (a shared machine's speed drifts), the median ratio is the figure; and the CPU seconds of
par's whole process tree against the parse's.

    python benchmarks/make_workload.py            # once
    python -m benchmarks.check_scale [--workload benchmarks/workload] [--rounds 3]
"""

from __future__ import annotations

import statistics

from benchmarks.rank_scale import bare_parse, bare_parse_cpu, measure_tree, workload


def main() -> None:
    args, files = workload(__doc__ or "", rounds=3)
    bare_parse(files[:50])  # warm the file cache
    half = len(files) // 2
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    ratios, cpu_ratios, peaks = [], [], []
    print(f"files                      {len(files)}")
    for n in range(1, args.rounds + 1):
        before, before_cpu = bare_parse_cpu(files[:half])
        run = measure_tree(["check", str(args.workload), *jobs])
        after, after_cpu = bare_parse_cpu(files[half:])
        parse, parse_cpu = before + after, before_cpu + after_cpu
        ratios.append(run.wall / parse)
        cpu_ratios.append(run.cpu / parse_cpu)
        peaks.append(run.rss_kb)
        print(
            f"round {n}: par check {run.wall:6.2f} s, libyaml CSafeLoader parse {parse:6.2f} s (one process), ratio "
            f"{run.wall / parse:.3f}; CPU {run.cpu:6.2f} s (whole tree) against {parse_cpu:6.2f} s, "
            f"{run.cpu / parse_cpu:.3f}"
        )
    median = f"ratio (median of {len(ratios)})"
    print(f"{median:<27}{statistics.median(ratios):.2f}  (target ≤ 0.25)")
    cpu_median = f"CPU ratio (median of {len(cpu_ratios)})"
    print(f"{cpu_median:<27}{statistics.median(cpu_ratios):.2f}  (CPU of the whole tree, any cores, to the parse's)")
    print(f"peak memory (tree RSS)     {max(peaks) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
