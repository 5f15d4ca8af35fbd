"""Labels of tables and reports, in both languages."""

from __future__ import annotations

LANGUAGES = ("vi", "en")

LABELS: dict[str, tuple[str, str]] = {  # key → (Vietnamese, English)
    "code": ("Mã", "Code"),
    "title": ("Nội dung", "Title"),
    "max": ("Tối đa", "Max"),
    "self": ("Tự chấm", "Self"),
    "final": ("Đạt", "Final"),
    "cut": ("Chênh", "Δ"),
    "index": ("Chỉ số %", "Index %"),
    "chart": ("Biểu đồ", "Chart"),
    "total": ("Tổng", "Total"),
    "rank": ("Hạng", "Rank"),
    "agency": ("Cơ quan", "Agency"),
    "points": ("Điểm", "Points"),
    "grade": ("Xếp loại", "Grade"),
    "previous": ("Trước", "Prev"),
    "change": ("Thay đổi", "Change"),
    "new": ("mới", "new"),
    "group": ("nhóm", "group"),
    "findings": ("Lưu ý", "Findings"),
    "index_line": ("Chỉ số", "Index"),
    "points_word": ("điểm", "points"),
    "grade_word": ("xếp loại", "grade"),
    "self_line": ("Tự đánh giá", "Self-assessed"),
    "na": ("K.P.S", "N/A"),
    "agencies": ("cơ quan", "agencies"),
    "agency_one": ("cơ quan", "agency"),
    "average": ("chỉ số trung bình", "average index"),
    "level.error": ("lỗi", "error"),
    "level.info": ("thông tin", "info"),
    "level.warning": ("cảnh báo", "warning"),
    "hint": ("gợi ý", "hint"),
    "note": ("ghi chú", "note"),
    "input": ("Đầu vào", "Input"),
    "rule": ("Cách chấm", "Rule"),
    "lost": ("Mất", "Lost"),
    "effect": ("Ảnh hưởng", "Effect"),
    "evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "evidence_missing": ("thiếu tài liệu kiểm chứng", "evidence missing"),
    "explanation": ("giải trình", "explanation"),
    "gaps": ("Điểm có thể cải thiện (lớn nhất trước)", "Largest recoverable gaps"),
    "available": ("Có thể thêm", "Available"),
    "how": ("Cách đạt", "What would earn them"),
    "appraised": ("thẩm định", "appraised"),
    "survey": ("điều tra XHH", "survey"),
    "unanswered": ("chưa trả lời", "no answer"),
    "report": ("Báo cáo Chỉ số CCHC", "PAR Index report"),
    "ranking": ("Xếp hạng Chỉ số CCHC", "PAR Index ranking"),
    "summary": ("Tổng hợp", "Summary"),
    "areas": ("Các lĩnh vực", "Areas"),
    "period": ("Kỳ đánh giá", "Period"),
    "criteria": ("Bộ chỉ số", "Criteria set"),
    "id": ("Mã", "Id"),
    "status": ("Trạng thái", "Status"),
    "leaves": ("Tiêu chí lá", "Leaves"),
    "source": ("Căn cứ", "Source"),
    "scoring_this": ("Đang chấm năm nay", "Scoring this year"),
    "scoring_last": ("Đang chấm năm trước", "Scoring last year"),
}


def label(key: str, lang: str) -> str:
    vietnamese, english = LABELS[key]
    return vietnamese if lang == "vi" else english
