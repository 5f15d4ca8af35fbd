"""Which language par speaks in a run: one decision, from what the user and the files say (pure: the command line
reads the environment and the system, `par_cli.cli.speech`, and hands them here).

The order: `--lang`, else `PAR_LANG`, else the criteria set's `language`, else the system's (the POSIX locale,
the Windows display language), else English.
"""

from __future__ import annotations

import functools

from par_cli.words.languages import codes, language

FALLBACK = "en"  # when nothing says which: the order ends with English


@functools.cache
def _names() -> dict[str, str]:
    """The language part of a locale name → its code, from each language file's `locales`."""
    return {name: code for code in codes() for name in (code, *language(code).locales)}


@functools.cache
def _windows() -> dict[int, str]:
    return {found: code for code in codes() if (found := language(code).windows) is not None}


def decide(asked: str | None, environment: str | None, criteria: str | None, system: str | None) -> str:
    """The language of a run: the first of these that par speaks, else English."""
    for candidate in (asked, environment, criteria, system):
        if candidate in codes():
            return candidate
    return FALLBACK


def known(value: str | None) -> str | None:
    """A language as written in `PAR_LANG` or `--lang` (`vi`, `EN `), if par speaks it; None otherwise."""
    found = (value or "").strip().lower()
    return found if found in codes() else None


def of_locale(name: str | None) -> str | None:
    """The language of a locale name: POSIX (`vi_VN.UTF-8`, `vi`, `en_US@euro`) or Windows (`Vietnamese_Vietnam.1258`,
    `vi-VN`); None for `C`, `POSIX`, an empty name or a language par does not speak."""
    base = (name or "").split(".")[0].split("@")[0].strip().lower()
    head = base.replace("-", "_").split("_")[0]
    return _names().get(head)


def of_posix(lc_all: str | None, lc_messages: str | None, lang: str | None) -> str | None:
    """The language of messages as POSIX decides it: the first of LC_ALL, LC_MESSAGES, LANG that is set."""
    for value in (lc_all, lc_messages, lang):
        if value:
            return of_locale(value)
    return None


def of_windows(langid: int | None) -> str | None:
    """The language of a Windows LANGID (`GetUserDefaultUILanguage`: 0x042A Vietnamese, 0x0409 English US)."""
    return _windows().get(langid & 0x3FF) if langid else None


def of_criteria(languages: list[str]) -> str | None:
    """The language of the criteria sets a run has read: theirs when they all agree, else none."""
    spoken = set(languages) & set(codes())
    return spoken.pop() if len(spoken) == 1 else None
