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
        "{where}: expected a rank (a whole number ≥ 1), agency.id and an index (0–200); points ≥ 0 and max > 0",
        "{where}: cần hạng (số nguyên ≥ 1), agency.id và chỉ số (0–200); điểm ≥ 0 và điểm tối đa > 0",
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
