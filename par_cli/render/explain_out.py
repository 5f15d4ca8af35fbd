"""`par explain`: the ledger and the gaps, in the terminal or as JSON."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from par_cli.explain import Gap, Ledger, LedgerLine, action, inputs_text, rule_text
from par_cli.i18n import figure, label
from par_cli.render.json_out import agency_json, number
from par_cli.render.terminal import header


def evidence_text(line: LedgerLine, lang: str) -> tuple[str, str]:
    """(label, text) of what supports a self-assessed leaf: its evidence, its explanation, or that it is missing."""
    answer = line.answer
    if not line.leaf or answer is None or line.source == "survey":
        return "", ""
    if line.evidence_missing:
        return label("evidence", lang), label("evidence_missing", lang)
    if answer.evidence:
        return label("evidence", lang), "; ".join(answer.evidence)
    if answer.explanation:
        return label("explanation", lang).capitalize(), answer.explanation
    return "", ""


def gap_text(gap: Gap, places: int, lang: str) -> str:
    """`reach ≥ 100 %: +0.5 points, +0.52 index points`."""
    points = figure(gap.available, places, lang)
    index = figure(gap.index_points, places, lang)
    if lang == "vi":
        return f"{action(gap.line, lang)}: +{points} điểm, +{index} điểm chỉ số"
    return f"{action(gap.line, lang)}: +{points} points, +{index} index points"


def _content(line: LedgerLine, lang: str) -> Text:
    """Title, then (for a leaf) its input, rule in words and evidence, one per line."""
    text = Text(line.title, style="" if line.leaf else "bold")
    if not line.leaf or not line.applicable:
        return text
    text.append(f"\n{label('input', lang)}: {inputs_text(line, lang)}", style="dim")
    text.append(f"\n{label('rule', lang)}: {rule_text(line, lang)}", style="dim")
    name, evidence = evidence_text(line, lang)
    if evidence:
        text.append(f"\n{name}: {evidence}", style="yellow" if line.evidence_missing else "dim")
    return text


def explain_view(ledger: Ledger, lang: str | None = None, gaps: int = 10) -> RenderableType:
    score = ledger.score
    lang = lang or score.language
    p = score.precision
    table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column(label("code", lang), no_wrap=True)
    table.add_column(label("title", lang), overflow="fold", ratio=1)
    table.add_column(label("final", lang), justify="right", no_wrap=True)
    table.add_column(label("max", lang), justify="right", no_wrap=True)
    table.add_column(label("lost", lang), justify="right", no_wrap=True)
    table.add_column(label("effect", lang), justify="right", no_wrap=True)
    for line in ledger.lines:
        indent = "  " * (line.depth - 1)
        if not line.applicable:
            table.add_row(indent + line.code, line.title, label("na", lang), "", "", "", style="dim")
            continue
        lost = line.lost
        table.add_row(
            indent + line.code,
            _content(line, lang),
            figure(line.points, p, lang),
            figure(line.max, p, lang),
            "−" + figure(lost, p, lang) if lost else "",
            "−" + figure(ledger.effect(line), p, lang) if lost else "",
            style="bold" if line.depth == 1 else "",
        )
    points = label("points_word", lang)
    summary = (
        f"{label('index_line', lang)} {figure(score.index, p, lang)} %  "
        f"({figure(score.points, p, lang)} / {figure(score.max, p, lang)} {points})"
    )
    parts: list[RenderableType] = [header(score), Text(), table, Text(summary, style="bold")]
    if ledger.gaps:
        listing = Text(f"\n{label('gaps', lang)}\n", style="bold")
        for gap in ledger.gaps[:gaps]:
            listing.append(f"  {gap.line.code:<8} ", style="bold")
            listing.append(f"{gap_text(gap, p, lang)}\n")
        listing.rstrip()
        parts.append(listing)
    return Group(*parts)


def explain_dict(ledger: Ledger) -> dict[str, Any]:
    """Language-neutral: figures rounded to the set's precision, rule and action texts in English."""
    score = ledger.score
    p = score.precision
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
        if line.leaf:
            answer = line.answer
            item["kind"] = line.rule.kind
            item["rule"] = rule_text(line, "en")
            item["input"] = inputs_text(line, "en")
            item["evidence"] = list(answer.evidence) if answer else []
            item["explanation"] = answer.explanation if answer else None
            item["evidence_missing"] = line.evidence_missing
        lines.append(item)
    return {
        "agency": agency_json(score),
        "criteria": {"id": score.criteria_id, "title": score.criteria_title},
        "subtree": ledger.subtree,
        "points": number(score.points, p),
        "max": number(score.max, p),
        "index": number(score.index, p),
        "lines": lines,
        "gaps": [
            {
                "code": gap.line.code,
                "title": gap.line.title,
                "points": number(gap.available, p),
                "index_points": number(gap.index_points, p),
                "action": action(gap.line, "en"),
            }
            for gap in ledger.gaps
        ],
    }
