"""The message catalogue: each message id with its English and Vietnamese templates, side by side.

Placeholders are `{name}`; numbers are written the reader's way (0,5 in Vietnamese), except `{name:typed}`
(a figure as the user should type it, with a dot) and `{name:signed}` (+0,5 / −0,5). Messages of the rule
kinds live with each kind (`core/rules/*.py`) and join this catalogue in `words/catalogue.py`.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # files and YAML
    "no-such-file-or-folder": ("no such file or folder", "không có tệp hoặc thư mục này"),
    "no-such-file": ("no such file", "không có tệp này"),
    "is-a-folder": ("is a folder, not a file", "là một thư mục, không phải tệp"),
    "broken-link": (
        "a broken link: it points to {target}, which does not exist",
        "liên kết hỏng: trỏ tới {target}, nơi không tồn tại",
    ),
    "not-regular": ("is {what}, not a file", "là {what}, không phải tệp"),
    "phrase.fifo": ("a named pipe (FIFO)", "một đường ống có tên (FIFO)"),
    "phrase.device": ("a device", "một thiết bị"),
    "phrase.special": ("a special file", "một tệp đặc biệt"),
    "cannot-read": ("cannot read the file: {reason}", "không đọc được tệp: {reason}"),
    "cannot-write": ("cannot write the file: {reason}", "không ghi được tệp: {reason}"),
    "cannot-print": ("cannot write to standard output: {reason}", "không ghi được ra đầu ra chuẩn: {reason}"),
    "no-files-this-year": ("no assessment files found for this year", "không tìm thấy tệp đánh giá nào cho năm nay"),
    "no-files-last-year": ("no assessment files found for last year", "không tìm thấy tệp đánh giá nào cho năm trước"),
    "no-files": ("no criteria or assessment files found", "không tìm thấy tệp bộ chỉ số hay tệp đánh giá nào"),
    "yaml-syntax": ("YAML syntax: {detail}", "lỗi cú pháp YAML: {detail}"),
    "duplicate-key": ("duplicate key '{key}' (first at line {line})", "khóa '{key}' bị lặp (lần đầu ở dòng {line})"),
    "tab": ("tab character", "ký tự tab"),
    "yaml11-bool": (
        "'{text}' is read as text here, but as a boolean by YAML 1.1 tools",
        "'{text}' được đọc là văn bản ở đây, nhưng là giá trị đúng/sai với các công cụ YAML 1.1",
    ),
    "decimal-comma": ("'{text}' has a decimal comma", "'{text}' dùng dấu phẩy thập phân"),
    "out-of-range": ("'{text}' is out of range", "'{text}' nằm ngoài phạm vi cho phép"),
    "leading-zero": (
        "'{text}' has a leading zero: YAML 1.1 tools read such a number as octal",
        "'{text}' có chữ số 0 ở đầu: các công cụ YAML 1.1 đọc số như vậy theo hệ bát phân",
    ),
    "not-a-number": ("'{text}' is not a usable number", "'{text}' không phải là một số dùng được"),
    "not-utf8-byte": ("not UTF-8 text (byte 0x{byte})", "không phải văn bản UTF-8 (byte 0x{byte})"),
    "not-utf8": ("not UTF-8 text", "không phải văn bản UTF-8"),
    "utf16": ("file is UTF-16 text", "tệp là văn bản UTF-16"),
    "binary": ("binary file, not YAML text", "tệp nhị phân, không phải văn bản YAML"),
    "too-large": (
        "file is {size} bytes, over the {limit}-byte limit",
        "tệp có {size} byte, vượt giới hạn {limit} byte",
    ),
    "empty": ("file is empty", "tệp rỗng"),
    "top-list": (
        "the top level must be a mapping of fields (key: value), found a list",
        "cấp ngoài cùng phải là các trường (khóa: giá trị), nhưng lại là một danh sách",
    ),
    "top-value": (
        "the top level must be a mapping of fields (key: value), found a single value",
        "cấp ngoài cùng phải là các trường (khóa: giá trị), nhưng lại là một giá trị đơn",
    ),
    "alias-expansion": (
        "the document expands to more than {limit} values (anchors and aliases)",
        "tài liệu bung ra hơn {limit} giá trị (anchor và alias)",
    ),
    "too-deep": ("nesting deeper than {depth} levels", "lồng sâu hơn {depth} cấp"),
    "recursive-alias": ("recursive alias: a value contains itself", "alias đệ quy: một giá trị chứa chính nó"),
    "unsupported-tag": ("unsupported YAML tag {tag}", "thẻ YAML {tag} không được hỗ trợ"),
    "key-not-text": (
        "a key must be text, not a list or mapping",
        "khóa phải là văn bản, không phải danh sách hay ánh xạ",
    ),
    "merge-key": ("merge keys (<<) are not supported", "không hỗ trợ khóa gộp (<<)"),
    "invalid-json": ("invalid JSON: {detail}", "JSON không hợp lệ: {detail}"),
    # workbooks
    "not-a-workbook": (
        "cannot be opened as an Excel workbook ({reason})",
        "không mở được như một sổ tính Excel ({reason})",
    ),
    "not-a-form": (
        "not an assessment form: no 'Thông tin'/'Details' and 'Tiêu chí'/'Criteria' sheets",
        "không phải phiếu đánh giá: thiếu trang 'Thông tin'/'Details' và 'Tiêu chí'/'Criteria'",
    ),
    "no-header": (
        "sheet {sheet} has no header row with 'Mã' and 'Tự đánh giá' (or 'Code' and 'Self')",
        "trang {sheet} không có dòng tiêu đề gồm 'Mã' và 'Tự đánh giá' (hoặc 'Code' và 'Self')",
    ),
    "merged-inputs": (
        "input cells {cells} are merged over several rows: one value would stand for several criteria",
        "các ô nhập {cells} bị gộp qua nhiều dòng: một giá trị sẽ dùng cho nhiều tiêu chí",
    ),
    "code-as-number": (
        "the code {code} is a number cell: Excel drops trailing zeros (1.10 becomes 1.1)",
        "mã {code} là ô số: Excel bỏ số 0 ở cuối (1.10 thành 1.1)",
    ),
    "uncomputed-formula": (
        "a formula that has never been computed: its value is unknown",
        "công thức chưa từng được tính: không biết giá trị",
    ),
    "date-cell": ("a date where a figure is expected", "một ngày tháng ở chỗ cần một số"),
    "percent-cell": (
        "the cell shows {shown}: this criterion takes points or a count, not a percentage",
        "ô hiển thị {shown}: tiêu chí này nhận số điểm hoặc số lượng, không nhận tỷ lệ %",
    ),
    "import-no-column": ("no column {title} in the header", "dòng tiêu đề không có cột {title}"),
    "import-shape": (
        "cannot tell the table's shape: no 'Mã'/'Code' column (one row per criterion) and no column titled with a "
        "criterion code (one row per agency)",
        "không xác định được dạng bảng: không có cột 'Mã'/'Code' (mỗi dòng một tiêu chí) và không có cột mang mã "
        "tiêu chí (mỗi dòng một cơ quan)",
    ),
    "import-no-agency": ("a row without an agency id", "dòng không có mã cơ quan"),
    "import-differs": (
        "{field} differs from an earlier row of this agency ({first})",
        "{field} khác với một dòng trước của cơ quan này ({first})",
    ),
    "import-twice": ("{code} is given twice for this agency", "{code} được ghi hai lần cho cơ quan này"),
    "import-id-filename": (
        "agency id '{id}' cannot name a file: use letters, digits, '.', '_' and '-'",
        "mã cơ quan '{id}' không dùng làm tên tệp được: dùng chữ, chữ số, '.', '_' và '-'",
    ),
    "note-left-out": ("columns left out: {titles}", "các cột không dùng: {titles}"),
    "annex-unplaced": (
        "could not place this row (numbering I, 1, 1.1, a), - expected): {text}",
        "không xếp được dòng này vào cây (cần số thứ tự I, 1, 1.1, a), -): {text}",
    ),
    "annex-no-max": (
        "{code}: no maximum in '{value}' (max left 0)",
        "{code}: không đọc được điểm tối đa '{value}' (để 0)",
    ),
    "annex-rule-undecided": (
        "{code}: scoring text left as points with a TODO: decide its rule",
        "{code}: cách chấm chưa tự nhận ra, để kiểu points với TODO: cần quyết định",
    ),
    "annex-unreadable": ("cannot read this annex ({reason})", "không đọc được phụ lục này ({reason})"),
    "annex-no-table": (
        "no criteria table found (headings such as STT, Tiêu chí, Điểm tối đa)",
        "không tìm thấy bảng tiêu chí (các cột như STT, Tiêu chí, Điểm tối đa)",
    ),
    "annex-total": (
        "the annex's total row says {total}, its areas add up to {areas}",
        "dòng tổng của phụ lục ghi {total}, các lĩnh vực cộng lại {areas}",
    ),
    "note-annex-written": (
        "{file} written: {areas} areas, {leaves} leaves; rules read: {rules}",
        "đã ghi {file}: {areas} lĩnh vực, {leaves} tiêu chí lá; cách chấm: {rules}",
    ),
    "note-written": (
        "{count} assessment {count:plural:file|files} written to {folder}",
        "đã ghi {count} tệp đánh giá vào {folder}",
    ),
    "file-exists": (
        "exists already: importing would overwrite it",
        "đã tồn tại: nhập sẽ ghi đè lên tệp này",
    ),
    # schema
    "missing-kind": ("missing field 'kind'", "thiếu trường 'kind'"),
    "wrong-kind": ("kind is '{kind}', expected '{expected}'", "kind là '{kind}', cần '{expected}'"),
    "at-path": ("{where}: {problem}", "{where}: {problem}"),
    "missing-field": ("missing field '{field}'", "thiếu trường '{field}'"),
    "unknown-field": ("unknown field '{field}'", "trường '{field}' không được định nghĩa"),
    "not-allowed": ("{found} is not allowed: expected {expected}", "{found} không hợp lệ: cần {expected}"),
    "unknown-rule-kind": (
        "unknown rule kind {found}; expected one of {expected}",
        "loại quy tắc {found} không tồn tại; cần một trong {expected}",
    ),
    "rule-needs-kind": ("a rule needs a 'kind'", "quy tắc cần có 'kind'"),
    "invalid-identifier": ("{found} is not a valid identifier", "{found} không phải là mã định danh hợp lệ"),
    "empty-value": ("must not be empty", "không được để trống"),
    "greater-than": ("Input should be greater than {limit}", "phải lớn hơn {limit}"),
    "greater-or-equal": ("Input should be greater than or equal to {limit}", "phải lớn hơn hoặc bằng {limit}"),
    "less-than": ("Input should be less than {limit}", "phải nhỏ hơn {limit}"),
    "less-or-equal": ("Input should be less than or equal to {limit}", "phải nhỏ hơn hoặc bằng {limit}"),
    "verbatim": ("{text}", "{text}"),
    "phrase.plain": ("{text}", "{text}"),
    "phrase.text-kind": ("text", "văn bản"),
    "phrase.whole-number": ("a whole number", "một số nguyên"),
    "phrase.fields": ("a mapping of fields", "các trường (khóa: giá trị)"),
    # criteria sets
    "max-not-sum": (
        "{code}: max {max} is not the sum of its children's max {total} (difference {difference:signed})",
        "{code}: điểm tối đa {max} khác tổng điểm tối đa các mục con {total} (chênh lệch {difference:signed})",
    ),
    "duplicate-code": (
        "duplicate code '{code}' (first at line {first})",
        "mã '{code}' bị trùng (lần đầu ở dòng {first})",
    ),
    "duplicate-adjustment": (
        "duplicate code '{code}' in adjustments",
        "mã '{code}' bị trùng trong điểm thưởng, điểm trừ",
    ),
    "code-not-extending": (
        "code '{code}' does not extend its parent's code '{parent}'",
        "mã '{code}' không nối tiếp mã '{parent}' của mục cha",
    ),
    "children-and-rule": ("{code} has both children and a rule", "{code} vừa có mục con vừa có quy tắc chấm"),
    "max-unreachable": (
        "{code}: the best outcome of the rule gives {best} of {max} {max:plural:point|points}",
        "{code}: kết quả tốt nhất của quy tắc chỉ cho {best}/{max} điểm",
    ),
    "grades-order": (
        "grade '{label}' ({min}) is not below '{previous}' ({previous_min})",
        "xếp loại '{label}' ({min}) không thấp hơn '{previous}' ({previous_min})",
    ),
    "grades-above-zero": (
        "the lowest grade starts at {min}: an index below it has no grade",
        "xếp loại thấp nhất bắt đầu từ {min}: chỉ số thấp hơn sẽ không có xếp loại",
    ),
    "grades-strictly-above": (
        "the lowest grade is above {min}: an index of {min} or less has no grade",
        "xếp loại thấp nhất là trên {min}: chỉ số từ {min} trở xuống sẽ không có xếp loại",
    ),
    "phrase.band-min": ("min {value}", "từ {value}"),
    "phrase.band-above": ("above {value}", "trên {value}"),
    "levels-without-labels": (
        "{code}: levels without a label ({keys}): reports show their keys",
        "{code}: các mức chưa có tên (label) ({keys}): báo cáo sẽ hiện mã mức",
    ),
    "grade-label-twice": ("grade label '{label}' is used twice", "tên xếp loại '{label}' được dùng hai lần"),
    "areas-total": (
        "areas total {total} {total:plural:point|points} ({areas} {areas:plural:area|areas})",
        "tổng các lĩnh vực: {total} điểm ({areas} lĩnh vực)",
    ),
    "id-also-in": (
        "criteria id '{id}' is also defined in {file}",
        "mã bộ chỉ số '{id}' cũng được định nghĩa trong {file}",
    ),
    "id-twice": (
        "criteria id '{id}' is defined twice: {files}",
        "mã bộ chỉ số '{id}' được định nghĩa hai lần: {files}",
    ),
    "criteria-not-found": ("criteria set '{reference}' not found", "không tìm thấy bộ chỉ số '{reference}'"),
    # assessments
    "unknown-type-here": (
        "unit type '{type}' is not one of unit_types",
        "loại đơn vị '{type}' không có trong unit_types",
    ),
    "not-for-type": (
        "{code} does not apply to a unit of type '{type}' (applies_to in the criteria set)",
        "{code} không áp dụng cho đơn vị loại '{type}' (applies_to trong bộ chỉ số)",
    ),
    "no-unit-type": (
        "this criteria set scores unit types differently: the agency needs a type",
        "bộ chỉ số chấm khác nhau theo loại đơn vị: cần ghi loại của cơ quan (agency.type)",
    ),
    "unknown-unit-type": (
        "unit type '{type}' is not one of the set's unit_types",
        "loại đơn vị '{type}' không có trong unit_types của bộ chỉ số",
    ),
    "no-criterion": ("no criterion '{code}' in {criteria}", "không có tiêu chí '{code}' trong {criteria}"),
    "not-a-leaf": (
        "{code} is not a leaf: its points are the sum of its sub-criteria",
        "{code} không phải tiêu chí lá: điểm của nó là tổng các tiêu chí thành phần",
    ),
    "cannot-be-na": ("{code} cannot be declared not applicable", "{code} không được khai báo là không phát sinh"),
    "na-and-input": (
        "{code} is declared N/A and also gives '{field}'",
        "{code} được khai báo không phát sinh nhưng vẫn ghi '{field}'",
    ),
    "input-not-applicable": (
        "{code}: this input makes the criterion not applicable, but it does not allow N/A",
        "{code}: giá trị này làm tiêu chí không phát sinh, nhưng tiêu chí không cho phép N/A",
    ),
    "survey-leaf": (
        "{code} is scored by the survey: it takes no '{field}' value",
        "{code} được chấm qua điều tra xã hội học: không nhận giá trị '{field}'",
    ),
    "self-leaf": (
        "{code} is self-assessed: it takes no 'survey' value",
        "{code} do cơ quan tự đánh giá: không nhận giá trị 'survey'",
    ),
    "applicability-disagrees": (
        "{code}: self and appraised disagree on whether the criterion applies",
        "{code}: tự đánh giá và thẩm định không thống nhất về việc tiêu chí có phát sinh",
    ),
    "na-true-false": ("{code}: na must be true or false", "{code}: na phải là true hoặc false"),
    "unknown-answer-field": ("unknown answer field '{field}'", "trường trả lời '{field}' không được định nghĩa"),
    "unknown-adjustment-field": (
        "unknown adjustment field '{field}'",
        "trường điểm thưởng/trừ '{field}' không được định nghĩa",
    ),
    "no-adjustment": ("no adjustment '{code}' in {criteria}", "không có mục điểm thưởng/trừ '{code}' trong {criteria}"),
    "adjustment-range": (
        "adjustment {code}: {value} is not a number of points in 0–{max}",
        "điểm thưởng/trừ {code}: {value} không phải số điểm trong khoảng 0–{max}",
    ),
    "evidence-list": ("evidence must be a list of texts", "evidence phải là danh sách các văn bản"),
    "must-be-text": ("{field} must be text", "{field} phải là văn bản"),
    "answered-under-na": (
        "{code} is answered, but {branch} above it is declared not applicable",
        "{code} có trả lời, nhưng {branch} ở trên đã khai báo không phát sinh",
    ),
    "all-not-applicable": (
        "every criterion is declared not applicable: no index can be computed",
        "mọi tiêu chí đều không phát sinh: không tính được chỉ số",
    ),
    "agency-also-used": ("agency id '{id}' is also used by {file}", "mã cơ quan '{id}' cũng được dùng trong {file}"),
    "agency-also-in": (
        "agency id '{id}' is also in {file}: one file per agency and group",
        "mã cơ quan '{id}' cũng có trong {file}: mỗi cơ quan một tệp trong một nhóm",
    ),
    "at-code": ("{code}: {problem}", "{code}: {problem}"),
    "blank-appraisal": (
        "{code}: appraised is left blank: a blank appraisal is not a missing one",
        "{code}: appraised để trống: thẩm định để trống không phải là chưa thẩm định",
    ),
    "blank-explanation": (
        "{code}: the explanation is only spaces: it explains nothing",
        "{code}: giải trình chỉ có dấu cách: không giải trình điều gì",
    ),
    "below-fail-under": ("{name} is below --fail-under {limit}", "{name} thấp hơn --fail-under {limit}"),
    # findings, in score reports and `par check`
    "finding.unanswered": ("{code}: no answer; it scores 0 of {max}", "{code}: chưa trả lời; được 0/{max} điểm"),
    "finding.unanswered-survey": (
        "{code}: no survey result; it scores 0 of {max}",
        "{code}: chưa có kết quả điều tra xã hội học; được 0/{max} điểm",
    ),
    "finding.not-counted": (
        '{code}: {left} of {total} survey answers not counted (E, "không biết"): the share is of the others',
        '{code}: {left}/{total} phiếu không được tính (E, "không biết"): tỷ lệ tính trên số phiếu còn lại',
    ),
    "finding.missing-evidence": (
        "{code}: {points} self-assessed {points:plural:point|points} without evidence or explanation",
        "{code}: tự chấm {points} điểm nhưng không có tài liệu kiểm chứng hoặc giải trình",
    ),
    "finding.relative-alone": (
        "{code}: scored relative to the group's leader; scored alone, this agency is its own leader (value {value}: "
        "{points} of {max}). `par rank` scores it against its group",
        "{code}: chấm tương đối so với đơn vị dẫn đầu nhóm; chấm riêng tệp này, đơn vị được coi là dẫn đầu "
        "(giá trị {value}: {points}/{max} điểm). Điểm so với nhóm: dùng par rank",
    ),
    "finding.appraisal-cut": (
        "{code}: appraisal cut {before} → {after} ({change:signed})",
        "{code}: thẩm định giảm {before} → {after} ({change:signed})",
    ),
    "finding.appraisal-raised": (
        "{code}: appraisal raised {before} → {after} ({change:signed})",
        "{code}: thẩm định tăng {before} → {after} ({change:signed})",
    ),
    # the command line
    "binary-needs-output": ("this format is binary: give --output FILE", "định dạng này là nhị phân: cần --output TỆP"),
    "docx-needs-output": (
        "--format docx writes a Word document: give --output FILE.docx",
        "--format docx ghi ra một văn bản Word: cần --output TỆP.docx",
    ),
    "xlsx-needs-output": (
        "--format xlsx writes a workbook: give --output FILE.xlsx",
        "--format xlsx ghi ra một sổ tính: cần --output TỆP.xlsx",
    ),
    "output-is-input": (
        "--output is one of the files read: writing it would lose the input",
        "--output trùng với một tệp đầu vào: ghi ra sẽ làm mất tệp đó",
    ),
    "output-in-input-folder": (
        "--output is an input file inside {folder}, which is read: the next run would read it as an input",
        "--output là một tệp đầu vào trong {folder}, thư mục đang được đọc: lần chạy sau sẽ đọc nó như một tệp đầu vào",
    ),
    "bad-option": ("{option} {value}: {reason}", "{option} {value}: {reason}"),
    "phrase.against-needs-criteria": (
        "needs --criteria NEW, the revised set to compare with",
        "cần --criteria MỚI, bộ chỉ số sửa đổi để so sánh",
    ),
    "phrase.against-not-previous": (
        "compares two sets on the same files: leave out --previous and --fail-under",
        "so sánh hai bộ chỉ số trên cùng các tệp: bỏ --previous và --fail-under",
    ),
    "phrase.robustness-formats": (
        "is shown in table, json, csv, markdown and html, not in the annex formats (xlsx, docx)",
        "chỉ có ở định dạng table, json, csv, markdown và html, không có trong phụ lục (xlsx, docx)",
    ),
    "phrase.against-formats": (
        "shows a table or JSON (--format table|json)",
        "chỉ in bảng hoặc JSON (--format table|json)",
    ),
    "phrase.map": (
        "write TITLE=FIELD, FIELD one of id, name, group, period, code, self, appraised, evidence, explanation or a "
        "criterion code",
        "ghi TIÊU_ĐỀ=TRƯỜNG, TRƯỜNG là id, name, group, period, code, self, appraised, evidence, explanation hoặc "
        "một mã tiêu chí",
    ),
    "phrase.finite-percent": ("give a figure from 0 to 100", "ghi một số từ 0 đến 100"),
    "phrase.jobs-range": ("give a number of processes from 1 to {most}", "ghi số tiến trình từ 1 đến {most}"),
    "note-form-path": (
        "the form names its criteria set as {path}, relative to this folder: save the form here, or give "
        "--output so that the path is written from where the form is saved",
        "phiếu ghi bộ chỉ số là {path}, tính từ thư mục hiện tại: lưu phiếu tại đây, hoặc dùng --output để "
        "đường dẫn được tính từ nơi lưu phiếu",
    ),
    "missing-package": (
        "--format {format} needs {package}: {install}",
        "--format {format} cần gói {package}: {install}",
    ),
    # what rules give and ask, worded for every kind (core/rules)
    "award.points": ("{points:plain} {points:plural:point|points}", "{points:plain} điểm"),
    "award.percent": ("{percent:plain}% of max", "{percent:plain}% điểm tối đa"),
    "input.percent": (
        "a percentage (0–100) or {{done: n, total: m}}",
        "tỷ lệ % (0–100) hoặc {{done: n, total: m}}",
    ),
    "input.number": ("a number (≥ 0)", "một số (≥ 0)"),
    "action.reach-percent": ("reach {percent:plain} %", "đạt {percent:plain} %"),
}
