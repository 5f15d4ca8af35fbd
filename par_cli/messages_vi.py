"""Vietnamese for every diagnostic message and hint (`--lang vi`).

Messages are built in English where the problem is found; this catalogue renders them in Vietnamese when asked.
Each entry is an English template and its translation. Placeholders keep their text, except by name:
`{n…}` numbers in messages (written 0,5; hints keep a dot, since they say what to type), `{w…}` what was expected and `{g…}` what was found (both translated
from the phrase list). A test checks that every message the test corpus produces
has a translation, so a new message without one fails the suite.
"""

from __future__ import annotations

import functools
import re

from par_cli.i18n import group_digits

MESSAGES: tuple[tuple[str, str], ...] = (
    # files and YAML
    ("no such file or folder", "không có tệp hoặc thư mục này"),
    ("no such file", "không có tệp này"),
    ("is a folder, not a file", "là một thư mục, không phải tệp"),
    ("cannot read the file: {x}", "không đọc được tệp: {x}"),
    ("cannot write the file: {x}", "không ghi được tệp: {x}"),
    ("no assessment files found for this year", "không tìm thấy tệp đánh giá nào cho năm nay"),
    ("no assessment files found for last year", "không tìm thấy tệp đánh giá nào cho năm trước"),
    ("no criteria or assessment files found", "không tìm thấy tệp bộ chỉ số hay tệp đánh giá nào"),
    ("YAML syntax: {x}", "lỗi cú pháp YAML: {x}"),
    ("duplicate key '{k}' (first at line {n})", "khóa '{k}' bị lặp (lần đầu ở dòng {n})"),
    ("tab character", "ký tự tab"),
    (
        "'{k}' is read as text here, but as a boolean by YAML 1.1 tools",
        "'{k}' được đọc là văn bản ở đây, nhưng là giá trị đúng/sai với các công cụ YAML 1.1",
    ),
    ("'{k}' has a decimal comma", "'{k}' dùng dấu phẩy thập phân"),
    ("'{k}' is out of range", "'{k}' nằm ngoài phạm vi cho phép"),
    ("'{k}' is not a usable number", "'{k}' không phải là một số dùng được"),
    ("not UTF-8 text (byte 0x{k})", "không phải văn bản UTF-8 (byte 0x{k})"),
    ("not UTF-8 text", "không phải văn bản UTF-8"),
    ("file is UTF-16 text", "tệp là văn bản UTF-16"),
    ("binary file, not YAML text", "tệp nhị phân, không phải văn bản YAML"),
    ("file is {k} bytes, over the {l}-byte limit", "tệp có {k} byte, vượt giới hạn {l} byte"),
    ("file is empty", "tệp rỗng"),
    (
        "the top level must be a mapping of fields (key: value), found a list",
        "cấp ngoài cùng phải là các trường (khóa: giá trị), nhưng lại là một danh sách",
    ),
    (
        "the top level must be a mapping of fields (key: value), found a single value",
        "cấp ngoài cùng phải là các trường (khóa: giá trị), nhưng lại là một giá trị đơn",
    ),
    (
        "the document expands to more than {k} values (anchors and aliases)",
        "tài liệu bung ra hơn {k} giá trị (anchor và alias)",
    ),
    ("nesting deeper than {n} levels", "lồng sâu hơn {n} cấp"),
    ("recursive alias: a value contains itself", "alias đệ quy: một giá trị chứa chính nó"),
    ("unsupported YAML tag {k}", "thẻ YAML {k} không được hỗ trợ"),
    ("a key must be text, not a list or mapping", "khóa phải là văn bản, không phải danh sách hay ánh xạ"),
    ("merge keys (<<) are not supported", "không hỗ trợ khóa gộp (<<)"),
    ("invalid JSON: {x}", "JSON không hợp lệ: {x}"),
    (
        'not a ranking: expected {"groups": [...]} as written by `par rank --format json`',
        'không phải một bảng xếp hạng: cần {"groups": [...]} như `par rank --format json` ghi ra',
    ),
    ("{k}: expected a group with 'group' and 'rows'", "{k}: cần một nhóm có 'group' và 'rows'"),
    ("{k}: expected a rank (a whole number ≥ 1) and agency.id", "{k}: cần hạng (số nguyên ≥ 1) và agency.id"),
    # schema
    ("missing field 'kind'", "thiếu trường 'kind'"),
    ("kind is '{k}', expected '{l}'", "kind là '{k}', cần '{l}'"),
    ("missing field '{k}'", "thiếu trường '{k}'"),
    ("unknown field '{k}'", "trường '{k}' không được định nghĩa"),
    ("expected {w}, got {g}", "cần {w}, nhưng có {g}"),
    ("{g} is not allowed: expected {k}", "{g} không hợp lệ: cần {k}"),
    ("unknown rule kind {g}; expected one of {k}", "loại quy tắc {g} không tồn tại; cần một trong {k}"),
    ("a rule needs a 'kind'", "quy tắc cần có 'kind'"),
    ("{g} is not a valid identifier", "{g} không phải là mã định danh hợp lệ"),
    ("must not be empty", "không được để trống"),
    ("give exactly one of {k}", "cần ghi đúng một trong {k}"),
    ("Input should be greater than {n}", "phải lớn hơn {n}"),
    ("Input should be greater than or equal to {n}", "phải lớn hơn hoặc bằng {n}"),
    ("Input should be less than {n}", "phải nhỏ hơn {n}"),
    ("Input should be less than or equal to {n}", "phải nhỏ hơn hoặc bằng {n}"),
    # criteria sets
    (
        "max {n1} is not the sum of its children's max {n2} (difference {n3})",
        "điểm tối đa {n1} khác tổng điểm tối đa các mục con {n2} (chênh lệch {n3})",
    ),
    ("duplicate code '{k}' (first at line {n})", "mã '{k}' bị trùng (lần đầu ở dòng {n})"),
    ("duplicate code '{k}' in adjustments", "mã '{k}' bị trùng trong điểm thưởng, điểm trừ"),
    ("code '{k}' does not extend its parent's code '{l}'", "mã '{k}' không nối tiếp mã '{l}' của mục cha"),
    ("{k} has both children and a rule", "{k} vừa có mục con vừa có quy tắc chấm"),
    ("level '{k}' gives {n1} points, above the max {n2}", "mức '{k}' cho {n1} điểm, vượt điểm tối đa {n2}"),
    ("tier {n1} gives {n2} points, above the max {n3}", "bậc {n1} cho {n2} điểm, vượt điểm tối đa {n3}"),
    ("level key '{k}' is listed twice", "mức '{k}' được liệt kê hai lần"),
    ("tier {n1} bound {n2} is outside 0–100", "ngưỡng {n2} của bậc {n1} nằm ngoài 0–100"),
    (
        "tier {n1} ({k} {n2}) can never apply: tier {n3} ({l} {n4}) catches every such input first",
        "bậc {n1} ({k} {n2}) không bao giờ được áp dụng: bậc {n3} ({l} {n4}) đã bắt mọi giá trị như vậy trước",
    ),
    (
        "tier {n1} gives {n2} points, more than tier {n3} ({n4}) with a higher bound: a better result would score less",
        "bậc {n1} cho {n2} điểm, nhiều hơn bậc {n3} ({n4}) có ngưỡng cao hơn: kết quả tốt hơn lại được ít điểm hơn",
    ),
    ("zero_below {n1} is above full_at {n2}", "zero_below {n1} lớn hơn full_at {n2}"),
    ("max {n1} is not a multiple of the step {n2}", "điểm tối đa {n1} không là bội số của bước {n2}"),
    ("the best outcome of the rule gives {n1} of {n2} points", "kết quả tốt nhất của quy tắc chỉ cho {n1}/{n2} điểm"),
    ("grade '{k}' (min {n1}) is not below '{l}' (min {n2})", "xếp loại '{k}' (từ {n1}) không thấp hơn '{l}' (từ {n2})"),
    ("grade label '{k}' is used twice", "tên xếp loại '{k}' được dùng hai lần"),
    ("areas total {n1} points ({n2} areas)", "tổng các lĩnh vực: {n1} điểm ({n2} lĩnh vực)"),
    ("criteria id '{k}' is also defined in {l}", "mã bộ chỉ số '{k}' cũng được định nghĩa trong {l}"),
    ("criteria id '{k}' is defined twice: {l}", "mã bộ chỉ số '{k}' được định nghĩa hai lần: {l}"),
    ("criteria set '{k}' not found", "không tìm thấy bộ chỉ số '{k}'"),
    # assessments
    ("no criterion '{k}' in {l}", "không có tiêu chí '{k}' trong {l}"),
    (
        "{k} is not a leaf: its points are the sum of its sub-criteria",
        "{k} không phải tiêu chí lá: điểm của nó là tổng các tiêu chí thành phần",
    ),
    ("{k} cannot be declared not applicable", "{k} không được khai báo là không phát sinh"),
    ("{k} is declared N/A and also gives '{l}'", "{k} được khai báo không phát sinh nhưng vẫn ghi '{l}'"),
    (
        "this input makes the criterion not applicable, but it does not allow N/A",
        "giá trị này làm tiêu chí không phát sinh, nhưng tiêu chí không cho phép N/A",
    ),
    (
        "{k} is scored by the survey: it takes no '{l}' value",
        "{k} được chấm qua điều tra xã hội học: không nhận giá trị '{l}'",
    ),
    ("{k} is self-assessed: it takes no 'survey' value", "{k} do cơ quan tự đánh giá: không nhận giá trị 'survey'"),
    (
        "self and appraised disagree on whether the criterion applies",
        "tự đánh giá và thẩm định không thống nhất về việc tiêu chí có phát sinh",
    ),
    ("na must be true or false", "na phải là true hoặc false"),
    ("unknown answer field '{k}'", "trường trả lời '{k}' không được định nghĩa"),
    ("unknown adjustment field '{k}'", "trường điểm thưởng/trừ '{k}' không được định nghĩa"),
    ("no adjustment '{k}' in {l}", "không có mục điểm thưởng/trừ '{k}' trong {l}"),
    (
        "adjustment {k}: {l} is not a number of points in 0–{n}",
        "điểm thưởng/trừ {k}: {l} không phải số điểm trong khoảng 0–{n}",
    ),
    ("evidence must be a list of texts", "evidence phải là danh sách các văn bản"),
    ("{k} must be text", "{k} phải là văn bản"),
    (
        "{k} is answered, but {l} above it is declared not applicable",
        "{k} có trả lời, nhưng {l} ở trên đã khai báo không phát sinh",
    ),
    (
        "every criterion is declared not applicable: no index can be computed",
        "mọi tiêu chí đều không phát sinh: không tính được chỉ số",
    ),
    ("agency id '{k}' is also used by {l}", "mã cơ quan '{k}' cũng được dùng trong {l}"),
    (
        "agency id '{k}' is also in {l}: one file per agency and group",
        "mã cơ quan '{k}' cũng có trong {l}: mỗi cơ quan một tệp trong một nhóm",
    ),
    ("{w} cannot be negative, got {n}", "{w} không được âm, nhưng là {n}"),
    ("{w} must be a whole number, got {n}", "{w} phải là số nguyên, nhưng là {n}"),
    (
        "done and total cannot be negative (done {n1}, total {n2})",
        "done và total không được âm (done {n1}, total {n2})",
    ),
    ("done ({n1}) is greater than total ({n2})", "done ({n1}) lớn hơn total ({n2})"),
    ("percentage {n} is outside 0–100", "tỷ lệ {n} nằm ngoài 0–100"),
    ("{n1} points is outside 0–{n2}", "{n1} điểm nằm ngoài 0–{n2}"),
    ("{n1} points is not a multiple of the step {n2}", "{n1} điểm không là bội số của bước {n2}"),
    ("unknown level {g}; expected one of: {k}", "mức {g} không tồn tại; cần một trong: {k}"),
    (
        "expected answer counts such as {A: 12, B: 3}, got {g}",
        "cần số phiếu theo đáp án như {A: 12, B: 3}, nhưng có {g}",
    ),
    ("the count for answer {k} is negative", "số phiếu của đáp án {k} bị âm"),
    ("{k} is below --fail-under {n}", "{k} thấp hơn --fail-under {n}"),
    # findings reported by `par check`
    ("no answer; it scores 0 of {n}", "chưa trả lời; được 0/{n} điểm"),
    ("no survey result; it scores 0 of {n}", "chưa có kết quả điều tra xã hội học; được 0/{n} điểm"),
    (
        "{n} self-assessed points without evidence or explanation",
        "tự chấm {n} điểm nhưng không có tài liệu kiểm chứng hoặc giải trình",
    ),
    ("appraisal raised {n1} → {n2} ({n3})", "thẩm định tăng {n1} → {n2} ({n3})"),
    ("appraisal cut {n1} → {n2} ({n3})", "thẩm định giảm {n1} → {n2} ({n3})"),
)

