"""The language codes a criteria set may name (`language:`), the default first.

The core names no language: the words layer knows them (one catalogue file per language) and provides them here
when `par_cli` is imported (`par_cli.words.languages`)."""

from __future__ import annotations

from collections.abc import Callable

_source: list[Callable[[], tuple[str, ...]]] = []


def provide(source: Callable[[], tuple[str, ...]]) -> None:
    _source[:] = [source]


def codes() -> tuple[str, ...]:
    """Every language code, the default first."""
    if not _source:
        raise RuntimeError("no languages provided (par_cli.words.languages provides them)")
    return _source[0]()
