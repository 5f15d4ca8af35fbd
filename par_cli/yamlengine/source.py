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
import unicodedata
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, DocPath, LineCol, Msg, ParError, msg, problem
from par_cli.core.numbers import TextNumber
from par_cli.io.suffixes import kind_of_suffix
from par_cli.yamlengine import scalars as yaml_scalars
from par_cli.yamlengine.scalars import DECIMAL_COMMA, LEADING_ZERO, NUMBER, NUMBER_START, in_range  # one typing

if TYPE_CHECKING:
    import yaml
    from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

    from par_cli.yamlengine.fast import FastRead, Position, Positions
    from par_cli.yamlengine.loader import LOADER, PLAIN

MAX_BYTES = 5 * 1024 * 1024
MAX_VALUES = 500_000  # values visited, aliases expanded: bounds time and memory
MAX_DEPTH = 64

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_WHOLE_TEXT, _COMMA_BETWEEN_DIGITS_TEXT = r"[-+]?\d+\Z", r"\d,\d"
_WHOLE = _COMMA_BETWEEN_DIGITS = re.compile("")  # compiled with libyaml's import: the fast path needs neither


def _libyaml() -> None:
    """libyaml, its nodes and par's loader: for a text off the fast path only (~6 ms of a one-file start)."""
    global yaml, LOADER, PLAIN, MappingNode, ScalarNode, SequenceNode, _WHOLE, _COMMA_BETWEEN_DIGITS
    _WHOLE, _COMMA_BETWEEN_DIGITS = re.compile(_WHOLE_TEXT), re.compile(_COMMA_BETWEEN_DIGITS_TEXT)
    import yaml
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from par_cli.yamlengine.loader import LOADER, PLAIN