HINTS: tuple[tuple[str, str], ...] = (
    ("YAML keeps only one of them: remove or merge the other", "YAML chỉ giữ một trong hai: xóa hoặc gộp khóa kia"),
    ("indent with spaces, not tabs", "thụt lề bằng dấu cách, không dùng tab"),
    ("indent and separate with spaces", "thụt lề và ngăn cách bằng dấu cách"),
    (
        "write true/false for a yes/no answer, or quote '{k}' if text is meant",
        "ghi true/false cho câu trả lời có/không, hoặc đặt '{k}' trong dấu nháy nếu là văn bản",
    ),
    ("use a dot as decimal separator: {k}", "dùng dấu chấm làm dấu thập phân: {k}"),
    (
        "write a figure between 1e-{n1} and 1e{n2}, at most {n3} digits",
        "ghi một số trong khoảng 1e-{n1} đến 1e{n2}, tối đa {n3} chữ số",
    ),
    ("give a finite number", "ghi một số hữu hạn"),
    ("save the file as UTF-8", "lưu tệp ở dạng UTF-8"),
    ("save it as UTF-8", "lưu tệp ở dạng UTF-8"),
    ("a criteria or assessment file starts with 'kind:'", "tệp bộ chỉ số hoặc tệp đánh giá bắt đầu bằng 'kind:'"),
    ("an assessment file starts with 'kind: assessment'", "tệp đánh giá bắt đầu bằng 'kind: assessment'"),
    ("a criteria file starts with 'kind: criteria'", "tệp bộ chỉ số bắt đầu bằng 'kind: criteria'"),
    ("write the values out instead of nesting aliases", "ghi rõ các giá trị thay vì lồng alias"),
    ("write the fields out", "ghi rõ các trường"),
    ("did you mean '{k}'?", "có phải ý bạn là '{k}'?"),
    (
        "inside { } a comma separates fields: write decimals with a dot (0.5)",
        "trong { } dấu phẩy ngăn cách các trường: ghi số thập phân bằng dấu chấm (0.5)",
    ),
    ("remove the quotes", "bỏ dấu nháy"),
    ("quote it", "đặt trong dấu nháy"),
    ("write the number without %: {k}", "ghi số không kèm %: {k}"),
    ("e.g. kind: points", "ví dụ kind: points"),
    ("use lower-case letters, digits, '.', '_' and '-'", "dùng chữ thường không dấu, chữ số, '.', '_' và '-'"),
    ("set max to {k} or correct a child's max", "đặt max là {k} hoặc sửa điểm tối đa của một mục con"),
    ("number it {k}.N", "đánh mã theo dạng {k}.N"),
    (
        "an inner node's points are the sum of its children; move the rule to a leaf",
        "điểm của mục cha là tổng các mục con: chuyển quy tắc xuống tiêu chí lá",
    ),
    (
        "tiers compare a percentage; use `input: number` for plain counts",
        "các bậc so sánh một tỷ lệ %; dùng `input: number` cho số đếm",
    ),
    (
        "tiers are tried in order: list the highest bound first",
        "các bậc được xét theo thứ tự: ghi ngưỡng cao nhất trước",
    ),
    ("a leaf's max should be reachable", "điểm tối đa của tiêu chí lá phải đạt được"),
    ("list grades from the highest band down", "ghi các mức xếp loại từ cao xuống thấp"),
    ("give each set its own id", "đặt cho mỗi bộ chỉ số một mã riêng"),
    ("see `par criteria show`", "xem `par criteria show`"),
    (
        "give a non-zero total, or set allow_na: true in the criteria set",
        "ghi total khác 0, hoặc đặt allow_na: true trong bộ chỉ số",
    ),
    (
        "only criteria with allow_na: true may be N/A",
        "chỉ tiêu chí có allow_na: true mới được khai báo không phát sinh",
    ),
    (
        "answer its sub-criteria, or declare it na if allowed",
        "trả lời các tiêu chí thành phần, hoặc khai báo na nếu được phép",
    ),
    ("write {survey: …}", "ghi {survey: …}"),
    ("write {self: …} (and appraised: …)", "ghi {self: …} (và appraised: …)"),
    ("write true or false", "ghi true hoặc false"),
    ("write true", "ghi true"),
    ("write false", "ghi false"),
    ("write the key, not true/false", "ghi mã mức, không ghi true/false"),
    ('write evidence: ["Báo cáo số …"]', 'ghi evidence: ["Báo cáo số …"]'),
    ("remove the answer, or the na on {k}", "xóa câu trả lời, hoặc bỏ na ở {k}"),
    ("this set's adjustments: {k}", "các mục điểm thưởng/trừ của bộ chỉ số: {k}"),
    ("this set has no adjustments", "bộ chỉ số không có điểm thưởng, điểm trừ"),
    ("answer fields: {k}", "các trường trả lời: {k}"),
    ("unexpected field '{k}'", "trường '{k}' không hợp lệ"),
    ("give both done and total", "ghi cả done và total"),
    ("one file per agency in a folder", "mỗi cơ quan một tệp trong một thư mục"),
    ("agency ids must be unique within a group", "mã cơ quan phải là duy nhất trong một nhóm"),
    ("answer it, or declare it na if allowed", "trả lời tiêu chí này, hoặc khai báo na nếu được phép"),
    ("add evidence: [...] or an explanation", "thêm evidence: [...] hoặc explanation (giải trình)"),
    (
        "give a relative path, an id defined in a 'kind: criteria' file in this folder or a parent, or a built-in id (`par criteria list`); or use --criteria PATH",
        "ghi đường dẫn tương đối, một mã được định nghĩa trong tệp 'kind: criteria' ở thư mục này hoặc thư mục cha, hoặc một mã có sẵn (`par criteria list`); hoặc dùng --criteria PATH",
    ),
    (
        "give a file path or an id; `par criteria list` shows the built-in sets",
        "ghi đường dẫn tệp hoặc mã; `par criteria list` liệt kê các bộ chỉ số có sẵn",
    ),
)

