"""Messages about appraisal files (`kind: appraisal`): who may appraise what, and values given twice."""

from __future__ import annotations

APPRAISAL_MESSAGES: dict[str, tuple[str, str]] = {
    "not-own-area": (
        "{appraiser} may not appraise {code}: the set names {owner} as its appraiser",
        "{appraiser} không được thẩm định {code}: bộ chỉ số giao {owner} thẩm định tiêu chí này",
    ),
    "no-appraiser": (
        "{appraiser} may not appraise {code}: the set names no appraiser for it (the council appraises it, in the "
        "assessment or in a file with `appraiser: hoi-dong`)",
        "{appraiser} không được thẩm định {code}: bộ chỉ số không giao cơ quan nào thẩm định tiêu chí này (hội đồng "
        "thẩm định ghi trong tệp tự đánh giá hoặc trong tệp có `appraiser: hoi-dong`)",
    ),
    "hint.appraiser-areas": (
        "an appraiser appraises only the criteria under an `appraiser:` naming it in the criteria set",
        "mỗi cơ quan chỉ thẩm định các tiêu chí có `appraiser:` ghi tên mình trong bộ chỉ số",
    ),
    "appraised-survey-leaf": (
        "{code} is scored by the survey: it is not appraised",
        "{code} chấm bằng điều tra xã hội học: không thẩm định",
    ),
    "appraised-twice": (
        "{code}: {field} is given twice, here and in {other}: keep one",
        "{code}: {field} được ghi hai lần, ở đây và trong {other}: chỉ giữ một",
    ),
    "council-mixed": (
        "the assessments here are of several sets or periods ({found}): make one council workbook per set and period",
        "các tệp tự đánh giá ở đây thuộc nhiều bộ chỉ số hoặc nhiều kỳ ({found}): lập mỗi bộ chỉ số, mỗi kỳ một "
        "sổ thẩm định",
    ),
    "no-assessments": ("no assessment found here", "không tìm thấy tệp tự đánh giá nào"),
    "not-a-council-workbook": (
        "not a council workbook: no 'Thông tin'/'Details' sheet naming the set, or no 'Thẩm định'/'Appraisal' sheet",
        "không phải sổ thẩm định: thiếu trang 'Thông tin'/'Details' ghi bộ chỉ số, hoặc trang 'Thẩm định'/'Appraisal'",
    ),
    "council-no-header": (
        "sheet {sheet} has no header row with 'Mã cơ quan', 'Mã' and 'Thẩm định'",
        "trang {sheet} không có dòng tiêu đề gồm 'Mã cơ quan', 'Mã' và 'Thẩm định'",
    ),
    "council-file-exists": (
        "exists already: it may hold the council's work",
        "đã tồn tại: tệp có thể chứa kết quả làm việc của hội đồng",
    ),
    "note-appraisal-written": (
        "{count} appraisal files written in {folder}",
        "đã ghi {count} tệp thẩm định vào {folder}",
    ),
    "appraisal-no-assessment": (
        "appraisal for '{id}', but no assessment beside this file is for that agency: its values would be lost",
        "có kết quả thẩm định cho '{id}' nhưng không có tệp tự đánh giá nào của đơn vị này cùng thư mục: "
        "kết quả sẽ bị bỏ sót",
    ),
}
