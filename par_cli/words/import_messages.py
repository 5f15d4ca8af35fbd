"""Messages of `par import` (columns it cannot read as written, tables that would give empty assessments) and of
the rankings offices publish from what they import (results still missing, last period's units)."""

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
    "import-points-differ": (
        "{code}: the table says {given} points, but its data earns {earned}: par scores the data",
        "{code}: bảng ghi {given} điểm, nhưng số liệu cho {earned} điểm: par chấm theo số liệu",
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
    "rank-no-survey": (
        "{count} {count:plural:agency has|agencies have} no survey results: {count:plural:its|their} {criteria}"
        " survey {criteria:plural:criterion|criteria} ({points} points) score 0",
        "{count} cơ quan chưa có kết quả điều tra XHH: {criteria} tiêu chí điều tra ({points} điểm) được tính 0 điểm",
    ),
    "hint.rank-survey": (
        "give --survey FILE (the results `par survey tally` writes), or put it beside the assessments",
        "dùng --survey TỆP (kết quả `par survey tally` ghi ra), hoặc đặt tệp đó cạnh các bản tự đánh giá",
    ),
    "rank-unanswered": (
        "{count} {count:plural:agency has|agencies have} criteria without an answer ({answers} in all, {points}"
        " points): they score 0",
        "{count} cơ quan có tiêu chí chưa có câu trả lời ({answers} tiêu chí, {points} điểm): được tính 0 điểm",
    ),
    "hint.rank-unanswered": ("`par check --strict` lists them", "`par check --strict` liệt kê từng tiêu chí"),
    "rank-incomplete-annex": (
        "no annex is written over incomplete results: {count} {count:plural:agency|agencies} would be published"
        " with criteria scored 0 for want of results",
        "không ghi phụ lục khi kết quả chưa đầy đủ: {count} cơ quan sẽ bị công bố với tiêu chí tính 0 điểm do thiếu"
        " kết quả",
    ),
    "hint.allow-incomplete": (
        "complete them, or give --allow-incomplete to publish the ranking as it is",
        "bổ sung cho đủ, hoặc dùng --allow-incomplete để vẫn xuất bảng xếp hạng như hiện tại",
    ),
    "rank-absent": (
        "{count} {count:plural:unit|units} ranked last period {count:plural:is|are} not in this ranking: {units}",
        "{count} đơn vị được xếp hạng kỳ trước không có trong bảng xếp hạng này: {units}",
    ),
}
