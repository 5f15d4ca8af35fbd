"""Markdown table pieces shared by the score and rank reports."""

from __future__ import annotations


def md_cell(text: str) -> str:
    """Text from an input file, safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
