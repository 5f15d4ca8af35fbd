"""The fast path for well-formed YAML: the plain subset par's files are written in, read straight from the text.

`values` reads block collections, one-line flow collections, scalars and comments into the values the located path
(`yamlsource`: libyaml's node tree and a walk) gives, with the positions of the top two levels; anything else, or
that path would say a word about (a tab, `yes`, `01`, `0,5`, a duplicate key, an escape, an anchor…), gives None:
the located path reads the file. Tests prove the two agree (shipped files, generated documents, mutants). Block
lines are read one by one; the flow collections below the top two levels (answers, a line each) together by
`_flows`: plain keys and texts quoted once per distinct line (`_JsonLines`), then one `json.loads`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

Path = tuple[str | int, ...]
Position = tuple[int, int]

# How the located path types a plain scalar (yamlsource imports these: one definition for both paths).
NUMBER_START = frozenset("0123456789+-.")
NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\Z")
DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+\Z")
LEADING_ZERO = re.compile(r"[-+]?0\d")
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUE = frozenset({"true", "True", "TRUE"})
FALSE = frozenset({"false", "False", "FALSE"})
YAML11_BOOLS = frozenset({"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"})
NOT_A_NUMBER = frozenset({".nan", ".inf", "+.inf", "-.inf"})
SHORT_FIGURE = 15  # a figure this long or shorter, written out, is inside yamlsource's bounds

MAX_TEXT = 512 * 1024  # larger files take the located path (its bounds on values and depth decide there)
MAX_DEPTH = 16
MAX_KEY = 1000  # libyaml refuses an implicit key longer than 1,024 characters

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
MAX_BRACKETS = 48  # a line with more opening brackets may nest deeper than the located path allows
_ENDS = r"[ ]*[,\]}\n]"  # the end of a value in the skeleton
# Words the located path types otherwise (True, ~) or has a word about (yes, off): left bare, JSON refuses them.
_JSON_WORDS = r"(?:true|false|null|True|TRUE|False|FALSE|Null|NULL|~|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)"
_JSON_KEY = r"(?!-[ ,\[\]{}])[^ \n\x00\[\]{},:\"][^\n\x00\[\]{},:\"]*?(?=[ ]*:[ \n])"
_JSON_VALUE = r"[^-+.\d \n\x00\[\]{},:\"][^\n\x00\[\]{},:\"]*?(?=" + _ENDS + ")"
# A plain key or text, after a bracket, a comma or a space: captured, so that joining the split on `"` quotes it.
# (The lookahead first lets the engine skip the positions where no token can start: 40 % faster.)
_JSON_PLAIN_TEXT = rf"(?=[^ \n\x00\[\]{{}},:\"])(?<=[\[{{, ])(?!{_JSON_WORDS}{_ENDS})({_JSON_KEY}|{_JSON_VALUE})"
# A flow line the located path reads: a single quote, a comment, an escape or another indicator outside the double
# quotes, a colon without a space after it, or `…,5: …` (it sees a decimal comma: `{self: 1,5: x}`).
_OTHER_FLOW_TEXT = r"['#&*!|>%@`?\\]|:[^ \n]|,\d+[ ]*:"
_UNCOMPILED = re.compile("")  # compiled on the first file read the fast way (~4 ms): not to read one file
_UNUSUAL = _TOKEN = _SCALAR = _KEY = _LINE_END = _JSON_PLAIN = _OTHER_FLOW = _UNCOMPILED


def _compile() -> None:
    global _UNUSUAL, _TOKEN, _SCALAR, _KEY, _LINE_END, _JSON_PLAIN, _OTHER_FLOW
    if _UNUSUAL is _UNCOMPILED:
        block = (_UNUSUAL_TEXT, _TOKEN_TEXT, _SCALAR_TEXT, _KEY_TEXT, _LINE_END_TEXT)
        _UNUSUAL, _TOKEN, _SCALAR, _KEY, _LINE_END = map(re.compile, block)
        _JSON_PLAIN, _OTHER_FLOW = re.compile(_JSON_PLAIN_TEXT), re.compile(_OTHER_FLOW_TEXT)


_LATER: Any = object()  # the value of a flow collection read later, with the others
_WORDS = {**dict.fromkeys(TRUE, True), **dict.fromkeys(FALSE, False), **dict.fromkeys(NULLS)}


class _Declined(Exception):
    """The text is outside the subset: the located path reads it."""


def _plain(text: str, figure: Callable[[str], Any]) -> Any:
    """A plain scalar's value as the located path types it; declined wherever that path would say a word."""
    if text[0] in NUMBER_START:
        if NUMBER.match(text):
            if LEADING_ZERO.match(text):
                raise _Declined  # noted by the located path
            return figure(text)
        if text.lower() in NOT_A_NUMBER or DECIMAL_COMMA.match(text):
            raise _Declined
        return text
    if text in _WORDS:
        return _WORDS[text]
    if text in YAML11_BOOLS or text == "<<":
        raise _Declined
    return text


