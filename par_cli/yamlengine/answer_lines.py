"""An assessment's `answers` block cut out of its text, for a ranking's compiled scorer (issue 31).

`cut` finds the block of one-line entries under `answers:` written the plainest way, `"CODE": {self: V,
appraised: V, evidence: ["…"]}` (or the short form `"CODE": V`), and gives each entry as its code and its
answer's text less the content of its one text field (evidence, explanation, note or reason: it never changes a
score). A folder's files repeat those texts, so a scorer works each out once (`read` gives its value, as the fast
path reads it). The rest of the file keeps its lines (the block's are left blank, `answers: {}` in its place) for
the fast path (`yamlengine.fast`). Anything else in the block, or a block too short to matter, gives None: the
whole file is read as before. Tests prove `read` gives what the fast and located paths read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from par_cli.yamlengine.fast import MAX_TEXT, _plain
from par_cli.yamlengine.flow_json import SHORT_FIGURE, Declined, figures

Entry = tuple[str, str, str, str, str]  # code, its scoring fields' text, its text fields' names, a short form
Entries = list[Entry]

LEAST = 8  # entries: a shorter block is read by the fast path (as `yamlengine.fast.ENTRIES`)
# Possessive and atomic: each part's first character tells it from the others, so nothing is ever tried twice.
_WORD = r"[A-Za-z][A-Za-z0-9_-]*+"
_NUMBER = r"-?[0-9]++(?:\.[0-9]++)?+"
_VALUE = rf"(?>\{{{_WORD}: {_NUMBER}(?:, {_WORD}: {_NUMBER})*+\}}|{_NUMBER}|{_WORD})"  # {done, total}, a survey's
_FIELD = rf"(?>self|first_appraisal|appraised|survey|na): {_VALUE}"
_STRING = r'"[^"\\\n]*+"'
_TEXT = rf"(?:\[(?:{_STRING}(?:, {_STRING})*+)?\]|{_STRING})"
_TAIL = rf'(evidence(?=: \[)|explanation(?=: ")|note(?=: ")|reason(?=: ")): {_TEXT}'  # evidence a list, others a text
# One entry a line, two spaces in. Groups: 1 the code, 2 the answer's fields that score (with the brace before
# them), 3 and 4 the names of its text fields (two at most), 5 a short form's value.
_LINE = re.compile(
    rf'^  "([^"\\\n]{{1,100}}+)": (?:(\{{{_FIELD}(?:, {_FIELD})*+)(?:, {_TAIL}(?:, {_TAIL})?)?\}}|({_VALUE}))$',
    re.MULTILINE,
)
_END = re.compile(r"\n(?! )")  # the end of the block: a line that does not start with a space, or the text's end
_FIELDS = re.compile(rf"(\w+): ({_VALUE})")
_PAIRS = re.compile(rf"({_WORD}): ({_NUMBER})")
_FIGURE = rf"(0|[1-9][0-9]{{0,{SHORT_FIGURE - 1}}})"  # as the fast path reads it: no `01`, no longer figure
_RATIOS = re.compile(
    rf"\{{self: \{{done: {_FIGURE}, total: {_FIGURE}\}}(?:, appraised: \{{done: {_FIGURE}, total: {_FIGURE}\}})?"
)
_TEXTS = {"evidence": ["…"], "explanation": "…", "note": "…", "reason": "…"}  # a text field's value: any text


def cut(text: str) -> tuple[str, Entries] | None:
    """The text with its `answers` block blank (each line kept, so every other place is the same) and the block's
    entries; None: the fast path reads the whole text."""
    start = 0 if text.startswith("answers:\n") else text.find("\nanswers:\n") + 1
    if (start == 0 and not text.startswith("answers:\n")) or "\r" in text or len(text) > MAX_TEXT:
        return None
    first = start + len("answers:\n")
    found = _END.search(text, first)
    end = found.start() if found is not None else len(text)
    block = text[first:end]
    entries = _LINE.findall(block)
    lines = block.count("\n") + 1
    if len(entries) != lines or lines < LEAST or not block.replace("\n", "").isprintable():
        return None  # a line the fast path reads (or declines), another indentation, an unusual character
    rest = f"{text[:start]}answers: {{}}{chr(10) * lines}{text[end:]}"
    return rest, entries


def read(entry: Entry, figure: Callable[[str], Any]) -> Any:
    """The value of an entry as `cut` gives it, as the fast path reads that line (its text fields any text);
    Declined where that path declines it (a word it has a say about, `01`…). `figure`: `reader(number)`."""
    _, fields, tail, other, short = entry
    if short:
        return _value(short, figure)
    value = {}
    for match in _FIELDS.finditer(fields):
        name, written = match.group(1, 2)
        if name in value:
            raise Declined  # a field twice: the located path reports it
        value[name] = _value(written, figure)
    for name in (tail, other):
        if name in value:
            raise Declined
        if name:
            value[name] = _TEXTS[name]
    return value


def done_totals(fields: str) -> tuple[int, int, int | None, int | None] | None:
    """The figures of an answer's scoring fields written `{self: {done: A, total: B}}`, with `, appraised: {done:
    C, total: D}` or not, as the fast path reads them; None: any other answer, or a figure it declines or
    checks (`01`, longer than `flow_json.SHORT_FIGURE`): `read` reads it."""
    found = _RATIOS.fullmatch(fields)
    if found is None:
        return None
    a, b, c, d = found.groups()
    return int(a), int(b), None if c is None else int(c), None if d is None else int(d)


def reader(number: Callable[[str], Any]) -> Callable[[str], Any]:
    """Figures as the fast path makes them (`yamlengine.flow_json.figures`) with `number`
    (`core.numbers.TextNumber`: this module imports nothing of par's core)."""
    return figures(number)


def _value(written: str, figure: Callable[[str], Any]) -> Any:
    if written[0] != "{":
        return _plain(written, figure)
    value = {}
    for match in _PAIRS.finditer(written):
        key, number = match.group(1, 2)
        if key in value or _plain(key, figure) is not key:
            raise Declined  # a key twice, or a word as a key (`true`, `yes`…): the located path has its say
        value[key] = _plain(number, figure)
    return value