PHRASES: tuple[tuple[str, str], ...] = (
    # what was expected ({w}) and what was found ({g})
    ("answer counts such as {A: 12, B: 3}", "số phiếu theo đáp án như {A: 12, B: 3}"),
    ("a percentage (0–100) or {done: n, total: m}", "một tỷ lệ % (0–100) hoặc {done: n, total: m}"),
    ("points between 0 and {n}", "số điểm từ 0 đến {n}"),
    ("a count of violations", "số vi phạm"),
    ("a count for answer {k}", "số phiếu của đáp án {k}"),
    ("a count", "số lượng"),
    ("a number for done", "một số cho done"),
    ("a number for total", "một số cho total"),
    ("a number", "một số"),
    ("a whole number", "một số nguyên"),
    ("text", "văn bản"),
    ("true or false", "true hoặc false"),
    ("a list", "một danh sách"),
    ("a mapping of fields", "các trường (khóa: giá trị)"),
    ("a mapping", "một ánh xạ (khóa: giá trị)"),
    ("nothing", "giá trị rỗng"),
    ("the number {n}", "số {n}"),
    ("true (a yes/no value)", "true (giá trị đúng/sai)"),
    ("false (a yes/no value)", "false (giá trị đúng/sai)"),
    ("text '{k}'", "văn bản '{k}'"),
    ("'{k}'", "'{k}'"),
    ("true", "true"),
    ("false", "false"),
)


