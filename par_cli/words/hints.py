"""Hints of the catalogue: what to do about a problem, English and Vietnamese side by side. A hint that says
what to type keeps figures as they must be typed (`{name:typed}`: with a dot)."""

from __future__ import annotations

HINTS: dict[str, tuple[str, str]] = {
    "hint.recompute": (
        "open the file in Excel or LibreOffice and save it, so that the formula is computed",
        "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để công thức được tính",
    ),
    "hint.force": ("give --force to replace it", "dùng --force để ghi đè"),
    "hint.one-period": (
        "rank each period's files apart, or rank them together with --group-by period",
        "xếp hạng riêng từng kỳ, hoặc xếp chung với --group-by period",
    ),
    "hint.add-attribute": (
        "add agency.attributes: {{{name}: …}} to this file, or group by something else",
        "thêm agency.attributes: {{{name}: …}} vào tệp này, hoặc nhóm theo thuộc tính khác",
    ),
    "hint.blank-appraisal": (
        "write the appraised input, or remove 'appraised:' until the council has appraised it",
        "ghi kết quả thẩm định, hoặc bỏ 'appraised:' cho đến khi Hội đồng thẩm định",
    ),
    "hint.predecessors": (
        "list the ids the merged units had in the earlier period (agency.predecessors)",
        "ghi mã các đơn vị được hợp nhất như ở kỳ trước (agency.predecessors)",
    ),
    "hint.field-elsewhere": (
        "'{field}' belongs to another part of the format, not here",
        "'{field}' thuộc một phần khác của định dạng, không dùng ở đây",
    ),
    "hint.unit-types": ("the set's unit types: {types}", "các loại đơn vị của bộ chỉ số: {types}"),
    "hint.remove-answer": ("remove this answer", "bỏ câu trả lời này"),
    "hint.give-index": (
        "give the unit's index too (`par rank` writes it in JSON, CSV and xlsx)",
        "ghi cả chỉ số của đơn vị (`par rank` ghi chỉ số trong JSON, CSV và xlsx)",
    ),
    "hint.ranking-columns": (
        "give a ranking as `par rank --format json|csv|xlsx|docx` writes it: at least the columns rank and"
        " agency_id (or Xếp hạng and Tên cơ quan)",
        "dùng bảng xếp hạng do `par rank --format json|csv|xlsx|docx` ghi ra: ít nhất có cột rank và agency_id"
        " (hoặc Xếp hạng và Tên cơ quan)",
    ),
    "hint.column-twice": (
        "keep one column of that title",
        "chỉ giữ một cột có tiêu đề đó",
    ),
    "hint.duplicate-key-json": (
        "a JSON reader keeps only one of them: remove the other",
        "trình đọc JSON chỉ giữ một trong hai: xóa khóa kia",
    ),
    "hint.give-ids": (
        "give the rows agency ids (a column agency_id, or Mã cơ quan)",
        "ghi mã cơ quan cho các dòng (cột agency_id hoặc Mã cơ quan)",
    ),
    "hint.predecessor-by-name": (
        "last period's ranking gives '{name}' without an id: give that row the id {id} (a column agency_id, or Mã"
        " cơ quan, filled for that row only)",
        "bảng xếp hạng kỳ trước có '{name}' nhưng không có mã: ghi mã {id} cho dòng đó (cột agency_id hoặc Mã cơ"
        " quan, chỉ cần ghi cho dòng đó)",
    ),
    "hint.name-as-written": (
        "write the name as this year's assessment gives it, or leave the row out if the agency is gone",
        "ghi tên như trong bản tự đánh giá năm nay, hoặc bỏ dòng nếu cơ quan không còn",
    ),
    "hint.predecessor-ranked": (
        "list as predecessors only the units merged away (no longer ranked), or remove this one",
        "chỉ ghi là đơn vị tiền thân các đơn vị đã hợp nhất (không còn được xếp hạng), hoặc bỏ đơn vị này",
    ),
    "hint.agency-list": (
        "give --agencies FOLDER (the assessments) to check every agency id of the responses",
        "dùng --agencies THƯ_MỤC (các tệp tự đánh giá) để kiểm tra mọi mã cơ quan trong bảng phiếu",
    ),
    "hint.did-you-mean": ("did you mean '{name}'?", "có phải ý bạn là '{name}'?"),
    "hint.duplicate-key": (
        "YAML keeps only one of them: remove or merge the other",
        "YAML chỉ giữ một trong hai: xóa hoặc gộp khóa kia",
    ),
    "hint.tabs-indent": ("indent with spaces, not tabs", "thụt lề bằng dấu cách, không dùng tab"),
    "hint.surrogate": (
        "a character beyond U+FFFF written as two \\u escapes is JSON's way, not YAML's: write the character "
        "itself, or as \\U0001F600",
        "ký tự ngoài U+FFFF viết bằng hai mã \\u là cách của JSON, không phải của YAML: hãy viết chính ký tự đó, "
        "hoặc dạng \\U0001F600",
    ),
    "hint.tab": ("indent and separate with spaces", "thụt lề và ngăn cách bằng dấu cách"),
    "hint.yaml11": (
        "write true/false for a yes/no answer, or quote '{text}' if text is meant",
        "ghi true/false cho câu trả lời có/không, hoặc đặt '{text}' trong dấu nháy nếu là văn bản",
    ),
    "hint.figure-range": (
        "write a figure between 1e-{low} and 1e{high}, at most {digits} digits",
        "ghi một số trong khoảng 1e-{low} đến 1e{high}, tối đa {digits} chữ số",
    ),
    "hint.finite": ("give a finite number", "ghi một số hữu hạn"),
    "hint.unmerge": (
        "unmerge these cells (Merge & Center) and save the workbook again",
        "bỏ gộp các ô này (Merge & Center) rồi lưu lại sổ tính",
    ),
    "hint.close-quote": (
        'close the quote ("…") where the cell ends, or remove it',
        'đóng dấu ngoặc kép ("…") ở cuối ô, hoặc xóa nó',
    ),
    "hint.csv-extra-cells": (
        'a decimal comma (95,5) splits a cell in two in a comma-separated file: write 95.5, or quote it "95,5"',
        "dấu phẩy thập phân (95,5) tách một ô làm hai trong tệp phân cách bằng dấu phẩy:"
        ' ghi 95.5, hoặc đặt trong ngoặc kép "95,5"',
    ),
    "hint.save-utf8": ("save the file as UTF-8", "lưu tệp ở dạng UTF-8"),
    "hint.save-it-utf8": ("save it as UTF-8", "lưu tệp ở dạng UTF-8"),
    "hint.starts-kind": (
        "a criteria or assessment file starts with 'kind:'",
        "tệp bộ chỉ số hoặc tệp đánh giá bắt đầu bằng 'kind:'",
    ),
    "hint.kind-assessment": (
        "an assessment file starts with 'kind: assessment'",
        "tệp đánh giá bắt đầu bằng 'kind: assessment'",
    ),
    "hint.kind-criteria": (
        "a criteria file starts with 'kind: criteria'",
        "tệp bộ chỉ số bắt đầu bằng 'kind: criteria'",
    ),
    "hint.no-aliases": ("write the values out instead of nesting aliases", "ghi rõ các giá trị thay vì lồng alias"),
    "hint.write-fields": ("write the fields out", "ghi rõ các trường"),
    "hint.comma-in-braces": (
        "inside {{ }} a comma separates fields: write decimals with a dot ({number})",
        "trong {{ }} dấu phẩy ngăn cách các trường: ghi số thập phân bằng dấu chấm ({number})",
    ),
    "hint.leading-zero": (
        "write {number}, or quote it if it is a code",
        "ghi {number}, hoặc đặt trong dấu nháy nếu là mã",
    ),
    "hint.quote": ("quote it", "đặt trong dấu nháy"),
    "hint.example-kind": ("e.g. kind: points", "ví dụ kind: points"),
    "hint.slug": (
        "use lower-case letters, digits, '.', '_' and '-'",
        "dùng chữ thường không dấu, chữ số, '.', '_' và '-'",
    ),
    "hint.set-max": (
        "set max to {total:typed} or correct a child's max",
        "đặt max là {total:typed} hoặc sửa điểm tối đa của một mục con",
    ),
    "hint.number-it": ("number it {parent}.N", "đánh mã theo dạng {parent}.N"),
    "hint.move-rule": (
        "an inner node's points are the sum of its children; move the rule to a leaf",
        "điểm của mục cha là tổng các mục con: chuyển quy tắc xuống tiêu chí lá",
    ),
    "hint.reachable": ("a leaf's max should be reachable", "điểm tối đa của tiêu chí lá phải đạt được"),
    "hint.grade-from-zero": ("add a lowest band with min: 0", "thêm mức xếp loại thấp nhất với min: 0"),
    "hint.level-label": (
        'give each level a label: {{key: kip-thoi, label: "Ban hành kịp thời", points: 1}}',
        'đặt tên cho từng mức: {{key: kip-thoi, label: "Ban hành kịp thời", points: 1}}',
    ),
    "hint.grades-order": ("list grades from the highest band down", "ghi các mức xếp loại từ cao xuống thấp"),
    "hint.own-id": ("give each set its own id", "đặt cho mỗi bộ chỉ số một mã riêng"),
    "hint.criteria-show": ("see `par criteria show`", "xem `par criteria show`"),
    "hint.nonzero-total": (
        "give a non-zero total, or set allow_na: true in the criteria set",
        "ghi total khác 0, hoặc đặt allow_na: true trong bộ chỉ số",
    ),
    "hint.allow-na-only": (
        "only criteria with allow_na: true may be N/A",
        "chỉ tiêu chí có allow_na: true mới được khai báo không phát sinh",
    ),
    "hint.answer-sub-criteria": (
        "answer its sub-criteria, or declare it na if allowed",
        "trả lời các tiêu chí thành phần, hoặc khai báo na nếu được phép",
    ),
    "hint.write-survey": ("write {{survey: …}}", "ghi {{survey: …}}"),
    "hint.write-self": ("write {{self: …}} (and appraised: …)", "ghi {{self: …}} (và appraised: …)"),
    "hint.evidence-list": ('write evidence: ["Báo cáo số …"]', 'ghi evidence: ["Báo cáo số …"]'),
    "hint.remove-answer-or-na": ("remove the answer, or the na on {code}", "xóa câu trả lời, hoặc bỏ na ở {code}"),
    "hint.adjustments": ("this set's adjustments: {codes}", "các mục điểm thưởng/trừ của bộ chỉ số: {codes}"),
    "hint.no-adjustments": ("this set has no adjustments", "bộ chỉ số không có điểm thưởng, điểm trừ"),
    "hint.answer-fields": ("answer fields: {fields}", "các trường trả lời: {fields}"),
    "hint.one-per-folder": ("one file per agency in a folder", "mỗi cơ quan một tệp trong một thư mục"),
    "hint.unique-in-group": ("agency ids must be unique within a group", "mã cơ quan phải là duy nhất trong một nhóm"),
    "hint.answer-it": (
        "answer it, or declare it na if allowed",
        "trả lời tiêu chí này, hoặc khai báo na nếu được phép",
    ),
    "hint.add-evidence": (
        "add evidence: [...] or an explanation",
        "thêm evidence: [...] hoặc explanation (giải trình)",
    ),
    "hint.criteria-where": (
        "give a relative path, an id defined in a 'kind: criteria' file in this folder or a parent, or a built-in id "
        "(`par criteria list`); or use --criteria PATH",
        "ghi đường dẫn tương đối, một mã được định nghĩa trong tệp 'kind: criteria' ở thư mục này hoặc thư mục cha, "
        "hoặc một mã có sẵn (`par criteria list`); hoặc dùng --criteria PATH",
    ),
    "hint.criteria-path-or-id": (
        "give a file path or an id; `par criteria list` shows the built-in sets",
        "ghi đường dẫn tệp hoặc mã; `par criteria list` liệt kê các bộ chỉ số có sẵn",
    ),
}
