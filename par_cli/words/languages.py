"""The languages par speaks: one catalogue file each. The core learns their codes from here (`core.languages`)."""

from __future__ import annotations


def codes() -> tuple[str, ...]:
    """Every language code, the default (a criteria set's when it names none) first."""
    from par_cli.words.labels import LANGUAGES

    return LANGUAGES
