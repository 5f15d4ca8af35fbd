"""Start-up cost of `par score FILE` and `par check FILE` against a bare import of the stack.

Target (issue 16; issue 2: 1.3; issue 31 for the large file and the table): `par score FILE` and `par check FILE`
at most 1.2 × the time of `python -c "import typer, pydantic, yaml, rich"`, on the small example and on a 29 KB
commune file (`benchmarks/make_workload.py`'s, with its criteria set beside it, made in a temporary folder), with
JSON and with the default table (written to a pipe).
Prints the median and minimum wall time of each over N runs and its median CPU time (user and system: a loaded
machine moves it less than the wall time), and each median's ratio to the stack's.

The criteria set is found built (`services.criteria_cache`: kept by the warm-up run, as by any earlier run with
it, in a cache folder of its own here); `--no-cache` shows the set built afresh (a first run, or one after an
upgrade of par).

Both sides run from bytecode: the stack's packages were compiled when pip installed them, so par_cli is compiled
here first (an editable install with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile it on every run).

    python benchmarks/startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.make_workload import assessment_text, criteria_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "spec_examples" / "so-noi-vu.yaml"


def large_file(folder: Path) -> Path:
    """A commune's assessment of about 29 KB (the first of the workload's that size) beside its criteria set."""
    (folder / "criteria.yaml").write_text(criteria_text(), encoding="utf-8")
    rnd = random.Random(2024)
    text = min((assessment_text(n, rnd) for n in range(1, 41)), key=lambda t: abs(len(t.encode()) - 29 * 1024))
    path = folder / "xa-29kb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _children_cpu() -> float:
    """CPU seconds (user and system) of the child processes waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timings(commands: list[list[str]], runs: int) -> tuple[list[list[float]], list[list[float]]]:
    """Wall times and CPU times (user and system) of each command, run in turn (A, B, C, A, B, C…) so that the
    machine's drift affects all alike. Output goes to a pipe, read as it comes."""
    for command in commands:
        subprocess.run(command, check=True, capture_output=True)  # warm the file cache and .pyc files
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for wall, cpu, command in zip(walls, cpus, commands, strict=True):
            before = _children_cpu()
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            wall.append(time.perf_counter() - start)
            cpu.append(_children_cpu() - before)
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "par_cli", quiet=1)
    par = [sys.executable, "-m", "par_cli"]
    with tempfile.TemporaryDirectory() as folder:
        large = large_file(Path(folder))
        kb = large.stat().st_size / 1024
        rows = [
            ("import typer, pydantic, yaml, rich", [sys.executable, "-c", "import typer, pydantic, yaml, rich"]),
            ("par score FILE --format json", [*par, "score", str(EXAMPLE), "--format", "json"]),
            ("par check FILE", [*par, "check", str(EXAMPLE)]),
            (f"par score {kb:.0f}KB --format json", [*par, "score", str(large), "--format", "json"]),
            (f"par score {kb:.0f}KB (table)", [*par, "score", str(large)]),
            (f"par check {kb:.0f}KB", [*par, "check", str(large)]),
            (f"par score {kb:.0f}KB json --no-cache", [*par, "score", str(large), "--format", "json", "--no-cache"]),
        ]
        os.environ["PAR_CACHE_DIR"] = str(Path(folder) / "cache")  # not the user's cache
        times, cpus = timings([command for _, command in rows], args.runs)
    baseline, cpu_baseline = statistics.median(times[0]), statistics.median(cpus[0])
    for (name, _), values, cpu in zip(rows, times, cpus, strict=True):
        median, least, spent = statistics.median(values) * 1000, min(values) * 1000, statistics.median(cpu) * 1000
        print(f"{name:<38} median {median:7.1f} ms   min {least:7.1f} ms   CPU {spent:7.1f} ms")
    for (name, _), values, cpu in zip(rows[1:], times[1:], cpus[1:], strict=True):
        ratio, cpu_ratio = statistics.median(values) / baseline, statistics.median(cpu) / cpu_baseline
        print(f"ratio {name:<32} {ratio:.2f}  (target ≤ 1.20; CPU time {cpu_ratio:.2f})")


if __name__ == "__main__":
    main()
