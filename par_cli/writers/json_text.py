"""JSON text laid out as `json.dumps(…, indent=2)` does, with decimals written exactly (a binary float would change
the 16th digit of a large figure): whole, or in pieces, so that a ranking of tens of thousands of agencies is
written row by row instead of being held twice over as dictionaries and as text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

from par_cli.views.records import Streamed

__all__ = ["Streamed", "chunks", "dumps"]

_text = encode_basestring  # what json.dumps(text, ensure_ascii=False) writes, without building an encoder per call


def dumps(data: Any) -> str:
    return _encode(data, "") + "\n"


def chunks(data: Any) -> Iterator[str]:
    """The text `dumps(data)` gives, in pieces; `Streamed` lists are never held whole."""
    yield from _pieces(data, "")
    yield "\n"


def _pieces(value: Any, indent: str) -> Iterator[str]:
    inner = indent + "  "
    if isinstance(value, Streamed):
        first = True
        encoded = value.encoded
        for item in value.items:
            if encoded is not None:
                yield ("[\n" if first else ",\n") + inner + encoded(item, inner)
            else:
                yield ("[\n" if first else ",\n") + inner
                yield from _pieces(item, inner)
            first = False
        yield "[]" if first else f"\n{indent}]"
    elif isinstance(value, dict) and any(isinstance(item, Streamed) for item in value.values()):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield f"{',' if n else ''}\n{inner}{_text(str(key))}: "
            yield from _pieces(item, inner)
        yield f"\n{indent}}}"
    else:
        yield _encode(value, indent)


def _encode(value: Any, indent: str) -> str:
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{inner}{_text(str(key))}: {_encode(item, inner)}" for key, item in value.items())
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{inner}{_encode(item, inner)}" for item in value) + f"\n{indent}]"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, str):
        return _text(value)
    if value is None or isinstance(value, bool):
        return "null" if value is None else ("true" if value else "false")
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, Streamed):
        return "".join(_pieces(value, indent))
    return json.dumps(value)  # float
