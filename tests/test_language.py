"""One decision of the language: --lang, else PAR_LANG, else the criteria set's `language`, else the system's
locale, else English; errors, notes and help follow it with no flag. (`conftest` clears PAR_LANG and the locale
variables for every test: these set them.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from par_cli.words.language import decide, of_criteria, of_locale, of_posix, of_windows

from .conftest import ROOT, SPEC, run

GOOD = ROOT / "tests" / "check" / "good"
BAD_VALUE = (
    "kind: assessment\ncriteria: {criteria}\nagency: {{id: a, name: A}}\nperiod: '2024'\nanswers:\n  '1.1': excellent\n"
)


def test_the_order_is_asked_then_par_lang_then_the_set_then_the_system_then_english() -> None:
    assert decide("en", "vi", "vi", "vi") == "en"
    assert decide(None, "en", "vi", "vi") == "en"
    assert decide(None, None, "en", "vi") == "en"
    assert decide(None, None, None, "vi") == "vi"
    assert decide(None, None, None, None) == "en"
    assert decide(None, "fr", None, "vi") == "vi"  # a PAR_LANG par does not speak is passed over


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("vi_VN.UTF-8", "vi"),
        ("vi_VN", "vi"),
        ("vi", "vi"),
        ("vi-VN", "vi"),
        ("Vietnamese_Vietnam.1258", "vi"),  # Windows' locale names
        ("English_United States.1252", "en"),
        ("en_US.UTF-8", "en"),
        ("en_GB@euro", "en"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("fr_FR.UTF-8", None),
        ("", None),
    ],
)
def test_locale_names_posix_and_windows(name: str, language: str | None) -> None:
    assert of_locale(name) == language


def test_posix_order_and_windows_language_ids() -> None:
    assert of_posix("C", None, "vi_VN.UTF-8") is None  # LC_ALL, when set, decides
    assert of_posix("", "vi_VN.UTF-8", "en_US.UTF-8") == "vi"
    assert of_posix(None, None, "vi_VN.UTF-8") == "vi"
    assert (of_windows(0x042A), of_windows(0x0409), of_windows(0x0809), of_windows(0x040C)) == ("vi", "en", "en", None)
    assert of_criteria(["vi", "vi"]) == "vi" and of_criteria(["vi", "en"]) is None and of_criteria([]) is None


def test_an_error_before_any_set_follows_the_locale_then_par_lang_then_lang(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("score", "nothere.yaml")[2] == "nothere.yaml: error F001: no such file\n"
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert run("score", "nothere.yaml")[2] == "nothere.yaml: lỗi F001: không có tệp này\n"
    monkeypatch.setenv("PAR_LANG", "en")
    assert run("score", "nothere.yaml")[2] == "nothere.yaml: error F001: no such file\n"
    monkeypatch.setenv("PAR_LANG", "vi")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert run("score", "nothere.yaml")[2] == "nothere.yaml: lỗi F001: không có tệp này\n"
    assert run("score", "nothere.yaml", "--lang", "en")[2] == "nothere.yaml: error F001: no such file\n"


def test_a_vietnamese_set_gives_vietnamese_errors_with_no_flag(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(GOOD / "set.yaml", "set.yaml")
    Path("a.yaml").write_text(BAD_VALUE.format(criteria="set.yaml"), encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the set's language beats the locale
    code, _, err = run("score", "a.yaml")
    assert code == 1 and err == "a.yaml:6:10: lỗi A003: 1.1: mức 'excellent' không tồn tại; cần một trong: tot, dat\n"
    assert run("score", "a.yaml", "--lang", "en")[2].startswith(
        "a.yaml:6:10: error A003: 1.1: unknown level 'excellent'"
    )


def test_an_english_set_gives_english_errors_under_a_vietnamese_locale(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (GOOD / "set.yaml").read_text(encoding="utf-8").replace("status: template", "status: template\nlanguage: en")
    Path("set.yaml").write_text(text, encoding="utf-8")
    Path("a.yaml").write_text(BAD_VALUE.format(criteria="set.yaml"), encoding="utf-8")
    monkeypatch.setenv("LC_ALL", "vi_VN.UTF-8")
    assert run("score", "a.yaml")[2].startswith("a.yaml:6:10: error A003: 1.1: unknown level 'excellent'")


def test_a_set_refused_still_says_its_language(in_tmp: Path) -> None:
    """A criteria set that fails validation: its `language:` is read from its YAML, and its errors follow it."""
    text = (GOOD / "set.yaml").read_text(encoding="utf-8").replace("status: template", "status: template\nlanguage: en")
    Path("set.yaml").write_text(text.replace("max: 6", "max: 7"), encoding="utf-8")  # the areas no longer add up
    Path("a.yaml").write_text(BAD_VALUE.format(criteria="set.yaml"), encoding="utf-8")
    english = run("score", "a.yaml")[2]
    Path("set.yaml").write_text(text.replace("language: en", "language: vi").replace("max: 6", "max: 7"), "utf-8")
    vietnamese = run("score", "a.yaml")[2]
    assert " error " in english and " lỗi " in vietnamese, (english, vietnamese)


def test_a_rank_of_vietnamese_files_gives_vietnamese_notes(in_tmp: Path) -> None:
    code, out, err = run("rank", str(SPEC), "-f", "json")
    assert code == 0 and out
    assert err == (
        f"{SPEC}: cảnh báo R010: 1 cơ quan có tiêu chí chưa có câu trả lời (1 tiêu chí, 1,5 điểm): được tính 0 điểm"
        " (gợi ý: `par check --strict` liệt kê từng tiêu chí)\n"
    )


def test_trend_speaks_as_rank_does_on_the_same_english_set(in_tmp: Path) -> None:
    text = (GOOD / "set.yaml").read_text(encoding="utf-8").replace("status: template", "status: template\nlanguage: en")
    for year in ("2023", "2024"):
        Path(year).mkdir()
        Path(year, "set.yaml").write_text(text, encoding="utf-8")
        answers = "answers: {'1.1': tot, '1.2': 95, '1.3': true, '1.4': 0, '2.1': 80, '2.2': 1, '2.3': 1, '3': {survey: {A: 3}}}\n"
        Path(year, "a.yaml").write_text(
            f"kind: assessment\ncriteria: check-good\nagency: {{id: a, name: A}}\nperiod: '{year}'\n{answers}",
            encoding="utf-8",
        )
    rank = run("rank", "2024")
    trend = run("trend", "2023", "2024")
    assert rank[0] == 0 and "Rank  Agency" in rank[1], rank
    assert trend[0] == 0 and "Agency" in trend[1] and "Cơ quan" not in trend[1], trend


def test_a_par_lang_par_does_not_speak_is_one_coded_warning(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAR_LANG", "fr")
    code, _, err = run("score", "nothere.yaml")
    assert code == 1 and err == (
        "PAR_LANG: warning U004: PAR_LANG=fr is not a language par speaks (vi, en): passed over"
        " (hint: set PAR_LANG to one of vi, en, or unset it)\n"
        "nothere.yaml: error F001: no such file\n"
    )


def test_every_help_of_the_app_is_in_the_catalogue() -> None:
    import typer.main

    from par_cli.__main__ import app
    from par_cli.words.languages import words

    english = {text for key, text in words("en").items() if key.startswith("help.")}
    missing: list[str] = []

    def walk(command: object) -> None:
        texts = [getattr(command, "help", None), *(getattr(p, "help", None) for p in getattr(command, "params", []))]
        missing.extend(text for text in texts if text and text.strip() not in english)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    assert missing == [] and "Show this message and exit." in english


def par(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PAR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    return subprocess.run(
        [sys.executable, "-m", "par_cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, "COLUMNS": "100", "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **env},
        cwd=ROOT,
        check=False,
    )


def test_help_and_clicks_own_words_follow_the_locale() -> None:
    english = par("score", "--help")
    vietnamese = par("score", "--help", LANG="vi_VN.UTF-8")
    assert "Usage:" in english.stdout and "Show this message and exit." in english.stdout
    for words in ("Cách dùng:", "Đối số", "Tùy chọn", "In hướng dẫn này rồi thoát.", "[bắt buộc]", "[TÙY CHỌN]"):
        assert words in vietnamese.stdout, (words, vietnamese.stdout)
    assert "Usage:" not in vietnamese.stdout and "Show this message" not in vietnamese.stdout
    assert "Usage:" in par("score", "--help", "--lang", "en", LANG="vi_VN.UTF-8").stdout  # --lang beats all
    assert "Usage:" in par("--help", PAR_LANG="en", LC_ALL="vi_VN.UTF-8").stdout  # PAR_LANG beats the locale
    missing = par("score", PAR_LANG="vi")
    assert missing.returncode == 2 and "Thiếu đối số 'TỆP'." in missing.stderr and "Lỗi" in missing.stderr
    bad = par("score", "x.yaml", "--depth", "a", "--bogus", LANG="vi_VN.UTF-8")
    assert "Không có tùy chọn: --bogus" in bad.stderr, bad.stderr
    close = par("score", "x.yaml", "--fromat", "json", LANG="vi_VN.UTF-8")  # the most particular of click's templates
    assert "Không có tùy chọn: --fromat (các tùy chọn gần đúng: --format)" in close.stderr, close.stderr
    depth = par("score", "x.yaml", "--depth", "a", "--lang", "vi")
    assert "Giá trị không hợp lệ cho '--depth': 'a' không phải số nguyên." in depth.stderr, depth.stderr


def test_results_taken_from_the_cache_still_say_their_sets_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second ranking reads no criteria set (every result is kept, the set is a built-in one found by its id):
    its notes are still in the set's language."""
    monkeypatch.chdir(ROOT)
    args = ("rank", "examples/2024", "--previous", "examples/2023", "-f", "json")
    first, second = run(*args), run(*args)
    assert first == second and "examples/2023: cảnh báo R012: " in second[2], second[2]


