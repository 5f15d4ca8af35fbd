"""The languages par speaks: one catalogue file each, `languages/<code>.toml`, that a translator edits alone.

A file holds a `[language]` table (its code, name, place in lists, how it writes figures) and then every text
par shows, by id, in tables that only group them (`[messages]`, `[hints]`, `[labels]`…): ids are unique across
them. `[older-titles]` lists titles of earlier forms still read back. Adding a language is adding one file: the
list of languages (`codes`), the criteria files' `language:` and `par --lang` are built from the files present.

PAR_LANGUAGES may name a folder of more language files (read after the bundled ones; a code there replaces
the bundled file of that code): the tests' pseudo-language comes in this way.

A bundled file is parsed (tomllib) once, and kept compiled next to it (`__pycache__/<code>.toml.marshal`, keyed by
the file's size and time) as Python keeps its bytecode: parsing costs ~10 ms a run, the compiled copy ~0.3 ms.
A file of PAR_LANGUAGES (a translator's, being written) is parsed on each run, never compiled into their folder,
and checked against English (`problems`, shown by the command line as U005 warnings): one that cannot be read is
left out; a text it lacks, or whose {placeholders} differ from the English one, is shown in English.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): typing.NamedTuple checks each
# field's type, and a type written as text costs a compile (~0.5 ms of every start for these two). Not core.named_tuple,
# which skips the check: importing it here makes an import chain from `__main__` seven steps long (test_architecture).
import functools
import marshal
import os
import re
from _string import formatter_parser  # type: ignore[import-not-found]  # string.Formatter.parse, without `string`
from collections.abc import Callable
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
    count_digits: int = 1  # the digits a count in a summary is written with (2 in Vietnamese: `Tốt: 05`)


class Problem(NamedTuple):
    """A U005 warning, as data (the command line makes it a diagnostic: this module sits under the catalogue)."""

    file: str
    line: int
    col: int
    message: str
    hint: str | None
    args: dict[str, Any]


_PROBLEMS: list[Problem] = []  # the language files' problems found this run (`problems`)


def problems() -> list[Problem]:
    """What is wrong with the PAR_LANGUAGES folder and its files (U005), once every language is loaded."""
    codes()
    return list(_PROBLEMS)


@functools.cache
def files() -> dict[str, str]:
    """Language code → its file: the bundled ones, then those of the PAR_LANGUAGES folder."""
    found: dict[str, str] = {}
    extra = os.environ.get(EXTRA)
    if extra and not os.path.isdir(extra):
        _PROBLEMS.append(Problem(EXTRA, 0, 0, "language-folder", "hint.language-folder", {"folder": extra}))
    for folder in (FOLDER, extra):
        if folder and os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                code, _, suffix = name.rpartition(".")  # (a catalogue, not an input file: not io.suffixes')
                if suffix == "toml" and code:
                    found[code] = os.path.join(folder, name)
    return found


@functools.cache
def codes() -> tuple[str, ...]:
    """Every language code, the default (a criteria set's when it names none) first; a file that cannot be read
    is left out (its problem in `problems`)."""
    usable = []
    for code in files():
        try:
            language(code)
        except LanguageFileError as exc:
            _PROBLEMS.append(exc.problem)
            continue
        usable.append(code)
    return tuple(sorted(usable, key=lambda code: (language(code).order, code)))


def default() -> str:
    return codes()[0]


@functools.cache
def language(code: str) -> Language:
    path = files()[code]
    if os.path.dirname(path) == FOLDER:
        data = _compiled(path)
    else:
        data = checked(path, parse, _compiled(os.path.join(FOLDER, "en.toml"))["words"], _PROBLEMS)
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
        int(head.get("count-digits", 1)),
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
        with open(cache, "rb") as file:  # read whole, then loaded: `marshal.load(file)` reads it piece by piece,
            stored, data = marshal.loads(file.read())  # ~10 ms a catalogue, where this takes ~0.7 ms
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


# A translator's language file (PAR_LANGUAGES) checked against English before par speaks it: a file par cannot
# read is refused with where and why; a text it lacks, or whose {placeholders} differ from the English one (a value
# par would not know how to put in), is shown in English, each said once (U005). Never a traceback: the file is
# being written, and par must keep working while it is.

_HEAD_KEYS = ("code", "name", "order", "decimal", "group", "group-in-messages")
_SHOWN = 5  # ids named in one warning


class LanguageFileError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def checked(
    path: str, parse: Callable[[str], dict[str, Any]], english: dict[str, str], found: list[Problem]
) -> dict[str, Any]:
    """The file parsed, its missing and broken texts replaced by the English ones (each kind said once in
    `found`); LanguageFileError when it cannot be used at all."""
    import tomllib

    try:
        data = parse(path)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(at[1]), int(at[2])) if at else (0, 0)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise LanguageFileError(_refused(path, line, col, "language-file-syntax", reason=reason)) from None
    except KeyError:
        raise LanguageFileError(_refused(path, 0, 0, "language-file-no-head")) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LanguageFileError(_refused(path, 0, 0, "language-file-unreadable", reason=str(exc))) from None
    head = data["language"]
    lacking = [key for key in _HEAD_KEYS if key not in head]
    if lacking or not isinstance(head, dict):
        raise LanguageFileError(_refused(path, 0, 0, "language-file-no-head"))
    words: dict[str, str] = data["words"]
    missing = [key for key in english if key not in words]
    differ = [key for key in english if key in words and _fields(words[key]) != _fields(english[key])]
    unknown = [key for key in words if key not in english]
    for key in (*missing, *differ):
        words[key] = english[key]
    for message, keys in (
        ("language-file-missing", missing),
        ("language-file-placeholders", differ),
        ("language-file-unknown", unknown),
    ):
        if keys:
            shown = ", ".join(keys[:_SHOWN]) + (f", … (+{len(keys) - _SHOWN})" if len(keys) > _SHOWN else "")
            found.append(Problem(path, 0, 0, message, None, {"count": len(keys), "ids": shown}))
    return data


def _refused(path: str, line: int, col: int, message: str, **args: Any) -> Problem:
    return Problem(path, line, col, message, "hint.language-file", args)


def _fields(text: str) -> frozenset[str] | None:
    """The names of a text's placeholders (`{count:plural:…}` → count); None when its braces do not parse."""
    try:
        return frozenset(
            re.split(r"[.\[]", name, maxsplit=1)[0] for _, name, _, _ in formatter_parser(text) if name is not None
        )
    except ValueError:
        return None
