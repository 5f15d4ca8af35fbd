"""YAML out: a blank assessment for a criteria set: every leaf with a placeholder and comments a person can fill in."""

from __future__ import annotations

import json

from par_cli.core.diagnostics import msg
from par_cli.core.model import Node
from par_cli.core.tree import NodeInfo, walk
from par_cli.render.views import TemplateView
from par_cli.words.catalogue import text
from par_cli.words.explain import describe_rule, input_hint
from par_cli.words.languages import words

KEYS = ("form", "source", "id", "name", "group", "max", "points", "rule", "input", "guide", "evidence", "na")
SURVEY_KEYS = ("survey", "adjustments", "bonus", "penalty", "id-value", "group-value")  # then example values
HOWTO = 3  # lines of how to fill the form in


def _words(lang: str) -> dict[str, object]:
    """The form's words in the reader's language (`template.*` in the language files)."""
    texts = words(lang)
    out: dict[str, object] = {key: texts[f"template.{key}"] for key in (*KEYS, *SURVEY_KEYS)}
    out["howto"] = [texts[f"template.howto-{n}"] for n in range(1, HOWTO + 1)]
    return out


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _node_comment(node: Node, words: dict[str, object], lang: str) -> str:
    return f"{node.code} {node.title} ({text(msg('award.points', points=node.max), lang)})"


def _leaf_lines(info: NodeInfo, words: dict[str, object], lang: str) -> list[str]:
    node = info.node
    rule = node.scoring_rule
    lines = [
        f"  # {node.code} {node.title} — {words['max']} {text(msg('award.points', points=node.max), lang)}",
        f"  #   {words['rule']}: {describe_rule(rule, lang)}",
        f"  #   {words['input']}: {input_hint(rule, lang)}",
    ]
    if node.guide:
        lines.append(f"  #   {words['guide']}: {' '.join(node.guide.split())}")
    if info.source == "survey":
        lines.append(f"  #   {words['survey']}")
    elif info.evidence == "required":
        lines.append(f"  #   {words['evidence']}")
    if node.allow_na:
        lines.append(f"  #   {words['na']}")
    if info.source == "survey":
        lines.append(f"  {_quote(node.code)}: {{survey: null}}")
    else:
        lines.append(f"  {_quote(node.code)}: {{self: null, evidence: []}}")
    return lines


def _agency_lines(view: TemplateView, words: dict[str, object]) -> list[str]:
    """The agency's details: the listed agency's (`par template --agencies`, a `services.forms.FormAgency`), else
    placeholders to fill in."""
    agency = getattr(view, "agency", None)
    if agency is None:
        return [
            f"  id: {words['id-value']}  # {words['id']}",
            f"  name: {_quote(str(words['name']))}",
            f"  group: {words['group-value']}  # {words['group']}",
        ]
    lines = [f"  id: {_quote(agency.id)}", f"  name: {_quote(agency.name or agency.id)}"]
    lines += [f"  group: {_quote(agency.group)}"] if agency.group else []
    return lines + ([f"  type: {_quote(agency.type)}"] if agency.type else [])


def template(view: TemplateView) -> str:
    """The blank form as YAML text. `reference` is what its `criteria:` field says (an id or a path)."""
    criteria, reference, period = view.criteria, view.reference, view.period
    lang = view.lang or criteria.language
    words = _words(lang)
    howto = words["howto"]
    assert isinstance(howto, list)
    lines = [f"# {words['form']}: {criteria.title} [{criteria.id}]"]
    if criteria.source:
        lines.append(f"# {words['source']}: {criteria.source}")
    lines += [f"# {line}" for line in howto]
    lines += ["kind: assessment", f"criteria: {_quote(reference)}", "agency:", *_agency_lines(view, words)]
    lines += [f"period: {period}", "answers:"]
    for info in walk(criteria):
        if info.node.children is not None:
            rule = "═" if info.depth == 1 else "─"
            lines.append(f"  # {rule * 2} {_node_comment(info.node, words, lang)}")
        else:
            lines += _leaf_lines(info, words, lang)
    if criteria.adjustments:
        lines += ["adjustments:", f"  # {words['adjustments']}"]
        for adjustment in criteria.adjustments:
            kind = words["bonus"] if adjustment.kind == "bonus" else words["penalty"]
            lines.append(
                f"  # {adjustment.code} {adjustment.title} — {kind}, {words['max']} "
                f"{text(msg('award.points', points=adjustment.max), lang)}"
            )
            lines.append(f"  {_quote(adjustment.code)}: {{self: null}}")
    return "\n".join(lines) + "\n"
