"""The guide's pieces that come from the code, made when the site is built (mkdocs hook), never copied by hand.

A page asks for one with a marker on a line of its own:

- `<!-- par:help rank -->`: the command's help, in the page's language (`par rank --help`);
- `<!-- par:codes -->`: every check code, its level and what it catches (`par_cli.words.codes`);
- `<!-- par:schema assessment -->`: the fields of a file kind, from its JSON Schema (`par schema assessment`);
- `<!-- par:json score examples/2024/so-noi-vu.yaml -->`: the shape of a command's JSON output (every key, its
  JSON type and its value on the bundled examples), from running it.

Pages under `en/` are English; the others Vietnamese. tests/test_docs.py builds the site with `--strict`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^<!-- par:(help|codes|schema|json)((?: [^ >]+)*) -->$", re.M)
WORDS = {
    "vi": {
        "code": "Mã",
        "level": "Mức",
        "catches": "Phát hiện",
        "field": "Trường",
        "type": "Kiểu",
        "required": "Bắt buộc",
        "meaning": "Ý nghĩa",
        "key": "Khóa",
        "example": "Ví dụ (trên tệp mẫu)",
        "yes": "có",
        "ran": "Sinh từ",
    },
    "en": {
        "code": "Code",
        "level": "Level",
        "catches": "What it catches",
        "field": "Field",
        "type": "Type",
        "required": "Required",
        "meaning": "Meaning",
        "key": "Key",
        "example": "Example (on the bundled files)",
        "yes": "yes",
        "ran": "Made from",
    },
}


def page_language(src_uri: str) -> str:
    return "en" if src_uri.startswith("en/") else "vi"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs calls this for every page: each marker is replaced by what it asks for."""
    lang = page_language(page.file.src_uri)
    return MARKER.sub(lambda found: generate(found.group(1), found.group(2).split(), lang), markdown)


def generate(kind: str, args: list[str], lang: str) -> str:
    if kind == "help":
        return fenced(par(*args, "--help", lang=lang)[1])
    if kind == "codes":
        return codes_table(lang)
    if kind == "schema":
        return schema_table(args[0], lang)
    return json_shape(args, lang)


