"""Labels of tables and reports, by id, in the reader's language (the texts are in `languages/*.toml`)."""

from __future__ import annotations

from par_cli.words.languages import every, words

__all__ = ["every", "label", "period_words"]


def label(key: str, lang: str) -> str:
    return words(lang)[key]


def period_words(period: str, lang: str) -> str:
    """`năm 2025` / `year 2025` for a year, `kỳ 2025-H1` / `period 2025-H1` for another period."""
    return f"{label('heading.year' if period.isdigit() else 'heading.period', lang)} {period}"
