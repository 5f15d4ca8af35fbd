"""Start-up cost of `par score FILE --format json` against a bare import of the stack.

Target (issue 16; issue 2: 1.3): `par score FILE` and `par check FILE` at most 1.2 × the time of
`python -c "import typer, pydantic, yaml, rich"`.
Prints the median and minimum wall time of each over N runs, and their ratio.

Both sides run from bytecode: the stack's packages were compiled when pip installed them, so par_cli is compiled
here first (an editable install with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile it on every run).

    python benchmarks/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "spec_examples" / "so-noi-vu.yaml"


def timings(commands: list[list[str]], runs: int) -> list[list[float]]:
    """Wall times of each command, run in turn (A, B, C, A, B, C…) so that the machine's drift affects all alike."""
    for command in commands:
        subprocess.run(command, check=True, capture_output=True)  # warm the file cache and .pyc files
    out: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for times, command in zip(out, commands, strict=True):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "par_cli", quiet=1)
    baseline, score, check = timings(
        [
            [sys.executable, "-c", "import typer, pydantic, yaml, rich"],
            [sys.executable, "-m", "par_cli", "score", str(EXAMPLE), "--format", "json"],
            [sys.executable, "-m", "par_cli", "check", str(EXAMPLE)],
        ],
        args.runs,
    )
    rows = (
        ("import typer, pydantic, yaml, rich", baseline),
        ("par score FILE --format json", score),
        ("par check FILE", check),
    )
    for name, values in rows:
        print(f"{name:<38} median {statistics.median(values) * 1000:7.1f} ms   min {min(values) * 1000:7.1f} ms")
    for name, values in rows[1:]:
        ratio = statistics.median(values) / statistics.median(baseline)
        print(f"ratio {name:<32} {ratio:.2f}  (target ≤ 1.20)")


if __name__ == "__main__":
    main()
