"""par's NamedTuple (built without checking annotations at import) makes the class typing.NamedTuple makes."""

from __future__ import annotations

import pickle
import typing
from fractions import Fraction

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
