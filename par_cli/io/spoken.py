"""The languages of the criteria sets a run read, for its messages to follow (`cli.speech`): each criteria file
read says its `language` (`readers.files.read_document`, even a set its checks refuse), each result taken from
the cache its set's (`services.batch.score_cached`), and worker processes hand theirs to the parent
(`services.pool`)."""

from __future__ import annotations

_SPOKEN: dict[str, None] = {}  # in the order read


def spoken(language: object) -> None:
    """A criteria set read says it is in `language`."""
    if isinstance(language, str):
        _SPOKEN[language] = None


def languages() -> list[str]:
    """The languages of the criteria sets this run read, here and in its worker processes."""
    return list(_SPOKEN)


def forget_languages() -> None:
    """A new command (one process may run several: tests, IDEs)."""
    _SPOKEN.clear()
