"""Every diagnostic code par emits: its default level and what it catches. Stable: tools and docs rely on them."""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    level: str  # "error" | "warning" | "info"
    summary: str


CODES: dict[str, Code] = {
    # Files and YAML hygiene
    "F001": Code("error", "file or folder cannot be read (missing, a folder, no permission)"),
    "F002": Code("error", "no criteria or assessment files found"),
    "Y001": Code("error", "YAML syntax error"),
    "Y002": Code("error", "duplicate mapping key (YAML would silently keep one)"),
    "Y003": Code("warning", "tab character (YAML indents with spaces)"),
    "Y004": Code("warning", "yes/no/on/off: a boolean for YAML 1.1 tools, text for par"),
    "Y005": Code("error", "decimal comma in a number (0,5)"),
    "Y006": Code("error", "not UTF-8 text (binary, UTF-16, invalid bytes)"),
    "Y007": Code("error", "anchors and aliases expand too far, recursive alias, or nesting too deep"),
    "Y008": Code("error", "empty file, or the top level is not a mapping"),
    "Y009": Code("error", "file larger than the size limit"),
    "Y010": Code("error", "unsupported YAML tag"),
    "Y011": Code("error", "a key that is not text, or a merge key (<<)"),
    "Y012": Code("error", ".nan, .inf, or a number out of range (1e999)"),
    # Schema
    "S001": Code("error", "a field is missing, unknown, of the wrong type or out of range"),
    "S002": Code("error", "missing or wrong 'kind:'"),
    # Criteria sets
    "C001": Code("error", "an inner node's max is not the exact sum of its children's max"),
    "C002": Code("error", "duplicate criterion or adjustment code"),
    "C003": Code("warning", "a child's code does not extend its parent's (1.2 → 1.2.3)"),
    "C004": Code("error", "a node has both children and a rule"),
    "C005": Code("error", "a level or tier gives more points than the leaf's max"),
    "C006": Code("error", "a tier can never apply: an earlier tier catches all its inputs"),
    "C007": Code("error", "a tier bound outside 0–100 for a percentage"),
    "C008": Code("error", "linear rule: zero_below above full_at"),
    "C009": Code("warning", "points rule: max is not a multiple of the step"),
    "C010": Code("error", "a level key is listed twice"),
    "C011": Code("error", "grades not listed from the highest band down"),
    "C012": Code("warning", "a grade label is used twice"),
    "C013": Code("error", "the same criteria id in two files"),
    "C014": Code("info", "total of the areas' maxima"),
    "C015": Code("warning", "a lower tier gives more points than a higher one"),
    "C016": Code("warning", "a leaf's max cannot be reached by its rule"),
    # Assessments
    "A001": Code("error", "answer on a code the criteria set does not have"),
    "A002": Code("error", "answer on an inner node (other than na)"),
    "A003": Code("error", "input outside the rule's domain (percent > 100, done > total, negative count…)"),
    "A004": Code("error", "na where the criterion does not allow it"),
    "A005": Code("error", "self/appraised on a survey leaf, or survey on a self-assessed leaf"),
    "A006": Code("warning", "a leaf without an answer (scores 0)"),
    "A007": Code("warning", "self-assessed points without evidence or explanation where evidence is required"),
    "A008": Code("info", "appraised above the self-assessment"),
    "A009": Code("error", "the same agency id in two files of one folder"),
    "A011": Code("error", "answer inside a branch declared not applicable"),
    "A012": Code("error", "unknown answer or adjustment field"),
    "A013": Code("error", "adjustment the criteria set does not define"),
    "A014": Code("error", "self and appraised disagree on whether the criterion applies"),
    "A015": Code("error", "every criterion declared not applicable"),
    # Resolution and ranking
    "R001": Code("error", "the criteria set an assessment names cannot be found"),
    "R002": Code("error", "a criteria id defined twice where it is looked up"),
    "R003": Code("error", "the same agency id twice in one ranking group"),
    "R004": Code("error", "the criteria set an assessment uses has errors"),
    "J001": Code("error", "invalid JSON in a previous ranking"),
    "J002": Code("error", "a previous ranking JSON without groups, ranks or agency ids"),
}

FINDING_CODES = {"unanswered": "A006", "missing-evidence": "A007", "appraisal-raised": "A008"}
