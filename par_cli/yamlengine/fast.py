"""The fast path for well-formed YAML: the plain subset par's files are written in, read straight from the text.

`values` reads block collections, one-line flow collections, scalars and comments into the values the located path
(`yamlsource`: libyaml's node tree and a walk) gives, with the positions of the top two levels; anything else, or
that path would say a word about (a tab, `yes`, `01`, `0,5`, a duplicate key, an escape, an anchor…), gives None:
the located path reads the file. Tests prove the two agree (shipped files, generated documents, mutants). Block
lines are read one by one, but for a long mapping of one-line entries (`answers`: a code and its answer a line
each), read as JSON at once (`yaml_json`), as are the flow collections below the top two levels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from par_cli.yamlengine.flow_json import MAX_KEY, Declined, entries, figures, flows
from par_cli.yamlengine.scalars import (
    DECIMAL_COMMA,
    FALSE,
    LEADING_ZERO,
    NOT_A_NUMBER,
    NULLS,
    NUMBER,
    NUMBER_START,
    TRUE,
    YAML11_BOOLS,
)

Path = tuple[str | int, ...]
Position = tuple[int, int]

MAX_TEXT = 512 * 1024  # larger files take the located path (its bounds on values and depth decide there)
MAX_DEPTH = 16
ENTRIES = 8  # a mapping of this many one-line entries or more is read as JSON (`yaml_json.entries`)

# Characters libyaml reads as they are (printable, not a YAML 1.1 line break), without tabs: anything else
# (control characters, NEL, LS, PS, a BOM inside the text, CR) is left to the located path.
_UNUSUAL_TEXT = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
_INDICATORS = r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]"
_FLOW_PLAIN = rf"(?:{_INDICATORS}|-(?=[^\s,\[\]{{}}]))" + r"(?:[^\s:,\[\]{}#]|(?<=\S)\#|[ ]+(?=[^\s:,\[\]{}#]))*"
_BLOCK_PLAIN = rf"(?:{_INDICATORS}|[-?:](?=\S))" + r"(?:[^\s:#]|:(?=\S)|(?<=\S)\#|[ ]+(?=[^\s:#]|:\S))*"
_DOUBLE = r"\"([^\"\\]*)\""
_SINGLE = r"'((?:[^'\n]|'')*)'"
# One token of a flow collection. Groups: 1 bracket or comma, 2 double-quoted, 3 single-quoted, 4 colon,
# 5 plain; anything else (a comment, the end of the line, an indicator) matches none of them and is declined.
_TOKEN_TEXT = rf"[ ]*(?:([{{}}\[\],])|{_DOUBLE}|{_SINGLE}|(:)(?=[ ]|$)|({_FLOW_PLAIN})|\#.*|$|.)"
# A scalar value on a block line: 1 double-quoted, 2 single-quoted, 3 plain.
_SCALAR_TEXT = rf"(?:{_DOUBLE}|{_SINGLE}|({_BLOCK_PLAIN}))"
# A key at the start of a block line, then `:` and a space or the end of the line.
_KEY_TEXT = rf"(?:{_DOUBLE}|{_SINGLE}|({_BLOCK_PLAIN}))[ ]*:(?: +|$)"
_LINE_END_TEXT = r"(?:[ ]+\#.*)?\Z"
_UNCOMPILED = re.compile("")  # compiled on the first file read the fast way (~4 ms): not to read one file
_TOKEN = _SCALAR = _KEY = _LINE_END = _UNCOMPILED


def _compile() -> None:
    global _TOKEN, _SCALAR, _KEY, _LINE_END
    if _TOKEN is _UNCOMPILED:
        _TOKEN, _SCALAR, _KEY, _LINE_END = map(re.compile, (_TOKEN_TEXT, _SCALAR_TEXT, _KEY_TEXT, _LINE_END_TEXT))


def _unusual(line: str) -> bool:
    """Whether an unprintable line has a character left to the located path (`_UNUSUAL_TEXT`: compiled on the first
    such line, ~0.7 ms, for its large character set: a file par writes has none)."""
    return re.search(_UNUSUAL_TEXT, line) is not None


_LATER: Any = object()  # the value of a flow collection read later, with the others
_MARKERS = ("---", "...")  # at the start of a line and before a space or its end: a document's start or end
_WORDS = {**dict.fromkeys(TRUE, True), **dict.fromkeys(FALSE, False), **dict.fromkeys(NULLS)}


def _plain(text: str, figure: Callable[[str], Any]) -> Any:
    """A plain scalar's value as the located path types it; declined wherever that path would say a word."""
    if text[0] in NUMBER_START:
        if NUMBER.match(text):
            if LEADING_ZERO.match(text):
                raise Declined  # noted by the located path
            return figure(text)
        if text.lower() in NOT_A_NUMBER or DECIMAL_COMMA.match(text):
            raise Declined
        return text
    if text in _WORDS:
        return _WORDS[text]
    if text in YAML11_BOOLS or text == "<<":
        raise Declined
    return text


