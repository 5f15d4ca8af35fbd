"""`io.patterns`: regexes made from the code kept between runs are the ones `re.compile` makes, and a kept file
that is missing, broken, another Python's or cannot be written only costs a compile."""

from __future__ import annotations

import marshal
import re
from pathlib import Path
from typing import Any

import pytest

from par_cli.io import patterns
from par_cli.yamlengine import fast, flow_json

PATTERNS: list[tuple[str | bytes, int]] = [
    (fast._TOKEN_TEXT, 0),
    (fast._KEY_TEXT, 0),
    (flow_json._JSON_PLAIN_TEXT, 0),
    (fast._UNUSUAL_TEXT, 0),
    (r"(?P<code>\d+)\.(?P<rest>.*)", re.IGNORECASE | re.ASCII),
    (rb"^kind:[ \t]*(criteria|assessment)\b", re.MULTILINE),
]


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    file = tmp_path / "__pycache__" / "patterns.marshal"
    monkeypatch.setattr(patterns, "_FILE", str(file))
    monkeypatch.setattr(patterns, "_kept", [])
    return file


def _same(made: re.Pattern[Any], pattern: Any, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert made == expected and made.flags == expected.flags and made.pattern == pattern
    assert made.groups == expected.groups and made.groupindex == expected.groupindex


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_one_re_compiles(
    kept: Path, pattern: Any, flags: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _same(patterns.compiled(pattern, flags), pattern, flags)  # compiled by re, its code kept
    assert kept.is_file()
    patterns._kept.clear()  # another run: made from the kept code, re not asked
    compile_calls: list[object] = []
    original = re.compile

    def spy(*args: Any) -> Any:
        compile_calls.append(args)
        return original(*args)

    with monkeypatch.context() as patch:
        patch.setattr(re, "compile", spy)
        made = patterns.compiled(pattern, flags)
    assert compile_calls == []
    _same(made, pattern, flags)
    text = "12.Kind: x" if isinstance(pattern, str) else b"kind: criteria\n"
    assert str(made.search(text)) == str(original(pattern, flags).search(text))


def test_a_broken_or_foreign_file_is_made_again(kept: Path) -> None:
    kept.parent.mkdir(parents=True)
    for content in (b"not marshal", marshal.dumps(((0, "another python", 0, 0), {("a", 0): (0, [1], 0, {}, ())}))):
        kept.write_bytes(content)
        patterns._kept.clear()
        _same(patterns.compiled("a", 0), "a", 0)
    key, entries = marshal.loads(kept.read_bytes())
    assert key == patterns._KEY and list(entries) == [("a", 0)]


def test_nothing_written_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "install").write_text("")  # no __pycache__ can be made under it: as in a read-only install
    monkeypatch.setattr(patterns, "_FILE", str(tmp_path / "install" / "__pycache__" / "patterns.marshal"))
    monkeypatch.setattr(patterns, "_kept", [])
    _same(patterns.compiled(r"(\w+)=(\d+)"), r"(\w+)=(\d+)", 0)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["install"]
