"""Rules and inputs in words, in Vietnamese or English: for templates, `par criteria show` and explanations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from par_cli.i18n import plain
from par_cli.rules import (
    CheckRule,
    CountRule,
    DeductionRule,
    LevelsRule,
    LikertRule,
    LinearRule,
    PointsRule,
    TiersRule,
)


def _award(points: Decimal | None, percent: Decimal | None, lang: str) -> str:
    if points is not None:
        unit = "điểm" if lang == "vi" else ("point" if points == 1 else "points")
        return f"{plain(points, lang)} {unit}"
    share = plain(percent or Decimal(0), lang)
    return f"{share}% {'điểm tối đa' if lang == 'vi' else 'of max'}"


def describe_rule(rule: Any, lang: str = "vi") -> str:
    """One line: how the rule turns its input into points."""
    vi = lang == "vi"
    if isinstance(rule, PointsRule):
        step = ""
        if rule.step is not None:
            step = f", bước {plain(rule.step, lang)}" if vi else f", in steps of {plain(rule.step, lang)}"
        return ("chấm điểm trực tiếp" if vi else "points given directly") + step
    if isinstance(rule, CheckRule):
        return "đạt (true): điểm tối đa; không đạt (false): 0 điểm" if vi else "true: full points; false: 0"
    if isinstance(rule, LevelsRule):
        return "; ".join(
            f"{lv.key}{f' ({lv.label})' if lv.label else ''}: {_award(lv.points, lv.percent, lang)}"
            for lv in rule.levels
        )
    if isinstance(rule, TiersRule):
        unit = "%" if rule.input == "percent" else ""
        parts = []
        for tier in rule.tiers:
            if vi:
                bound = f"{'từ' if tier.min is not None else 'trên'} {plain(tier.bound, lang)}{unit}"
            else:
                bound = f"{'≥' if tier.min is not None else '>'} {plain(tier.bound, lang)}{unit}"
            parts.append(f"{bound}: {_award(tier.points, tier.percent, lang)}")
        return "; ".join([*parts, "còn lại: 0 điểm" if vi else "otherwise 0"])
    if isinstance(rule, LinearRule):
        full = plain(rule.full_at, lang)
        if vi:
            text = (
                "điểm = tỷ lệ × điểm tối đa"
                if rule.full_at == 100
                else f"đạt từ {full}%: điểm tối đa; dưới: theo tỷ lệ"
            )
            return text + (f"; dưới {plain(rule.zero_below, lang)}%: 0 điểm" if rule.zero_below else "")
        text = "points = rate × max"
        if rule.full_at != 100:
            text = f"full points from {full}%, proportional below"
        return text + (f"; 0 below {plain(rule.zero_below, lang)}%" if rule.zero_below else "")
    if isinstance(rule, DeductionRule):
        per = plain(rule.per, lang)
        return f"mỗi vi phạm trừ {per} điểm, không dưới 0" if vi else f"max − {per} per violation, not below 0"
    if isinstance(rule, CountRule):
        per = plain(rule.per, lang)
        return f"mỗi kết quả {per} điểm, không quá điểm tối đa" if vi else f"{per} per item, up to max"
    if isinstance(rule, LikertRule):
        scale = ", ".join(f"{answer} = {plain(value, lang)}%" for answer, value in rule.scale.items())
        return f"phiếu khảo sát quy đổi {scale}" if vi else f"survey answers weighted {scale}"
    raise TypeError(f"no description for {type(rule).__name__}")  # pragma: no cover - every kind is above


def input_hint(rule: Any, lang: str = "vi") -> str:
    """What to write as the input of a leaf with this rule."""
    vi = lang == "vi"
    if isinstance(rule, PointsRule):
        return "số điểm" if vi else "a number of points"
    if isinstance(rule, CheckRule):
        return "true hoặc false" if vi else "true or false"
    if isinstance(rule, LevelsRule):
        return ("một trong: " if vi else "one of: ") + ", ".join(level.key for level in rule.levels)
    if isinstance(rule, TiersRule) and rule.input == "number":
        return "một số (≥ 0)" if vi else "a number (≥ 0)"
    if isinstance(rule, (TiersRule, LinearRule)):
        return "tỷ lệ % (0–100) hoặc {done: n, total: m}" if vi else "a percentage (0–100) or {done: n, total: m}"
    if isinstance(rule, DeductionRule):
        return "số vi phạm" if vi else "the number of violations"
    if isinstance(rule, CountRule):
        return "số lượng" if vi else "a count"
    if isinstance(rule, LikertRule):
        example = ", ".join(f"{answer}: n" for answer in rule.scale)
        return f"số phiếu {{{example}}}" if vi else f"answer counts {{{example}}}"
    raise TypeError(f"no input hint for {type(rule).__name__}")  # pragma: no cover
