"""The YAML layer: typed scalars from source text, every problem located, hostile files refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from par_cli.core.numbers import TextNumber as YamlNumber
from par_cli.words.catalogue import line
from par_cli.yamlengine.source import MAX_BYTES, parse


def rendered(raw: bytes | str) -> list[str]:
    data = raw.encode() if isinstance(raw, str) else raw
    _, problems = parse(data, "f.yaml")
    return [line(p, with_code=False) for p in problems]


def data_of(text: str) -> dict[str, object]:
    doc, problems = parse(text.encode(), "f.yaml")
    assert doc is not None and not problems, problems
    return doc.data


def test_codes_and_keys_keep_their_source_text() -> None:
    data = data_of("answers:\n  1.10: 1\n  1.1: 2\ncode: 1.10\nother: 01\n")
    assert list(data["answers"]) == ["1.10", "1.1"]  # type: ignore[call-overload]
    code = data["code"]
    assert isinstance(code, YamlNumber) and code.source == "1.10"
    other = data["other"]
    assert isinstance(other, YamlNumber) and other.source == "01"


def test_numbers_are_exact_decimals() -> None:
    data = data_of("a: 0.1\nb: 96.5\nc: -2\nd: 1e2\ne: '3'\n")
    assert data["a"] == Decimal("0.1") and isinstance(data["a"], Decimal)
    assert data["b"] == Decimal("96.5")
    assert data["c"] == Decimal(-2)
    assert data["d"] == Decimal(100)
    assert data["e"] == "3"  # quoted: text


def test_booleans_nulls_and_yaml11_words() -> None:
    doc, problems = parse(b"a: true\nb: False\nc: ~\nd:\ne: yes\nf: off\n", "f.yaml")
    assert doc is not None and not problems
    assert doc.data == {"a": True, "b": False, "c": None, "d": None, "e": "yes", "f": "off"}
    assert [line(n) for n in doc.notes] == [
        "f.yaml:5:4: warning Y004: 'yes' is read as text here, but as a boolean by YAML 1.1 tools "
        "(hint: write true/false for a yes/no answer, or quote 'yes' if text is meant)",
        "f.yaml:6:4: warning Y004: 'off' is read as text here, but as a boolean by YAML 1.1 tools "
        "(hint: write true/false for a yes/no answer, or quote 'off' if text is meant)",
    ]


@pytest.mark.parametrize("text", [".nan", ".inf", "-.inf", ".NaN", "+.INF"])
def test_nan_and_inf_are_errors(text: str) -> None:
    assert rendered(f"a: 1\nmax: {text}\n") == [
        f"f.yaml:2:6: error: '{text}' is not a usable number (hint: give a finite number)"
    ]


def test_decimal_comma_has_a_hint() -> None:
    assert rendered("max: 0,5\n") == [
        "f.yaml:1:6: error: '0,5' has a decimal comma (hint: use a dot as decimal separator: 0.5)"
    ]


def test_duplicate_key_is_reported_at_the_second_key() -> None:
    assert rendered("answers:\n  '1.1': 1\n  x: 2\n  1.1: 3\n") == [
        "f.yaml:4:3: error: duplicate key '1.1' (first at line 2) "
        "(hint: YAML keeps only one of them: remove or merge the other)"
    ]


def test_billion_laughs_fails_fast() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    problems = rendered("\n".join(lines) + "\n")
    assert len(problems) == 1
    assert "expands to more than 500,000 values" in problems[0]
    assert problems[0].startswith("f.yaml:")


def test_recursive_alias_is_an_error() -> None:
    problems = rendered("a: &x [1, *x]\n")
    assert problems == ["f.yaml:1:4: error: recursive alias: a value contains itself"]


def test_bom_and_crlf_are_accepted() -> None:
    doc, problems = parse(b"\xef\xbb\xbfkind: criteria\r\nid: x\r\n", "f.yaml")
    assert doc is not None and not problems
    assert doc.data == {"kind": "criteria", "id": "x"}
    assert doc.position(("id",)) == (2, 5)


def test_binary_utf16_and_bad_utf8_files() -> None:
    assert rendered(b"a: 1\x00\x01") == ["f.yaml:1:1: error: binary file, not YAML text"]
    assert rendered("a: 1".encode("utf-16")) == ["f.yaml:1:1: error: file is UTF-16 text (hint: save it as UTF-8)"]
    assert rendered(b"a: 1\nb: caf\xe9\n") == [
        "f.yaml:2:7: error: not UTF-8 text (byte 0xe9) (hint: save the file as UTF-8)"
    ]


def test_empty_and_non_mapping_files() -> None:
    hint = "(hint: a criteria or assessment file starts with 'kind:')"
    assert rendered("") == [f"f.yaml:1:1: error: file is empty {hint}"]
    assert rendered("# only a comment\n") == [f"f.yaml:1:1: error: file is empty {hint}"]
    assert rendered("- a\n- b\n") == [
        "f.yaml:1:1: error: the top level must be a mapping of fields (key: value), found a list"
    ]
    assert rendered("just text\n") == [
        "f.yaml:1:1: error: the top level must be a mapping of fields (key: value), found a single value"
    ]


def test_size_cap() -> None:
    problems = rendered(b"a: 1\n" + b"#" * MAX_BYTES)
    assert problems == [f"f.yaml:1:1: error: file is {MAX_BYTES + 5:,} bytes, over the {MAX_BYTES:,}-byte limit"]


def test_syntax_errors_are_one_located_line() -> None:
    assert rendered("a: [1, 2\nb: 3\n") == [
        "f.yaml:2:2: error: YAML syntax: did not find expected ',' or ']' "
        "(while parsing a flow sequence at line 1, column 4)"
    ]
    tab = rendered("a:\n\t- 1\n")
    assert tab[0].startswith("f.yaml:2:1: error: YAML syntax: found character that cannot start any token")
    assert tab[0].endswith("(hint: indent with spaces, not tabs)")
    assert rendered("a: 1\n---\nb: 2\n")[0].startswith("f.yaml:2:1: error: YAML syntax: but found another document")


def test_a_control_character_is_refused_at_its_place() -> None:
    """libyaml names only a byte offset: the line and column are found from it, after accented letters too."""
    assert rendered('a: "xã ộ"\nb: "y\x07"\n') == [
        "f.yaml:2:6: error: YAML syntax: unacceptable character #x0007: control characters are not allowed"
    ]
    assert rendered("a: 1\x0b\n") == [
        "f.yaml:1:5: error: YAML syntax: unacceptable character #x000b: control characters are not allowed"
    ]


def test_unsupported_tags_and_merge_keys() -> None:
    assert rendered("a: !!python/object 1\n") == [
        "f.yaml:1:4: error: unsupported YAML tag tag:yaml.org,2002:python/object"
    ]
    assert rendered("base: &b {x: 1}\nc:\n  <<: *b\n") == [
        "f.yaml:3:3: error: merge keys (<<) are not supported (hint: write the fields out)"
    ]


def test_non_text_keys_are_errors() -> None:
    assert rendered("? [1, 2]\n: x\n") == ["f.yaml:1:3: error: a key must be text, not a list or mapping"]


def test_deep_nesting_is_refused() -> None:
    problems = rendered("a: " + "[" * 100 + "]" * 100 + "\n")
    assert problems == ["f.yaml:1:" + str(3 + 65) + ": error: nesting deeper than 64 levels"]


@pytest.mark.parametrize("text", ["1e999999999", "1e-99999999", "1234567890123456789012345678901", "2e16"])
def test_numbers_out_of_range_are_refused_before_any_arithmetic(text: str) -> None:
    assert rendered(f"max: {text}\n") == [
        f"f.yaml:1:6: error: '{text}' is out of range (hint: write a figure between 1e-15 and 1e15, at most 30 digits)"
    ]
    assert rendered("a: 0e-999999\nb: 123456789012345.5\nc: 0.000000000000001\n") == []


def test_the_limits_are_grouped_the_readers_way() -> None:
    """Vietnamese groups thousands with a dot (10.000.000), not with the English comma."""
    from par_cli.words.catalogue import text

    _, [problem] = parse(b"a: 1\n" + b"#" * MAX_BYTES, "f.yaml")
    size, limit = (f"{n:,}".replace(",", ".") for n in (MAX_BYTES + 5, MAX_BYTES))
    assert text(problem.message, "vi") == f"tệp có {size} byte, vượt giới hạn {limit} byte"