def _after_comma(key: re.Match[str]) -> bool:
    """A plain key of digits right after a comma: `{self: 1,5: x}`, where the located path sees `1,5`."""
    start = key.start(5)
    return key.group(5).isdigit() and start > 0 and key.string[start - 1] == ","


def _text(double: str | None, single: str | None) -> str:
    return double if double is not None else str(single).replace("''", "'")


def _key_text(key: re.Match[str]) -> str:
    """The key `_KEY` matched at the start of a block line."""
    double, single, plain = key.group(1, 2, 3)
    return plain if plain is not None else _text(double, single)


def _is_item(text: str) -> bool:
    return text == "-" or text.startswith("- ")


class _Reader:
    """Reads the block structure line by line, flow collections token by token, recording positions."""

    def __init__(self, lines: list[tuple[int, int, str]], figure: Callable[[str], Any]) -> None:
        self.figure = figure  # a figure from its text, or declined (`yaml_json.figures`)
        self.lines = lines  # (line number from 1, indent, text without it) of each line with content
        self.at = 0
        self.values: dict[Path, Position] = {(): (lines[0][0], lines[0][1] + 1)}
        self.keys: dict[Path, Position] = {}
        self.later: list[str] = []  # flow collections read together at the end (`yaml_json.flows`)
        self.pending: dict[str, list[tuple[int, int, str]]] = {}  # the lines of mappings read as JSON (`entries`)
        self.slots: list[tuple[Any, Any]] = []  # where each of them goes: (dict or list, key or index)

    def block(self, indent: int, path: Path) -> Any:
        """The block collection whose first line is the current one (at `indent`)."""
        if len(path) > MAX_DEPTH:
            raise Declined
        number, _, text = self.lines[self.at]
        if len(path) <= 2:
            self.values[path] = (number, indent + 1)
        return self.sequence(indent, path) if _is_item(text) else self.mapping(indent, path)

    def mapping(self, indent: int, path: Path) -> dict[str, Any]:
        if len(path) == 1 and isinstance(path[0], str) and (read := self.entries(indent, path[0])) is not None:
            return read
        result: dict[str, Any] = {}
        lines = self.lines
        while self.at < len(lines):
            number, at, text = lines[self.at]
            if at < indent:
                break
            match = _KEY.match(text)
            if at > indent or match is None or match.end() > MAX_KEY:
                raise Declined
            key = _key_text(match)
            if key in result or match.group(3) == "<<":
                raise Declined
            here = (*path, key)
            if len(here) <= 2:
                self.keys[here] = (number, at + 1)
            start = match.end()
            if start == len(text) or text[start] == "#":
                result[key] = self.below(text, start, number, at, here)
            else:
                result[key] = value = self.inline(text, start, number, at, here)
                if value is _LATER:
                    self.slots.append((result, key))
        return result

    def entries(self, indent: int, name: str) -> dict[str, Any] | None:
        """A long mapping whose entries are a line each, read as JSON at once; None: read line by line."""
        lines, start = self.lines, self.at
        end = start
        while end < len(lines) and lines[end][1] == indent:
            end += 1
        if end - start < ENTRIES or (end < len(lines) and lines[end][1] > indent):
            return None
        block = lines[start:end]
        read = entries([text for _, _, text in block], self.figure)
        if read is not None:
            self.at, self.pending[name] = end, block
        return read

    def below(self, text: str, start: int, number: int, indent: int, path: Path) -> Any:
        """The value of `key:` with nothing after it: the block below, or nothing."""
        self.at += 1
        if self.at < len(self.lines):
            _, under, under_text = self.lines[self.at]
            if under > indent or (under == indent and _is_item(under_text)):
                return self.block(under, path)
        if len(path) <= 2:  # libyaml places an empty value just after its colon
            self.values[path] = (number, indent + text.rindex(":", 0, start) + 2)
        return None

    def inline(self, text: str, start: int, number: int, indent: int, path: Path) -> Any:
        """A one-line value starting at `start` of the current line; the line is done after it."""
        if len(path) <= 2:
            self.values[path] = (number, indent + start + 1)
        if text[start] in "{[":
            if len(path) >= 2 and "#" not in text:  # no position needed inside: read with the others, as JSON
                self.later.append(text[start:])
                value, end = _LATER, len(text)
            else:
                value, end = self.flow(text, start, number, indent, path)
        else:
            match = _SCALAR.match(text, start)
            if match is None:
                raise Declined
            double, single, plain = match.group(1, 2, 3)
            value = _plain(plain, self.figure) if plain is not None else _text(double, single)
            end = match.end()
        if _LINE_END.match(text, end) is None:
            raise Declined
        self.at += 1
        if self.at < len(self.lines) and self.lines[self.at][1] > indent:
            raise Declined  # a scalar going on below (multi-line), or a line indented wrongly
        return value

    def sequence(self, indent: int, path: Path) -> list[Any]:
        items: list[Any] = []
        lines = self.lines
        while self.at < len(lines):
            number, at, text = lines[self.at]
            if at < indent or (at == indent and not _is_item(text)):
                break  # the end of an indentless sequence: the mapping around it goes on
            if at > indent or text == "-":
                raise Declined  # an item below its dash: rare, the located path reads it
            start = len(text) - len(text[1:].lstrip(" "))
            if start == len(text) or text[start] in "#-":
                raise Declined
            here = (*path, len(items))
            if _KEY.match(text, start) is not None:  # `- key: value`: a mapping whose first key is on the dash line
                lines[self.at] = (number, at + start, text[start:])
                items.append(self.block(at + start, here))
            elif (value := self.inline(text, start, number, at, here)) is _LATER:
                self.slots.append((items, len(items)))
                items.append(None)
            else:
                items.append(value)
        return items

    def flow(self, text: str, start: int, number: int, indent: int, path: Path) -> tuple[Any, int]:
        """A flow collection that closes on this line, from its bracket: (value, where the line goes on)."""
        tokens = _FlowTokens(self, text, start, number, indent, path)
        try:
            return tokens.value(next(tokens.tokens), path), next(tokens.tokens).start()
        except StopIteration:  # the line ended inside the collection: it goes on below, or is broken
            raise Declined from None


