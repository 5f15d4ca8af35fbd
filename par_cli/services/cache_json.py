"""Scored results as data: an `Entry` as JSON of plain values and back, exactly, never as a pickle.

A Fraction is "n/d" text, a tuple a list, a named tuple (a location, a cut…) a list that starts with its class's
name. Values are read back by readers made from `Entry`'s annotations, which check every value's type: a row that
does not fit is a miss, never an entry with a wrong value, and nothing in a row is ever run or imported.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Sequence
from fractions import Fraction
from operator import call
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from par_cli.core.ranking import Entry

T = TypeVar("T")
Reader = Callable[[Any], Any]

# Named tuples an entry's annotations name only when type checking (`core.cuts`' `Cut`, `core.scoring`'s
# `Relative`), given by who may import them (`services.cache.held`).
HELD: dict[str, type] = {}


def read_as(hint: Any, reader: Reader) -> None:
    """Values of the annotation `hint` read by `reader` (given by who may import its class: `services.cache`),
    e.g. an entry's areas kept packed, as the text they are written as, instead of remade value by value."""
    if READERS.get(hint) is not reader:
        READERS[hint] = reader
        _readers.clear()


def _plain(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:
        return value
    if kind is Fraction:
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, tuple) and hasattr(kind, "_fields"):
        return [kind.__name__, *map(_plain, value)]
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [_plain(item) for item in value]
    raise TypeError(f"{kind.__name__} is not kept in the results cache")


def dump(entry: Entry) -> str | None:
    """An entry as JSON text (None: it holds a value the cache does not keep, or doubts about its inputs:
    scored again each run, they are said each run)."""
    from dataclasses import fields

    if entry.doubts:
        return None
    try:
        values = [_plain(getattr(entry, field.name)) for field in fields(entry)]
    except TypeError:
        return None
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def load(value: Any, kind: type[T]) -> T | None:
    """A `kind` (the class `Entry`, given: this module imports nothing of par's) from `dump`'s text; None for
    anything else (a miss)."""
    try:
        readers = _readers[kind] if kind in _readers else _readers.setdefault(kind, _fields(kind))
        return kind(*map(call, readers, _list(json.loads(value), len(readers))))
    except Exception:  # a value that does not load is a miss, whatever went wrong with it
        return None


_readers: dict[type, list[Reader]] = {}
READERS: dict[Any, Reader] = {}  # `read_as`


def _fields(kind: type) -> list[Reader]:
    """A reader of each field of the dataclass `kind`, by its annotation (names in `HELD` besides its module's)."""
    from dataclasses import fields

    hints = typing.get_type_hints(kind, localns=HELD)
    return [_reader(hints[field.name]) for field in fields(kind)]


def _exactly(kind: type) -> Reader:
    def read(value: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(kind.__name__)
        return value

    return read


def _fraction(value: Any) -> Fraction:
    numerator, slash, denominator = value.partition("/")
    if not slash:
        raise ValueError(value)
    return Fraction(int(numerator), int(denominator))


def _reader(hint: Any) -> Reader:
    """A reader of `_plain`'s values of the type `hint`, checking each."""
    if hint in READERS:
        return READERS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, bool):
        return _exactly(hint)
    if origin is tuple and getattr(args[0], "__name__", "") == "Diagnostic":  # `Entry.doubts`: kept only when none
        return lambda value: tuple(_list(value, 0))
    if hint is Fraction:
        return _fraction
    if origin in (typing.Union, types.UnionType):
        kinds = [arg for arg in args if arg is not type(None)]
        read = _named(kinds) if len(kinds) > 1 else _reader(kinds[0])
        if len(kinds) == len(args):
            return read
        return lambda value: None if value is None else read(value)
    if (origin is tuple and len(args) == 2 and args[1] is Ellipsis) or origin is Sequence:
        each = _reader(args[0])
        return lambda value: tuple(map(each, _list(value)))
    if origin is tuple:
        readers = [_reader(arg) for arg in args]
        return lambda value: tuple(map(call, readers, _list(value, len(readers))))
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        return _named([hint])
    raise TypeError(f"the results cache cannot keep {hint}")  # a new kind of value in `Entry`: teach it here


def _list(value: Any, length: int = -1) -> list[Any]:
    if type(value) is not list or (length >= 0 and len(value) != length):
        raise TypeError("list")
    return value


def _named(kinds: list[Any]) -> Reader:
    """A reader of named tuples (one of `kinds`), written as [class name, *fields]."""
    by_name: dict[str, tuple[Any, list[Reader]]] = {}
    for kind in kinds:
        if not (isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")):
            raise TypeError(f"the results cache cannot keep {kind}")
        hints = typing.get_type_hints(kind)
        by_name[kind.__name__] = (kind, [_reader(hints[name]) for name in kind._fields])

    def read_named(value: Any) -> Any:
        kind, readers = by_name[_list(value)[0]]
        return kind(*map(call, readers, _list(value[1:], len(readers))))

    return read_named
