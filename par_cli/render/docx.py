"""`par score` as a Word document: one agency's results in the administrative style of `writers.docx_layout`
(A4, Times New Roman 13, page numbers, tables whose header repeats on every page)."""

from __future__ import annotations

from par_cli.core.explain import explain as ledger_of
from par_cli.render.views import ScoreView
from par_cli.words.catalogue import finding_text
from par_cli.words.explain import gap_text
from par_cli.words.labels import label
from par_cli.words.numbers import figure
from par_cli.words.tables import adjustment_title, difference, nodes_to
from par_cli.writers.docx_layout import _document, _heading, _line, _save, _table

GAPS_SHOWN = 15


def score(view: ScoreView) -> bytes:
    result, depth = view.result, view.depth
    lang = view.lang or result.language
    p = result.precision
    document = _document(landscape=False)
    document.core_properties.language = lang
    document.core_properties.title = f"{label('report', lang)}: {result.agency.name}"
    period = f" {label('annex.year', lang).upper()} {result.period}" if result.period else ""
    _heading(document, label("annex.score_title", lang) + period, result.agency.name.upper(), False, lang)
    _line(document, f"{label('criteria', lang)}: {result.criteria_title} [{result.criteria_id}]")
    summary = [
        f"{label('index_line', lang)}: {figure(result.index, p, lang)} %",
        f"{label('points', lang)}: {figure(result.points, p, lang)} / {figure(result.max, p, lang)}",
        f"{label('grade', lang)}: {result.grade or '—'}",
        f"{label('self_line', lang)}: {figure(result.self_index, p, lang)} %",
    ]
    for text in summary:
        _line(document, text)
    document.add_paragraph()
    header = [
        label("code", lang),
        label("annex.area", lang),
        label("annex.max", lang),
        label("annex.self", lang),
        label("annex.appraised", lang),
        label("annex.difference", lang),
        label("annex.index", lang),
    ]
    rows, strong = [], []
    for node in nodes_to(result, depth):
        strong.append(node.depth == 1 and depth > 1)
        indent = "    " * (node.depth - 1)
        if not node.applicable:
            rows.append([node.code, indent + node.title, label("na", lang), "", "", "", ""])
            continue
        rows.append(
            [
                node.code,
                indent + node.title,
                figure(node.max, p, lang),
                figure(node.self_points, p, lang),
                figure(node.points, p, lang),
                difference(node.points, node.self_points, p, lang),
                figure(node.percent, p, lang) if node.percent is not None else "",
            ]
        )
    for adjustment in result.adjustments:
        strong.append(False)
        own, final = adjustment.self_points, adjustment.points
        change = difference(final, own, p, lang)
        title = adjustment_title(adjustment, lang)
        rows.append([adjustment.code, title, "", figure(own, p, lang), figure(final, p, lang), change, ""])
    rows.append(
        [
            "",
            label("total", lang),
            figure(result.max, p, lang),
            figure(result.self_points, p, lang),
            figure(result.points, p, lang),
            difference(result.points, result.self_points, p, lang),
            figure(result.index, p, lang),
        ]
    )
    _table(document, header, rows, "llrrrrr", [12, 52, 20, 21, 21, 20, 21], bold=[*strong, True])
    if result.findings:
        document.add_paragraph()
        _line(document, label("findings", lang), bold=True)
        for finding in result.findings:
            _line(document, f"– {label(f'level.{finding.level}', lang)}: {finding_text(finding, lang)}")
    ledger = ledger_of(view.bound, result)
    if ledger is not None and ledger.gaps:
        document.add_paragraph()
        _line(document, label("gaps", lang), bold=True)
        for n, gap in enumerate(ledger.gaps[:GAPS_SHOWN], start=1):
            _line(document, f"{n}. {gap.line.code} {gap.line.title}: {gap_text(gap, p, lang)}")
    return _save(document)
