"""Words are data: the core returns message ids with values and never names a language; each language is one
catalogue file (`par_cli/words/languages/*.toml`) that a translator edits alone."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from par_cli.words.languages import codes, language, words
from tests.conftest import ROOT

CORE = ROOT / "par_cli" / "core"


def language_in_core() -> list[str]:
    """Every place in `par_cli/core` that takes or names a language: a name or argument `lang`, a "vi"/"en" text."""
    found = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Name) and node.id == "lang":
                found.append(f"{where}: name lang")
            elif isinstance(node, ast.arg) and node.arg == "lang":
                found.append(f"{where}: argument lang")
            elif isinstance(node, ast.keyword) and node.arg == "lang":
                found.append(f"{where}: keyword lang")
            elif isinstance(node, ast.Constant) and node.value in ("vi", "en"):
                found.append(f"{where}: {node.value!r}")
    return found


def test_the_core_names_no_language() -> None:
    """Rule kinds describe themselves as message ids (`describe`, `input_hint`, `action` return `Msg`): the
    language picks a catalogue at the edge, and no code in the core branches on it."""
    assert language_in_core() == []


def test_no_code_branches_on_a_language() -> None:
    """The language picks a catalogue file; no module compares it with a code (`lang == "vi"`)."""
    found = []
    for path in sorted((ROOT / "par_cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(isinstance(side, ast.Constant) and side.value in ("vi", "en") for side in sides):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []


def test_a_language_is_one_file(tmp_path: Path) -> None:
    """A third catalogue file (here in the PAR_LANGUAGES folder) is a language: in the list of languages, the
    criteria files' `language:` enum (`par schema criteria`) and `--lang`'s choices, and par speaks it."""
    from tests.test_pseudo_language import PSEUDO, pseudo_catalogue

    pseudo_catalogue(tmp_path)
    env = {**os.environ, "PAR_LANGUAGES": str(tmp_path), "PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    env["PAR_CACHE_DIR"] = str(tmp_path / "cache")

    def par(*args: str) -> str:
        run = [sys.executable, "-m", "par_cli", *args]
        return subprocess.run(run, capture_output=True, text=True, env=env, cwd=ROOT, check=True).stdout

    listed = subprocess.run(
        [sys.executable, "-c", "from par_cli.words.languages import codes; print(' '.join(codes()))"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    ).stdout.split()
    assert listed == ["vi", "en", PSEUDO]  # by each file's `order`: Vietnamese, a criteria set's default, first
    schema = json.loads(par("schema", "criteria"))
    field = schema["properties"]["language"]
    assert (field["enum"], field["default"]) == (["vi", "en", PSEUDO], "vi")
    assert f"<vi | en | {PSEUDO}>" in par("score", "--help")  # spaced: help wraps between choices
    assert "⟦" in par("criteria", "show", "mau-so-nganh", "--lang", PSEUDO)
    env["LANG"] = "qps_XX.UTF-8"  # the system's locale names it (the file's `locales`): its help, with no flag
    assert "⟦" in par("--help")
    assert PSEUDO not in codes()  # without the folder, only the bundled files


def test_every_language_file_reads_back_with_the_same_ids() -> None:
    """en.toml and vi.toml (and any file added) have the same ids, each a text; their [language] table is whole."""
    ids = {code: set(words(code)) for code in codes()}
    assert all(found == ids["en"] for found in ids.values())
    for code in codes():
        head = language(code)
        assert head.code == code and head.name and head.decimal and head.group


def test_a_translators_unfinished_language_file_never_stops_par(tmp_path: Path) -> None:
    """A language file of PAR_LANGUAGES is being written: one par cannot read is left out, located (U005); a
    text it lacks, or whose placeholders differ from the English, is shown in English and said once."""
    english = (ROOT / "par_cli" / "words" / "languages" / "en.toml").read_text(encoding="utf-8")
    french = english.replace('code = "en"', 'code = "fr"')
    for name, text in {
        "broken": french.replace('no-such-file = "no such file"', 'no-such-file = "fichier introuvable'),
        "headless": french.replace("[language]", "[langue]"),
        "unfinished": french.replace('no-such-file = "no such file"', 'no-such-file = "fichier {nom} introuvable"')
        .replace('is-a-folder = "is a folder, not a file"\n', "")
        .replace("[messages]", '[messages]\nzzz = "?"'),
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "fr.toml").write_text(text, encoding="utf-8")
    line = english[: english.index('no-such-file = "no such file"')].count("\n") + 1

    def par(folder: str, *args: str) -> tuple[int, str]:
        env = {**os.environ, "PAR_LANGUAGES": str(tmp_path / folder), "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "par_cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done.returncode, done.stderr

    hint = " (hint: copy par's en.toml and change its [language] table and its texts only)"
    assert par("broken", "score", "nothere.yaml", "--lang", "en") == (
        1,
        f"{tmp_path}/broken/fr.toml:{line}:36: warning U005: this language file cannot be read: Illegal character"
        f" '\\n'; left out{hint}\nnothere.yaml: error F001: no such file\n",
    )
    assert par("headless", "score", "nothere.yaml", "--lang", "en")[1].startswith(
        f"{tmp_path}/headless/fr.toml: warning U005: this language file has no whole [language] table"
    )
    code, err = par("unfinished", "score", "nothere.yaml", "--lang", "fr")
    assert (code, err) == (
        1,
        f"{tmp_path}/unfinished/fr.toml: warning U005: 1 text is missing, shown in English: is-a-folder\n"
        f"{tmp_path}/unfinished/fr.toml: warning U005: 1 text has other {{placeholders}} than the English, shown in"
        f" English: no-such-file\n"
        f"{tmp_path}/unfinished/fr.toml: warning U005: 1 id is not par's, not used: zzz\n"
        "nothere.yaml: error F001: no such file\n",
    )
    code, err = par("unfinished/fr.toml", "score", "nothere.yaml", "--lang", "en")
    assert err.startswith(f"PAR_LANGUAGES: warning U005: PAR_LANGUAGES={tmp_path}/unfinished/fr.toml is not a folder")
    assert not (tmp_path / "unfinished" / "__pycache__").exists()  # nothing written into the translator's folder
