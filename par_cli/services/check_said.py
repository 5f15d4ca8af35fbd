"""`par check`'s diagnostics worded where their file is checked (a worker process), so that the parent of a folder's
check only orders and writes them (issue 31: it worded ~60,000 lines one by one while the workers waited).

A file's own diagnostics go back in the report's order (`core.diagnostics.order`), each once, each with its order
key and its words as the streamed report prints them (`core.check_report.Worded`): the text format's located line,
or github's message with its hint, in the language the worker decides with what it has read (`Tongue.now`: the
parent decides the same at its first line but for odd runs, criteria sets of two languages for one). For those
odd lines the parent checks the file again itself and words its diagnostics (`kept`): a language decided
otherwise, or a diagnostic found elsewhere at the same place and with the same words as one of the file's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from par_cli.core.check_report import Worded
from par_cli.core.diagnostics import Diagnostic, Level, Msg, order
from par_cli.core.named_tuple import NamedTuple
from par_cli.words.catalogue import hinted, line, text
from par_cli.words.codes import level_of

Key = tuple[Any, ...]


class Saying(NamedTuple):
    """What a worker words with: the run's language as known now, `--strict`, and which words (github's, else
    the text format's line)."""

    now: Callable[[], str]
    strict: bool
    hinted: bool


class Said(NamedTuple):
    """One assessment file's own diagnostics, worded in `lang`: `keys[i]` orders `items[i]`; `error`: one of them
    is an error (before `--strict`); `path`: the file (to check it again: the diagnostics `kept` give the same)."""

    lang: str
    keys: tuple[Key, ...]
    items: tuple[Worded, ...]
    error: bool
    path: str


_TEXTS: dict[tuple[str, str, str], str] = {}  # a message in words: a folder's files say the same ones often


def _message(message: Msg, key: Key, lang: str) -> str:
    """A message in words, by its id and its arguments' `repr` (its order key's: `Decimal('0.50')` and
    `Fraction(1, 2)` are equal, and hash alike, but are not worded alike)."""
    known = (key[2], key[3], lang)
    found = _TEXTS.get(known)
    if found is None:
        if len(_TEXTS) >= 20_000:  # messages with free text do not repeat: memory stays bounded (~5 MB)
            _TEXTS.clear()
        found = _TEXTS[known] = text(message, lang)
    return found


def kept(name: str, found: Sequence[Diagnostic]) -> tuple[list[Key], list[Diagnostic], list[Diagnostic]]:
    """The diagnostics of file `name` in the report's order, each once, with their order keys; and those found in
    other files (as they are)."""
    own: list[tuple[Key, int, Diagnostic]] = []
    elsewhere: list[Diagnostic] = []
    for n, diagnostic in enumerate(found):
        if diagnostic.where.file == name:
            own.append((order(diagnostic), n, diagnostic))
        else:
            elsewhere.append(diagnostic)
    own.sort()
    keys: list[Key] = []
    out: list[Diagnostic] = []
    same: list[Diagnostic] = []  # those kept with the last key: a diagnostic twice is said once
    for key, _, diagnostic in own:
        if keys and key == keys[-1]:
            if diagnostic in same:
                continue
        else:
            same = []
        same.append(diagnostic)
        keys.append(key)
        out.append(diagnostic)
    return keys, out, elsewhere


def said(path: str, name: str, found: Sequence[Diagnostic], saying: Saying) -> tuple[Said, list[Diagnostic]]:
    """The diagnostics of file `name` (at `path`) worded (`Said`), and those found in other files (as they are)."""
    keys, kept_here, elsewhere = kept(name, found)
    lang = saying.now() if kept_here else "en"
    items = []
    error = False
    for key, diagnostic in zip(keys, kept_here, strict=True):
        level = level_of(diagnostic)
        error = error or level is Level.ERROR
        if saying.strict and level is Level.WARNING:
            level = Level.ERROR
            diagnostic = diagnostic._replace(level=level)
        where = diagnostic.where
        message = _message(diagnostic.message, key, lang)
        words = hinted(diagnostic, lang, message) if saying.hinted else line(diagnostic, lang, True, message)
        items.append(
            Worded(
                where.file,
                where.line,
                where.col,
                level,
                diagnostic.code,
                "" if saying.hinted else words,
                words if saying.hinted else "",
            )
        )
    return Said(lang, tuple(keys), tuple(items), error, path), elsewhere
