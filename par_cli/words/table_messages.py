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
}