def _position(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class Document:
    """A parsed YAML file: its top-level mapping as plain values, and where each of them is written.

    Positions are looked up only when a message or a ranking needs one: in the places the fast path found (the
    top two levels), else in libyaml's node tree, composed from the text on the first such look-up when the fast
    path read the file (the same text, so the same positions)."""

    __slots__ = ("_places", "_root", "_text", "data", "file", "notes")

    def __init__(
        self,
        file: str,
        data: dict[str, Any],
        root: Node | None = None,
        notes: tuple[Diagnostic, ...] = (),
        fast: tuple[str, Positions] | None = None,
    ) -> None:
        self.file, self.data, self.notes, self._root = file, data, notes, root
        self._text: str | None = None
        self._places: Positions | None = None
        if fast is not None:
            self._text, self._places = fast

    @property
    def root(self) -> Node | None:
        text = self._text
        if self._root is None and text is not None:
            _libyaml()
            try:
                self._root, self._text = yaml.compose(text, Loader=LOADER), None
            except (yaml.YAMLError, RecursionError) as exc:  # the fast path read what libyaml refuses (tests: never)
                raise ParError([_refusal(exc, text, self.file)]) from None
        return self._root

    def _find(self, path: DocPath) -> tuple[Node | None, Node | None, bool]:
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

    def position(self, path: DocPath, *, key: bool = False) -> Position:
        """Position of the value at `path` (or of its key), else of the nearest enclosing value."""
        places = self._places
        if places is not None:
            kept = places.key(path) if key else None
            if kept is not None or (kept := places.value(path)) is not None:
                return kept
        node, key_node, whole = self._find(path)
        if key and whole and key_node is not None:
            return _position(key_node)
        return _position(node) if node is not None else (1, 1)

    def locate(self, path: DocPath, *, key: bool = False) -> LineCol:
        return LineCol(self.file, *self.position(path, key=key))

    def key_positions(self, path: DocPath) -> dict[str, Position]:
        """Position of each key of the mapping at `path` (the first, where a key repeats)."""
        node, _, whole = self._find(path)
        if not whole or not isinstance(node, MappingNode):
            return {}
        positions: dict[str, Position] = {}
        for key_node, _value in node.value:
            if isinstance(key_node, ScalarNode):
                positions.setdefault(str(key_node.value), _position(key_node))
        return positions

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        return diagnostic.at(self.locate(diagnostic.path, key=diagnostic.key))


class _Abort(Exception):
    def __init__(self, diagnostic: Diagnostic, position: Position) -> None:
        self.diagnostic = diagnostic
        self.position = position


class _Walker:
    """Turns a node tree into plain values in one pass; `stack` is the path being walked."""

    def __init__(self, file: str, commas: bool = True) -> None:
        self.file = file
        self.commas = commas  # the text has a digit, a comma and a digit: a decimal comma may hide in braces
        self.problems: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        self.budget = MAX_VALUES
        self.active: set[int] = set()
        self.stack: list[str | int] = []

    def report(self, diagnostic: Diagnostic, node: Node, *, note: bool = False) -> None:
        located = diagnostic._replace(path=tuple(self.stack)).at(LineCol(self.file, *_position(node)))
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
                problem("Y007", "alias-expansion", hint=msg("hint.no-aliases"), limit=MAX_VALUES),
                _position(node),
            )
        if len(self.stack) > MAX_DEPTH:
            raise _Abort(problem("Y007", "too-deep", depth=MAX_DEPTH), _position(node))
        if id(node) in self.active:
            raise _Abort(problem("Y007", "recursive-alias"), _position(node))
        if node.tag not in (PLAIN, _SEQ, _MAP):
            self.report(problem("Y010", "unsupported-tag", tag=node.tag), node)
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
            if self.commas and getattr(node, "flow_style", False):
                children = self.decimal_commas(children)
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

    def decimal_commas(self, pairs: list[tuple[Node, Node]]) -> list[tuple[Node, Node]]:
        """`{self: 0,95, evidence: []}` is, to YAML, `self: 0` then a key `95` with no value: report the
        decimal comma on the number (and drop the phantom key) instead of an unknown field '95'."""
        if not any(key.value.isdigit() for key, _ in pairs if key.__class__ is ScalarNode):
            return pairs  # no key that could be the digits after a comma: the common case
        kept: list[tuple[Node, Node]] = []
        for key_node, value in pairs:
            previous = kept[-1][1] if kept else None
            if (
                previous is not None
                and previous.__class__ is ScalarNode
                and not previous.style
                and _WHOLE.match(previous.value)
                and key_node.__class__ is ScalarNode
                and not key_node.style
                and key_node.value.isdigit()
                and value.__class__ is ScalarNode
                and value.value == ""
                and key_node.start_mark.index == previous.end_mark.index + 1
            ):
                written = f"{previous.value},{key_node.value}"
                hint = msg("hint.comma-in-braces", number=written.replace(",", "."))
                self.stack.append(kept[-1][0].value)
                self.report(problem("Y005", "decimal-comma", hint=hint, text=written), previous)
                self.stack.pop()
                kept[-1] = (kept[-1][0], ScalarNode(PLAIN, "", previous.start_mark, previous.end_mark))
                continue
            kept.append((key_node, value))
        return kept

    def duplicate(self, mapping: Node, key_node: Node, key: str) -> None:
        first = next(k for k, _ in mapping.value if isinstance(k, ScalarNode) and k.value == key)
        self.stack.append(key)
        self.report(
            problem("Y002", "duplicate-key", hint=msg("hint.duplicate-key"), key=key, line=first.start_mark.line + 1),
            key_node,
        )
        self.stack.pop()

    def key(self, node: Node) -> str | None:
        if node.__class__ is not ScalarNode:
            self.report(problem("Y011", "key-not-text"), node)
            return None
        text: str = node.value
        if text == "<<" and not node.style:
            self.report(problem("Y011", "merge-key", hint=msg("hint.write-fields")), node)
            return None
        return text

    def scalar(self, node: Any) -> Any:
        text: str = node.value
        if node.tag != PLAIN:
            if node.tag != _STR:
                self.report(problem("Y010", "unsupported-tag", tag=node.tag), node)
            return text
        if node.style:  # quoted or block scalar: always text
            return text
        if not text:
            return None
        if text[0] in NUMBER_START:
            if NUMBER.match(text):
                number = TextNumber(text)
                if number and not in_range(number, text):
                    bounds = yaml_scalars.MAX_EXPONENT
                    hint = msg("hint.figure-range", low=bounds, high=bounds, digits=yaml_scalars.MAX_DIGITS)
                    self.report(problem("Y012", "out-of-range", hint=hint, text=text), node)
                    return None
                if LEADING_ZERO.match(text):
                    hint = msg("hint.leading-zero", number=f"{number.normalize():f}")
                    self.report(problem("Y013", "leading-zero", hint=hint, text=text), node, note=True)
                return number
            if text.lower() in yaml_scalars.NOT_A_NUMBER:
                self.report(problem("Y012", "not-a-number", hint=msg("hint.finite"), text=text), node)
                return None
            if DECIMAL_COMMA.match(text):
                hint = msg("hint.decimal-dot", number=text.replace(",", "."))
                self.report(problem("Y005", "decimal-comma", hint=hint, text=text), node)
                return None
            return text
        if text in yaml_scalars.TRUE:
            return True
        if text in yaml_scalars.FALSE:
            return False
        if text in yaml_scalars.NULLS:
            return None
        if text in yaml_scalars.YAML11_BOOLS:
            self.report(
                problem("Y004", "yaml11-bool", hint=msg("hint.yaml11", text=text), text=text),
                node,
                note=True,
            )
        return text


def decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes → NFC text, or a located error: size cap, binary, UTF-16, invalid UTF-8; a UTF-8 BOM is dropped."""
    if len(raw) > MAX_BYTES:
        too_large = problem("Y009", "too-large", size=len(raw), limit=MAX_BYTES)
        return None, [too_large.at(LineCol(file, 1, 1))]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [problem("Y006", "utf16", hint=msg("hint.save-it-utf8")).at(LineCol(file, 1, 1))]
    if b"\x00" in raw:
        return None, [problem("Y006", "binary").at(LineCol(file, 1, 1))]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        not_utf8 = problem("Y006", "not-utf8-byte", hint=msg("hint.save-utf8"), byte=bad)
        return None, [not_utf8.at(LineCol(file, line, col))]
    if not unicodedata.is_normalized("NFC", text):
        # One spelling for one text: Vietnamese typed in NFD (decomposed accents) is the same key, id and code
        # as its NFC form; otherwise "kịp-thời" and "kịp-thời" would differ unseen.
        text = unicodedata.normalize("NFC", text)
    return text, []


def _tab_notes(text: str, file: str) -> list[Diagnostic]:
    notes = []
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find("\t")
            if column >= 0:
                tab = problem("Y003", "tab", hint=msg("hint.tab"))
                notes.append(tab.at(LineCol(file, number, column + 1)))
    return notes


def _refusal(exc: Exception, text: str, file: str) -> Diagnostic:
    """libyaml's refusal of a text as one located Y001 (when it is parsed, or its tree composed late)."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML refuses (a control character): at its place
        return _refused_character(exc, text, file)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return problem("Y001", "yaml-syntax", detail=str(exc)).at(LineCol(file, 1, 1))
    mark, said = exc.problem_mark or exc.context_mark, exc.problem or exc.context or "invalid YAML"
    detail: Msg = msg("yaml-said", said=said)  # libyaml's English: the catalogue words what it knows
    if exc.context and exc.problem:
        detail = msg("yaml-said-while", said=said, context=exc.context)
        if exc.context_mark is not None and exc.context_mark is not mark:
            line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
            detail = msg("yaml-said-while-at", said=said, context=exc.context, line=line, col=col)
    hint = "hint.tabs-indent" if "\t" in str(exc) or "cannot start any token" in said else None
    hint = "hint.surrogate" if "invalid Unicode character escape code" in said else hint  # JSON's 😀, not YAML's
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    syntax = problem("Y001", "yaml-syntax", hint=msg(hint) if hint else None, detail=detail)
    return syntax.at(LineCol(file, line, col))


def _refused_character(exc: yaml.reader.ReaderError, text: str, file: str) -> Diagnostic:
    """At the character's line and column: libyaml gives its offset in the text's UTF-8 bytes, the pure-Python
    reader in its characters (the message named neither a line nor the file)."""
    utf8 = yaml.__with_libyaml__  # PyYAML's wheels have it
    before = text.encode()[: exc.position].decode("utf-8", "ignore") if utf8 else text[: exc.position]
    line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    detail = f"unacceptable character #x{exc.character:04x}: {exc.reason}"
    return problem("Y001", "yaml-syntax", detail=detail).at(LineCol(file, line, col))


def parse(raw: bytes, file: str, *, fast: FastRead | None = None) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML file's bytes. Returns the document (None when unusable) and every problem found.

    With `fast` (`yaml_fast.values`), a plain-subset file is read without a node tree (same values and places)."""
    text, problems = decode(raw, file)
    if text is None:
        return None, problems
    if kind_of_suffix(file) == "json":  # JSON writes 😀 as `\ud83d\ude00`, a surrogate pair: YAML has no surrogates
        from par_cli.yamlengine.json_text import join_surrogates  # not at start-up: few inputs are JSON

        text = join_surrogates(text)
    read = fast(text, TextNumber) if fast is not None else None
    if read is not None:  # well-formed in the plain subset: the same values, without a node tree
        return Document(file, read[0], fast=(text, read[1])), []
    notes = _tab_notes(text, file)
    _libyaml()
    try:
        root = yaml.compose(text, Loader=LOADER)
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [_refusal(exc, text, file), *notes]
    if root is None:
        empty = problem("Y008", "empty", hint=msg("hint.starts-kind"))
        return None, [empty.at(LineCol(file, 1, 1))]
    if not isinstance(root, MappingNode):
        shape = "top-list" if isinstance(root, SequenceNode) else "top-value"
        mark = root.start_mark
        return None, [problem("Y008", shape).at(LineCol(file, mark.line + 1, mark.column + 1))]
    walker = _Walker(file, _COMMA_BETWEEN_DIGITS.search(text) is not None)
    try:
        data = walker.collection(root)
    except _Abort as abort:
        return None, [abort.diagnostic.at(LineCol(file, *abort.position))]
    except RecursionError:
        return None, [problem("Y007", "too-deep", depth=MAX_DEPTH).at(LineCol(file, 1, 1))]
    document = Document(file, data, root, tuple(walker.notes + notes))
    return document, walker.problems
