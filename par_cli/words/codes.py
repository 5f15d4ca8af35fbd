"""Every diagnostic code par emits: its level and what it catches. Stable: tools and docs rely on them."""

from __future__ import annotations

from collections.abc import Iterable

from par_cli.core.diagnostics import Diagnostic, Level
from par_cli.core.named_tuple import NamedTuple


class Code(NamedTuple):
    level: Level
    summary: str


E, W, INFO = Level.ERROR, Level.WARNING, Level.INFO

CODES: dict[str, Code] = {
    # Files and YAML hygiene
    "F001": Code(E, "file or folder cannot be read (missing, a folder, no permission)"),
    "F002": Code(E, "no criteria or assessment files found"),
    "F003": Code(E, "an output file cannot be written"),
    "F004": Code(E, "an optional package the format needs is not installed"),
    "F005": Code(E, "a workbook that cannot be opened, or is not an assessment form"),
    "F006": Code(INFO, "a .json file of a folder left out: a ranking par wrote, or not a par file"),
    "Y001": Code(E, "YAML syntax error"),
    "Y002": Code(E, "duplicate mapping key (YAML would silently keep one)"),
    "Y003": Code(W, "tab character (YAML indents with spaces)"),
    "Y004": Code(W, "yes/no/on/off: a boolean for YAML 1.1 tools, text for par"),
    "Y005": Code(E, "decimal comma in a number (0,5)"),
    "Y006": Code(E, "not UTF-8 text (binary, UTF-16, invalid bytes)"),
    "Y007": Code(E, "anchors and aliases expand too far, recursive alias, or nesting too deep"),
    "Y008": Code(E, "empty file, or the top level is not a mapping"),
    "Y009": Code(E, "file larger than the size limit"),
    "Y010": Code(E, "unsupported YAML tag"),
    "Y011": Code(E, "a key that is not text, or a merge key (<<)"),
    "Y012": Code(E, ".nan, .inf, or a number out of range (1e999)"),
    "Y013": Code(W, "a number with a leading zero (020: YAML 1.1 tools read it as octal 16)"),
    # Schema
    "S001": Code(E, "a field is missing, unknown, of the wrong type or out of range"),
    "S002": Code(E, "missing or wrong 'kind:'"),
    # Criteria sets
    "C001": Code(E, "an inner node's max is not the exact sum of its children's max"),
    "C002": Code(E, "duplicate criterion or adjustment code"),
    "C003": Code(W, "a child's code does not extend its parent's (1.2 → 1.2.3)"),
    "C004": Code(E, "a node has both children and a rule"),
    "C005": Code(E, "a level or tier gives more points than the leaf's max"),
    "C006": Code(E, "a tier can never apply: an earlier tier catches all its inputs"),
    "C007": Code(E, "a tier bound outside 0–100 for a percentage"),
    "C008": Code(E, "thresholds in the wrong order: linear zero_below above full_at, between low not below high"),
    "C009": Code(W, "points rule: max is not a multiple of the step"),
    "C010": Code(E, "a level key is listed twice"),
    "C011": Code(E, "grades not listed from the highest band down"),
    "C012": Code(W, "a grade label is used twice"),
    "C013": Code(E, "the same criteria id in two files"),
    "C014": Code(INFO, "total of the areas' maxima"),
    "C015": Code(W, "a lower tier gives more points than a higher one"),
    "C016": Code(W, "a leaf's max cannot be reached by its rule"),
    "C017": Code(W, "the grade bands do not reach 0: a low index would have no grade"),
    "C018": Code(INFO, "levels without a label: reports would show their keys"),
    "C019": Code(E, "a likert answer both on the scale and not counted"),
    "C020": Code(W, "an annex row par could not place in the tree (no numbering it knows)"),
    "C021": Code(W, "an annex row without a maximum it can read (max left 0)"),
    "C022": Code(INFO, "an annex rule par could not read: left as points, with a TODO"),
    "C023": Code(E, "an annex that cannot be read, or holds no criteria table"),
    "C024": Code(W, "the annex's total row is not the sum of its areas"),
    "C026": Code(W, "a set drafted from an annex has no grade bands yet"),
    # Assessments
    "A001": Code(E, "answer on a code the criteria set does not have"),
    "A002": Code(E, "answer on an inner node (other than na)"),
    "A003": Code(E, "input outside the rule's domain (percent > 100, done > total, negative count…)"),
    "A004": Code(E, "na where the criterion does not allow it"),
    "A005": Code(E, "self/appraised on a survey leaf, or survey on a self-assessed leaf"),
    "A006": Code(W, "a leaf without an answer (scores 0)"),
    "A007": Code(W, "self-assessed points without evidence or explanation where evidence is required"),
    "A008": Code(INFO, "appraised above the self-assessment"),
    "A009": Code(E, "the same agency id in two files of one folder"),
    "A011": Code(E, "answer inside a branch declared not applicable"),
    "A012": Code(E, "unknown answer or adjustment field"),
    "A013": Code(E, "adjustment the criteria set does not define"),
    "A014": Code(E, "self and appraised disagree on whether the criterion applies"),
    "A015": Code(E, "every criterion declared not applicable"),
    "A016": Code(W, "an explanation made only of spaces (it explains nothing)"),
    "A017": Code(E, "appraised: left blank (a blank appraisal is not a missing one)"),
    # Resolution and ranking
    "R001": Code(E, "the criteria set an assessment names cannot be found"),
    "R002": Code(E, "a criteria id defined twice where it is looked up"),
    "R003": Code(E, "the same agency id twice in one ranking group"),
    "R004": Code(E, "the criteria set an assessment uses has errors"),
    "R005": Code(E, "an agency's index is below --fail-under"),
    "R006": Code(E, "files of different periods in one ranking"),
    "C025": Code(E, "a unit type (applies_to, grades_by_type, max_by_type, ranking_groups) not in unit_types"),
    "C027": Code(E, "a grade floor above 100 % of a node's maximum"),
    "C028": Code(E, "a grade floor at a level (area, criterion, sub-criterion) the set's tree does not have"),
    "C029": Code(W, "a ranking block that changes nothing (empty, or the defaults restated)"),
    "C040": Code(E, "a unit type in two ranking groups (`ranking_groups`)"),
    "C041": Code(E, "a ranking group without a unit type"),
    "C042": Code(E, "a ranking group id given twice"),
    "A018": Code(E, "an answer to a criterion that does not apply to the agency's unit type"),
    "A019": Code(E, "an agency without a unit type (or with one the set does not know) where the set needs it"),
    "A030": Code(E, "an agency whose group is not the ranking group the set gives its unit type"),
    "A020": Code(E, "an appraisal file appraising a criterion its appraiser does not own (`appraiser:` in the set)"),
    "A021": Code(E, "one value given twice: in two appraisal files, or in an appraisal file and the assessment"),
    "A022": Code(E, "an appraisal file naming an agency no assessment beside it is for"),
    "A023": Code(W, "a workbook input likely meant otherwise: a percentage ≤ 1 or ≤ the max points, a thousands dot"),
    "A024": Code(E, "one code, sheet, column or details field twice in a workbook (one value per code)"),
    "A025": Code(W, "a value in the council's Thẩm định column of an agency's form (not used as the appraisal)"),
    "A026": Code(W, "an imported table's points that are not what its data earns (par scores the data)"),
    "A027": Code(W, "an agency's unranked_reason without ranked: false (it is ranked; the reason shown nowhere)"),
    "R007": Code(E, "an agency without the attribute the ranking groups by"),
    "R008": Code(E, "a predecessor of a merged unit is not in the earlier period's ranking"),
    "R009": Code(W, "a predecessor that is still ranked in the same period (it keeps its earlier rank too)"),
    "R010": Code(W, "agencies ranked with survey criteria or other criteria that have no results yet (scored 0)"),
    "R011": Code(E, "an annex (docx, xlsx) asked for over incomplete results, without --allow-incomplete"),
    "R012": Code(W, "a unit ranked last period (--previous) that this ranking lacks"),
    "R013": Code(W, "a name in a --previous ranking given by names that no agency of this ranking bears"),
    "R014": Code(W, "agencies no name of a --previous ranking given by names matches (shown as new)"),
    "R015": Code(E, "a name in a --previous ranking given by names that two agencies of this ranking bear"),
    # The office file (`kind: office`)
    "O001": Code(E, "two office files in one folder: which one is meant is not guessed"),
    "O002": Code(W, "a criteria set ranked in several groups that the office file gives no label: shown by id"),
    "O003": Code(E, "a group listed twice in an office file"),
    "O004": Code(W, "an office file's group not ranked, or with a survey result, that no agency beside it is in"),
    "O005": Code(E, "an office file's group survey result for a code not a survey leaf of its set, or outside 0–100"),
    "O006": Code(W, "an office file's group with a reason but no ranked: false (the reason shown nowhere)"),
    "J001": Code(E, "invalid JSON in a previous ranking"),
    "J002": Code(
        E,
        "a previous ranking (JSON, CSV, xlsx, docx) without groups, ranks or agency ids or names, with a bad figure,"
        " or a column given twice",
    ),
    "J003": Code(E, "a previous ranking without the index a merged unit's figure or a trend is computed from"),
    # The survey (điều tra xã hội học)
    "V001": Code(E, "a response for an agency the survey does not know"),
    "V002": Code(E, "a response from a respondent group the design does not list"),
    "V003": Code(E, "an answer outside the question's scale"),
    "V004": Code(E, "a required answer left blank"),
    "V005": Code(E, "the same form twice for one agency"),
    "V006": Code(W, "fewer forms than the design's minimum for an agency and group"),
    "V007": Code(E, "a survey leaf given both by the survey results and by the assessment"),
    "V008": Code(W, "no survey forms for an agency"),
    "V009": Code(E, "a survey design or results file that does not fit its criteria set"),
    "V010": Code(E, "survey results for another criteria set, or a percentage that does not match its counts"),
    "V011": Code(E, "a responses table without a column the design needs"),
    # Tables people send (CSV)
    "T001": Code(E, "a CSV row that cannot be read as written: a quote left open, more cells than titles"),
    "V012": Code(W, "survey forms with every answer blank, left out of the tally"),
    "V013": Code(W, "without --agencies, an agency id in the responses that looks mistyped"),
    "V014": Code(INFO, "the agencies of a tally, with their forms"),
    "V015": Code(W, 'most answers of a criterion not counted (E, "không biết")'),
    "V016": Code(E, "a survey results file beside the assessments naming an agency none of them is for"),
    # Command-line usage (exit code 2)
    "U001": Code(E, "a binary format without --output"),
    "U002": Code(E, "an option value that cannot be used (--fail-under nan, --jobs 0, --group-by no agency has)"),
    "U003": Code(E, "--output would overwrite an input (or, without --force, an assessment form or a criteria set)"),
    "U004": Code(W, "PAR_LANG names a language par does not speak: passed over"),
    "U005": Code(W, "a language file of PAR_LANGUAGES left out, or some of its texts shown in English"),
}

FINDING_CODES = {"unanswered": "A006", "missing-evidence": "A007", "appraisal-raised": "A008", "not-counted": "V015"}


def level_of(d: Diagnostic) -> Level:
    return d.level or CODES[d.code].level


def errors_only(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if level_of(d) is Level.ERROR]


def summary(code: str, lang: str) -> str:
    """What a code catches, in the reader's language (the catalogue's `code.<CODE>`), else as CODES says it."""
    from par_cli.words.languages import words

    return words(lang).get(f"code.{code}", CODES[code].summary)
