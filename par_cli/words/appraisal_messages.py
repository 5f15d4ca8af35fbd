"""Messages about appraisal files (`kind: appraisal`): who may appraise what, and values given twice."""

from __future__ import annotations

APPRAISAL_MESSAGES: dict[str, tuple[str, str]] = {
    "not-own-area": (
        "{appraiser} may not appraise {code}: the set names {owner} as its appraiser",
        "{appraiser} không được thẩm định {code}: bộ chỉ số giao {owner} thẩm định tiêu chí này",
    ),
    "no-appraiser": (
        "{appraiser} may not appraise {code}: the set names no appraiser for it (the council appraises it in the "
        "assessment)",
        "{appraiser} không được thẩm định {code}: bộ chỉ số không giao cơ quan nào thẩm định tiêu chí này (hội đồng "
        "thẩm định ghi trong tệp tự đánh giá)",
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
    "appraisal-no-assessment": (
        "appraisal for '{id}', but no assessment beside this file is for that agency: its values would be lost",
        "có kết quả thẩm định cho '{id}' nhưng không có tệp tự đánh giá nào của đơn vị này cùng thư mục: "
        "kết quả sẽ bị bỏ sót",
    ),
}
