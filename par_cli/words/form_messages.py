"""Messages about assessment workbooks as agencies fill them: inputs likely meant otherwise, a value given
twice, the council's column in an agency's form; hints in the form's own terms; and making forms (`par template`):
where one may be written, every agency's form at once."""

from __future__ import annotations

FORM_MESSAGES: dict[str, tuple[str, str]] = {
    "form-percent-fraction": (
        "{number} is read as {number} %: did you mean {meant} %?",
        "{number} được đọc là {number} %: có phải ý là {meant} %?",
    ),
    "form-percent-points": (
        "{number} is read as {number} %, yet it is no more than the criterion's maximum points ({max}): is it points?",
        "{number} được đọc là {number} %, nhưng không lớn hơn điểm tối đa của tiêu chí ({max}): có phải là điểm?",
    ),
    "form-thousands-ratio": (
        "'{text}' is read with a decimal dot: did you mean {meant} ({percent} %)?",
        "'{text}' được đọc với dấu chấm thập phân: có phải ý là {meant} ({percent} %)?",
    ),
    "form-thousands-dot": (
        "'{text}' is read with a decimal dot: did you mean {meant}?",
        "'{text}' được đọc với dấu chấm thập phân: có phải ý là {meant}?",
    ),
    "form-twice-code": (
        "this code is also at {first}: one value per code",
        "mã này đã có ở {first}: mỗi mã một giá trị",
    ),
    "form-twice-sheet": (
        "a second sheet of this kind (the first is {first})",
        "trang tính thứ hai cùng loại (trang đầu ở {first})",
    ),
    "form-twice-column": (
        "a second column with this title (the first is {first})",
        "cột thứ hai cùng tiêu đề (cột đầu ở {first})",
    ),
    "form-twice-field": ("this field is also at {first}", "mục này đã có ở {first}"),
    "form-appraised-by-agency": (
        "a value in the council's column (Thẩm định) of an agency's form: not taken as the appraisal",
        "giá trị ở cột Thẩm định (của Hội đồng) trong biểu của cơ quan: không được dùng làm kết quả thẩm định",
    ),
    "hint.form-data-column": (
        "type the figure the criterion asks for (97.34 for 97.34 %, 2414/2480), not points;"
        " write 97.34% to silence this",
        "ghi số liệu tiêu chí yêu cầu (97,34 cho 97,34 %, 2414/2480), không ghi điểm; ghi 97,34% để bỏ cảnh báo này",
    ),
    "hint.form-once": ("keep one and delete the other", "giữ một, xóa cái còn lại"),
    "hint.form-comma": (
        "write {decimal}, or {whole} without a separator",
        "ghi {decimal} (thập phân), hoặc {whole} nếu là số nguyên, không dùng dấu phân cách",
    ),
    "hint.form-appraised-by": (
        "the council's own form says who appraised it: 'Thẩm định bởi' in the Thông tin sheet",
        "biểu của Hội đồng ghi người thẩm định ở dòng 'Thẩm định bởi' trong trang Thông tin",
    ),
    "hint.form-yes-no": ("choose Có or Không", "chọn Có hoặc Không"),
    "hint.form-done-total": ("write 45/50 (done/total), or KPS", "ghi 45/50 (số đã làm/tổng số) hoặc KPS"),
    "hint.form-evidence": ("fill in the Tài liệu kiểm chứng column", "điền cột Tài liệu kiểm chứng"),
    "hint.form-self": (
        "fill in the Số liệu tự đánh giá cell, or KPS if allowed; a survey criterion takes its survey results",
        "điền ô Số liệu tự đánh giá, hoặc KPS nếu được phép; tiêu chí điều tra xã hội học lấy kết quả điều tra",
    ),
    # making forms (`par template --agencies`): the province's list of agencies
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
    # the council's workbook (`par appraisal read`)
    "council-na": (
        "{code}: the council's workbook cannot rule a criterion not applicable (KPS)",
        "{code}: sổ thẩm định không ghi được tiêu chí không phát sinh (KPS)",
    ),
    "hint.council-na": (
        "leave Thẩm định blank: an agency's KPS stays KPS; where the agency gave a value, appraise that value",
        "để trống ô Thẩm định: KPS của cơ quan được giữ nguyên; nếu cơ quan đã ghi số liệu, thẩm định số liệu đó",
    ),
    "council-no-column": (
        "sheet {sheet} has no column titled '{title}': the council's values in it would be lost",
        "trang {sheet} không có cột tiêu đề '{title}': giá trị Hội đồng ghi ở cột đó sẽ bị bỏ sót",
    ),
    "council-row-no-id": (
        "this row holds the council's values but its '{title}' cell is blank: whose value it is cannot be told",
        "dòng này có giá trị của Hội đồng nhưng ô '{title}' để trống: không biết giá trị này của ai",
    ),
    "hint.council-row-no-id": (
        "write the agency's id and the criterion's code as the workbook gave them, or delete the row",
        "ghi mã cơ quan và mã tiêu chí như sổ đã ghi, hoặc xóa dòng này",
    ),
    "council-period": (
        "'{value}' is not a year: the period is the year the workbook was made for",
        "'{value}' không phải là một năm: kỳ đánh giá là năm sổ thẩm định được lập",
    ),
    "hint.council-period": (
        "write the year back as the workbook gave it (2024)",
        "ghi lại năm như sổ đã ghi (2024)",
    ),
    "council-period-other": (
        "period {value}, but the assessments in the folder are for {period}",
        "kỳ {value}, nhưng các tệp tự đánh giá trong thư mục thuộc kỳ {period}",
    ),
    "council-held": (
        "{code}: this criterion's appraisal is in the assessment file {file}: change it there",
        "{code}: kết quả thẩm định của tiêu chí này nằm trong tệp tự đánh giá {file}: sửa ở tệp đó",
    ),
}