def test_a_survey_report_follows_the_set_its_results_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    report = "examples/survey-2024/survey.yaml"
    assert "Cơ quan" in run("survey", "report", report)[1]  # mau-so-nganh, found from the file: Vietnamese
    assert "Agency" in run("survey", "report", report, "--lang", "en")[1]


def test_the_yaml_librarys_own_words_follow_the_language(tmp_path: Path) -> None:
    """libyaml says its problems in English: the catalogue words those it knows (`said.*`), the rest as said."""
    bad = tmp_path / "bad.yaml"
    bad.write_text('kind: assessment\ncriteria: mau-so-nganh\nagency: {id: a, name: "A", x\nanswers: {}\n')
    english = par("check", str(bad), "--lang", "en").stdout.splitlines()[0]
    assert english.endswith(
        "bad.yaml:4:8: error Y001: YAML syntax: did not find expected ',' or '}' (while parsing a flow mapping at"
        " line 3, column 9)"
    )
    vietnamese = par("check", str(bad), LANG="vi_VN.UTF-8").stdout.splitlines()[0]
    assert vietnamese.endswith(
        "bad.yaml:4:8: lỗi Y001: lỗi cú pháp YAML: không tìm thấy dấu ',' hoặc '}' cần có (khi đọc một bảng trong"
        " { } ở dòng 3, cột 9)"
    )
