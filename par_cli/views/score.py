"""`par score` as a report: one agency's results. The screen shows who and what, the tree to `--depth` (a bar per
row where there is room) closed by the total, the figures that sum it up and the findings; Markdown the same in
a line of its own; a page (HTML) and a document (Word) lead with the figures and list the top recoverable gaps
after the findings; the records (JSON, CSV) and a workbook sheet are in `score_records`."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.views import score_records
from par_cli.views.report import (
    Bars,
    Block,
    Caption,
    Cell,
    Column,
    Figures,
    Heading,
    Items,
    Kind,
    Line,
    Note,
    Report,
    Table,
)
from par_cli.words.catalogue import finding_text, text
from par_cli.words.explain import gap_text
from par_cli.words.labels import label, period_words
from par_cli.words.languages import MACHINE
from par_cli.words.numbers import figure
from par_cli.words.tables import adjustment_title, difference, nodes_to, score_cells

if TYPE_CHECKING:
    from par_cli.core.binding import Bound
    from par_cli.core.diagnostics import Diagnostic
    from par_cli.core.ranking import RankGroup
    from par_cli.core.scoring import Score

GAPS_SHOWN = 15
FIGURES = ("max", "self", "final", "cut", "index")


class Peers:
    """The agency's place in its ranking group: its `rank` of `count`, the group's `average` (exact; `pooled`:
    total points over total max, else the mean of the indices), and each member as (rank, name, index, own)."""

    __slots__ = ("average", "count", "members", "pooled", "rank")

    def __init__(self, group: RankGroup, agency_id: str):
        key = agency_id.casefold()
        own = next(row for row in group.rows if row.entry.agency_id.casefold() == key)
        self.rank, self.count, self.average = own.rank, group.count, group.average
        self.pooled = group.average_method == "pooled"
        self.members = tuple((row.rank, row.entry.agency_name, row.entry.index, row is own) for row in group.rows)


def peers_of(groups: list[RankGroup], agency_id: str, criteria_id: str) -> Peers | None:
    """The agency's place among `groups` (a ranking), or None when it is not ranked there."""
    key = agency_id.casefold()
    for group in groups:
        if group.criteria_id == criteria_id and any(row.entry.agency_id.casefold() == key for row in group.rows):
            return Peers(group, agency_id)
    return None


def report(
    result: Score,
    bound: Bound,
    depth: int = 1,
    lang: str | None = None,
    bars: bool = True,
    peers: Peers | None = None,
    doubts: tuple[Diagnostic, ...] = (),
) -> Report:
    """`bars`: a bar per row on the screen (the command line drops them where there is no room); `peers`: the
    agency's place in its group (its rank, the group's average, the group's chart); `doubts`: inputs its reader
    suspects were misread (A023), listed with the findings. Each part is made only when a writer asks for it (the
    gaps, for a page or a document only)."""
    lang = lang or result.language
    scored = _Score(result, bound, depth, lang, bars, peers, doubts)
    return Report(
        f"{label('report', lang)}: {result.agency.name}",
        lang,
        scored.screen,
        lambda: record(result, depth),
        lambda: score_records.csv_rows(result, list(nodes_to(result, depth)), scored.titles(result.language)),
        on_screen=False,
        in_text=False,
        sheets=lambda: [
            score_records.sheet(result, list(nodes_to(result, depth)), lang, scored.titles(lang), scored.standing())
        ],
        document=scored.document,
        text=scored.text,
        page=scored.page,
    )


def record(result: Score, depth: int = 1) -> dict[str, Any]:
    """The JSON record (spec §4): language-neutral, the adjustments' titles in English."""
    return score_records.score_dict(result, depth, [adjustment_title(a, MACHINE) for a in result.adjustments])


