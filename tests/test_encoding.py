"""Output whatever the encoding of the standard streams (issue 25): Windows Python writes a redirected or piped
stdout in the ANSI code page (cp1252, cp1258), and `LC_ALL=C` without UTF-8 mode gives ASCII. A file or a pipe
gets UTF-8 with the Vietnamese intact; an interactive console keeps its encoding and shows what it can.

Every command is run in this process, its streams text wrappers over bytes in the encoding Windows would give
(and `--help` of each); a few real processes check the same from outside.
"""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import typer.main

from par_cli.__main__ import app, main
from tests.conftest import ROOT, env_without_color
from tests.test_import import LONG

# Every command with the bundled examples as inputs, and a Vietnamese text it shows on stdout or stderr.
COMMANDS: dict[tuple[str, ...], tuple[list[str], str]] = {
    ("score",): (["examples/2024/so-noi-vu.yaml"], "Sở Nội vụ"),
    ("report",): (["examples/2024", "-o", "{tmp}/reports", "--force", "--lang", "vi"], "đã ghi 12 báo cáo"),
    ("explain",): (["examples/2024/so-noi-vu.yaml"], "Ảnh hưởng"),
    ("rank",): (["examples/2024"], "Sở Tư pháp"),
    ("check",): (["examples/2024", "--lang", "vi"], "cảnh báo A007"),
    ("schema",): (["assessment"], '"assessment"'),
    ("template",): (["mau-so-nganh"], "Phiếu tự đánh giá"),
    ("import",): (
        ["{tmp}/long.csv", "--criteria", "tests/spec_examples/criteria.yaml", "-o", "{tmp}/out", "--lang", "vi"],
        "đã ghi 1 tệp",
    ),
    ("trend",): (["examples/2023", "examples/2024", "examples/2025"], "Chỉ số qua các kỳ"),
    ("gaps",): (["examples/2024"], "Nơi mất điểm"),
    ("criteria", "list"): ([], "Nội dung"),
    ("criteria", "show"): (["mau-so-nganh"], "Công tác chỉ đạo"),
    ("criteria", "import"): (["tests/annexes/national.xlsx", "-o", "{tmp}/criteria.yaml"], "Phụ lục"),
    ("criteria", "diff"): (["mau-so-nganh", "examples/revised-2025/criteria.yaml"], "Tổng điểm tối đa"),
    ("appraisal", "cuts"): (["examples/tham-dinh-2025"], "Xã An Bình"),
    ("appraisal", "workbook"): (["{tmp}/td", "-o", "{tmp}/hd.xlsx", "--lang", "vi"], ""),
    ("appraisal", "read"): (["{tmp}/hd.xlsx", "-o", "{tmp}/td", "--force", "--lang", "vi"], "đã ghi 3 tệp"),
    ("cache", "clear"): (["--lang", "vi"], "đã xóa"),
    ("cache", "info"): (["--lang", "vi"], "kết quả đã lưu"),
    ("completion",): (["powershell"], "Register-ArgumentCompleter"),
    ("survey", "tally"): (
        ["examples/survey-2024/design.yaml", "examples/survey-2024/responses.csv", "-o", "{tmp}/s.yaml"],
        "",
    ),
    ("survey", "report"): (["examples/survey-2024/survey.yaml"], "Cơ quan"),
}


def command_paths() -> set[tuple[str, ...]]:
    """Every command and subcommand the app registers."""

    def walk(command: object, path: tuple[str, ...]) -> set[tuple[str, ...]]:
        subcommands: dict[str, object] | None = getattr(command, "commands", None)
        if not subcommands:
            return {path}
        return {found for name, sub in subcommands.items() for found in walk(sub, (*path, name))}

    return walk(typer.main.get_command(app), ())


REGISTERED = list(app.registered_commands), list(app.registered_groups)


class Bytes(io.BytesIO):
    """What a stream's bytes go to: a file or a pipe, or (`console`) an interactive console."""

    def __init__(self, console: bool = False) -> None:
        super().__init__()
        self.console = console

    def isatty(self) -> bool:
        return self.console