def _compile(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[a-z]\d?\})", template)
    pattern = "".join(
        f"(?P<{part[1:-1]}>.+?)" if re.fullmatch(r"\{[a-z]\d?\}", part) else re.escape(part) for part in parts
    )
    return re.compile(f"^{pattern}$", re.S)


@functools.cache
def _catalogue(name: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    table = {"messages": MESSAGES, "hints": HINTS, "phrases": PHRASES}[name]
    return tuple((_compile(english), vietnamese) for english, vietnamese in table)


_NUMBER = re.compile(r"([+−≈-]*)(\d+(?:\.\d+)?)")


def _fill(vietnamese: str, groups: dict[str, str]) -> str | None:
    """The template with its placeholders filled; None when a phrase inside has no translation."""
    values: dict[str, str] = {}
    for name, text in groups.items():
        if name.startswith("n"):
            number = _NUMBER.fullmatch(text)
            values[name] = number.group(1) + group_digits(number.group(2), "vi") if number else text
        elif name.startswith(("w", "g")):
            phrase = translated(text, "phrases")
            if phrase is None:
                return None
            values[name] = phrase
        else:
            values[name] = text
    return re.sub(r"\{([a-z]\d?)\}", lambda m: values[m.group(1)], vietnamese)


def translated(text: str, table: str) -> str | None:
    """The Vietnamese of an English text from one catalogue, or None when it has no (complete) entry."""
    for pattern, vietnamese in _catalogue(table):
        match = pattern.match(text)
        if match:
            filled = _fill(vietnamese, match.groupdict())
            if filled is not None:
                return filled
    return None


def translate_message(message: str) -> str | None:
    """A message in Vietnamese, or None without a translation. A `where: ` prefix (a code, a field path) is kept."""
    prefix, separator, rest = message.partition(": ")
    if separator:
        inner = translated(rest, "messages")
        if inner is not None:
            return f"{prefix}: {inner}"
    return translated(message, "messages")


def vietnamese_message(message: str) -> str:
    return translate_message(message) or message


def vietnamese_hint(hint: str) -> str:
    return translated(hint, "hints") or hint
