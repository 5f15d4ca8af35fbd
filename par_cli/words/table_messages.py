"""Messages about tables people send (CSV responses and export tables): rows that cannot be read as written."""

from __future__ import annotations

TABLE_MESSAGES: dict[str, tuple[str, str]] = {
    "csv-unreadable": ("cannot be read as a CSV table ({reason})", "không đọc được như một bảng CSV ({reason})"),
    "csv-open-quote": (
        "a quote opened in this row is not closed where its cell ends:"
        " lines {first}–{last} of the file were read as one row",
        "dấu ngoặc kép mở ở dòng này không được đóng ở cuối ô: các dòng {first}–{last} của tệp bị đọc thành một dòng",
    ),
    "csv-extra-cells": (
        "{cells} cells in this row, but the header has {titles} titles",
        "dòng này có {cells} ô, nhưng dòng tiêu đề chỉ có {titles} cột",
    ),
    # files of a folder left out (F006)
    "left-out-ranking": (
        "left out: a ranking `par rank` wrote, not an assessment",
        "không đọc: đây là bảng xếp hạng do `par rank` ghi ra, không phải tệp đánh giá",
    ),
    "hint.left-out-ranking": (
        "to compare with it, give it as --previous",
        "để so sánh với bảng này, dùng --previous",
    ),
    "left-out-json": (
        "left out: a .json file that is not a par file (its kind is not assessment, criteria, appraisal or survey)",
        "không đọc: tệp .json không phải tệp của par (kind không phải assessment, criteria, appraisal hay survey)",
    ),
    "hint.left-out-json": (
        'a .json file in a folder is read when it says "kind": "assessment" (or another par kind)',
        'tệp .json trong thư mục được đọc khi có "kind": "assessment" (hoặc kind khác của par)',
    ),
}
