"""Linear in size: the parent's bulk work at two sizes 10× apart, and the time ratio (linear is 10; target ≤ 11).

In-process, on generated scored agencies (`Entry` objects as the workers send them: 8 areas, 12 one-step gains
and losses, and for `gaps` 200 node figures each): scoring files at 34,000 would take minutes and is measured by
`rank_scale.py`. Each case runs in a fresh process (its peak memory and the collector's state its own):

- `rank --group-by none`: one national group ranked, its report built and written as JSON;
- `trend`: 3 periods, each ranked and kept as the next looks back at it, then the lines, report and JSON
  (and the peak memory per agency-period: the process's peak RSS above its RSS before the periods, / n × 3);
- `gaps`: the tally of every agency's nodes, the report and JSON;
- `rank --robustness`: the ranking with its possible ranks (K = 3), the report and JSON;
- `rank --format docx|xlsx|html`: the annex, workbook and page (default sizes 340 and 3,400 rows).

With `--files SMALL LARGE` (two folders of `make_workload.py`, e.g. 3,400 and 34,000 files) it also times the
whole `par rank FOLDER --group-by none --format json`, cold (empty results cache, once) and warm (again, unchanged:
the median of `--rounds`). Each figure is given as wall time and CPU time (the process's own, and its workers'
in the whole runs): on a machine shared with other work, the CPU ratio is the steadier.

    python -m benchmarks.linear_scale [--size 3400] [--rows 340] [--rounds 3] [--files SMALL LARGE]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from par_cli.core.ranking import Entry, NodeFigure

AREAS = 8
CRITERIA = 4  # per area
LEAVES = 5  # per criterion: 8 × (1 + 4 × (1 + 5)) = 200 nodes
STEPS = (Fraction(1, 8), Fraction(1, 4), Fraction(1, 2), Fraction(1, 20))


def entries(count: int, seed: int, nodes: bool = False, period: str = "2024") -> list[Entry]:
    """`count` communes of one group, scored (their figures random, exact, in the workload's steps)."""
    chance = random.Random(seed)
    out = []
    for n in range(count):
        maximum = Fraction(chance.randrange(9000, 10001), 100)  # what applies of 100 (N/A leaves left out)
        points = Fraction(chance.randrange(2000, 3900), 40) * maximum / 100
        index = points * 100 / maximum
        areas = tuple((f"{a}", f"Lĩnh vực {a}", Fraction(chance.randrange(4000, 10000), 100)) for a in range(1, 9))
        moves = tuple(sorted((chance.choice(STEPS) for _ in range(12)), reverse=True))
        name = f"Xã {n:05d}"
        grades = ("Tốt", "Khá", "Trung bình", "Yếu")
        out.append(
            Entry(f"xa-{n:05d}", name, "bench", (), "bench-communes", "Bench", period, 2, "vi", grades, points,
                  maximum, index, "Khá", areas, f"xa-{n:05d}.yaml", gains=moves, losses=moves,
                  self_index=index + chance.choice(STEPS), nodes=_nodes(chance) if nodes else ())
        )  # fmt: skip
    return out


def _nodes(chance: random.Random) -> tuple[NodeFigure, ...]:
    out: list[NodeFigure] = []
    for a in range(1, AREAS + 1):
        out.append((f"{a}", f"Lĩnh vực {a}", 1, Fraction(12), Fraction(10)))
        for c in range(1, CRITERIA + 1):
            out.append((f"{a}.{c}", f"Tiêu chí {a}.{c}", 2, Fraction(3), Fraction(5, 2)))
            for leaf in range(1, LEAVES + 1):
                top = Fraction(1, 2)
                out.append((f"{a}.{c}.{leaf}", f"Tiêu chí {a}.{c}.{leaf}", 3, top, top * chance.randrange(0, 9) / 8))
    return tuple(out)


class Both(NamedTuple):
    """A case's wall time and its process's CPU time (the machine may be shared: CPU is the steadier)."""

    wall: float
    cpu: float

    def __add__(self, other: object) -> Both:
        assert isinstance(other, Both)
        return Both(self.wall + other.wall, self.cpu + other.cpu)

    def __sub__(self, other: Both) -> Both:
        return Both(self.wall - other.wall, self.cpu - other.cpu)


def _clock() -> Both:
    return Both(time.perf_counter(), time.process_time())


def _written(report: object, fmt: str) -> None:
    """The report written: a JSON of streamed rows comes as an iterator of pieces, each made as it is taken."""
    from collections.abc import Iterator

    from par_cli.writers import write

    out = write(report, fmt)  # type: ignore[arg-type]
    if isinstance(out, Iterator):
        for _ in out:
            pass


def case_rank_none(n: int) -> Both:
    from par_cli.core.ranking import rank
    from par_cli.views.rank import report

    found = entries(n, 1)
    start = _clock()
    _written(report(rank(found, "none")), "json")
    return _clock() - start


def case_trend(n: int) -> Both:
    from par_cli.core.ranking import past_of, rank
    from par_cli.core.trend import trend
    from par_cli.views.trend import report

    took = Both(0.0, 0.0)
    periods = []
    for p, label in enumerate(("2023", "2024", "2025")):
        found = entries(n, p, period=label)  # what the workers send for one period; dropped once it is ranked
        start = _clock()
        periods.append(past_of(rank(found, "group"), label, label))
        took += _clock() - start
        del found
    start = _clock()
    _written(report(trend(periods), True, "vi"), "json")
    return took + _clock() - start


def case_gaps(n: int) -> Both:
    from par_cli.core.gaps import GapTally
    from par_cli.views.gaps import report

    found = entries(n, 1, nodes=True)
    start = _clock()
    tally = GapTally()
    for entry in found:
        tally.take(entry)
    _written(report(tally.result()), "json")
    return _clock() - start


def case_robustness(n: int) -> Both:
    from par_cli.core.ranking import rank
    from par_cli.views.rank import report

    found = entries(n, 1)
    start = _clock()
    _written(report(rank(found, "group"), robust=3), "json")
    return _clock() - start


def _format_case(fmt: str) -> Callable[[int], Both]:
    def case(n: int) -> Both:
        from par_cli.core.ranking import rank
        from par_cli.views.rank import report

        found = entries(n, 1)
        start = _clock()
        _written(report(rank(found, "group"), lang="vi"), fmt)
        return _clock() - start

    return case


CASES: dict[str, Callable[[int], Both]] = {
    "rank --group-by none": case_rank_none,
    "trend (3 periods)": case_trend,
    "gaps": case_gaps,
    "rank --robustness": case_robustness,
    "rank --format docx": _format_case("docx"),
    "rank --format xlsx": _format_case("xlsx"),
    "rank --format html": _format_case("html"),
}


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def child(name: str, n: int) -> None:
    """One case in this process: prints its seconds and the peak RSS above the RSS before it (KB), as JSON. The
    collector is off, as `par` has it around these phases (`par_cli.io.collector`; `LINEAR_GC=on`: left on)."""
    import par_cli.views.rank
    import par_cli.views.trend  # noqa: F401  (the imports are not the case's work)
    from par_cli.io.collector import bulk

    before = _rss_kb()
    with bulk() if os.environ.get("LINEAR_GC") != "on" else contextlib.nullcontext():
        took = CASES[name](n)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": took.wall, "cpu": took.cpu, "grown_kb": peak - before}))


def _run(name: str, n: int) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.linear_scale", "--case", name, "--n", str(n)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ)
    if done.returncode:
        sys.exit(f"{name} at {n} failed: {done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def _par(folder: Path, cache: Path) -> tuple[float, float]:
    """The run's wall time and CPU time (its own and its workers', user + system)."""
    command = [sys.executable, "-m", "par_cli", "rank", str(folder), "--group-by", "none", "--format", "json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env={**os.environ, "PAR_CACHE_DIR": str(cache)})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def whole(small: Path, large: Path, rounds: int) -> None:
    """Cold once (an empty results cache), then warm `rounds` times (the median): wall and CPU time, the ratios."""
    sizes = [len(list(folder.glob("xa-*.yaml"))) for folder in (small, large)]
    cold, warm = [], []
    for folder in (small, large):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(_par(folder, Path(cache)))
            runs = [_par(folder, Path(cache)) for _ in range(rounds)]
            warm.append((statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)))
    for what, times in (("cold", cold), ("warm", warm)):
        label = f"par rank --group-by none, {what}"
        (low, low_cpu), (high, high_cpu) = times
        print(f"{label:<34} {sizes[0]:>6} files {low:7.2f} s  {sizes[1]:>6} files {high:7.2f} s  "
              f"ratio {high / low:5.2f}, CPU {low_cpu:6.2f} → {high_cpu:6.2f} s ratio {high_cpu / low_cpu:5.2f}"
              f"  (size ratio {sizes[1] / sizes[0]:.1f}; target ≤ 11)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=3400, help="the smaller size (the larger is 10×)")
    parser.add_argument("--rows", type=int, default=340, help="the smaller size of the docx, xlsx and html cases")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default=None, help="only the cases whose name contains this")
    parser.add_argument("--files", type=Path, nargs=2, metavar=("SMALL", "LARGE"), default=None)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        child(args.case, args.n)
        return
    print(f"load average {os.getloadavg()[0]:.2f}; median of {args.rounds} rounds; linear is 10, target ≤ 11")
    for name in CASES:
        if args.only and args.only not in name:
            continue
        small = args.rows if "--format" in name else args.size
        ratios, cpu, times, grown = [], [], [], []
        for _ in range(args.rounds):
            low, high = _run(name, small), _run(name, small * 10)
            ratios.append(high["seconds"] / low["seconds"])
            cpu.append(high["cpu"] / low["cpu"])
            times.append((low["seconds"], high["seconds"]))
            grown.append((low["grown_kb"] / small, high["grown_kb"] / (small * 10)))
        low_s, high_s = (statistics.median(t[k] for t in times) for k in (0, 1))
        print(f"{name:<22} {small:>6}: {low_s:7.3f} s  {small * 10:>6}: {high_s:7.3f} s  "
              f"ratio {statistics.median(ratios):5.2f}  CPU ratio {statistics.median(cpu):5.2f}")  # fmt: skip
        if name.startswith("trend"):
            low_kb, high_kb = (statistics.median(g[k] for g in grown) / 3 for k in (0, 1))
            print(f"{'':<22} peak memory above the start per agency-period: {low_kb:7.1f} KB  {high_kb:7.1f} KB"
                  "  (target: flat)")  # fmt: skip
    if args.files:
        whole(args.files[0], args.files[1], args.rounds)


if __name__ == "__main__":
    main()
