"""libyaml's composer with par's resolver: the node tree of a YAML text, every plain scalar left untyped.

The located path (`yamlsource`) types scalars itself, from their text and style, so the resolver gives every
node the tag PLAIN unless the file writes one.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.resolver import BaseResolver

PLAIN = "?"  # the tag of a node the file gives none


class _Resolver(BaseResolver):
    # Every node gets the tag PLAIN unless the file gives one explicitly; the walk types scalars from their
    # text and style. `str.format` ignores its arguments, so this is a C call per node, not a Python one.
    resolve = PLAIN.format
    # No path-based resolvers here, so the per-node bookkeeping hooks have nothing to do: C no-ops too.
    descend_resolver = "".format  # type: ignore[assignment]
    ascend_resolver = "".format  # type: ignore[assignment]


def _loader_class() -> Any:
    """libyaml's parser when present (it is, with PyYAML's wheels); the pure-Python one otherwise."""
    if yaml.__with_libyaml__:
        from yaml import cyaml

        parser: Any = getattr(cyaml, "CParser")  # noqa: B009 - not re-exported in the stubs

        class CLoader(parser, _Resolver):  # type: ignore[misc]
            def __init__(self, stream: str) -> None:
                parser.__init__(self, stream)
                _Resolver.__init__(self)

        return CLoader
    from yaml.composer import Composer  # pragma: no cover
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class PyLoader(Reader, Scanner, Parser, Composer, _Resolver):  # pragma: no cover
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            _Resolver.__init__(self)

    return PyLoader


LOADER: Any = _loader_class()
