"""Labels of tables and reports, by id, in the reader's language (the texts are in `languages/*.toml`)."""

from __future__ import annotations

from par_cli.words.languages import every, words

__all__ = ["every", "label"]


def label(key: str, lang: str) -> str:
    return words(lang)[key]
