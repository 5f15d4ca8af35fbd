"""Messages about rankings and periods: files of several periods, groups, previous rankings, predecessors."""

from __future__ import annotations

RANKING_MESSAGES: dict[str, tuple[str, str]] = {
    "period-differs": (
        "period {period}, but the other files of this ranking are for {usual}",
        "kỳ đánh giá {period}, nhưng các tệp khác của bảng xếp hạng là kỳ {usual}",
    ),
    "period-twice": (
        "the period {period} is given twice: give each period once, oldest first",
        "kỳ {period} được đưa vào hai lần: mỗi kỳ một lần, kỳ cũ nhất trước",
    ),
    "predecessor-unknown": (
        "predecessor '{id}' is not in the ranking of {period}",
        "đơn vị tiền thân '{id}' không có trong bảng xếp hạng kỳ {period}",
    ),
    "no-attribute": (
        "this agency has no attribute '{name}' to rank by",
        "cơ quan này không có thuộc tính '{name}' để xếp hạng theo",
    ),
    "no-agency-has-attribute": (
        "--group-by {name}: no agency has this attribute (they have: {names})",
        "--group-by {name}: không cơ quan nào có thuộc tính này (các thuộc tính có: {names})",
    ),
    "not-a-ranking": (
        'not a ranking: expected {{"groups": [...]}} as written by `par rank --format json`',
        'không phải một bảng xếp hạng: cần {{"groups": [...]}} như `par rank --format json` ghi ra',
    ),
    "ranking-group": (
        "{where}: expected a group with 'group' and 'rows'",
        "{where}: cần một nhóm có 'group' và 'rows'",
    ),
    "agency-twice-in-ranking": (
        "agency '{id}' is ranked twice in group {group}",
        "cơ quan '{id}' được xếp hạng hai lần trong nhóm {group}",
    ),
    "ranking-row": (
        "{where}: expected a rank (a whole number ≥ 1) and agency.id; if given, an index 0–200, points ≥ 0 and max > 0",
        "{where}: cần hạng (số nguyên ≥ 1) và agency.id; nếu có, chỉ số 0–200, điểm ≥ 0 và điểm tối đa > 0",
    ),
    "ranking-column": (
        "not a ranking: no column '{title}'",
        "không phải một bảng xếp hạng: không có cột '{title}'",
    ),
    "ranking-no-id": ("a ranked row without an agency id", "dòng xếp hạng không có mã cơ quan"),
    "ranking-no-name": ("a ranked row without the agency's id or name", "dòng xếp hạng không có mã hay tên cơ quan"),
    "ranking-column-twice": (
        "a second column '{title}' (the first is column {first}): which one counts?",
        "cột '{title}' thứ hai (cột thứ nhất là cột {first}): cột nào được tính?",
    ),
    "not-a-document": (
        "not a Word document (.docx) that can be read: {reason}",
        "không phải tài liệu Word (.docx) đọc được: {reason}",
    ),
    "name-unmatched": (
        "'{name}' (rank {rank} last period) is the name of no agency of this ranking: not compared",
        "'{name}' (hạng {rank} kỳ trước) không phải tên của cơ quan nào trong bảng xếp hạng này: không so sánh",
    ),
    "names-new": (
        "{count} {count:plural:agency|agencies} no name of last period's ranking matches, shown as new: {names}",
        "{count} cơ quan không khớp tên nào trong bảng xếp hạng kỳ trước, hiện là mới: {names}",
    ),
    "name-of-two": (
        "'{name}' is the name of {ids} in this ranking: which one is meant?",
        "'{name}' là tên của {ids} trong bảng xếp hạng này: là cơ quan nào?",
    ),
    "ranking-rank": (
        "expected a rank (a whole number ≥ 1), found '{value}'",
        "cần hạng (số nguyên ≥ 1), gặp '{value}'",
    ),
    "ranking-figure": (
        "'{value}' is not a figure a ranking can hold in column {column} (an index 0–200, points ≥ 0, max > 0)",
        "'{value}' không phải số liệu hợp lệ của bảng xếp hạng ở cột {column} (chỉ số 0–200, điểm ≥ 0, tối đa > 0)",
    ),
    "index-needed-merge": (
        "'{id}' has a rank but no index: the previous figure of the merged unit '{unit}' is computed from the "
        "indices of its group",
        "'{id}' có hạng nhưng không có chỉ số: số liệu kỳ trước của đơn vị hợp nhất '{unit}' được tính từ chỉ số "
        "của các đơn vị trong nhóm",
    ),
    "index-needed-trend": (
        "'{id}' has a rank but no index: a trend shows each period's index",
        "'{id}' có hạng nhưng không có chỉ số: diễn biến qua các kỳ cần chỉ số của từng kỳ",
    ),
    "predecessor-still-ranked": (
        "predecessor '{id}' is still ranked in this period: '{unit}' takes over its previous rank while it keeps "
        "it too",
        "đơn vị tiền thân '{id}' vẫn được xếp hạng trong kỳ này: '{unit}' nhận hạng kỳ trước của đơn vị đó trong khi "
        "đơn vị đó vẫn giữ hạng ấy",
    ),
    "cache-cleared": (
        "removed {count} kept {count:plural:result|results} ({path})",
        "đã xóa {count} kết quả đã lưu ({path})",
    ),
    "cache-info": (
        "{count} kept {count:plural:result|results} in {path}",
        "{count} kết quả đã lưu tại {path}",
    ),
    "cache-unsafe": (
        "results cache {path} not used: other users can write to it (keep it a folder of your own that group and"
        " others cannot write, chmod 700, or choose another with PAR_CACHE_DIR)",
        "không dùng bộ nhớ kết quả {path}: người dùng khác có thể ghi vào đó (hãy dùng thư mục của riêng bạn mà nhóm"
        " và người khác không ghi được, chmod 700, hoặc chọn thư mục khác bằng PAR_CACHE_DIR)",
    ),
}
