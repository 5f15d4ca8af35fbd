"""`typing.NamedTuple`, built without checking each field's annotation at import: par's start-up cost.

The standard class statement compiles every field's annotation (written as text, under `from __future__ import
annotations`) into a `ForwardRef` only to check it, and that is most of the cost of each of the fifty-odd record
types par defines: ~8 ms of `par score FILE`. This builds the same class (`collections.namedtuple`, the class
body's methods, properties and docstring, the annotations kept as written) without that check. Type checkers see
`typing.NamedTuple` itself.
"""

from __future__ import annotations

import collections
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
            made = collections.namedtuple(
                typename, list(fields), defaults=[namespace[name] for name in defaults], module=namespace["__module__"]
            )
            made.__annotations__ = made.__new__.__annotations__ = fields
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _SPECIAL and key not in fields:
                    setattr(made, key, value)
            return made

    _Base = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename: str, fields: Any = None, /, **kwargs: Any) -> type:
        raise TypeError("par's NamedTuple is for class statements only")

    NamedTuple.__mro_entries__ = lambda bases: (_Base,)
