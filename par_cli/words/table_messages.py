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
    # workbooks that cannot be read (F005, C023: io/workbooks.refusal)
    "merged-too-large": (
        "merged range {ref} covers {cells} cells, out of proportion to the {used} cells that hold a value",
        "vùng gộp {ref} trải trên {cells} ô, quá lớn so với {used} ô có giá trị",
    ),
    "unreadable.empty": ("an empty file", "tệp rỗng"),
    "unreadable.permission": ("permission denied: the file cannot be read", "không có quyền đọc tệp"),
    "unreadable.damaged": ("the file is damaged: its content cannot be read", "tệp bị hỏng: không đọc được nội dung"),
    "unreadable.not-zip-workbook": (
        "not a zip file: the file is damaged or is not an Excel workbook",
        "không phải tệp zip: tệp bị hỏng hoặc không phải sổ tính Excel",
    ),
    "unreadable.not-zip-document": (
        "not a zip file: the file is damaged or is not a Word document",
        "không phải tệp zip: tệp bị hỏng hoặc không phải tài liệu Word",
    ),
    "unreadable.word-not-excel": (
        "a Word document (.docx) under another name, not an Excel workbook",
        "là tài liệu Word (.docx) mang tên khác, không phải sổ tính Excel",
    ),
    "unreadable.excel-not-word": (
        "an Excel workbook (.xlsx) under another name, not a Word document",
        "là sổ tính Excel (.xlsx) mang tên khác, không phải tài liệu Word",
    ),
    "unreadable.ods-as-xlsx": (
        "a LibreOffice workbook (.ods) named .xlsx: rename it .ods",
        "là sổ tính LibreOffice (.ods) mang tên .xlsx: đổi tên thành .ods",
    ),
    "unreadable.odt": (
        "a LibreOffice Writer document (.odt): save it as Word (.docx) and give that file",
        "là văn bản LibreOffice Writer (.odt): lưu lại dạng Word (.docx) rồi dùng tệp đó",
    ),
    "unreadable.zip-no-workbook": ("a zip file that holds no Excel workbook", "tệp zip không chứa sổ tính Excel"),
    "unreadable.zip-no-document": ("a zip file that holds no Word document", "tệp zip không chứa tài liệu Word"),
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
    # the province's list of agencies (`par template --agencies`: io/forms.read_agencies)
    "list-title-twice": (
        "column '{title}' is given twice (also column {column}): keep one",
        "cột '{title}' có hai lần (cả cột {column}): chỉ giữ một cột",
    ),
    "list-control-char": (
        "a control character in this cell ('{text}'): retype the text without it",
        "ô này có ký tự điều khiển ('{text}'): gõ lại nội dung không có ký tự đó",
    ),
    "list-id-not-text": (
        "agency id {id} is a number or a true/false cell, not text: type the id as text",
        "mã cơ quan {id} là ô số hoặc đúng/sai, không phải chữ: nhập mã dưới dạng văn bản",
    ),
    "list-id-too-long": (
        "agency id of {length} characters: at most {most}, for it names the agency's form file",
        "mã cơ quan dài {length} ký tự: tối đa {most}, vì mã dùng làm tên tệp biểu mẫu",
    ),
    "list-id-device": (
        "agency id '{id}' cannot name a file on Windows (a device name): choose another id",
        "mã cơ quan '{id}' không thể làm tên tệp trên Windows (tên thiết bị): chọn mã khác",
    ),
    "list-second-sheet": (
        "sheet '{sheet}' also has a column Mã cơ quan, but only the first sheet is read:"
        " move its agencies to the first sheet",
        "trang tính '{sheet}' cũng có cột Mã cơ quan, nhưng chỉ trang tính đầu tiên được đọc:"
        " chuyển các cơ quan đó sang trang tính đầu tiên",
    ),
}
