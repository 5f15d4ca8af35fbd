"""Ranking again with the results cache: cold (empty cache), unchanged, and after editing one file of the workload,
each as a ratio to the bare libyaml parse of the same files.

Target (issue 16): ranking again after editing one file of the 3,400 ≤ 0.05 × the bare parse.

    python benchmarks/make_workload.py            # once
    python benchmarks/cache_rerank.py [--workload benchmarks/workload]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.rank_scale import bare_parse, measure, workload


def main() -> None:
    args, files = workload(__doc__ or "")
    bare_parse(files[:50])
    parse = bare_parse(files)
    rank = ["rank", str(args.workload), "--format", "json"]
    edited, original = files[len(files) // 2], files[len(files) // 2].read_bytes()
    with tempfile.TemporaryDirectory() as cache:
        cold, cold_kb = measure(rank, Path(cache))
        warm, warm_kb = measure(rank, Path(cache))
        try:
            edited.write_bytes(original + b"# edited\n")
            one, one_kb = measure(rank, Path(cache))
        finally:
            edited.write_bytes(original)
    print(f"files                          {len(files)}")
    print(f"libyaml CSafeLoader parse      {parse:.2f} s (one process)")
    print(f"rank, empty cache              {cold:.2f} s  ratio {cold / parse:.3f}  {cold_kb / 1024:.0f} MB")
    print(f"rank again, nothing changed    {warm:.2f} s  ratio {warm / parse:.3f}  {warm_kb / 1024:.0f} MB")
    edited_line = f"rank again, one file edited    {one:.2f} s  ratio {one / parse:.3f}"
    print(f"{edited_line}  (target ≤ 0.05)  {one_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