def _after_comma(key: re.Match[str]) -> bool:
    """A plain key of digits right after a comma: `{self: 1,5: x}`, where the located path sees `1,5`."""
    start = key.start(5)
    return key.group(5).isdigit() and start > 0 and key.string[start - 1] == ","


def _text(double: str | None, single: str | None) -> str:
    return double if double is not None else str(single).replace("''", "'")


def _is_item(text: str) -> bool:
    return text == "-" or text.startswith("- ")


class _Reader:
    """Reads the block structure line by line, flow collections token by token, recording positions."""

    def __init__(self, lines: list[tuple[int, int, str]], figure: Callable[[str], Any]) -> None:
        self.figure = figure  # a figure from its text, or declined (`_figure`)
        self.lines = lines  # (line number from 1, indent, text without it) of each line with content
        self.at = 0
        self.values: dict[Path, Position] = {(): (lines[0][0], lines[0][1] + 1)}
        self.keys: dict[Path, Position] = {}
        self.later: list[str] = []  # flow collections read together at the end (`_flows`)
        self.slots: list[tuple[Any, Any]] = []  # where each of them goes: (dict or list, key or index)

    def block(self, indent: int, path: Path) -> Any:
        """The block collection whose first line is the current one (at `indent`)."""
        if len(path) > MAX_DEPTH:
            raise _Declined
        number, _, text = self.lines[self.at]
        if len(path) <= 2:
            self.values[path] = (number, indent + 1)
        return self.sequence(indent, path) if _is_item(text) else self.mapping(indent, path)

    def mapping(self, indent: int, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines = self.lines
        while self.at < len(lines):
            number, at, text = lines[self.at]
            if at < indent:
                break
            match = _KEY.match(text)
            if at > indent or match is None or match.end() > MAX_KEY:
                raise _Declined
            double, single, plain = match.group(1, 2, 3)
            key = plain if plain is not None else _text(double, single)
            if key in result or plain == "<<":
                raise _Declined
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
                raise _Declined
            double, single, plain = match.group(1, 2, 3)
            value = _plain(plain, self.figure) if plain is not None else _text(double, single)
            end = match.end()
        if _LINE_END.match(text, end) is None:
            raise _Declined
        self.at += 1
        if self.at < len(self.lines) and self.lines[self.at][1] > indent:
            raise _Declined  # a scalar going on below (multi-line), or a line indented wrongly
        return value

    def sequence(self, indent: int, path: Path) -> list[Any]:
        items: list[Any] = []
        lines = self.lines
        while self.at < len(lines):
            number, at, text = lines[self.at]
            if at < indent or (at == indent and not _is_item(text)):
                break  # the end of an indentless sequence: the mapping around it goes on
            if at > indent or text == "-":
                raise _Declined  # an item below its dash: rare, the located path reads it
            start = len(text) - len(text[1:].lstrip(" "))
            if start == len(text) or text[start] in "#-":
                raise _Declined
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
            raise _Declined from None


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
            raise _Declined
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
        raise _Declined

    def after_item(self, close: str) -> re.Match[str]:
        """The token after an item and its comma (the next item, or the bracket), or the closing bracket."""
        match = next(self.tokens)
        if match.group(1) == ",":
            return next(self.tokens)
        if match.group(1) != close:
            raise _Declined
        return match

    def mapping(self, here: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        match = next(self.tokens)
        while match.group(1) != "}":
            kind = match.lastindex
            if kind not in (2, 3, 5):
                raise _Declined
            key = match.group(5) if kind == 5 else _text(match.group(2), match.group(3))
            if key in result or len(key) > MAX_KEY or (kind == 5 and (key == "<<" or _after_comma(match))):
                raise _Declined
            entry = (*here, key)
            if self.record:
                self.reader.keys[entry] = self.position(match, kind)
            if next(self.tokens).lastindex != 4:
                raise _Declined
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


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs) or "<<" in mapping:
        raise _Declined  # a repeated key or a merge key: the located path reports it
    return mapping


class _Figures(dict[str, Any]):
    """Figures by their written text, made once (`number`) and shared: a folder's files repeat the same few, and a
    look-up is in C. A longer figure or one with an exponent is declined: the located path range-checks it."""

    def __init__(self, number: Callable[[str], Any]) -> None:
        self.number = number

    def __missing__(self, text: str) -> Any:
        if len(text) > SHORT_FIGURE or "e" in text or "E" in text:
            raise _Declined
        if len(self) >= 20_000:  # a few MB at most: a process may read tens of thousands of files
            self.clear()
        figure = self[text] = self.number(text)
        return figure


_figures = [_Figures(str)]  # those of the `number` last given


def _figure(number: Callable[[str], Any]) -> Callable[[str], Any]:
    _figures[:] = _figures if _figures[0].number is number else [_Figures(number)]
    return _figures[0].__getitem__


def _constant(text: str) -> Any:
    raise _Declined  # NaN, Infinity: JSON's words, not a figure of a PAR file


def _flows(texts: list[str], figure: Callable[[str], Any]) -> list[Any] | None:
    """The values of these flow collections (each on one line, starting with its bracket), or None."""
    parts = "\n".join(texts).split('"')  # the double-quoted strings at odd places, the rest (a skeleton) at even
    if len(parts) % 2 == 0 or "\n" in "\x00".join(parts[1::2]):
        return None  # a quote left open, or a string going on below
    lines = list(map(_json_lines.__getitem__, "\x00".join(parts[0::2]).split("\n")))
    if None in lines:
        return None
    parts[0::2] = ",".join(cast("list[str]", lines)).split("\x00")
    import json  # not at start-up: only the fast path uses it

    text = "[" + '"'.join(parts) + "]"
    try:
        values = json.loads(
            text, parse_int=figure, parse_float=figure, parse_constant=_constant, object_pairs_hook=_mapping
        )
    except (ValueError, _Declined, RecursionError):
        return None
    return values if isinstance(values, list) and len(values) == len(texts) else None


class _JsonLines(dict[str, str | None]):
    """Flow lines' skeletons (`\\x00` for each double-quoted string) as JSON, or None where the located path reads
    them: made once and shared (a folder's files repeat their lines; the quoting regex was the fast path's most)."""

    def __missing__(self, line: str) -> str | None:
        if len(self) >= 5_000:
            self.clear()
        other = _OTHER_FLOW.search(line) or line.count("[") + line.count("{") > MAX_BRACKETS
        json = self[line] = None if other else '"'.join(_JSON_PLAIN.split(line + "\n"))[:-1]
        return json


_json_lines = _JsonLines()


Read = tuple[dict[str, Any], dict[Path, Position], dict[Path, Position]]


def values(text: str, number: Callable[[str], Any]) -> Read | None:
    """The file's top-level mapping, and the positions (line, column from 1) of the values and of the keys of its
    top two levels; None when the text is outside the subset (the located path then reads it). `number` makes a
    figure from its written text (`core.numbers.TextNumber`: this module imports nothing of par's)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # one line break to libyaml too; a CR alone is declined below
    _compile()
    if len(text) > MAX_TEXT:
        return None
    lines = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.isprintable() and _UNUSUAL.search(line):  # each unusual character is unprintable: C first
            return None
        content = line.lstrip(" ")
        if content and content[0] != "#":
            lines.append((line_number, len(line) - len(content), content.rstrip(" ")))
    if not lines or lines[0][1] != 0:
        return None
    figure = _figure(number)
    reader = _Reader(lines, figure)
    try:
        data = reader.mapping(0, ())
    except (_Declined, RecursionError):
        return None
    if reader.at != len(lines):
        return None
    if reader.later:
        later = _flows(reader.later, figure)
        if later is None:
            return None
        for (holder, key), value in zip(reader.slots, later, strict=True):
            holder[key] = value
    return data, reader.values, reader.keys
