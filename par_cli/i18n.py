"""Words and numbers for people, in Vietnamese or English. JSON output never goes through here.

Vietnamese numbers use a decimal comma and a dot between thousands (88,52; 1.234,5); English the reverse
(88.52; 1,234.5).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from par_cli.numbers import round_half_up
from par_cli.rules import fmt

LANGUAGES = ("vi", "en")

LABELS: dict[str, dict[str, str]] = {
    "code": {"vi": "Mã", "en": "Code"},
    "title": {"vi": "Nội dung", "en": "Title"},
    "max": {"vi": "Tối đa", "en": "Max"},
    "self": {"vi": "Tự chấm", "en": "Self"},
    "final": {"vi": "Đạt", "en": "Final"},
    "cut": {"vi": "Chênh", "en": "Δ"},
    "index": {"vi": "Chỉ số %", "en": "Index %"},
    "chart": {"vi": "Biểu đồ", "en": "Chart"},
    "total": {"vi": "Tổng", "en": "Total"},
    "rank": {"vi": "Hạng", "en": "Rank"},
    "agency": {"vi": "Cơ quan", "en": "Agency"},
    "points": {"vi": "Điểm", "en": "Points"},
    "grade": {"vi": "Xếp loại", "en": "Grade"},
    "previous": {"vi": "Trước", "en": "Prev"},
    "change": {"vi": "Thay đổi", "en": "Change"},
    "new": {"vi": "mới", "en": "new"},
    "group": {"vi": "nhóm", "en": "group"},
    "findings": {"vi": "Lưu ý", "en": "Findings"},
    "index_line": {"vi": "Chỉ số", "en": "Index"},
    "points_word": {"vi": "điểm", "en": "points"},
    "grade_word": {"vi": "xếp loại", "en": "grade"},
    "self_line": {"vi": "Tự đánh giá", "en": "Self-assessed"},
    "na": {"vi": "K.P.S", "en": "N/A"},
    "agencies": {"vi": "cơ quan", "en": "agencies"},
    "agency_one": {"vi": "cơ quan", "en": "agency"},
    "average": {"vi": "chỉ số trung bình", "en": "average index"},
    "level.info": {"vi": "thông tin", "en": "info"},
    "level.warning": {"vi": "cảnh báo", "en": "warning"},
    "input": {"vi": "Đầu vào", "en": "Input"},
    "rule": {"vi": "Cách chấm", "en": "Rule"},
    "lost": {"vi": "Mất", "en": "Lost"},
    "effect": {"vi": "Ảnh hưởng", "en": "Effect"},
    "evidence": {"vi": "Tài liệu kiểm chứng", "en": "Evidence"},
    "evidence_missing": {"vi": "thiếu tài liệu kiểm chứng", "en": "evidence missing"},
    "explanation": {"vi": "giải trình", "en": "explanation"},
    "gaps": {"vi": "Điểm có thể cải thiện (lớn nhất trước)", "en": "Largest recoverable gaps"},
    "available": {"vi": "Có thể thêm", "en": "Available"},
    "how": {"vi": "Cách đạt", "en": "What would earn them"},
    "appraised": {"vi": "thẩm định", "en": "appraised"},
    "survey": {"vi": "điều tra XHH", "en": "survey"},
    "unanswered": {"vi": "chưa trả lời", "en": "no answer"},
    "report": {"vi": "Báo cáo Chỉ số CCHC", "en": "PAR Index report"},
    "ranking": {"vi": "Xếp hạng Chỉ số CCHC", "en": "PAR Index ranking"},
    "summary": {"vi": "Tổng hợp", "en": "Summary"},
    "areas": {"vi": "Các lĩnh vực", "en": "Areas"},
    "period": {"vi": "Kỳ đánh giá", "en": "Period"},
    "criteria": {"vi": "Bộ chỉ số", "en": "Criteria set"},
}


def label(key: str, lang: str) -> str:
    return LABELS[key][lang if lang in LANGUAGES else "en"]


def group_digits(text: str, lang: str) -> str:
    """`1234.5` → `1.234,5` (vi) or `1,234.5` (en); the input uses a dot as decimal separator."""
    sign = "-" if text.startswith("-") else ""
    whole, _, decimals = text.lstrip("-").partition(".")
    thousands, point = (".", ",") if lang == "vi" else (",", ".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    whole = thousands.join([whole, *groups])
    return sign + whole + (point + decimals if decimals else "")


def figure(value: Fraction | None, places: int, lang: str) -> str:
    """An exact value rounded half-up once and written in the language's style; "—" when there is none."""
    if value is None:
        return "—"
    return group_digits(f"{round_half_up(value, places):f}", lang)


def plain(value: Decimal | Fraction, lang: str) -> str:
    """A figure as a rule writes it (`0.5` / `0,5`): no fixed decimals; `≈` before a rounded endless one."""
    text = fmt(value)
    approximate = text.startswith("≈")
    return ("≈" if approximate else "") + group_digits(text.removeprefix("≈"), lang)


def finding_message(code: str, criterion: str, figures: tuple[Fraction, ...], survey: bool, lang: str) -> str:
    """The sentence of a finding, in the language asked for."""
    vi = lang == "vi"

    def n(value: Fraction) -> str:
        return plain(value, lang)

    if code == "unanswered":
        if vi:
            what = "chưa có kết quả điều tra xã hội học" if survey else "chưa trả lời"
            return f"{criterion}: {what}; được 0/{n(figures[0])} điểm"
        what = "no survey result" if survey else "no answer"
        return f"{criterion}: {what}; it scores 0 of {n(figures[0])}"
    if code == "missing-evidence":
        if vi:
            return f"{criterion}: tự chấm {n(figures[0])} điểm nhưng không có tài liệu kiểm chứng hoặc giải trình"
        return f"{criterion}: {n(figures[0])} self-assessed points without evidence or explanation"
    before, after = figures
    cut = after < before
    change = n(abs(after - before))
    change = ("≈" if change.startswith("≈") else "") + ("−" if cut else "+") + change.removeprefix("≈")
    if vi:
        return f"{criterion}: thẩm định {'giảm' if cut else 'tăng'} {n(before)} → {n(after)} ({change})"
    return f"{criterion}: appraisal {'cut' if cut else 'raised'} {n(before)} → {n(after)} ({change})"
