"""The language the running command was asked for (`--lang`), for a line written from deep inside a command that
is not handed it (the results cache's warning, `services.cache`)."""

from __future__ import annotations

_chosen = ["en"]


def choose(lang: str) -> str:
    _chosen[0] = lang
    return lang


def language() -> str:
    """The language chosen last (`choose`), "en" before any."""
    return _chosen[0]
