"""Scoring many files with the results cache (`services.cache`): files scored before under the same key are read
back, a window at a time, in the files' order; only the others are scored (in a process pool when many)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from par_cli.io.spoken import spoken
from par_cli.readers.files import display
from par_cli.services.pool import map_files

if TYPE_CHECKING:
    from par_cli.services.batch import FileScoring, Outcome, ScorerFactory

WINDOW = 500  # kept results read from the cache at a time


def score_cached(
    files: Sequence[Path],
    factory: ScorerFactory,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """`batch.score_files`, with the results of files scored before under the same key taken from the cache
    (`services.cache`) and only the others scored; results without problems are kept for the next run."""
    options = factory().cache_options() if files else None
    if options is None:
        yield from map_files(files, factory, jobs, progress)
        return
    from par_cli.services.cache import Context, ResultCache, still_valid
    from par_cli.services.criteria import search_folders

    context, store = Context(options, search_folders), ResultCache()
    contents = store.digests(files)
    keys = {path: context.key(path, display(path), contents[path]) for path in files}
    del contents
    held = store.kept(keys.values())  # read a window at a time below: a national folder's results are not all held
    misses = [path for path in files if keys[path] not in held]
    if progress is not None and len(misses) < len(files):
        progress(len(files) - len(misses))
    scored = map_files(misses, factory, jobs, progress)
    alone: FileScoring | None = None  # scores here a kept result found stale as it is read (rare)
    for start in range(0, len(files), WINDOW):
        window = files[start : start + WINDOW]
        kept = store.get_many(keys[path] for path in window if keys[path] in held)
        for path in window:
            found = kept.pop(keys[path], None)  # handed on, not held: the caller keeps what it needs
            if keys[path] not in held:
                found_now = next(scored)
            elif found is None or not still_valid(found):
                alone = alone or factory()
                found_now = alone(path)
            else:
                spoken(found.language)  # as if its set were read: the run's messages follow it (`readers.files`)
                yield found
                continue
            if not isinstance(found_now, tuple):
                store.put(keys[path], found_now)
            yield found_now
    store.flush()
    store.close()
