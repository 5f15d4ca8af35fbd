"""YAML text → plain values with a source map (line and column of every key and value).

Parsing composes a node tree with libyaml (no Python object construction), then walks it once:
- scalars are typed from their source text: numbers become exact `Decimal`s that remember their text
  (so a code `1.10` stays "1.10"), `true`/`false` booleans, `null`/`~`/empty None, the rest text;
  YAML 1.1 booleans (`yes`, `no`, `on`, `off`) stay text, as in YAML 1.2;
- `.nan`/`.inf`, decimal commas, duplicate keys, merge keys and unknown tags are errors;
- alias expansion is bounded, so a "billion laughs" file fails fast.
This module never reads files: it receives bytes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from par_cli.diagnostics import Diagnostic, Path, error, warning

MAX_BYTES = 5 * 1024 * 1024
MAX_VALUES = 500_000  # values visited, aliases expanded: bounds time and memory
MAX_DEPTH = 64
# Exact arithmetic on 1e999999999 would take minutes: figures in PAR files are far inside these bounds.
MAX_EXPONENT = 15
MAX_DIGITS = 30

PLAIN = "?"  # tag our resolver gives plain scalars without an explicit tag
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NUMBER_START = frozenset("0123456789+-.")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"})
_NOT_A_NUMBER = frozenset({".nan", ".inf", "+.inf", "-.inf"})


def _in_range(number: Decimal) -> bool:
    return -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT and len(number.as_tuple().digits) <= MAX_DIGITS


class YamlNumber(Decimal):
    """A number read from YAML: an exact Decimal that keeps its source text (`1.10`, `01`)."""

    __slots__ = ("source",)
    source: str

    def __new__(cls, text: str) -> YamlNumber:
        number = super().__new__(cls, text)
        number.source = text
        return number


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


_LOADER: Any = _loader_class()


Position = tuple[int, int]


def _position(node: Node) -> Position:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


class Document(NamedTuple):
    """A parsed YAML file: its top-level mapping as plain values, and its node tree for locating them.

    Positions are looked up in the node tree only when a message needs one, so a file that is fine
    costs nothing for them.
    """

    file: str
    data: dict[str, Any]
    root: Node | None = None
    notes: tuple[Diagnostic, ...] = ()

    def _find(self, path: Path) -> tuple[Node | None, Node | None, bool]:
        """(value node, key node, whole path found) for the longest prefix of `path` in the tree."""
        node, key_node = self.root, None
        for part in path:
            found: tuple[Node | None, Node] | None = None
            if isinstance(node, MappingNode) and isinstance(part, str):
                found = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part), None)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                found = (None, node.value[part])
            if found is None:
                return node, None, False
            key_node, node = found
        return node, key_node, True

    def locate(self, path: Path, *, key: bool = False) -> Position:
        """Position of the value at `path` (or of its key), else of the nearest enclosing value."""
        node, key_node, whole = self._find(path)
        if key and whole and key_node is not None:
            return _position(key_node)
        return _position(node) if node is not None else (1, 1)

    def key_positions(self, path: Path) -> dict[str, Position]:
        """Position of each key of the mapping at `path` (the first, where a key repeats)."""
        node, _, whole = self._find(path)
        if not whole or not isinstance(node, MappingNode):
            return {}
        positions: dict[str, Position] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, ScalarNode):
                positions.setdefault(str(key_node.value), _position(key_node))
        return positions

    def place(self, diagnostic: Diagnostic, *, key: bool = False) -> Diagnostic:
        line, col = self.locate(diagnostic.path, key=key)
        return diagnostic.located(self.file, line, col)


class _Abort(Exception):
    def __init__(self, diagnostic: Diagnostic, position: Position) -> None:
        self.diagnostic = diagnostic
        self.position = position


class _Walker:
    """Turns a node tree into plain values in one pass; `stack` is the path being walked."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        self.budget = MAX_VALUES
        self.active: set[int] = set()
        self.stack: list[str | int] = []

    def report(self, diagnostic: Diagnostic, node: Node, *, note: bool = False) -> None:
        located = diagnostic._replace(path=tuple(self.stack)).located(self.file, *_position(node))
        (self.notes if note else self.problems).append(located)

    def value(self, node: Node) -> Any:
        if node.__class__ is ScalarNode:
            return self.scalar(node)
        return self.collection(node)

    def collection(self, node: Node) -> Any:
        children = node.value
        self.budget -= len(children) + 1
        if self.budget < 0:
            raise _Abort(
                error(
                    "Y007",
                    f"the document expands to more than {MAX_VALUES:,} values (anchors and aliases)",
                    hint="write the values out instead of nesting aliases",
                ),
                _position(node),
            )
        if len(self.stack) > MAX_DEPTH:
            raise _Abort(error("Y007", f"nesting deeper than {MAX_DEPTH} levels"), _position(node))
        if id(node) in self.active:
            raise _Abort(error("Y007", "recursive alias: a value contains itself"), _position(node))
        if node.tag not in (PLAIN, _SEQ, _MAP):
            self.report(error("Y010", f"unsupported YAML tag {node.tag}"), node)
        self.active.add(id(node))
        stack = self.stack
        try:
            if node.__class__ is SequenceNode:
                items = []
                for i, child in enumerate(children):
                    stack.append(i)
                    items.append(self.scalar(child) if child.__class__ is ScalarNode else self.collection(child))
                    stack.pop()
                return items
            result: dict[str, Any] = {}
            for key_node, child in children:
                if key_node.__class__ is ScalarNode and (key_node.style or key_node.value != "<<"):
                    key = key_node.value  # the common case, inline: this loop runs for every key of a file
                else:
                    key = self.key(key_node)
                    if key is None:
                        continue
                if key in result:
                    self.duplicate(node, key_node, key)
                    continue
                stack.append(key)
                result[key] = self.scalar(child) if child.__class__ is ScalarNode else self.collection(child)
                stack.pop()
            return result
        finally:
            self.active.discard(id(node))

    def duplicate(self, mapping: Node, key_node: Node, key: str) -> None:
        first = next(k for k, _ in mapping.value if isinstance(k, ScalarNode) and k.value == key)
        self.stack.append(key)
        self.report(
            error(
                "Y002",
                f"duplicate key '{key}' (first at line {first.start_mark.line + 1})",
                hint="YAML keeps only one of them: remove or merge the other",
            ),
            key_node,
        )
        self.stack.pop()

    def key(self, node: Node) -> str | None:
        if node.__class__ is not ScalarNode:
            self.report(error("Y011", "a key must be text, not a list or mapping"), node)
            return None
        text: str = node.value
        if text == "<<" and not node.style:
            self.report(error("Y011", "merge keys (<<) are not supported", hint="write the fields out"), node)
            return None
        return text

    def scalar(self, node: Any) -> Any:
        text: str = node.value
        if node.tag != PLAIN:
            if node.tag != _STR:
                self.report(error("Y010", f"unsupported YAML tag {node.tag}"), node)
            return text
        if node.style:  # quoted or block scalar: always text
            return text
        if not text:
            return None
        if text[0] in _NUMBER_START:
            if _NUMBER.match(text):
                number = YamlNumber(text)
                if number and not _in_range(number):
                    hint = f"write a figure between 1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT}, at most {MAX_DIGITS} digits"
                    self.report(error("Y012", f"'{text}' is out of range", hint=hint), node)
                    return None
                return number
            if text.lower() in _NOT_A_NUMBER:
                self.report(error("Y012", f"'{text}' is not a usable number", hint="give a finite number"), node)
                return None
            if _DECIMAL_COMMA.match(text):
                hint = f"use a dot as decimal separator: {text.replace(',', '.')}"
                self.report(error("Y005", f"'{text}' has a decimal comma", hint=hint), node)
                return None
            return text
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in _NULLS:
            return None
        if text in _YAML11_BOOLS:
            self.report(
                warning(
                    "Y004",
                    f"'{text}' is read as text here, but as a boolean by YAML 1.1 tools",
                    hint=f"write true/false for a yes/no answer, or quote '{text}' if text is meant",
                ),
                node,
                note=True,
            )
        return text


def decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes → text, or a located error: size cap, binary, UTF-16, invalid UTF-8; a UTF-8 BOM is dropped."""
    if len(raw) > MAX_BYTES:
        return None, [
            error("Y009", f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit").located(file, 1, 1)
        ]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error("Y006", "file is UTF-16 text", hint="save it as UTF-8").located(file, 1, 1)]
    if b"\x00" in raw:
        return None, [error("Y006", "binary file, not YAML text").located(file, 1, 1)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        return None, [
            error("Y006", f"not UTF-8 text (byte 0x{bad})", hint="save the file as UTF-8").located(file, line, col)
        ]
    return text, []


def _tab_notes(text: str, file: str) -> list[Diagnostic]:
    notes = []
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find("\t")
            if column >= 0:
                notes.append(
                    warning("Y003", "tab character", hint="indent and separate with spaces").located(
                        file, number, column + 1
                    )
                )
    return notes


def _syntax_error(exc: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        context = exc.context
        if exc.context_mark is not None and exc.context_mark is not mark:
            context += f" at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
        message = f"{message} ({context})"
    hint = "indent with spaces, not tabs" if "\t" in str(exc) or "cannot start any token" in message else ""
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return error("Y001", f"YAML syntax: {message}", hint=hint).located(file, line, col)


def parse(raw: bytes, file: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML file's bytes. Returns the document (None when unusable) and every problem found."""
    text, problems = decode(raw, file)
    if text is None:
        return None, problems
    notes = _tab_notes(text, file)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, file), *notes]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [error("Y001", f"YAML syntax: {exc}").located(file, 1, 1), *notes]
    if root is None:
        empty = error("Y008", "file is empty", hint="a criteria or assessment file starts with 'kind:'")
        return None, [empty.located(file, 1, 1)]
    if not isinstance(root, MappingNode):
        found = "a list" if isinstance(root, SequenceNode) else "a single value"
        mark = root.start_mark
        return None, [
            error("Y008", f"the top level must be a mapping of fields (key: value), found {found}").located(
                file, mark.line + 1, mark.column + 1
            )
        ]
    walker = _Walker(file)
    try:
        data = walker.collection(root)
    except _Abort as abort:
        return None, [abort.diagnostic.located(file, *abort.position)]
    except RecursionError:
        return None, [error("Y007", f"nesting deeper than {MAX_DEPTH} levels").located(file, 1, 1)]
    document = Document(file, data, root, tuple(walker.notes + notes))
    return document, walker.problems