def par(*args: str, lang: str) -> tuple[int, str]:
    """`par ARGS` from the repository's root, as the reader would run it (100 columns, no colour)."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        return as_main(list(args), {"PAR_LANG": lang})
    finally:
        os.chdir(here)


def as_main(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """`par ARGS` in this process as `par_cli.cli.app.main` runs it — the help and click's usage errors in the run's
    language — with the environment `env` (and 100 columns, no colour): its exit code and what the terminal shows.
    What main changes for the run (the metavars' words, the help's language) is put back afterwards."""
    import typer.main
    import typer.testing
    from typer import core
    from typer.testing import CliRunner

    from par_cli.__main__ import app
    from par_cli.cli.help_words import speaking, whole_metavars
    from par_cli.cli.speech import before_parsing

    env = {"COLUMNS": "100", "NO_COLOR": "1", **env}
    saved_env = {name: os.environ.get(name) for name in env}
    saved_metavar, saved_build = core.TyperOption.make_metavar, getattr(typer.testing, "_get_command")  # noqa: B009
    # The runner builds the app with the function it imported; `speaking` words the one typer.main holds then.
    setattr(typer.testing, "_get_command", lambda app: typer.main.get_command(app))  # noqa: B010
    os.environ.update(env)
    try:
        lang = before_parsing(args)
        if "--help" in args or "-h" in args:
            whole_metavars(lang)
        with speaking(lang):
            result = CliRunner().invoke(app, args, env=env)
    finally:
        core.TyperOption.make_metavar = saved_metavar  # type: ignore[method-assign]
        setattr(typer.testing, "_get_command", saved_build)  # noqa: B010
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def fenced(text: str, language: str = "text") -> str:
    return f"```{language}\n" + "\n".join(line.rstrip() for line in text.rstrip().splitlines()) + "\n```"


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def codes_table(lang: str) -> str:
    from par_cli.words.catalogue import catalogue
    from par_cli.words.codes import CODES, summary

    words, said = WORDS[lang], catalogue(lang)
    rows = [f"| {words['code']} | {words['level']} | {words['catches']} |", "|---|---|---|"]
    for code, known in CODES.items():
        level = said[f"level.{known.level.value}"]
        rows.append(f'| <span id="{code}">{code}</span> | {level} | {cell(summary(code, lang))} |')
    return "\n".join(rows)


def schema_table(kind: str, lang: str) -> str:
    code, out = par("schema", kind, lang=lang)
    assert code == 0, out
    schema = json.loads(out)
    words = WORDS[lang]
    rows = [f"| {words['field']} | {words['type']} | {words['required']} | {words['meaning']} |", "|---|---|---|---|"]
    for path, node, required in fields(schema, schema, "", True):
        rows.append(f"| `{path}` | {type_of(schema, node)} | {words['yes'] if required else ''} | "
                    f"{cell(node.get('description', ''))} |")  # fmt: skip
    return f"{words['ran']} `par schema {kind}`:\n\n" + "\n".join(rows)


def resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = {**schema.get("$defs", {}).get(name, {}), **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def fields(
    schema: dict[str, Any], node: dict[str, Any], prefix: str, required: bool, depth: int = 0
) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """Each field under `node`, depth first: its dotted path (`areas[].children[]`), its schema and whether it
    must be given. Recursive kinds (a criterion's children) are listed once."""
    node = resolved(schema, node)
    if depth > 6:
        return
    items = node.get("items")
    if node.get("type") == "array" and isinstance(items, dict):
        yield from fields(schema, items, prefix + "[]", required, depth + 1)
        return
    needed = set(node.get("required", []))
    entries = (
        resolved(schema, node["additionalProperties"]) if isinstance(node.get("additionalProperties"), dict) else {}
    )
    for option in entries.get("anyOf") or entries.get("oneOf") or []:  # an answer: a plain input, or a record
        if resolved(schema, option).get("properties"):
            entries = resolved(schema, option)
    if entries.get("properties"):  # a map (answers by code, forms by agency): its entries' fields, under `*`
        yield from fields(schema, entries, f"{prefix}.*" if prefix else "*", required, depth + 1)
    for name, child in (node.get("properties") or {}).items():
        path = f"{prefix}.{name}" if prefix else name
        child_resolved = resolved(schema, child)
        yield path, child_resolved, name in needed
        if path.count(".") < 4 and not _seen_in(prefix, name):
            yield from fields(schema, child_resolved, path, name in needed, depth + 1)


def _seen_in(prefix: str, name: str) -> bool:
    return f"{name}[]" in prefix.split(".") or name in prefix.split(".")


def type_of(schema: dict[str, Any], node: dict[str, Any]) -> str:
    node = resolved(schema, node)
    if "enum" in node:
        return " · ".join(f"`{value}`" for value in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    options = node.get("anyOf") or node.get("oneOf")
    if options:
        return " / ".join(dict.fromkeys(type_of(schema, option) for option in options))
    kind = node.get("type", "")
    if kind == "array":
        return f"{type_of(schema, node.get('items') or {})}[]"
    return str(kind) if isinstance(kind, str) else " / ".join(kind)


def json_shape(args: list[str], lang: str) -> str:
    code, out = par(*args, "--format", "json", lang=lang)
    assert code == 0, out
    words = WORDS[lang]
    rows = [f"| {words['key']} | {words['type']} | {words['example']} |", "|---|---|---|"]
    types: dict[str, dict[str, None]] = {}
    examples: dict[str, str] = {}
    for path, value in keys(json.loads(out), ""):
        types.setdefault(path, {})[json_type(value)] = None
        if value is not None and not isinstance(value, dict | list):
            examples.setdefault(path, json.dumps(value, ensure_ascii=False))
    for path, kinds in types.items():
        rows.append(f"| `{path or '.'}` | {' / '.join(kinds)} | {cell(examples.get(path, '')[:60])} |")
    return f"{words['ran']} `par {' '.join(args)} --format json`:\n\n" + "\n".join(rows)


def keys(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, value
    if isinstance(value, dict):
        for name, child in value.items():
            yield from keys(child, f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for child in value:
            yield from keys(child, f"{path}[]")


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
