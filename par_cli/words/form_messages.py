"""Messages about making forms (`par template --agencies`): the province's list of agencies."""

from __future__ import annotations

FORM_MESSAGES: dict[str, tuple[str, str]] = {
    "agency-listed-twice": ("agency '{id}' is listed twice", "cơ quan '{id}' có tên hai lần trong danh sách"),
    "agencies-needs-xlsx-folder": (
        "--agencies makes one workbook per agency: give --format xlsx and the folder to write them in (--output)",
        "--agencies lập mỗi cơ quan một bảng tính: ghi --format xlsx và thư mục ghi phiếu (--output)",
    ),
    "note-forms-written": ("{count} forms written in {folder}", "đã lập {count} phiếu trong {folder}"),
    "file-exists-form": (
        "exists already: making the forms would overwrite it",
        "đã tồn tại: lập phiếu sẽ ghi đè lên tệp này",
    ),
}
