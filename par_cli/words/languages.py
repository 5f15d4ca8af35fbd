"""The languages par speaks: one catalogue file each, `languages/<code>.toml`, that a translator edits alone.

A file holds a `[language]` table (its code, name, place in lists, how it writes figures) and then every text
par shows, by id, in tables that only group them (`[messages]`, `[hints]`, `[labels]`…): ids are unique across
them. `[older-titles]` lists titles of earlier forms still read back. Adding a language is adding one file: the
list of languages (`codes`), the criteria files' `language:` and `par --lang` are built from the files present.

PAR_LANGUAGES may name a folder of more language files (read after the bundled ones; a code there replaces
the bundled file of that code): the tests' pseudo-language comes in this way.

A file is parsed (tomllib) once, and kept compiled next to it (`__pycache__/<code>.toml.marshal`, keyed by the
file's size and time) as Python keeps its bytecode: parsing costs ~10 ms a run, the compiled copy ~0.3 ms.
"""

from __future__ import annotations

import functools
import marshal
import os
from typing import Any, NamedTuple

FOLDER = os.path.join(os.path.dirname(__file__), "languages")
EXTRA = "PAR_LANGUAGES"  # a folder of more language files
_HEAD, _OLDER = "language", "older-titles"
_FORMAT = 2  # of the compiled copy
SOURCE = "en"  # the language the command line's help and click's own words are written in, in the code
MACHINE = "en"  # the language of texts inside JSON and SARIF records, whatever --lang: other programs read them


class Language(NamedTuple):
    code: str
    name: str
    order: int  # where it stands in lists; the first is a criteria set's default language
    decimal: str  # the decimal separator: 88.52 / 88,52
    group: str  # between thousands: 1,234 / 1.234
    group_in_messages: bool  # figures inside messages grouped (1.234,5) or as a file writes them (1234.5)
    locales: tuple[str, ...]  # the language part of a locale's name that means it: `vi`, `vietnamese`
    windows: int | None  # the primary language id of a Windows LANGID (0x2A Vietnamese)
    words: dict[str, str]  # id → text
    older: dict[str, list[str]]  # id → titles of earlier forms, still read back


@functools.cache
def files() -> dict[str, str]:
    """Language code → its file: the bundled ones, then those of the PAR_LANGUAGES folder."""
    found: dict[str, str] = {}
    for folder in (FOLDER, os.environ.get(EXTRA)):
        if folder and os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                code, _, suffix = name.rpartition(".")  # (a catalogue, not an input file: not io.suffixes')
                if suffix == "toml" and code:
                    found[code] = os.path.join(folder, name)
    return found


@functools.cache
def codes() -> tuple[str, ...]:
    """Every language code, the default (a criteria set's when it names none) first."""
    return tuple(sorted(files(), key=lambda code: (language(code).order, code)))


def default() -> str:
    return codes()[0]


@functools.cache
def language(code: str) -> Language:
    data = _compiled(files()[code])
    head = data[_HEAD]
    return Language(
        code,
        head["name"],
        head["order"],
        head["decimal"],
        head["group"],
        head["group-in-messages"],
        tuple(head.get("locales", (code,))),
        head.get("windows"),
        data["words"],
        data[_OLDER],
    )


def words(code: str) -> dict[str, str]:
    """Every text of a language, by id."""
    return language(code).words


def every(key: str) -> tuple[str, ...]:
    """A text in every language, the default's first, then the older titles: all that a reader takes back."""
    out = [words(code)[key] for code in codes()]
    for code in codes():
        out += language(code).older.get(key, [])
    return tuple(out)


def _compiled(path: str) -> dict[str, Any]:
    stat = os.stat(path)
    key = (_FORMAT, stat.st_size, stat.st_mtime_ns)
    cache = os.path.join(os.path.dirname(path), "__pycache__", os.path.basename(path) + ".marshal")
    try:
        with open(cache, "rb") as file:
            stored, data = marshal.load(file)
        if stored == key:
            return data  # type: ignore[no-any-return]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = parse(path)
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        partial = f"{cache}.{os.getpid()}"
        with open(partial, "wb") as file:
            marshal.dump((key, data), file)
        os.replace(partial, cache)
    except OSError:  # a read-only install: parsed on every run, still right
        pass
    return data


def parse(path: str) -> dict[str, Any]:
    """A language file as {language: its table, words: id → text, older-titles: id → titles}."""
    import tomllib

    with open(path, "rb") as file:
        data = tomllib.load(file)
    head, older = data.pop(_HEAD), data.pop(_OLDER, {})
    flat: dict[str, str] = {}
    for table, entries in data.items():
        for key, value in entries.items():
            if key in flat:
                raise ValueError(f"{path}: id '{key}' is in [{table}] and in another table")
            if not isinstance(value, str):
                raise ValueError(f"{path}: [{table}] {key} is not a text")
            flat[key] = value
    return {_HEAD: head, "words": flat, _OLDER: older}
