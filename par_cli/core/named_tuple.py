"""`typing.NamedTuple`, built without checking each field's annotation at import: par's start-up cost.

The standard class statement compiles every field's annotation (written as text, under `from __future__ import
annotations`) into a `ForwardRef` only to check it, and that is most of the cost of each of the fifty-odd record
types par defines: ~8 ms of `par score FILE`. This builds the same class (`collections.namedtuple`, the class
body's methods, properties and docstring, the annotations kept as written) without that check. Type checkers see
`typing.NamedTuple` itself.

`collections.namedtuple` compiles each class's `__new__` from its own source text (~40 % of its cost); `_new` makes
the same function from one compiled template per number of fields, its arguments renamed (~2 ms of a start).
"""

from __future__ import annotations

import collections
import sys
from collections import _tuplegetter  # type: ignore[attr-defined]
from keyword import iskeyword
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace",
         "_asdict", "_source"}
    )  # fmt: skip
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        def __new__(cls, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            if "__annotations__" not in namespace and "__annotate__" in namespace:
                raise TypeError(f"{typename}: write `from __future__ import annotations` at the top of its module")
            fields = dict(namespace.get("__annotations__", {}))
            defaults: list[str] = []
            for name in fields:
                if name in namespace:
                    defaults.append(name)
                elif defaults:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow default field {defaults[0]}")
            made = _namedtuple(typename, tuple(fields), tuple(namespace[name] for name in defaults))
            made.__module__ = namespace["__module__"]
            made.__annotations__ = made.__new__.__annotations__ = fields
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in fields:
                    setattr(made, key, value)
            return made

    _Base = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    _tuple_new = tuple.__new__
    # `collections.namedtuple`'s `__new__`, `lambda _cls, a, b: _tuple_new(_cls, (a, b))`, for each number of fields
    # (its arguments renamed by `_new`): compiled with this module, not at each class
    _TEMPLATES: dict[int, CodeType] = {
        len(template.__code__.co_varnames) - 1: template.__code__
        for template in (
            lambda _cls: _tuple_new(_cls, ()),
            lambda _cls, a,: _tuple_new(_cls, (a,)),
            lambda _cls, a, b: _tuple_new(_cls, (a, b)),
            lambda _cls, a, b, c: _tuple_new(_cls, (a, b, c)),
            lambda _cls, a, b, c, d: _tuple_new(_cls, (a, b, c, d)),
            lambda _cls, a, b, c, d, e: _tuple_new(_cls, (a, b, c, d, e)),
            lambda _cls, a, b, c, d, e, f: _tuple_new(_cls, (a, b, c, d, e, f)),
            lambda _cls, a, b, c, d, e, f, g: _tuple_new(_cls, (a, b, c, d, e, f, g)),
            lambda _cls, a, b, c, d, e, f, g, h: _tuple_new(_cls, (a, b, c, d, e, f, g, h)),
            lambda _cls, a, b, c, d, e, f, g, h, i: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m: _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u, v: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u, v)),
            lambda _cls, a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u, v, w: _tuple_new(
                _cls, (a, b, c, d, e, f, g, h, i, j, k, m, n, o, p, q, r, s, t, u, v, w)),
        )
    }  # fmt: skip

    def _new(typename: str, fields: tuple[str, ...], defaults: tuple[Any, ...]) -> Any:
        """The `__new__` `collections.namedtuple` evaluates from its source text, made from `_TEMPLATES`."""
        template = _TEMPLATES.get(len(fields))
        if template is None:  # more fields than any of par's records: compiled once
            names = ", ".join(f"_{n}" for n in range(len(fields)))
            source = f"lambda _cls, {names}: _tuple_new(_cls, ({names}))"
            template = _TEMPLATES[len(fields)] = compile(source, "<string>", "eval").co_consts[0]
        namespace = {"_tuple_new": _tuple_new, "__builtins__": {}, "__name__": f"namedtuple_{typename}"}
        new = FunctionType(template.replace(co_varnames=("_cls", *fields)), namespace, "__new__")
        new.__doc__ = f"Create new instance of {typename}({', '.join(fields)}{',' if len(fields) == 1 else ''})"
        if defaults:
            new.__defaults__ = defaults
        return new

    def _namedtuple(typename: str, fields: tuple[str, ...], defaults: tuple[Any, ...]) -> type:
        """`collections.namedtuple(typename, fields, defaults=defaults)`, its `__new__` made by `_new`."""
        plain = all(name.isidentifier() and not iskeyword(name) for name in (typename, *fields))
        if not plain or len(set(fields)) != len(fields) or any(name.startswith("_") for name in fields):
            return collections.namedtuple(typename, fields, defaults=defaults)  # refused, in its words
        count, shown = len(fields), "(" + ", ".join(f"{name}=%r" for name in fields) + ")"
        tuple_new = tuple.__new__

        @classmethod  # type: ignore[misc]
        def _make(cls: type, iterable: Any) -> Any:
            result = tuple_new(cls, iterable)
            if len(result) != count:
                raise TypeError(f"Expected {count} arguments, got {len(result)}")
            return result

        _make.__func__.__doc__ = f"Make a new {typename} object from a sequence or iterable"

        def _replace(self: Any, /, **kwds: Any) -> Any:
            result = self._make(map(kwds.pop, fields, self))
            if kwds:
                raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
            return result

        _replace.__doc__ = f"Return a new {typename} object replacing specified fields with new values"

        def __repr__(self: Any) -> str:
            "Return a nicely formatted representation string"
            return self.__class__.__name__ + shown % self

        def _asdict(self: Any) -> dict[str, Any]:
            "Return a new dict which maps field names to their values."
            return dict(zip(self._fields, self, strict=False))

        def __getnewargs__(self: Any) -> tuple[Any, ...]:
            "Return self as a plain tuple.  Used by copy and pickle."
            return tuple(self)

        new = _new(typename, fields, defaults)
        for method in (new, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
            method.__qualname__ = f"{typename}.{method.__name__}"
        body = {
            "__doc__": f"{typename}({', '.join(fields)}{',' if count == 1 else ''})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": dict(zip(fields[count - len(defaults) :], defaults, strict=True)),
            "__new__": new,
            "_make": _make,
            "_replace": _replace,
            "__repr__": __repr__,
            "_asdict": _asdict,
            "__getnewargs__": __getnewargs__,
            "__match_args__": fields,
        }
        if sys.version_info >= (3, 13):
            body["__replace__"] = _replace  # copy.replace
        for index, name in enumerate(fields):
            body[name] = _tuplegetter(index, sys.intern(f"Alias for field number {index}"))
        return type(typename, (tuple,), body)

    def NamedTuple(typename: str, fields: Any = None, /, **kwargs: Any) -> type:
        raise TypeError("par's NamedTuple is for class statements only")

    NamedTuple.__mro_entries__ = lambda bases: (_Base,)
