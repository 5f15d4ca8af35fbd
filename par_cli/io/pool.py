"""Many files through one function in a process pool: each worker builds its own handler once (a workspace that
reads each criteria set once), files go in chunks, results come back in the files' order."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

SERIAL_BELOW = 48  # files: a pool costs more than it saves below this
CHUNK = 40  # files per task sent to a worker

_handler: Callable[[Path], Any] | None = None


def _start_worker(factory: Callable[[], Callable[[Path], Any]]) -> None:
    global _handler
    _handler = factory()
    # Parsing allocates many small acyclic objects: collecting young generations while parsing costs
    # time and frees nothing. Collect after each chunk instead.
    gc.disable()


def _run_chunk(paths: list[Path]) -> list[Any]:
    assert _handler is not None
    results = [_handler(path) for path in paths]
    gc.collect(1)
    return results


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def map_files(
    files: Sequence[Path],
    factory: Callable[[], Callable[[Path], T]],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[T]:
    """`factory()(path)` for every file, in order; in a process pool when there are many files and cores.
    `factory` must be picklable (a class or a `functools.partial` of one)."""
    jobs = jobs if jobs is not None else default_jobs()
    if jobs <= 1 or len(files) < SERIAL_BELOW:
        handler = factory()
        for path in files:
            yield handler(path)
            if progress:
                progress(1)
        return
    from concurrent.futures import ProcessPoolExecutor  # not at start-up: one file never needs a pool

    chunks = [list(files[i : i + CHUNK]) for i in range(0, len(files), CHUNK)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(factory,)) as pool:
        for results in pool.map(_run_chunk, chunks):
            yield from results
            if progress:
                progress(len(results))
