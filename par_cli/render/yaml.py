"""YAML out: a blank assessment for a criteria set: every leaf with a placeholder and comments a person can fill in."""

from __future__ import annotations

import json

from par_cli.core.model import Node
from par_cli.core.tree import NodeInfo, walk
from par_cli.render.views import TemplateView
from par_cli.words.explain import describe_rule, input_hint
from par_cli.words.numbers import plain

VI: dict[str, object] = {
    "form": "Phiếu tự đánh giá Chỉ số CCHC",
    "source": "Căn cứ",
    "howto": [
        'Điền "self" (điểm/kết quả tự đánh giá) và "evidence" (tài liệu kiểm chứng) hoặc "explanation" (giải trình).',
        '"appraised" do Hội đồng thẩm định điền; "survey" do tổ điều tra xã hội học điền.',
        'Tiêu chí được phép "không phát sinh": ghi {na: true, reason: "…"}.',
    ],
    "id": "mã cơ quan, không có dấu cách (ví dụ so-noi-vu)",
    "name": "Tên cơ quan",
    "group": "nhóm xếp hạng (tùy chọn)",
    "max": "tối đa",
    "points": "điểm",
    "rule": "Cách chấm",
    "input": "Nhập",
    "guide": "Hướng dẫn",
    "evidence": "Tài liệu kiểm chứng: bắt buộc (hoặc giải trình)",
    "na": "Được phép ghi không phát sinh (na)",
    "survey": "Điểm từ điều tra xã hội học: không tự đánh giá",
    "adjustments": "Điểm thưởng, điểm trừ (do Hội đồng thẩm định xác định)",
    "bonus": "cộng",
    "penalty": "trừ",
}
EN: dict[str, object] = {
    "form": "PAR Index self-assessment form",
    "source": "Basis",
    "howto": [
        'Fill in "self" (the self-assessed input) and "evidence" (documents) or "explanation".',
        '"appraised" is filled in by the appraisal council; "survey" by the survey team.',
        'A criterion that may not apply: write {na: true, reason: "…"}.',
    ],
    "id": "agency id, no spaces (e.g. dept-home-affairs)",
    "name": "Agency name",
    "group": "ranking group (optional)",
    "max": "max",
    "points": "points",
    "rule": "Rule",
    "input": "Input",
    "guide": "Guide",
    "evidence": "Evidence: required (or an explanation)",
    "na": "May be declared not applicable (na)",
    "survey": "Points come from the survey: not self-assessed",
    "adjustments": "Bonus and penalty points (set by the appraisal council)",
    "bonus": "bonus",
    "penalty": "penalty",
}


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _node_comment(node: Node, words: dict[str, object], lang: str) -> str:
    return f"{node.code} {node.title} ({plain(node.max, lang)} {words['points']})"


def _leaf_lines(info: NodeInfo, words: dict[str, object], lang: str) -> list[str]:
    node = info.node
    rule = node.scoring_rule
    lines = [
        f"  # {node.code} {node.title} — {words['max']} {plain(node.max, lang)} {words['points']}",
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


def template(view: TemplateView) -> str:
    """The blank form as YAML text. `reference` is what its `criteria:` field says (an id or a path)."""
    criteria, reference, period = view.criteria, view.reference, view.period
    lang = view.lang or criteria.language
    words = VI if lang == "vi" else EN
    howto = words["howto"]
    assert isinstance(howto, list)
    lines = [f"# {words['form']}: {criteria.title} [{criteria.id}]"]
    if criteria.source:
        lines.append(f"# {words['source']}: {criteria.source}")
    lines += [f"# {line}" for line in howto]
    lines += [
        "kind: assessment",
        f"criteria: {_quote(reference)}",
        "agency:",
        f"  id: ma-co-quan  # {words['id']}",
        f"  name: {_quote(str(words['name']))}",
        f"  group: so-nganh  # {words['group']}",
        f"period: {period}",
        "answers:",
    ]
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
                f"{plain(adjustment.max, lang)} {words['points']}"
            )
            lines.append(f"  {_quote(adjustment.code)}: {{self: null}}")
    return "\n".join(lines) + "\n"
