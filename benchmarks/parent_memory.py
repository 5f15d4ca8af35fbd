"""The parent process's own memory (its peak RSS, VmHWM; not its forked workers') for `par rank` cold
(`--no-cache`), `par rank` warm (every result in the cache) and `par check`, on two workloads 10× apart.

Targets (issue 31): the parent flat, ≤ 4 MB more at 3,400 files than at 340; ≤ 120 MB at 34,000.

    python benchmarks/make_workload.py --communes 340 --out /tmp/w340      # and 3,400 (the default workload)
    python -m benchmarks.parent_memory --small /tmp/w340 --large benchmarks/workload
    python -m benchmarks.parent_memory --small /tmp/w340 --large /tmp/w34k    # national scale (34,000)

Each command runs under a small wrapper (`--child`) that writes the parent's VmHWM from /proc/self/status as it
exits (forked workers exit without it); with an empty cache for cold runs and `check`, a filled one for warm.
"""

from __future__ import annotations

import argparse
import atexit
import os
import runpy
import subprocess
import sys
import tempfile
from pathlib import Path


def _child(out: str, arguments: list[str]) -> None:
    me = os.getpid()

    def said() -> None:
        if os.getpid() == me:
            status = Path("/proc/self/status").read_text().splitlines()
            peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
            Path(out).write_text(peak)

    atexit.register(said)
    sys.argv = ["par", *arguments]
    runpy.run_module("par_cli", run_name="__main__", alter_sys=True)


def parent_kb(arguments: list[str], cache: Path) -> int:
    """The parent's peak RSS (KB) of `par ARGUMENTS`, with results cache `cache`."""
    with tempfile.TemporaryDirectory() as where:
        out = Path(where) / "hwm"
        command = [sys.executable, "-m", "benchmarks.parent_memory", "--child", str(out), *arguments]
        env = {**os.environ, "PAR_CACHE_DIR": str(cache)}
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
        if done.returncode not in (0, 1):  # check: 1 when it finds errors
            sys.exit(f"par {' '.join(arguments)} failed ({done.returncode}): {done.stderr.decode()[:2000]}")
        return int(out.read_text())


def peaks(folder: Path) -> dict[str, int]:
    """The parent's peak (KB) of each command on one folder."""
    with tempfile.TemporaryDirectory() as cold, tempfile.TemporaryDirectory() as warm:
        rank = ["rank", str(folder), "--format", "json"]
        out = {"rank --no-cache": parent_kb([*rank, "--no-cache"], Path(cold))}
        parent_kb(rank, Path(warm))  # fills the cache
        out["rank (warm cache)"] = parent_kb(rank, Path(warm))
        out["check"] = parent_kb(["check", str(folder)], Path(cold))
        return out


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=Path, required=True)
    parser.add_argument("--large", type=Path, default=Path(__file__).parent / "workload")
    args = parser.parse_args()
    sizes = [len(list(folder.glob("xa-*.yaml"))) for folder in (args.small, args.large)]
    small, large = peaks(args.small), peaks(args.large)
    print(f"parent peak RSS (VmHWM)    {sizes[0]:>7,} files  {sizes[1]:>7,} files  growth     per file")
    for what in small:
        growth = large[what] - small[what]
        print(
            f"{what:<26} {small[what] / 1024:>7.1f} MB  {large[what] / 1024:>7.1f} MB  {growth / 1024:>6.1f} MB"
            f"  {growth / max(sizes[1] - sizes[0], 1) * 1024:>6.0f} B"
        )
    print("targets: growth ≤ 4 MB from 340 to 3,400 files; peak ≤ 120 MB at 34,000 files")


if __name__ == "__main__":
    main()
