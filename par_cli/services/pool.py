"""Many files through one function in a process pool: each worker builds its own handler once (a workspace that
reads each criteria set once), files go in chunks, results come back in the files' order.

Workers are forked processes, so they start with a copy of the parent's memory; `early_workers` forks them
before the parent reads a national folder (tens of thousands of paths and kinds), so they start small."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from par_cli.io.output import files_read, forget_reading, reading
from par_cli.io.spoken import languages, spoken
from par_cli.readers.files import Listings, listings, take_listings

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")

SERIAL_BELOW = 48  # files: a pool costs more than it saves below this
CHUNK = 40  # files per task sent to a worker

_handler: Callable[[Path], Any] | None = None
_early: tuple[Callable[[], Any], int, ProcessPoolExecutor] | None = None  # (factory, jobs, pool) started early


def _start_worker(factory: Callable[[], Callable[[Path], Any]]) -> None:
    global _handler
    _handler = factory()
    # Parsing allocates many small acyclic objects: collecting young generations while parsing costs
    # time and frees nothing. Collect after each chunk instead.
    gc.disable()


def _run_chunk(task: tuple[list[Path], Listings]) -> tuple[list[Any], list[Path], list[str]]:
    """The chunk's results, and the other files its work read (a criteria set found by its id, an appraisal
    file): the parent's output guard must know them as if it had read them itself; and the languages of the
    criteria sets read, which the parent's messages follow (`readers.files.languages`)."""
    assert _handler is not None
    paths, listings = task
    take_listings(listings)
    forget_reading()
    results = [_handler(path) for path in paths]
    gc.collect(1)
    chunk = set(paths)
    return results, [path for path in files_read() if path not in chunk], languages()


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
    chunks = _chunks(files)
    if _early is not None and _early[0] is factory and _early[1] == jobs:
        yield from _results(_early[2], chunks, progress)
        return
    # What the parent holds when the workers are forked stays shared with them only while nobody writes to it:
    # the collector's passes over old objects would, page by page.
    gc.freeze()
    try:
        with _new_pool(factory, jobs) as pool:
            yield from _results(pool, chunks, progress)
    finally:
        gc.unfreeze()


def _chunks(files: Sequence[Path]) -> list[tuple[list[Path], Listings]]:
    """The files in chunks, each with its folders' listings (what a worker's first file there would list)."""
    folders = listings(dict.fromkeys(path.parent for path in files))
    chunks = []
    for start in range(0, len(files), CHUNK):
        paths = list(files[start : start + CHUNK])
        given: Listings = {}
        for folder in dict.fromkeys(path.parent for path in paths):
            given.update(folders.get(folder, {}))
        chunks.append((paths, given))
    return chunks


def _new_pool(factory: Callable[[], Callable[[Path], Any]], jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # not at start-up: one file never needs a pool

    return ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(factory,))


def _results(
    pool: ProcessPoolExecutor, chunks: list[tuple[list[Path], Listings]], progress: Callable[[int], None] | None
) -> Iterator[Any]:
    for results, read, said in pool.map(_run_chunk, chunks):
        for path in read:
            reading(path)
        for language in said:
            spoken(language)
        yield from results
        if progress:
            progress(len(results))


@contextmanager
def early_workers(factory: Callable[[], Callable[[Path], Any]], jobs: int | None, many: bool) -> Iterator[None]:
    """Within this block, `map_files(…, factory, jobs)` uses workers forked now: call it before reading many
    files' names and kinds (`many`: there are enough files for a pool), which forked workers would otherwise
    carry a copy of."""
    global _early
    jobs = jobs if jobs is not None else default_jobs()
    if jobs <= 1 or not many:
        yield
        return
    outer = _early  # a block inside another: the outer block's workers serve again after it
    with _new_pool(factory, jobs) as pool:
        pool.submit(int)  # forks every worker now (a fork pool starts them all at its first task)
        _early = (factory, jobs, pool)
        try:
            yield
        finally:
            _early = outer
