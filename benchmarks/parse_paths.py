"""The two ways par reads a YAML file, against a bare libyaml load of the same files, in one process.

The fast path (`io/yaml_fast`: the plain subset read straight from the text, answers decoded as JSON) is what
`par rank` and `par check` on a folder use; the located path (libyaml's node tree and one walk) reads one file,
and any file the fast path declines. Each is timed in turn over the same files, several rounds, with the cyclic
collector off as in rank's workers, and printed as a ratio to the bare `yaml.load(…, CSafeLoader)`, with the
share of the files the fast path read.

    python benchmarks/make_workload.py     # once: 3,400 commune files in benchmarks/workload/
    python -m benchmarks.parse_paths [--workload benchmarks/workload] [--files 400] [--rounds 5]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from par_cli.core.numbers import TextNumber
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.source import parse


def seconds(work: Callable[[bytes], object], raws: list[bytes]) -> float:
    start = time.perf_counter()
    for raw in raws:
        work(raw)
    gc.collect(1)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workload", type=Path, default=Path(__file__).parent / "workload")
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = sorted(args.workload.glob("xa-*.yaml"))[: args.files]
    if not files:
        raise SystemExit(f"no workload in {args.workload}: run benchmarks/make_workload.py first")
    raws = [path.read_bytes() for path in files]
    read = sum(yaml_fast.values(raw.decode("utf-8"), TextNumber) is not None for raw in raws)
    ways: dict[str, Callable[[bytes], object]] = {
        "bare": lambda raw: yaml.load(raw, Loader=yaml.CSafeLoader),
        "located": lambda raw: parse(raw, "f.yaml"),
        "fast": lambda raw: parse(raw, "f.yaml", fast=yaml_fast.values),
    }
    gc.disable()
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(args.rounds):
        for name, work in ways.items():
            times[name].append(seconds(work, raws))
    gc.enable()
    bare = statistics.median(times["bare"])
    print(f"files                          {len(files)} (the fast path read {read})")
    for name in ways:
        each = statistics.median(times[name]) / len(files) * 1000
        print(f"{name:<8} per file (median)      {each:.2f} ms  ratio {statistics.median(times[name]) / bare:.2f}")


if __name__ == "__main__":
    main()
