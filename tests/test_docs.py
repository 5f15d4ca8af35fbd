"""The guide stays true (issue 30): the site builds with `--strict`, every command has its page in both languages,
and every command the guide shows runs, its printed output compared with the page's.

A page shows a command and what it prints in a `console` block:

    ```console
    $ par score examples/2024/so-noi-vu.yaml
    <what par prints, stdout and stderr as the terminal shows them>
    ```

A line `…` in the output stands for any lines. A command expected to fail says so in its comment (`# exit 1`,
`# mã thoát 1`). The commands of a page run in order in one copy of the repository's `examples/` and `criteria/`,
so a later command sees the files an earlier one wrote. Vietnamese pages run as on a Vietnamese Windows
(`LANG=vi_VN.UTF-8`), English ones with `PAR_LANG=en`, as the guides say. The `par` lines of a Windows block
(`powershell`, `bat`) run too, their paths turned to `/`: they must succeed. The one block of the year's commands
that needs people to type into the forms is run by tests/test_office_year.py, which types for them.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from docs.hooks import as_main
from par_cli.__main__ import app
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"
PAGES = sorted(GUIDE.rglob("*.md"))
BLOCK = re.compile(r"^( *)```(console|powershell|bat|sh)\b[^\n]*\n(.*?)^\1```", re.M | re.S)
ANY_LINES = {"…", "..."}
EXIT = re.compile(r"#.*\b(?:exit|mã thoát) (\d)")
YEAR_MARKER = "<!-- office-year:start -->"


def language_of(page: Path) -> str:
    return "en" if page.relative_to(GUIDE).parts[0] == "en" else "vi"


def shown(page: Path) -> list[tuple[int, str, str]]:
    """Each block of the page: its first line's number, its kind and its text (dedented)."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in BLOCK.finditer(text):
        indent = len(match.group(1))
        body = "\n".join(line[indent:] for line in match.group(3).splitlines())
        before = text[: match.start()]
        if before.rstrip().endswith(YEAR_MARKER):
            continue  # tests/test_office_year.py
        found.append((before.count("\n") + 1, match.group(2), body))
    return found


def steps(body: str) -> list[tuple[str, list[str]]]:
    """A console block's commands, each with the lines it prints."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line.rstrip())
        elif line.strip():
            raise AssertionError(f"output before any command: {line!r}")
    return out


def parsed(command: str) -> tuple[dict[str, str], list[str], int]:
    """`PAR_LANG=en par rank 2025  # comment`: its environment, par's arguments, the exit code it expects."""
    code_part, _, comment = command.partition("  #")
    expected = EXIT.search("#" + comment)
    words = shlex.split(code_part)
    env: dict[str, str] = {}
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words and words[0] == "par", f"the docs test runs only par: {command!r}"
    return env, words[1:], int(expected.group(1)) if expected else 0


def matches(expected: list[str], actual: list[str]) -> bool:
    """The lines, `…` standing for any lines (none included)."""
    pattern = "".join(".*?" if line in ANY_LINES else re.escape(line + "\n") for line in expected)
    return re.fullmatch(pattern, "".join(line + "\n" for line in actual), re.S) is not None


def trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines = lines[:-1]
    return lines


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder in ("examples", "criteria"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(args: list[str], lang: str, env: dict[str, str]) -> tuple[int, str]:
    """As `par` runs (its help and usage errors in the run's language too), on a Vietnamese or an English system;
    the home folder is the page's own (what a command installs lands there, never in the machine's)."""
    system = {"LANG": "vi_VN.UTF-8"} if lang == "vi" else {"PAR_LANG": "en"}
    return as_main(args, {**system, "HOME": str(Path.cwd()), **env})


RUN = [page for page in PAGES if shown(page)]


@pytest.mark.parametrize("page", RUN, ids=[str(page.relative_to(GUIDE)) for page in RUN])
def test_every_command_shown_prints_what_the_page_says(page: Path, workspace: Path) -> None:
    lang, problems = language_of(page), []
    for number, kind, body in shown(page):
        if kind == "console":
            for command, expected in steps(body):
                env, args, exit_code = parsed(command)
                code, output = invoke(args, lang, env)
                actual = [line.rstrip() for line in output.splitlines()]
                if code != exit_code or not matches(trim(expected), trim(actual)):
                    problems.append(f"{page.name}:{number}: $ {command}\n  exit {code} (page: {exit_code})\n"
                                    + "\n".join(f"  | {line}" for line in actual))  # fmt: skip
        elif kind in ("powershell", "bat"):
            for line in body.splitlines():
                words = line.split("  #")[0].replace("\\", "/").split()
                if not words or not (words[0] in ("par", "par.exe") or words[0].endswith(("/par", "/par.exe"))):
                    continue  # py -m venv, pip install…: the release's tests install par (tests/test_release.py)
                args = shlex.split(" ".join(words[1:]))
                if args[:1] == ["completion"] and "--install" in args and shutil.which("pwsh") is None:
                    args.remove("--install")  # no PowerShell here to install into: the script it would install
                code, output = invoke(args, lang, {})
                if code != 0:
                    problems.append(f"{page.name}:{number}: {line}\n  exit {code}\n{output}")
    assert not problems, "\n\n".join(problems)


def test_the_site_builds_strict(tmp_path: Path) -> None:
    if shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("mkdocs is not installed: pip install -e '.[dev]'")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "docs/mkdocs.yml", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr, done.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "en" / "index.html").is_file()
    for page in (tmp_path / "site").rglob("*.html"):  # opened from a folder on a PC offline: nothing from the web
        html = page.read_text(encoding="utf-8")
        fetched = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        assert fetched == [], f"{page.name} loads {fetched}"


def commands(group: Any, prefix: str = "") -> list[str]:
    """Every command's name (`criteria list`), from the app itself (typer's click, whichever it is)."""
    found = []
    for name, command in group.commands.items():
        if command.hidden:
            continue
        found.append(f"{prefix}{name}")
        if hasattr(command, "commands"):
            found += commands(command, f"{prefix}{name} ")
    return found


def test_every_command_has_its_page_with_its_help_in_both_languages() -> None:
    import typer

    for name in commands(typer.main.get_command(app)):
        top = name.split()[0]
        for page in (GUIDE / "lenh" / f"{top}.md", GUIDE / "en" / "commands" / f"{top}.md"):
            assert page.is_file(), f"no page for par {top}: {page.relative_to(ROOT)}"
            assert f"<!-- par:help {name} -->" in page.read_text(encoding="utf-8"), f"{page.name}: par {name}'s help"


def test_every_page_is_in_the_navigation_and_both_guides_have_the_same_commands() -> None:
    config = (ROOT / "docs" / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(config[config.index("\nnav:") :])["nav"]

    def listed(entries: object) -> list[str]:
        if isinstance(entries, str):
            return [entries]
        if isinstance(entries, list):
            return [page for entry in entries for page in listed(entry)]
        if isinstance(entries, dict):
            return [page for value in entries.values() for page in listed(value)]
        return []

    assert sorted(listed(nav)) == sorted(str(page.relative_to(GUIDE)) for page in PAGES)
    assert sorted(p.name for p in (GUIDE / "lenh").glob("*.md")) == sorted(
        p.name for p in (GUIDE / "en" / "commands").glob("*.md")
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_check_code_pages_list_every_code_at_its_level(lang: str) -> None:
    from docs.hooks import codes_table
    from par_cli.words.catalogue import catalogue
    from par_cli.words.codes import CODES

    table = codes_table(lang)
    for code, known in CODES.items():
        level = catalogue(lang)[f"level.{known.level.value}"]
        assert re.search(rf'^\| <span id="{code}">{code}</span> \| {level} \| \S', table, re.M), code
    page = GUIDE / ("en/check-codes.md" if lang == "en" else "ma-kiem-tra.md")
    assert "<!-- par:codes -->" in page.read_text(encoding="utf-8")
