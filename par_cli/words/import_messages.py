"""Messages of `par import`: columns it cannot read as written, and tables that would give empty assessments."""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "import-no-values": (
        "no row carries a self-assessed or appraised value (columns read: {read}; left out: {left})",
        "không dòng nào có giá trị tự đánh giá hoặc thẩm định (cột đã đọc: {read}; cột không dùng: {left})",
    ),
    "hint.import-map": (
        "name the column that holds them: --map 'TITLE=self' (or appraised, first_appraisal)",
        "chỉ rõ cột chứa giá trị: --map 'TIÊU ĐỀ=self' (hoặc appraised, first_appraisal)",
    ),
    "import-points-not-input": (
        "{code}: this column holds points, but the criterion is scored from its data ({kind}): par computes the points",
        "{code}: cột này là số điểm, nhưng tiêu chí được chấm từ số liệu ({kind}): par tự tính điểm",
    ),
    "hint.import-data-column": (
        "put the data in a column titled '{title}' (or name its column: --map 'TITLE={field}')",
        "ghi số liệu vào cột '{title}' (hoặc chỉ rõ cột: --map 'TIÊU ĐỀ={field}')",
    ),
    "hint.import-map-field": (
        "name the column that holds it: --map 'TITLE={field}'",
        "chỉ rõ cột chứa nó: --map 'TIÊU ĐỀ={field}'",
    ),
    "import-none-read": ("(none)", "(không có)"),
}
