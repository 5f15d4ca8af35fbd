"""Answers written back into an assessment's YAML text, line by line: every other line (comments, details,
answers not changed) kept as it is, each changed answer one line in its place, a new one after the answer
before it in the set's order. Values are written as `par import` and `par appraisal read` write them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import yaml

from par_cli.yamlengine.loader import LOADER

ORDER = ("self", "na", "first_appraisal", "appraised", "reason", "survey", "evidence", "explanation", "note")


def flow(value: Any) -> str:
    """A value as YAML flow text: numbers as written, `true`/`false`, `null`, texts quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (ORDER.index(k) if k in ORDER else len(ORDER), str(k)))
        return "{" + ", ".join(f"{key_text(k)}: {flow(value[k])}" for k in keys) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    source = getattr(value, "source", None)
    if source is not None:
        return str(source)
    if value == "na":
        return "na"
    if isinstance(value, int):
        return str(value)
    if type(value).__name__ == "Decimal":
        return f"{value:f}"
    return json.dumps(str(value), ensure_ascii=False)


def key_text(key: Any) -> str:
    text = str(key)
    return text if text.isidentifier() and text.isascii() else json.dumps(text, ensure_ascii=False)


def _last_line(node: Any) -> int:
    """The 0-based line a node's text ends on (a block's last value's)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return max(_last_line(child) for pair in node.value for child in pair)
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return max(_last_line(child) for child in node.value)
    end = node.end_mark
    return int(end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line)


def _section(root: Any, name: str) -> tuple[Any, Any] | None:
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return key, value
    return None


def rewrite(text: str, section: str, answers: dict[str, Any], order: Sequence[str], held: dict[str, Any]) -> str:
    """`text` with the entries `answers` (code → value) of `section` (`answers` or `adjustments`) written in,
    replacing those it has and adding the others; `order`: the codes in the set's order; `held`: the section's
    values as the file holds them (kept when a one-line section is written out as a block)."""
    if not answers:
        return text
    root = yaml.compose(text, Loader=LOADER)
    lines = text.split("\n")
    found = _section(root, section) if isinstance(root, yaml.MappingNode) else None
    if found is None or (isinstance(found[1], yaml.ScalarNode) and found[1].value in ("", "~", "null")):
        if found is not None:  # `answers:` with nothing under it: the entries go under it
            at = found[0].start_mark.line
            lines[at] = f"{section}:"
            new = [f"  {json.dumps(c, ensure_ascii=False)}: {flow(v)}" for c, v in _ordered(answers, order)]
            return "\n".join([*lines[: at + 1], *new, *lines[at + 1 :]])
        body = text if text.endswith("\n") else text + "\n"
        new = [f"  {json.dumps(c, ensure_ascii=False)}: {flow(v)}" for c, v in _ordered(answers, order)]
        return body + f"{section}:\n" + "\n".join(new) + "\n"
    key_node, mapping = found
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style or not mapping.value:
        # `answers: {…}` on one line (or another shape): the whole section becomes a block, every value kept
        merged = {**held, **answers}
        start, end = key_node.start_mark.line, _last_line(mapping)
        entries = [f"{json.dumps(c, ensure_ascii=False)}: {flow(v)}" for c, v in _ordered(merged, order)]
        if start == end and isinstance(mapping, yaml.MappingNode) and mapping.flow_style:  # one line it stays
            one = f"{lines[start][: key_node.start_mark.column]}{section}: {{{', '.join(entries)}}}"
            return "\n".join([*lines[:start], one + _comment_after(lines, mapping), *lines[end + 1 :]])
        new = [f"  {entry}" for entry in entries]
        return "\n".join([*lines[:start], f"{section}:", *new, *lines[end + 1 :]])
    indent = " " * mapping.value[0][0].start_mark.column
    spans: dict[str, tuple[int, int]] = {}
    comments: dict[str, str] = {}  # a one-line entry's comment after its value (`"1.1": 95  # theo báo cáo`)
    for key, value in mapping.value:
        if isinstance(key, yaml.ScalarNode) and key.value not in spans:
            spans[key.value] = (key.start_mark.line, _last_line(value))
            comments[key.value] = _comment_after(lines, value)
    replaced: dict[int, tuple[int, list[str]]] = {}  # first line → (last line, its new lines)
    inserted: dict[int, list[str]] = {}  # after this line → new lines
    for code, value in _ordered(answers, order):
        line = f"{indent}{json.dumps(code, ensure_ascii=False)}: {flow(value)}"
        if code in spans:
            line += comments.get(code, "")
            start, end = spans[code]
            replaced[start] = (end, [line])
            continue
        after = _after(code, order, spans)
        inserted.setdefault(after, []).append(line)
    out: list[str] = []
    n = 0
    first = mapping.value[0][0].start_mark.line
    inserted_before = inserted.pop(-1, [])
    while n < len(lines):
        if n == first:
            out += inserted_before
        if n in replaced:
            end, new = replaced[n]
            out += new
            for m in range(n, end + 1):
                out += inserted.get(m, [])
            n = end + 1
            continue
        out.append(lines[n])
        out += inserted.get(n, [])
        n += 1
    return "\n".join(out)


def _comment_after(lines: list[str], value: Any) -> str:
    """The comment that follows a value on its line (with the spaces before it), or ""."""
    end = value.end_mark
    if end.line != value.start_mark.line or end.line >= len(lines):
        return ""
    rest = lines[end.line][end.column :]
    return rest.rstrip() if rest.strip().startswith("#") and rest[:1] in (" ", "\t") else ""


def _after(code: str, order: Sequence[str], spans: dict[str, tuple[int, int]]) -> int:
    """The last line of the entry before `code` in the set's order that the text has; -1: before the first."""
    position = order.index(code) if code in order else len(order)
    before = [spans[c][1] for c in order[:position] if c in spans]
    if before:
        return before[-1]
    return -1


def _ordered(answers: dict[str, Any], order: Sequence[str]) -> list[tuple[str, Any]]:
    rank = {code: n for n, code in enumerate(order)}
    return sorted(answers.items(), key=lambda item: rank.get(item[0], len(rank)))