class _FlowTokens:
    """One flow collection read token by token (a top-level one: the positions inside it are kept)."""

    def __init__(self, reader: _Reader, text: str, start: int, number: int, indent: int, path: Path) -> None:
        self.tokens = _TOKEN.finditer(text, start)
        self.reader, self.number, self.offset = reader, number, indent + 1
        self.record = len(path) < 2  # positions inside it are within the top two levels

    def position(self, match: re.Match[str], kind: int) -> Position:
        return (self.number, match.start(kind) + self.offset - (kind in (2, 3)))  # a quoted scalar: at its quote

    def value(self, match: re.Match[str], here: Path) -> Any:
        kind = match.lastindex
        if kind is None or kind == 4 or len(here) > MAX_DEPTH:
            raise Declined
        if self.record:
            self.reader.values[here] = self.position(match, kind)
        if kind == 5:
            return _plain(match.group(5), self.reader.figure)
        if kind != 1:
            return _text(match.group(2), match.group(3))
        bracket = match.group(1)
        if bracket == "{":
            return self.mapping(here)
        if bracket == "[":
            return self.sequence(here)
        raise Declined

    def after_item(self, close: str) -> re.Match[str]:
        """The token after an item and its comma (the next item, or the bracket), or the closing bracket."""
        match = next(self.tokens)
        if match.group(1) == ",":
            return next(self.tokens)
        if match.group(1) != close:
            raise Declined
        return match

    def mapping(self, here: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        match = next(self.tokens)
        while match.group(1) != "}":
            kind = match.lastindex
            if kind not in (2, 3, 5):
                raise Declined
            key = match.group(5) if kind == 5 else _text(match.group(2), match.group(3))
            if key in result or len(key) > MAX_KEY or (kind == 5 and (key == "<<" or _after_comma(match))):
                raise Declined
            entry = (*here, key)
            if self.record:
                self.reader.keys[entry] = self.position(match, kind)
            if next(self.tokens).lastindex != 4:
                raise Declined
            result[key] = self.value(next(self.tokens), entry)
            match = self.after_item("}")
        return result

    def sequence(self, here: Path) -> list[Any]:
        items: list[Any] = []
        match = next(self.tokens)
        while match.group(1) != "]":
            items.append(self.value(match, (*here, len(items))))
            match = self.after_item("]")
        return items


class Positions:
    """Where the values and the keys of the top two levels are written (line, column from 1). Those of a mapping read
    as JSON (`_Reader.entries`) are found on the first look-up below it: a ranking asks for none of them."""

    __slots__ = ("keys", "pending", "values")

    def __init__(
        self, values: dict[Path, Position], keys: dict[Path, Position], pending: dict[str, list[tuple[int, int, str]]]
    ) -> None:
        self.values, self.keys, self.pending = values, keys, pending

    def value(self, path: Path) -> Position | None:
        self._place_below(path)
        return self.values.get(path)

    def key(self, path: Path) -> Position | None:
        self._place_below(path)
        return self.keys.get(path)

    def _place_below(self, path: Path) -> None:
        if self.pending and len(path) == 2 and path[0] in self.pending:
            self._place(str(path[0]))

    def everything(self) -> Positions:
        """Every position found (to compare them all with the located path's)."""
        for name in list(self.pending):
            self._place(name)
        return self

    def _place(self, name: str) -> None:
        for number, at, text in self.pending.pop(name):
            match = _KEY.match(text)
            if match is None:  # no key the block reader reads: found in the tree, as below the top two levels
                continue
            here = (name, _key_text(match))
            self.keys.setdefault(here, (number, at + 1))
            self.values.setdefault(here, (number, at + match.end() + 1))


Read = tuple[dict[str, Any], Positions]
FastRead = Callable[[str, Callable[[str], Any]], Read | None]  # `values`, as `source.parse` takes it


def values(text: str, number: Callable[[str], Any]) -> Read | None:
    """The file's top-level mapping, and where the values and keys of its top two levels are written; None when the
    text is outside the subset (the located path then reads it). `number` makes a figure from its written text
    (`core.numbers.TextNumber`: the fast path imports nothing of par's core)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # one line break to libyaml too; a CR alone is declined below
    _compile()
    if len(text) > MAX_TEXT:
        return None
    lines = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line:
            continue
        if not line.isprintable() and _unusual(line):  # each unusual character is unprintable: C first
            return None
        content = line.lstrip(" ")
        if content and content[0] != "#":
            indent = len(line) - len(content)
            if not indent and content[:3] in _MARKERS and content[3:4] in ("", " "):
                return None  # `--- key: 1`, `... key: 1`: a document's start or end, not a key
            lines.append((line_number, indent, content.rstrip(" ")))
    if not lines or lines[0][1] != 0:
        return None
    figure = figures(number)
    reader = _Reader(lines, figure)
    try:
        data = reader.mapping(0, ())
    except (Declined, RecursionError):
        return None
    if reader.at != len(lines):
        return None
    if reader.later:
        later = flows(reader.later, figure)
        if later is None:
            return None
        for (holder, key), value in zip(reader.slots, later, strict=True):
            holder[key] = value
    return data, Positions(reader.values, reader.keys, reader.pending)
