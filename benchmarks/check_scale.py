"""`par check` on the 3,400-file workload (a process pool, as `par rank`) against the bare libyaml parse.

Target (issue 31): ≤ 0.25 × the bare parse on 2 cores (issue 16: 0.7).

    python benchmarks/make_workload.py            # once
    python -m benchmarks.check_scale [--workload benchmarks/workload]
"""

from __future__ import annotations

from benchmarks.rank_scale import bare_parse, measure, workload


def main() -> None:
    args, files = workload(__doc__ or "")
    bare_parse(files[:50])
    parse = bare_parse(files)
    wall, peak_kb = measure(["check", str(args.workload)])
    print(f"files                      {len(files)}")
    print(f"libyaml CSafeLoader parse  {parse:.2f} s (one process)")
    print(
        f"par check (wall)           {wall:.2f} s  ratio {wall / parse:.2f}  (target ≤ 0.25)  {peak_kb / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
