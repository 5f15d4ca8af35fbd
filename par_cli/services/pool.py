"""Many files through one function in a process pool: each worker builds its own handler once (a workspace that
reads each criteria set once), files go in chunks, results come back in the files' order.

Workers are forked processes, so they start with a copy of the parent's memory; `early_workers` forks them
before the parent reads a national folder (tens of thousands of paths and kinds), so they start small."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from par_cli.io.output import files_read, forget_reading, reading
from par_cli.io.spoken import languages, spoken
from par_cli.readers.files import Listings, Remembered, file_kinds, listings, remember_kinds, take_listings, told_kinds

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

T = TypeVar("T")

SERIAL_BELOW = 48  # files: a pool costs more than it saves below this
CHUNK = 40  # files per task sent to a worker

_handler: Callable[[Path], Any] | None = None
_early: tuple[Callable[[], Any], int, ProcessPoolExecutor] | None = None  # (factory, jobs, pool) started early


def _start_worker(factory: Callable[[], Callable[[Path], Any]]) -> None:
    global _handler
    from multiprocessing.reduction import ForkingPickler

    ForkingPickler.register(Fraction, _fraction_parts)  # results sent back: each exact figure as its two ints
    _handler = factory()
    # Parsing allocates many small acyclic objects: collecting young generations while parsing costs
    # time and frees nothing. Collect after each chunk instead.
    gc.disable()


def _fraction_parts(value: Fraction) -> tuple[Callable[[int, int], Fraction], tuple[int, int]]:
    """How a worker pickles a Fraction: its numerator and denominator, not its text (`Fraction.__reduce__`), which
    the parent would parse again with a pattern, ten figures an agency."""
    return _fraction, (value.numerator, value.denominator)


def _fraction(numerator: int, denominator: int) -> Fraction:
    """The Fraction a worker had: its terms, already in lowest terms with a positive denominator, taken as they are."""
    made = object.__new__(Fraction)
    object.__setattr__(made, "_numerator", numerator)
    object.__setattr__(made, "_denominator", denominator)
    return made


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


def kinds_of(files: Sequence[Path]) -> list[str | None]:
    """`readers.files.file_kinds` of the files: read by the workers forked early (`early_workers`), a slice each,
    when there are many (the parent would read them one after another while they wait). What they remember of
    each file, and the languages of the criteria sets they read whole, are taken here as if read here."""
    if _early is None or len(files) < SERIAL_BELOW:
        return file_kinds(files)
    size = max(CHUNK, -(-len(files) // (4 * _early[1])))  # a few slices a worker: they end together
    slices = [[os.fspath(path) for path in files[start : start + size]] for start in range(0, len(files), size)]
    kinds: list[str | None] = []
    for found, told, said in _early[2].map(_tell_kinds, slices):
        kinds += found
        remember_kinds(told)
        for language in said:
            spoken(language)
    return kinds


def _tell_kinds(paths: list[str]) -> tuple[list[str | None], Remembered, list[str]]:
    kinds, told = told_kinds(paths)
    return kinds, told, languages()


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
        yield from _results(_early[2].map(_run_chunk, chunks), progress)
        return
    # What the parent holds when the workers are forked stays shared with them only while nobody writes to it:
    # the collector's passes over old objects would, page by page.
    gc.freeze()
    try:
        with _new_pool(factory, jobs) as pool:
            yield from _results(pool.map(_run_chunk, chunks), progress)
    finally:
        gc.unfreeze()


def start_files(
    files: Sequence[Path],
    factory: Callable[[], Callable[[Path], T]],
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[T]:
    """`map_files`, the files handed to the workers forked early (`early_workers`) now, not when the first result is
    asked for: the caller does other work while they are scored. As `map_files` otherwise."""
    jobs = jobs if jobs is not None else default_jobs()
    if jobs <= 1 or len(files) < SERIAL_BELOW or _early is None or _early[0] is not factory or _early[1] != jobs:
        return map_files(files, factory, jobs, progress)
    return _results(_early[2].map(_run_chunk, _chunks(files)), progress)


def _chunks(files: Sequence[Path]) -> list[tuple[list[Path], Listings]]:
    """The files in chunks, each with its folders' listings (what a worker's first file there would list)."""
    parents: dict[str, Path] = {}  # each folder by its name (a string hashes once; a national folder is one)
    named = [os.path.dirname(path) for path in files]
    for path, folder in zip(files, named, strict=True):
        if folder not in parents:
            parents[folder] = path.parent
    found = listings(dict.fromkeys(parents.values()))
    folders = {name: found.get(parent, {}) for name, parent in parents.items()}
    chunks = []
    for start in range(0, len(files), CHUNK):
        given: Listings = {}
        for folder in dict.fromkeys(named[start : start + CHUNK]):
            given.update(folders[folder])
        chunks.append((list(files[start : start + CHUNK]), given))
    return chunks


def _new_pool(factory: Callable[[], Callable[[Path], Any]], jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # not at start-up: one file never needs a pool

    return ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(factory,))


def _results(
    chunks: Iterator[tuple[list[Any], list[Path], list[str]]], progress: Callable[[int], None] | None
) -> Iterator[Any]:
    for results, read, said in chunks:
        for path in read:
            reading(path)
        for language in said:
            spoken(language)
        yield from results
        if progress:
            progress(len(results))


@contextmanager
def early_workers(factory: Callable[[], Callable[[Path], Any]], jobs: int | None, many: bool) -> Iterator[bool]:
    """Within this block, `map_files(…, factory, jobs)` uses workers forked now: call it before reading many
    files' names and kinds (`many`: there are enough files for a pool), which forked workers would otherwise
    carry a copy of. Gives whether it forked them."""
    global _early
    jobs = jobs if jobs is not None else default_jobs()
    if jobs <= 1 or not many:
        yield False
        return
    outer = _early  # a block inside another: the outer block's workers serve again after it
    with _new_pool(factory, jobs) as pool:
        pool.submit(int)  # forks every worker now (a fork pool starts them all at its first task)
        _early = (factory, jobs, pool)
        try:
            yield True
        finally:
            _early = outer
