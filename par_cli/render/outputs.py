"""Which renderer serves which `--format`: pure dispatch from results to a renderable, text or bytes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:  # imported for types only: each command loads just the renderer it uses
    from rich.console import RenderableType

    from par_cli.binding import Bound
    from par_cli.checking import CheckReport
    from par_cli.ranking import RankGroup
    from par_cli.scoring import Score

Output = Union["RenderableType", str, bytes]


def score_output(fmt: str, result: Score, bound: Bound, depth: int, lang: str | None, bars: bool) -> Output:
    if fmt == "json":
        from par_cli.render.json_out import dumps, score_dict

        return dumps(score_dict(result, depth))
    if fmt == "markdown":
        from par_cli.render.score_out import score_markdown

        return score_markdown(result, depth, lang)
    if fmt == "csv":
        from par_cli.render.score_out import score_csv

        return score_csv(result, depth)
    if fmt == "html":
        from par_cli.explain import explain
        from par_cli.render.html_out import score_html

        return score_html(result, explain(bound, result), lang, depth)
    from par_cli.render.terminal import score_view

    return score_view(result, depth, lang, bars)


def rank_output(
    fmt: str, groups: list[RankGroup], has_previous: bool, areas: bool, lang: str | None, bars: bool
) -> Output:
    """Raises ImportError for `xlsx` when the optional openpyxl is not installed."""
    if fmt == "json":
        from par_cli.render.json_out import dumps
        from par_cli.render.rank_out import rank_dict

        return dumps(rank_dict(groups, areas))
    if fmt == "csv":
        from par_cli.render.rank_out import rank_csv

        return rank_csv(groups, areas)
    if fmt == "markdown":
        from par_cli.render.rank_out import rank_markdown

        return rank_markdown(groups, has_previous, areas, lang)
    if fmt == "html":
        from par_cli.render.html_out import rank_html

        return rank_html(groups, has_previous, lang)
    if fmt == "xlsx":
        from par_cli.render.xlsx_out import rank_xlsx

        return rank_xlsx(groups, has_previous, lang)
    from par_cli.render.rank_out import rank_view

    return rank_view(groups, has_previous, areas, lang, bars)


def check_output(fmt: str, report: CheckReport, lang: str = "en") -> str:
    """Text and GitHub annotations follow `lang`; JSON and SARIF stay in English for other programs."""
    from par_cli.render import check_out

    if fmt == "json":
        from par_cli.render.json_out import dumps

        return dumps(check_out.check_dict(report))
    if fmt == "sarif":
        from par_cli.render.json_out import dumps

        return dumps(check_out.check_sarif(report))
    if fmt == "github":
        return check_out.check_github(report, lang)
    return check_out.check_text(report, lang)
