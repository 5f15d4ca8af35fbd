"""Messages about making forms (`par template`): where one may be written; the province's list of agencies."""

from __future__ import annotations

FORM_MESSAGES: dict[str, tuple[str, str]] = {
    "agency-listed-twice": ("agency '{id}' is listed twice", "cơ quan '{id}' có tên hai lần trong danh sách"),
    "agencies-needs-xlsx-folder": (
        "--agencies makes one workbook per agency: give --format xlsx and the folder to write them in (--output)",
        "--agencies lập mỗi cơ quan một bảng tính: ghi --format xlsx và thư mục ghi phiếu (--output)",
    ),
    "note-forms-written": ("{count} forms written in {folder}", "đã lập {count} phiếu trong {folder}"),
    "form-over-assessment": (
        "is already an assessment form (blank or filled in): writing a blank form over it would lose what it holds",
        "đã là một phiếu tự đánh giá (trống hoặc đã điền): ghi phiếu trống đè lên sẽ làm mất nội dung của phiếu đó",
    ),
    "form-over-criteria": (
        "is a criteria set: writing a blank form over it would lose the set",
        "là một bộ chỉ số: ghi phiếu trống đè lên sẽ làm mất bộ chỉ số đó",
    ),
    "file-exists-form": (
        "exists already: making the forms would overwrite it",
        "đã tồn tại: lập phiếu sẽ ghi đè lên tệp này",
    ),
}
