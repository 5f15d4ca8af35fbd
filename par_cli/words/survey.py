"""The survey's messages (`par survey`, results used in scoring), English and Vietnamese side by side."""

from __future__ import annotations

SURVEY_MESSAGES: dict[str, tuple[str, str]] = {
    "not-a-survey-leaf": (
        "{code} is not a survey leaf of {criteria}",
        "{code} không phải tiêu chí điều tra xã hội học của {criteria}",
    ),
    "question-twice": ("question id '{id}' is used twice", "mã câu hỏi '{id}' được dùng hai lần"),
    "group-twice": ("group id '{id}' is used twice", "mã nhóm '{id}' được dùng hai lần"),
    "unknown-group": (
        "unknown respondent group '{name}' (the design has: {groups})",
        "nhóm đối tượng '{name}' không có trong thiết kế ({groups})",
    ),
    "unknown-agency": ("unknown agency '{name}'", "cơ quan '{name}' không có trong danh sách"),
    "unknown-agency-rows": (
        "unknown agency '{name}' (in {rows} rows; said once, at the first)",
        "cơ quan '{name}' không có trong danh sách ({rows} dòng; chỉ báo ở dòng đầu)",
    ),
    "form-twice": (
        "form '{form}' is given twice for this agency (first at {first})",
        "phiếu '{form}' được ghi hai lần cho cơ quan này (lần đầu ở {first})",
    ),
    "blank-answer": ("question {question} is left blank", "câu {question} để trống"),
    "letter-off-scale": (
        "answer '{letter}' is not one of the question's answers ({letters})",
        "đáp án '{letter}' không thuộc các đáp án của câu hỏi ({letters})",
    ),
    "no-response-column": ("no column '{title}' in the responses", "bảng phiếu không có cột '{title}'"),
    "few-forms": (
        "{name}: {forms} {forms:plural:form|forms} from group {group}, fewer than the {least} the design asks for",
        "{name}: {forms} phiếu của nhóm {group}, ít hơn mức tối thiểu {least} của thiết kế",
    ),
    "no-forms": ("{name}: no survey forms{file}", "{name}: không có phiếu điều tra{file}"),
    "survey-both": (
        "{code} is given here and by the survey results {file}: one source per survey leaf",
        "{code} được ghi ở đây và trong kết quả điều tra {file}: mỗi tiêu chí điều tra chỉ một nguồn",
    ),
    "survey-other-set": (
        "the survey results are for criteria set '{survey}', not '{criteria}'",
        "kết quả điều tra dành cho bộ chỉ số '{survey}', không phải '{criteria}'",
    ),
    "survey-other-period": (
        "the survey results {file} are for period {survey}",
        "kết quả điều tra {file} dành cho kỳ {survey}",
    ),
    "percent-edited": (
        "percent {written} does not match its counts ({shown}): the file was edited by hand",
        "tỷ lệ {written} không khớp với số phiếu ({shown}): tệp đã bị sửa tay",
    ),
    "blank-forms": (
        "{count} {count:plural:form|forms} with every answer blank left out: not counted as forms",
        "{count} phiếu để trống mọi câu đã được bỏ ra: không tính là phiếu",
    ),
    "agency-like-other": (
        "responses for agency '{name}' ({forms} {forms:plural:form|forms}), an id like '{other}' "
        "({others} {others:plural:form|forms}): a mistyped id becomes an agency of its own",
        "có phiếu cho cơ quan '{name}' ({forms} phiếu), mã gần giống '{other}' ({others} phiếu): mã gõ nhầm sẽ "
        "thành một cơ quan riêng",
    ),
    "agency-few-forms": (
        "responses for agency '{name}': {forms} {forms:plural:form|forms}, against a median of {median} per agency: "
        "is its id mistyped?",
        "có phiếu cho cơ quan '{name}': {forms} phiếu, so với trung vị {median} phiếu mỗi cơ quan: mã có bị gõ nhầm?",
    ),
    "agencies-forms": (
        "{count} {count:plural:agency|agencies} in the responses, with their forms: {agencies}",
        "{count} cơ quan trong bảng phiếu, kèm số phiếu: {agencies}",
    ),
    "most-not-counted": (
        '{name} {code}: {left} of {total} answers not counted (E, "không biết"): its percentage rests on the '
        "others only",
        '{name} {code}: {left}/{total} câu trả lời không được tính (E, "không biết"): tỷ lệ chỉ dựa trên số còn lại',
    ),
    "survey-no-assessment": (
        "survey results for '{id}' ({forms} {forms:plural:form|forms}), but no assessment beside this file is for "
        "that agency: its forms would count for no one",
        "có kết quả điều tra cho '{id}' ({forms} phiếu) nhưng không có tệp tự đánh giá nào của đơn vị này cùng thư "
        "mục: số phiếu này sẽ không được tính cho đơn vị nào",
    ),
    "hint.survey-assess-it": (
        "correct the agency id in the responses and tally again, or add that agency's assessment",
        "sửa mã cơ quan trong bảng phiếu rồi tổng hợp lại, hoặc bổ sung tệp tự đánh giá của cơ quan đó",
    ),
    "surveys-twice": (
        "two survey results files for this set: {files}",
        "có hai tệp kết quả điều tra cho bộ chỉ số này: {files}",
    ),
}
