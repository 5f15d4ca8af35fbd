"""Proof that every word par shows goes through the catalogue: a pseudo-language.

The test makes a language `qps` from English, every text wrapped in ⟦ ⟧, as one more catalogue file in a folder
named by PAR_LANGUAGES (the documented hook of `par_cli.words.languages`), and runs every command of the app
(found in its typer registry, not listed by hand) in every format its `--format` offers, with `--lang qps`, on
the bundled examples. Once the wrapped texts are taken out, no word may be left in what a person reads (stdout,
stderr, the text of an .xlsx or .docx written) but:

- data from the files read: names, titles, codes, ids, reasons, file names and paths (every word of the input
  files' values and keys counts as data);
- figures and symbols (numbers, %, ▲▼, ≈, −, the box drawing of tables);
- format syntax: JSON and SARIF are records for other programs, their keys, fixed values and texts in English
  whatever --lang (README, "JSON and SARIF stay in English for other programs"): only their stderr is read;
  a CSV is for programs too: its header row holds machine field names (README documents each), its flags are
  `true`/`false` (`par score`'s `applicable`) or `yes` (`par appraisal cuts`'s `two_rounds`); the GitHub annotation syntax
  (`::warning file=…,line=…,title=…::`); HTML tags, attributes and entities, Markdown markup; the keys of the
  YAML form (`kind:`, `answers:`, `self:`: the file format) and `null`; xlsx formulas (cells starting with `=`,
  which name the words of every language a form accepts back) and hidden columns (ids read back);
- `par schema` (a JSON Schema) and commands without --lang.

A word found elsewhere is a leak: a text written in code instead of the catalogue.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import typing
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

PSEUDO = "qps"
OPEN, CLOSE = "⟦", "⟧"

# The example each command runs on (as in /work/notes/golden.sh): a command the app has and this lacks fails.
EXAMPLES: dict[str, list[str] | None] = {
    "score": ["examples/2024/so-noi-vu.yaml", "--depth", "2", "--among", "examples/2024"],  # rank, average, charts
    "report": None,  # writes a folder: its reports are `score --among`'s, checked above
    "explain": ["examples/2024/so-noi-vu.yaml"],
    "rank": ["examples/2025", "--previous", "examples/2024", "--areas"],
    "check": ["examples", "tests/check/bad"],
    "template": ["mau-so-nganh"],
    "criteria list": [],
    "criteria show": ["mau-so-nganh"],
    "criteria diff": ["mau-so-nganh", "examples/revised-2025/criteria.yaml"],
    "criteria import": None,  # reads a Word annex: tests/test_criteria_import.py
    "trend": ["examples/2023", "examples/2024", "examples/2025"],
    "gaps": ["examples/2025", "--top", "4"],
    "survey report": ["examples/survey-2024/survey.yaml"],
    "survey tally": None,  # writes survey results files: tests/test_survey.py
    "appraisal cuts": ["examples/tham-dinh-2025"],
    "appraisal workbook": None,  # writes a workbook a council fills in: tests/test_council.py
    "appraisal read": None,
    "import": None,  # reads filled forms: tests/test_forms_out.py
    "cache clear": None,  # no output but a count
    "cache info": None,
    "completion": None,  # a shell script: no words but the help
    "schema": None,  # a JSON Schema
    "serve": None,  # a web server: its pages' words are the catalogue's (tests/serve/)
}
INPUTS = ["examples", "tests/check/bad", "criteria"]  # `criteria/`: the sets par has built in


def commands() -> dict[str, Any]:
    """Every command of the app: its name ("criteria show") → its function."""
    import par_cli.__main__  # noqa: F401  # registers every command module
    from par_cli.cli.app import app

    found = {info.name or info.callback.__name__: info.callback for info in app.registered_commands if info.callback}
    for group in app.registered_groups:
        assert group.typer_instance is not None
        for info in group.typer_instance.registered_commands:
            if info.callback is not None:
                found[f"{group.name} {info.name or info.callback.__name__}"] = info.callback
    return found


def option_type(function: Any, flag: str) -> Any:
    """The type of a command's option `flag` (an enum of its choices), or None."""
    for hint in typing.get_type_hints(function, include_extras=True).values():
        for meta in getattr(hint, "__metadata__", ()):
            if flag in (getattr(meta, "param_decls", None) or ()) or getattr(meta, "default", None) == flag:
                args = [a for a in typing.get_args(typing.get_args(hint)[0]) if a is not type(None)]
                return args[0] if args else typing.get_args(hint)[0]
    return None


