"""A leaf's appraisal reason across rounds. An appraisal file has one `reason` field (docs/guide/en/formats.md):
round 1 writes its words as they are; a later round writes "Vòng 1: <round 1's words>; Vòng 2: <its own>" (or
"Vòng 2: <its own>" when round 1 gave none), so that round 1's words are kept as they were written. A page of a
later round shows round 1's words read-only and offers a box for the round's own words only."""

from __future__ import annotations

import re
from functools import cache

from par_cli.core.diagnostics import msg
from par_cli.words.catalogue import catalogue
from par_cli.words.catalogue import text as words_of

LANGUAGES = ("vi", "en")  # a file written in one language is read by a page in the other


def _pattern(template: str, round_number: int) -> str:
    escaped = re.escape(template)
    escaped = escaped.replace(re.escape("{round}"), str(round_number))
    escaped = escaped.replace(re.escape("{first}"), "(?P<first>.*?)", 1)
    return escaped.replace(re.escape("{then}"), "(?P<then>.*)", 1)


@cache
def _patterns(round_number: int) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(the patterns of a later round's whole reason, of its prefix alone), in every language."""
    whole, prefixes = [], []
    for lang in LANGUAGES:
        said = catalogue(lang)
        for id_ in ("serve.council.reasons", "serve.council.reason-first", "serve.council.reason-later"):
            whole.append(re.compile(_pattern(said[id_], round_number) + r"\Z", re.DOTALL | re.IGNORECASE))
        head = said["serve.council.reason-later"].split("{then}")[0].strip()
        prefixes.append(re.compile(_pattern(head, round_number) + r"\s*", re.IGNORECASE))
    return tuple(whole), tuple(prefixes)


def split(reason: str, round_number: int) -> tuple[str, str]:
    """(round 1's words, this round's words) of a leaf's reason. In round 1 the whole reason is round 1's and
    editable; in a later round a reason this server did not compose is round 1's."""
    if round_number <= 1 or not reason:
        return "", reason
    for pattern in _patterns(round_number)[0]:
        found = pattern.match(reason)
        if found is not None:
            parts = found.groupdict()
            return (parts.get("first") or "").strip(), (parts.get("then") or "").strip()
    return reason, ""


def own_words(typed: str, first: str, round_number: int) -> str:
    """What a member typed in a later round's box, as this round's words only: a "Vòng 2: " typed by hand is
    not written twice, and a whole composed reason pasted back (an older page) gives its last part."""
    if round_number <= 1:
        return typed
    whole, prefixes = _patterns(round_number)
    for pattern in whole:
        found = pattern.match(typed)
        if found is not None and (found.groupdict().get("first") or "").strip() in ("", first):
            return (found.groupdict().get("then") or "").strip()
    for prefix in prefixes:
        found = prefix.match(typed)
        if found is not None:
            return typed[found.end() :].strip()
    return typed


def composed(first: str, then: str, round_number: int, lang: str) -> str:
    """The reason a later round writes: round 1's words kept as they were, then this round's."""
    if round_number <= 1:
        return then
    if first and then:
        return words_of(msg("serve.council.reasons", first=first, round=round_number, then=then), lang)
    if first:
        return words_of(msg("serve.council.reason-first", first=first), lang)
    if then:
        return words_of(msg("serve.council.reason-later", round=round_number, then=then), lang)
    return ""
