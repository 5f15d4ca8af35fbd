"""par's NamedTuple (built without checking annotations at import) makes the class typing.NamedTuple makes."""

from __future__ import annotations

import pickle
import typing
from fractions import Fraction
from typing import Any

import pytest

from par_cli.core.named_tuple import NamedTuple


class Fast(NamedTuple):
    """A record."""

    code: str
    points: Fraction | None = None
    tags: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        return f"{self.code}: {self.points}"

    def doubled(self) -> Fraction:
        return (self.points or Fraction(0)) * 2


class Standard(typing.NamedTuple):
    """A record."""

    code: str
    points: Fraction | None = None
    tags: tuple[str, ...] = ()


def test_the_same_class_as_typing_makes() -> None:
    fast, standard = Fast("1.1", Fraction(1, 3)), Standard("1.1", Fraction(1, 3))
    assert tuple(fast) == tuple(standard)
    assert Fast._fields == Standard._fields == ("code", "points", "tags")
    assert Fast._field_defaults == Standard._field_defaults
    assert Fast.__annotations__ == {"code": "str", "points": "Fraction | None", "tags": "tuple[str, ...]"}
    assert Fast.__doc__ == "A record." and Fast.__module__ == __name__ and Fast.__qualname__ == "Fast"
    assert fast._replace(code="2") == ("2", Fraction(1, 3), ())
    assert fast.shown == "1.1: 1/3" and fast.doubled() == Fraction(2, 3)
    assert repr(fast) == "Fast(code='1.1', points=Fraction(1, 3), tags=())"
    assert pickle.loads(pickle.dumps(fast)) == fast
    assert Fast("x") == ("x", None, ())


def test_mistakes_are_refused_as_typing_refuses_them() -> None:
    with pytest.raises(TypeError, match="Non-default namedtuple field b cannot follow default field a"):

        class Wrong(NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]

    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _replace"):

        class Overwrites(NamedTuple):
            a: int

            def _replace(self) -> None: ...  # type: ignore[misc]

    with pytest.raises(TypeError):
        NamedTuple("Functional", [("a", int)])


def _function(value: Any) -> Any:
    return value.__func__ if isinstance(value, classmethod | staticmethod) else value


@pytest.mark.parametrize("count", [0, 1, 2, 3, 13, 22, 23, 30])
def test_built_as_collections_builds_it(count: int) -> None:
    """`__new__` is made from a template compiled with the module (`_TEMPLATES`), not from source text at each class:
    the class is still the one `collections.namedtuple` makes, to its names, docstrings, signatures and errors."""
    import collections
    import inspect

    from par_cli.core import named_tuple

    fields = tuple(f"f{n}" for n in range(count))
    defaults = tuple(range(count // 2))
    ours = named_tuple._namedtuple("Rec", fields, defaults)  # type: ignore[attr-defined]
    namedtuple: Any = collections.namedtuple  # called with fields made here
    theirs = namedtuple("Rec", fields, defaults=defaults or None)
    assert set(vars(ours)) == set(vars(theirs))
    for name, expected in vars(theirs).items():
        got, wanted = _function(vars(ours)[name]), _function(expected)
        if callable(wanted):
            assert (got.__name__, got.__qualname__, got.__doc__) == (
                wanted.__name__,
                wanted.__qualname__,
                wanted.__doc__,
            ), name
        elif isinstance(wanted, str | tuple | dict):
            assert got == wanted or name == "__module__", name
        else:
            assert got.__doc__ == wanted.__doc__, name
    assert inspect.signature(ours) == inspect.signature(theirs)
    assert (
        ours.__new__.__module__ == theirs.__new__.__module__
        and ours.__new__.__defaults__ == theirs.__new__.__defaults__
    )
    values = list(range(100, 100 + count))
    assert repr(ours(*values)) == repr(theirs(*values)) and ours(*values)._asdict() == theirs(*values)._asdict()
    for args, kwargs in (([*values, 1], {}), ([], {}), (values, {"g": 1})):
        assert _refusal(ours, args, kwargs) == _refusal(theirs, args, kwargs)


def _refusal(made: type, args: list[int], kwargs: dict[str, int]) -> str | None:
    try:
        made(*args, **kwargs)
    except TypeError as exc:
        return str(exc)
    return None
