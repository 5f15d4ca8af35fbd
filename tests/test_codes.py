"""What each check code catches is words: the `[codes]` table of every language file (`code.<CODE>`), read by
`words.codes.summary` for the SARIF rules and the guide's table of codes."""

from __future__ import annotations

import tomllib

import pytest

from par_cli.words.codes import CODES, summary
from par_cli.words.languages import FOLDER, codes, words


def test_every_code_has_a_summary_in_every_language_and_no_summary_is_of_no_code() -> None:
    for lang in codes():
        with open(f"{FOLDER}/{lang}.toml", "rb") as file:
            table = tomllib.load(file)["codes"]
        assert set(table) == {f"code.{code}" for code in CODES}, lang
        assert all(summary(code, lang) == table[f"code.{code}"] for code in CODES)


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_said_in_vietnamese(code: str) -> None:
    """A Vietnamese summary of its own (not the English left in place), and the one `summary` gives."""
    vietnamese = summary(code, "vi")
    assert vietnamese == words("vi")[f"code.{code}"]
    assert vietnamese.strip() and vietnamese != summary(code, "en")
    assert any(letter in vietnamese for letter in "àáảãạăâđèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ"), vietnamese