def pseudo_catalogue(folder: Path) -> None:
    """`qps.toml`: English with every text wrapped, figures written the English way."""
    from par_cli.words.languages import FOLDER, parse

    english = parse(os.path.join(FOLDER, "en.toml"))
    lines = [
        "[language]",
        f'code = "{PSEUDO}"',
        'name = "Pseudo"',
        "order = 99",
        'decimal = "."',
        'group = ","',
        "group-in-messages = false",
        'locales = ["qps", "pseudo"]',  # LANG=qps_XX.UTF-8 or a Windows name Pseudo_Land.1234 means it
        "windows = 0x7E",
        "[words]",
    ]
    lines += [
        f"{json.dumps(key)} = {json.dumps(OPEN + text + CLOSE, ensure_ascii=False)}"
        for key, text in english["words"].items()
    ]
    (folder / f"{PSEUDO}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def data_words() -> set[str]:
    """Every word of the input files' keys and values, and of their paths: data, not par's words."""
    words: set[str] = set()

    def walk(value: Any) -> None:  # values only: a key (`rule:`, `max:`) is a word par might also show
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.update(tokens(value))

    for root in INPUTS:
        for path in (ROOT / root).rglob("*"):
            words.update(tokens(str(path.relative_to(ROOT))))
            if path.suffix in (".yaml", ".yml"):
                try:
                    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
                except (yaml.YAMLError, UnicodeDecodeError, ValueError):
                    words.update(tokens(path.read_text(encoding="utf-8", errors="replace")))  # broken on purpose
            elif path.suffix == ".csv":
                words.update(tokens(path.read_text(encoding="utf-8-sig", errors="replace")))
    return words


def tokens(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W\d_]{2,}", text)}


def unwrapped(text: str) -> str:
    """What is left once every wrapped text (innermost first) is taken out."""
    while True:
        shorter = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
        if shorter == text:
            return text
        text = shorter


def readable(fmt: str, stdout: str, written: Path | None) -> str:
    """The text a person reads in an output of `fmt`, its syntax taken out."""
    if fmt in ("json", "sarif"):
        return ""
    if fmt == "yaml":  # the assessment format's keys and null
        return re.sub(r"[\w-]+:|\bnull\b", " ", stdout)
    if fmt == "csv":  # the header row, and the flags `true`, `false`, `yes`, are machine values
        rows = list(csv.reader(io.StringIO(stdout)))[1:]
        return "\n".join(" ".join(cell for cell in row if cell not in ("true", "false", "yes")) for row in rows)
    if fmt == "github":
        return re.sub(r"^::\w+ [^:]*::", "", stdout, flags=re.M)
    if fmt == "html":
        text = re.sub(r"<(style|script)\b.*?</\1>", " ", stdout, flags=re.S)
        return re.sub(r"<[^>]*>|&\w+;", " ", text)
    if fmt == "markdown":
        return re.sub(r"&\w+;", " ", stdout)
    if fmt == "xlsx" and written is not None:
        import openpyxl

        book = openpyxl.load_workbook(written)
        # a sheet's title is cut at 31 characters (Excel's limit): the wrapped text's end may be lost
        cells = [sheet.title + (CLOSE if sheet.title.startswith(OPEN) else "") for sheet in book.worksheets]
        for sheet in book.worksheets:  # not the hidden columns (ids read back by `rank --previous`), not formulas
            hidden = {letter for letter, dimension in sheet.column_dimensions.items() if dimension.hidden}
            for row in sheet.iter_rows():
                cells += [
                    cell.value
                    for cell in row
                    if isinstance(cell.value, str)
                    and not cell.value.startswith("=")
                    and cell.column_letter not in hidden
                ]
        return "\n".join(cells)
    if fmt == "docx" and written is not None:
        with zipfile.ZipFile(written) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        return " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    return stdout


def runs() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, function in sorted(commands().items()):
        assert name in EXAMPLES, f"par {name}: give it its example arguments in EXAMPLES"
        if EXAMPLES[name] is None or option_type(function, "--lang") is None:
            continue
        formats = option_type(function, "--format")
        out += [(name, fmt.value) for fmt in formats] if formats is not None else [(name, "")]
    return out


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], set[str], Path]:
    folder = tmp_path_factory.mktemp("languages")
    pseudo_catalogue(folder)
    env = {**os.environ, "PAR_LANGUAGES": str(folder), "PYTHONPATH": str(ROOT), "COLUMNS": "120", "NO_COLOR": "1"}
    env["PAR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    return env, data_words(), tmp_path_factory.mktemp("out")


@pytest.mark.parametrize(("command", "fmt"), runs())
def test_every_visible_word_comes_from_the_catalogue(
    command: str, fmt: str, setting: tuple[dict[str, str], set[str], Path]
) -> None:
    from par_cli.writers import BINARY

    env, data, out = setting
    args = [*command.split(), *(EXAMPLES[command] or []), "--lang", PSEUDO]
    written = None
    if fmt:
        args += ["--format", fmt]
        if fmt in BINARY:
            written = out / f"{command.replace(' ', '-')}.{fmt}"
            written.unlink(missing_ok=True)
            args += ["--output", str(written)]
    result = subprocess.run(
        [sys.executable, "-m", "par_cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert written is None or written.exists(), result.stderr
    shown = readable(fmt, result.stdout, written) + "\n" + result.stderr
    assert OPEN in shown or fmt in ("json", "sarif", "csv"), f"par {' '.join(args)}: nothing in the pseudo-language"
    leaks = sorted(tokens(unwrapped(shown)) - data)
    assert leaks == [], f"par {' '.join(args)}: words not from the catalogue: {leaks}"


def argument_names() -> set[str]:
    """The words of every command's argument names (`FILE`, `paths`): the command line's syntax."""
    import typer.main

    from par_cli.cli.app import app

    found: set[str] = set()

    def walk(command: Any) -> None:
        found.update(tokens(" ".join(param.name or "" for param in getattr(command, "params", ()))))
        for sub in (getattr(command, "commands", None) or {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return found


def help_runs() -> list[str]:
    """`par --help`, each group's and each command's."""
    names = sorted(commands())
    groups = sorted({name.split()[0] for name in names if " " in name})
    return ["", *groups, *names]


@pytest.mark.parametrize("command", help_runs())
def test_every_word_of_the_help_comes_from_the_catalogue(
    command: str, setting: tuple[dict[str, str], set[str], Path]
) -> None:
    """The help, and click's and typer's own words (Usage, Options, [required]…), go through the catalogue too.
    Left unwrapped: the command line's syntax — commands, options, their metavariables and choices."""
    env, _, _ = setting
    args = [*command.split(), "--help"]  # in the language PAR_LANG names (the app and groups have no --lang)
    result = subprocess.run(
        [sys.executable, "-m", "par_cli", *args],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "400", "PAR_LANG": PSEUDO},  # one line per text: never cut by the frame
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert OPEN in result.stdout
    syntax = set(tokens(" ".join(commands()))) | tokens("python -m par_cli") | argument_names()
    left = unwrapped(result.stdout)
    left = re.sub(r"--?[\w-]+|<[^>]*>|\b[A-Z][A-Z_|]+\b", " ", left)  # options, <metavars>, TEXT, ID|PATH
    leaks = sorted(tokens(left) - syntax)
    assert leaks == [], f"par {' '.join(args)}: words not from the catalogue: {leaks}"