class _Score:
    def __init__(
        self,
        result: Score,
        bound: Bound,
        depth: int,
        lang: str,
        bars: bool,
        peers: Peers | None,
        doubts: tuple[Diagnostic, ...] = (),
    ):
        self.result, self.bound, self.depth, self.lang, self.bars = result, bound, depth, lang, bars
        self.p, self.peers, self.doubts = result.precision, peers, doubts

    def titles(self, lang: str) -> list[str]:
        return [adjustment_title(adjustment, lang) for adjustment in self.result.adjustments]

    def _table(self, heading: str = "", bars: bool = False, blank: str = "—", signed: bool = False) -> Table:
        """The tree to `depth`, its adjustments, closed by the total; `blank`: a figure not applicable; `signed`:
        an adjustment's final points with their sign."""
        result, lang, p = self.result, self.lang, self.p
        rows, tones, depths = [], [], []
        shares: list[tuple[Fraction | None, str]] = []
        for node in nodes_to(result, self.depth):
            depths.append(node.depth)
            if not node.applicable:
                rows.append([node.code, node.title, label("na", lang), blank, blank, "", blank])
                tones.append("muted")
                shares.append((None, ""))
                continue
            cells = score_cells(node.max, node.self_points, node.points, node.percent, p, lang)
            rows.append([node.code, node.title, *cells])
            tones.append("strong" if node.depth == 1 else "")
            shares.append((node.percent, cells[4]))
        for adjustment in result.adjustments:
            cells = score_cells(None, adjustment.self_points, adjustment.points, None, p, lang)
            if signed:
                sign = "+" if adjustment.points > 0 else "−" if adjustment.points < 0 else ""
                cells[2] = sign + figure(abs(adjustment.points), p, lang)
            rows.append([adjustment.code, adjustment_title(adjustment, lang), *cells])
            tones.append("")
            depths.append(0)
            shares.append((None, ""))
        total = score_cells(result.max, result.self_points, result.points, result.index, p, lang)
        columns = [
            Column(label("code", lang)),
            Column(label("title", lang), wide=True, narrowest=16),
            *(Column(label(key, lang), Kind.figure) for key in FIGURES),
        ]
        return Table(
            columns,
            rows,
            heading=heading,
            tones=tones,
            whole=True,
            bars=shares if bars else (),
            bar_title=label("chart", lang),
            footer=["", label("total", lang), *total],
            footer_bar=(result.index, total[4]),
            depths=depths,
            notes=score_records.rounded_rows(result, lang, (label("self", lang), label("final", lang))),
        )

    def _findings(self, issued: bool = False) -> list[Block]:
        """The findings, each with its level; in a document (`issued`) only a warning or an error says its level
        (`– thông tin: 1.3.1 …` read as if "thông tin" were what the criterion is about)."""
        result, lang = self.result, self.lang
        if not result.findings and not self.doubts:
            return []
        titles = {adjustment.code: adjustment_title(adjustment, lang) for adjustment in result.adjustments}
        titles.update((node.code, node.title) for node in nodes_to(result, 1 << 16))
        items = [
            (
                "" if issued and f.level == "info" else label(f"level.{f.level}", lang),
                finding_text(f, lang, self.p, titles.get(f.criterion, "")),
            )
            for f in result.findings
        ]
        tones = [f.level for f in result.findings]
        from par_cli.core.diagnostics import Cell as InSheet

        for d in self.doubts:  # an input likely misread (A023): the one warning that can cost points
            code = str(d.path[1]) if len(d.path) > 1 and d.path[0] in ("answers", "adjustments") else ""
            head = f"{code} {titles.get(code, '')}".strip()
            where = f" ({d.where.sheet}!{d.where.cell})" if isinstance(d.where, InSheet) else ""
            said = text(d.message, lang) + where
            items.append((label("level.warning", lang), f"{head}: {said}" if head else said))
            tones.append("warning")
        return [Items(label("findings", lang), items, tones=tones)]

    def screen(self) -> list[Block]:
        result, lang, p = self.result, self.lang, self.p
        agency = result.agency
        rest = f"\n{result.criteria_title}" + (f" · {period_words(result.period, lang)}" if result.period else "")
        points, grade = label("points_word", lang), label("grade_word", lang)
        spans = [
            (f"{label('index_line', lang)} {figure(result.index, p, lang)} %", True),
            (f"  ({figure(result.points, p, lang)} / {figure(result.max, p, lang)} {points})", False),
        ]
        if result.grade:
            spans += [(f"  {grade} ", False), (result.grade, True)]
        own = f"{figure(result.self_index, p, lang)} %  ({figure(result.self_points, p, lang)} {points})"
        spans.append((f"\n{label('self_line', lang)} {own}", False))
        if result.self_grade:
            spans.append((f"  {grade} {result.self_grade}", False))
        if self.peers is not None:
            spans.append((f"\n{self._standing()}", False))
        blocks: list[Block] = [Caption(agency.name, rest), self._table(bars=self.bars, signed=True), Line(spans)]
        return blocks + self._findings()

    def _standing(self) -> str:
        """`Xếp hạng trong nhóm 3/12 cơ quan · chỉ số bình quân của nhóm 81,69 %`: one line."""
        pairs = self._peer_figures()
        return " · ".join(
            f"{name} {value}" if n == 0 else f"{name.lower()} {value}" for n, (name, value) in enumerate(pairs)
        )

    def standing(self) -> list[tuple[str, Cell]]:
        """The rank in the group (`5/5 cơ quan`) and the group's average (a number) as a workbook's summary lines."""
        peers = self.peers
        if peers is None:
            return []
        (rank_name, rank), (average_name, _) = self._peer_figures()
        return [(rank_name, Cell(rank)), (average_name, Cell(peers.average, self.p))]

    def _peer_figures(self) -> list[tuple[str, str]]:
        """The agency's rank in its group and the group's average, as a reader's pairs (none without peers)."""
        peers, lang, p = self.peers, self.lang, self.p
        if peers is None:
            return []
        rank = label("peers.rank_value", lang).format(rank=peers.rank, count=peers.count)
        average = label("peers.average_pooled" if peers.pooled else "peers.average", lang)
        return [(label("peers.rank", lang), rank), (average, f"{figure(peers.average, p, lang)} %")]

    def _charts(self) -> list[Block]:
        """The agency's areas as bars (index per area), and where its peers are known, its group's indices."""
        result, lang, p = self.result, self.lang, self.p
        areas = [(area.title, area.percent, figure(area.percent, p, lang)) for area in result.areas if area.applicable]
        charts: list[Block] = [Bars(label("chart.areas", lang), [(t, s or Fraction(0), w) for t, s, w in areas])]
        if self.peers is not None:
            members = self.peers.members
            rows = [(f"{rank}. {name}", index, figure(index, p, lang)) for rank, name, index, _ in members]
            marked = [n for n, member in enumerate(members) if member[3]]
            charts.append(Bars(label("chart.group", lang), rows, marked, label("chart.group_note", lang)))
        return charts

    def text(self) -> list[Block]:
        result, lang, p = self.result, self.lang, self.p
        title = f"{result.agency.name} — {result.criteria_title}"
        points = label("points_word", lang)
        index, earned, most = (figure(x, p, lang) for x in (result.index, result.points, result.max))
        spans = [(f"{label('index_line', lang)} {index} %", True), (f" ({earned} / {most} {points})", False)]
        if result.grade:
            spans += [(f" · {label('grade_word', lang)} ", False), (result.grade, True)]
        own_index, own = figure(result.self_index, p, lang), figure(result.self_points, p, lang)
        spans.append((f" · {label('self_line', lang).lower()} {own_index} % ({own} {points})", False))
        if self.peers is not None:
            spans.append((f" · {self._standing()}", False))
        heading = Heading(title + (f" · {period_words(result.period, lang)}" if result.period else ""), title)
        return [heading, Line(spans), self._table(), *self._findings(issued=True)]

    def _figures(self) -> list[tuple[str, str]]:
        result, lang, p = self.result, self.lang, self.p
        return [
            (label("index_line", lang), f"{figure(result.index, p, lang)} %"),
            (label("points", lang), f"{figure(result.points, p, lang)} / {figure(result.max, p, lang)}"),
            (label("grade", lang), result.grade or "—"),
            (label("self_line", lang), f"{figure(result.self_index, p, lang)} %"),
            *self._peer_figures(),
        ]

    def _gaps(self) -> list[Block]:
        from par_cli.core.explain import explain as ledger_of  # only a page or a document lists the gaps

        ledger = ledger_of(self.bound, self.result)
        if ledger is None or not ledger.gaps:
            return []
        items = [(gap.line.code, f"{gap.line.title}: {gap_text(gap, self.p, self.lang)}") for gap in ledger.gaps]
        return [Items(label("gaps", self.lang), items[:GAPS_SHOWN], numbered=True)]

    def page(self) -> list[Block]:
        result, lang = self.result, self.lang
        meta = result.criteria_title + (f" · {period_words(result.period, lang)}" if result.period else "")
        heading = Heading(f"{label('report', lang)}: {result.agency.name}", "", subtitle=meta)
        table = self._table(label("areas", lang), bars=True, blank="")
        notes = [Note(note) for note in table.notes]  # under the table, as a page's lines
        table.notes = ()
        return [
            heading,
            Figures(self._figures()),
            table,
            *notes,
            *self._charts(),
            *self._gaps(),
            *self._findings(issued=True),
        ]

    def document(self) -> list[Block]:
        result, lang, p = self.result, self.lang, self.p
        period = f" {label('annex.year', lang).upper()} {result.period}" if result.period else ""
        heading = Heading(
            label("annex.score_title", lang) + period,
            f"{label('report', lang)}: {result.agency.name}",
            subtitle=result.agency.name.upper(),
        )
        criteria = (label("criteria", lang), result.criteria_title)
        rows, tones, depths = [], [], []
        for node in nodes_to(result, self.depth):
            tones.append("strong" if node.depth == 1 and self.depth > 1 else "")
            depths.append(node.depth)
            if not node.applicable:
                rows.append([node.code, node.title, label("na", lang), "", "", "", ""])
                continue
            cells = score_cells(node.max, node.self_points, node.points, node.percent, p, lang)
            rows.append([node.code, node.title, *cells])  # the difference blank where the appraisal kept it
        for adjustment in result.adjustments:
            own, final = adjustment.self_points, adjustment.points
            change = difference(final, own, p, lang)
            title = adjustment_title(adjustment, lang)
            rows.append([adjustment.code, title, "", figure(own, p, lang), figure(final, p, lang), change, ""])
            tones.append("")
            depths.append(0)
        total = [figure(x, p, lang) for x in (result.max, result.self_points, result.points)]
        total += [difference(result.points, result.self_points, p, lang), figure(result.index, p, lang)]
        keys = ("annex.max", "annex.self", "annex.appraised", "annex.difference", "annex.index")
        weights = (12, 52, 20, 21, 21, 20, 21)
        columns = [
            Column(label("code", lang), Kind.code, weight=weights[0]),
            Column(label("annex.area", lang), wide=True, weight=weights[1]),
            *(Column(label(key, lang), Kind.figure, weight=w) for key, w in zip(keys, weights[2:], strict=True)),
        ]
        table = Table(
            columns,
            rows,
            tones=tones,
            footer=["", label("total", lang), *total],
            depths=depths,
            notes=score_records.rounded_rows(result, lang, (label(keys[1], lang), label(keys[2], lang))),
        )
        blocks = [heading, Figures([criteria, *self._figures()]), table, *self._charts()]
        return [*blocks, *self._findings(issued=True), *self._gaps()]
