"""Vietnamese alphabetical order (a ă â b c d đ e ê …, then the tones), for names that share an index."""

from __future__ import annotations

import unicodedata

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư): part of the letter
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng


def vietnamese_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key in Vietnamese alphabetical order: a ă â b c d đ e ê …, then by tone; other characters after."""
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in _LETTER_MARKS and letters:
            base = _ALPHABET[letters[-1]] if letters[-1] < len(_ALPHABET) else ""
            combined = unicodedata.normalize("NFC", base + char)
            if combined in _ALPHABET:
                letters[-1] = _ALPHABET.index(combined)
            continue
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
            continue
        letters.append(_ALPHABET.index(char) if char in _ALPHABET else len(_ALPHABET) + ord(char))
        tones.append(0)
    return tuple(letters), tuple(tones)
