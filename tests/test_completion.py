"""`par completion SHELL`: the completion script printed, or installed in the shell's profile (issue 30)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run


def test_the_powershell_and_bash_scripts_ask_par_for_completions() -> None:
    code, out, err = run("completion", "powershell")
    assert (code, err) == (0, "")
    assert "Register-ArgumentCompleter -Native -CommandName par " in out and "_PAR_COMPLETE" in out
    code, out, _ = run("completion", "bash")
    assert code == 0 and "complete -o default -F _par_completion par" in out


def test_install_adds_the_script_to_the_profile_and_says_where(tmp_path: Path) -> None:
    code, out, err = run("completion", "bash", "--install", HOME=str(tmp_path), PAR_LANG="vi")
    assert (code, out) == (0, "")
    script = tmp_path / ".bash_completions" / "par.sh"
    assert "_PAR_COMPLETE" in script.read_text(encoding="utf-8")
    assert "source" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    assert err == f"ghi chú: đã thêm gợi ý lệnh cho bash vào {script}: hãy mở cửa sổ dòng lệnh mới\n"


def test_a_profile_that_cannot_be_written_is_one_located_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file where the home folder should be", encoding="utf-8")
    code, out, err = run("completion", "bash", "--install", HOME=str(home), PAR_LANG="en")
    assert code == 1 and out == ""
    assert err.startswith(f"{home}: error F003: cannot write the file: "), err
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_an_unknown_shell_is_a_usage_error_naming_the_shells() -> None:
    code, _, err = run("completion", "cmd", PAR_LANG="en")
    assert code == 2 and "'cmd' is not one of 'powershell', 'bash', 'zsh', 'fish'" in err


def test_powershell_missing_is_said_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pwsh, no powershell
    code, out, err = run("completion", "powershell", "--install", HOME=str(tmp_path), PAR_LANG="vi")
    assert (code, out) == (2, "")
    assert err == (
        "powershell: lỗi U002: không tìm thấy PowerShell (pwsh hoặc powershell) trên máy này: "
        "hãy chạy lệnh trong PowerShell\n"
    )
