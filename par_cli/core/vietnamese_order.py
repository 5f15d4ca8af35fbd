"""Vietnamese alphabetical order (a ă â b c d đ e ê …, then the tones), for names that share an index."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư): part of the letter
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền, hỏi, ngã, sắc, nặng
_SPACE = -1  # word by word: "An Phú" before "Anh Dũng", as a dictionary has it
_JOINERS = "-\u2010\u2011\u2013_"  # "An-Phú" is two words, as "An Phú"
_NUMBER = len(_ALPHABET)  # a run of digits, followed by its value: "Phường 2" before "Phường 10"
_OTHER = len(_ALPHABET) + 1  # any other character, by its code point, after the letters and numbers


def vietnamese_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key in Vietnamese alphabetical order: word by word, a ă â b c d đ e ê …, then by tone; numbers by
    their value; other characters after."""
    letters: list[int] = []
    tones: list[int] = []
    chars = unicodedata.normalize("NFD", text.lower())
    after_letter = False  # a letter mark or a tone belongs to the letter just before it
    at = 0
    while at < len(chars):
        char = chars[at]
        at += 1
        if char in _LETTER_MARKS or char in _TONES:
            if after_letter and char in _TONES:
                tones[-1] = _TONES[char]
            elif after_letter:
                combined = unicodedata.normalize("NFC", _ALPHABET[letters[-1]] + char)
                if combined in _ALPHABET:
                    letters[-1] = _ALPHABET.index(combined)
            continue
        if char.isdecimal() and char.isascii():
            end = at
            while end < len(chars) and chars[end].isdecimal() and chars[end].isascii():
                end += 1
            digits = [int(digit) for digit in chars[at - 1 : end].lstrip("0")]  # by value: first by its length
            letters += (_NUMBER, len(digits), *digits)
            tones += [0] * (2 + len(digits))
            at, after_letter = end, False
            continue
        after_letter = char in _ALPHABET
        if after_letter:
            letters.append(_ALPHABET.index(char))
        else:
            letters.append(_SPACE if char.isspace() or char in _JOINERS else _OTHER + ord(char))
        tones.append(0)
    return tuple(letters), tuple(tones)


# A name's key once per run: ties are sorted by name in every period of a trend, the same names period after period
# (three periods of 34,000 communes, most of them tied: 102,000 keys of 5 µs each, 34,000 now). Bounded: a run
# ranking more names than this works the others out each time.
name_key = lru_cache(maxsize=1 << 16)(vietnamese_key)
