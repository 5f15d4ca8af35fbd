"""`par explain` as a report: the agency and set, a ledger line per criterion (its final points, maximum, loss and
effect on the index; for a leaf its input, its rule in words and its evidence beneath), the index, and the largest
gaps it could recover; its JSON (rule, input and action texts in English)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.views.records import number
from par_cli.views.report import Caption, Column, Kind, Note, Report, Table, Terms
from par_cli.words.catalogue import finding_text
from par_cli.words.explain import action, evidence_text, gap_text, inputs_text, rule_text
from par_cli.words.labels import label, period_words
from par_cli.words.languages import MACHINE
from par_cli.words.numbers import figure

if TYPE_CHECKING:
    from par_cli.core.explain import Ledger, LedgerLine
    from par_cli.core.scoring import Finding, Score


def report(ledger: Ledger, lang: str | None = None, gaps: int = 10) -> Report:
    """`gaps`: how many of the largest gaps to list."""
    result = ledger.score
    lang = lang or result.language
    p = result.precision
    agency = result.agency
    rest = f"\n{result.criteria_title}" + (
        f" · {period_words(result.period, lang)}" if result.period else ""
    )  # names, no ids
    columns = [Column(label("code", lang)), Column(label("title", lang), wide=True)]
    columns += [Column(label(key, lang), Kind.figure) for key in ("final", "max", "lost", "effect")]
    columns += [Column(label(key, lang), beneath=1, marker="") for key in ("input", "rule", "evidence")]
    columns.append(Column(label("evidence_missing", lang), beneath=1, tone="warning", marker=""))
    rows = [_cells(ledger, line, lang) for line in ledger.lines]
    tones = [
        "muted" if not line.applicable else "strong" if line.depth == 1 else "" if line.leaf else "head"
        for line in ledger.lines
    ]
    points = label("points_word", lang)
    summary = (
        f"{label('index_line', lang)} {figure(result.index, p, lang)} %  "
        f"({figure(result.points, p, lang)} / {figure(result.max, p, lang)} {points})"
    )
    blocks: list[Any] = [
        Caption(agency.name, rest),
        Table(columns, rows, tones=tones, whole=True),
        Note(summary, strong=True),
    ]
    titles = {line.code: line.title for line in ledger.lines}
    blocks += [Note(finding_text(floor, lang, p, titles.get(floor.criterion, ""))) for floor in _floors(result)]
    if ledger.gaps:
        items = [(gap.line.code, gap_text(gap, p, lang)) for gap in ledger.gaps[:gaps]]
        blocks.append(Terms(label("gaps", lang), items))
    return Report(agency.name, lang, blocks, _json(ledger), [], on_screen=False)


def _floors(result: Score) -> list[Finding]:
    """The grade floors that kept the agency out of a band (`grade.floor`), as its findings say them."""
    return [finding for finding in result.findings if finding.code == "grade-floor"]


def _floors_json(result: Score) -> list[dict[str, Any]]:
    """Each node whose share kept the index out of a band: the band, its share and the floor, rounded as figures."""
    p = result.precision
    return [
        {"grade": m.grade, "code": m.code, "share": number(m.share, p), "floor": number(Fraction(m.floor), p)}
        for m in result.floors
    ]


def _cells(ledger: Ledger, line: LedgerLine, lang: str) -> list[str]:
    """Code (indented by depth), title, the four figures, then input, rule and evidence (or its absence)."""
    p = ledger.score.precision
    code = "  " * (line.depth - 1) + line.code
    if not line.applicable:
        return [code, line.title, label("na", lang), "", "", "", "", "", "", ""]
    lost = line.lost
    figures = [
        figure(line.points, p, lang),
        figure(line.max, p, lang),
        "−" + figure(lost, p, lang) if lost else "",
        "−" + figure(ledger.effect(line), p, lang) if lost else "",
    ]
    details = ["", "", "", ""]
    if line.leaf:
        name, evidence = evidence_text(line, lang)
        details[0] = f"{label('input', lang)}: {inputs_text(line, lang)}"
        details[1] = f"{label('rule', lang)}: {rule_text(line, lang)}"
        if evidence:
            details[3 if line.evidence_missing else 2] = f"{name}: {evidence}"
    return [code, line.title, *figures, *details]


def _json(ledger: Ledger) -> dict[str, Any]:
    """Figures rounded to the set's precision, rule and action texts in English."""
    result = ledger.score
    p = result.precision
    lines = []
    for line in ledger.lines:
        item: dict[str, Any] = {
            "code": line.code,
            "title": line.title,
            "depth": line.depth,
            "leaf": line.leaf,
            "applicable": line.applicable,
            "max": number(line.max, p),
            "points": number(line.points, p),
            "self_points": number(line.self_points, p),
            "lost": number(line.lost, p),
            "index_effect": number(ledger.effect(line), p),
        }
        if line.leaf and line.rule is not None:
            answer = line.answer
            item["kind"] = line.rule.kind
            item["rule"] = rule_text(line, MACHINE)
            item["input"] = inputs_text(line, MACHINE, keys=True)
            item["evidence"] = list(answer.evidence) if answer else []
            item["explanation"] = answer.explanation if answer else None
            item["evidence_missing"] = line.evidence_missing
        lines.append(item)
    agency = result.agency
    return {
        "agency": {"id": agency.id, "name": agency.name, "group": agency.group},
        "criteria": {"id": result.criteria_id, "title": result.criteria_title},
        "subtree": ledger.subtree,
        "points": number(result.points, p),
        "max": number(result.max, p),
        "index": number(result.index, p),
        **({"floors": _floors_json(result)} if result.floors else {}),  # extension: floors that kept it out
        "lines": lines,
        "gaps": [
            {
                "code": gap.line.code,
                "title": gap.line.title,
                "points": number(gap.available, p),
                "index_points": number(gap.index_points, p),
                "action": action(gap.line, MACHINE),
            }
            for gap in ledger.gaps
        ],
    }