def par_in(
    monkeypatch: pytest.MonkeyPatch, encoding: str, *args: str, console: bool = False
) -> tuple[int, bytes, bytes]:
    """`par ARGS` in this process, as Windows Python sets up its streams in `encoding` (strict on stdout,
    backslashreplace on stderr): exit code, stdout bytes, stderr bytes. An exception would escape."""
    out, err = Bytes(console), Bytes(console)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding=encoding))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace"))
    monkeypatch.setattr(sys, "argv", ["par", *args])
    monkeypatch.setattr(app, "registered_commands", list(REGISTERED[0]))  # main() keeps only the one run
    monkeypatch.setattr(app, "registered_groups", list(REGISTERED[1]))
    monkeypatch.setattr(gc, "freeze", lambda: None)
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return code, out.getvalue(), err.getvalue()


# Commands that run until stopped: only their help is written here (`par serve` is started in tests/serve/).
NOT_RUN = {("serve",)}


def test_the_table_names_every_command() -> None:
    assert set(COMMANDS) | NOT_RUN == command_paths()


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258"])
def test_every_command_writes_utf8_to_a_file_or_pipe_whatever_the_code_page(
    encoding: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    (tmp_path / "long.csv").write_text(LONG, encoding="utf-8")
    shutil.copytree(ROOT / "examples" / "tham-dinh-2025", tmp_path / "td")  # the council's workbook, read back
    for command, (arguments, shown) in COMMANDS.items():
        args = [*command, *(a.replace("{tmp}", str(tmp_path)) for a in arguments)]
        if command == ("import",):
            args.append("--force")
        code, out, err = par_in(monkeypatch, encoding, *args)
        text = out.decode("utf-8") + err.decode("utf-8")
        assert code == 0, (args, text)
        assert shown in text, (args, text)
        code, out, err = par_in(monkeypatch, encoding, *command, "--help")
        assert code == 0, (command, err)
        assert "Usage" in out.decode("utf-8") and err.decode("utf-8") == ""
    for command in NOT_RUN:
        code, out, err = par_in(monkeypatch, encoding, *command, "--help", "--lang", "vi")
        assert (code, err.decode("utf-8")) == (0, "") and "Cách dùng" in out.decode("utf-8")
    code, out, _ = par_in(monkeypatch, encoding, "--help")
    assert (code, "Chỉ số cải cách hành chính" in out.decode("utf-8")) == (0, True)
    code, _, err = par_in(monkeypatch, encoding, "score", "missing.yaml", "--lang", "vi")  # a problem, on stderr
    assert (code, err.decode("utf-8")) == (1, "missing.yaml: lỗi F001: không có tệp này\n")


STYLE = re.compile("\x1b\\[[0-9;]*m")


def test_an_interactive_console_keeps_its_code_page_and_shows_what_it_can(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = par_in(monkeypatch, "cp1258", "score", "examples/2024/so-noi-vu.yaml", console=True)
    shown = unicodedata.normalize("NFC", STYLE.sub("", out.decode("cp1258")))  # ộ: ô and a combining dot below
    assert code == 0 and shown.startswith("Sở Nội vụ\nBộ Chỉ số CCHC")  # its name, no id (issue 28)
    code, out, _ = par_in(monkeypatch, "cp1252", "score", "examples/2024/so-noi-vu.yaml", console=True)
    shown = STYLE.sub("", out.decode("cp1252"))
    assert code == 0 and shown.startswith("So Nôi vu\n")  # the marks cp1252 lacks left out
    assert "---+----" in shown and "?" not in shown  # rich draws its rules in ASCII; the minus sign as -
    assert "|-1,00" in shown and "thâm dinh giam 2,00 -> 1,00 (-1,00)" in shown


ENVIRONMENTS = {
    "cp1252": {"PYTHONIOENCODING": "cp1252"},
    "cp1258": {"PYTHONIOENCODING": "cp1258"},
    "C locale": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


@pytest.mark.parametrize("environment", ENVIRONMENTS)
def test_a_real_pipe_gets_utf8_with_the_vietnamese_intact(environment: str) -> None:
    env = {k: v for k, v in env_without_color().items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LANG")}
    env |= ENVIRONMENTS[environment] | {"PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")}
    for args, shown in (
        (["rank", "examples/2024"], "Sở Tư pháp"),
        (["check", "examples/2024", "--lang", "vi"], "tự chấm 1 điểm nhưng không có tài liệu kiểm chứng"),
        (["score", "examples/2024/missing.yaml", "--lang", "vi"], "không có tệp này"),
    ):
        done = subprocess.run([sys.executable, "-m", "par_cli", *args], capture_output=True, cwd=ROOT, env=env)
        assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
        assert done.returncode == (1 if "missing.yaml" in args[1] else 0)
        assert shown in (done.stdout + done.stderr).decode("utf-8")
