"""Every diagnostic code par emits and its level. Stable: tools and docs rely on them.

What each code catches is words, in the language files (`languages/<code>.toml`, the `[codes]` table: `code.F001`),
read by `summary`: a translator words them with the rest, and the guide's table of codes is made from them."""

from __future__ import annotations

from collections.abc import Iterable

from par_cli.core.diagnostics import Diagnostic, Level
from par_cli.core.named_tuple import NamedTuple


class Code(NamedTuple):
    level: Level


E, W, INFO = Level.ERROR, Level.WARNING, Level.INFO

CODES: dict[str, Code] = {  # what each catches: the catalogue's `code.<CODE>` (`summary`)
    # Files and YAML hygiene
    "F001": Code(E),
    "F002": Code(E),
    "F003": Code(E),
    "F004": Code(E),
    "F005": Code(E),
    "F006": Code(INFO),
    "Y001": Code(E),
    "Y002": Code(E),
    "Y003": Code(W),
    "Y004": Code(W),
    "Y005": Code(E),
    "Y006": Code(E),
    "Y007": Code(E),
    "Y008": Code(E),
    "Y009": Code(E),
    "Y010": Code(E),
    "Y011": Code(E),
    "Y012": Code(E),
    "Y013": Code(W),
    # Schema
    "S001": Code(E),
    "S002": Code(E),
    # Criteria sets
    "C001": Code(E),
    "C002": Code(E),
    "C003": Code(W),
    "C004": Code(E),
    "C005": Code(E),
    "C006": Code(E),
    "C007": Code(E),
    "C008": Code(E),
    "C009": Code(W),
    "C010": Code(E),
    "C011": Code(E),
    "C012": Code(W),
    "C013": Code(E),
    "C014": Code(INFO),
    "C015": Code(W),
    "C016": Code(W),
    "C017": Code(W),
    "C018": Code(INFO),
    "C019": Code(E),
    "C020": Code(W),
    "C021": Code(W),
    "C022": Code(INFO),
    "C023": Code(E),
    "C024": Code(W),
    "C026": Code(W),
    # Assessments
    "A001": Code(E),
    "A002": Code(E),
    "A003": Code(E),
    "A004": Code(E),
    "A005": Code(E),
    "A006": Code(W),
    "A007": Code(W),
    "A008": Code(INFO),
    "A009": Code(E),
    "A011": Code(E),
    "A012": Code(E),
    "A013": Code(E),
    "A014": Code(E),
    "A015": Code(E),
    "A016": Code(W),
    "A017": Code(E),
    # Resolution and ranking
    "R001": Code(E),
    "R002": Code(E),
    "R003": Code(E),
    "R004": Code(E),
    "R005": Code(E),
    "R006": Code(E),
    "C025": Code(E),
    "C027": Code(E),
    "C028": Code(E),
    "C029": Code(W),
    "C040": Code(E),
    "C041": Code(E),
    "C042": Code(E),
    "A018": Code(E),
    "A019": Code(E),
    "A030": Code(E),
    "A020": Code(E),
    "A021": Code(E),
    "A022": Code(E),
    "A023": Code(W),
    "A024": Code(E),
    "A025": Code(W),
    "A026": Code(W),
    "A027": Code(W),
    "R007": Code(E),
    "R008": Code(E),
    "R009": Code(W),
    "R010": Code(W),
    "R011": Code(E),
    "R012": Code(W),
    "R013": Code(W),
    "R014": Code(W),
    "R015": Code(E),
    "R016": Code(W),
    "R017": Code(W),
    # The office file (`kind: office`)
    "O001": Code(E),
    "O002": Code(W),
    "O003": Code(E),
    "O004": Code(W),
    "O005": Code(E),
    "O006": Code(W),
    "J001": Code(E),
    "J002": Code(E),
    "J003": Code(E),
    # The survey (điều tra xã hội học)
    "V001": Code(E),
    "V002": Code(E),
    "V003": Code(E),
    "V004": Code(E),
    "V005": Code(E),
    "V006": Code(W),
    "V007": Code(E),
    "V008": Code(W),
    "V009": Code(E),
    "V010": Code(E),
    "V011": Code(E),
    # Tables people send (CSV)
    "T001": Code(E),
    "V012": Code(W),
    "V013": Code(W),
    "V014": Code(INFO),
    "V015": Code(W),
    "V016": Code(E),
    # Command-line usage (exit code 2)
    "U001": Code(E),
    "U002": Code(E),
    "U003": Code(E),
    "U004": Code(W),
    "U005": Code(W),
}

FINDING_CODES = {"unanswered": "A006", "missing-evidence": "A007", "appraisal-raised": "A008", "not-counted": "V015"}


def level_of(d: Diagnostic) -> Level:
    return d.level or CODES[d.code].level


def errors_only(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if level_of(d) is Level.ERROR]


def summary(code: str, lang: str) -> str:
    """What a code catches, in the reader's language: the catalogue's `code.<CODE>` (every code has one in every
    language file, a test sees to it)."""
    from par_cli.words.languages import words

    return words(lang)[f"code.{code}"]
