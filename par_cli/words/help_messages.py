"""Help and the command line's own words, (English, Vietnamese): `par --help`, each command's and option's help,
and click's words (Usage, Options, "Missing argument"…), shown in the run's language (`par_cli.help_words`).

`HELP` is keyed by the English help text as the command modules write it (gettext's way: the source text is the
key; a test checks that every help of the app has its entry). `CLICK` holds click's and typer's fixed words and
error messages; a template's fields (`{name}`) are matched in the English message and put into the Vietnamese.
"""

from __future__ import annotations

HELP_MESSAGES: dict[str, tuple[str, str]] = {
    "par-lang-unknown": (
        "PAR_LANG={value} is not a language par speaks ({known}): passed over",
        "PAR_LANG={value} không phải ngôn ngữ par hỗ trợ ({known}): bỏ qua",
    ),
    "hint.par-lang": (
        "set PAR_LANG=vi or PAR_LANG=en, or unset it",
        "đặt PAR_LANG=vi hoặc PAR_LANG=en, hoặc bỏ biến này",
    ),
}

# The app's, each command's and each option's help: English as the command modules write it → Vietnamese.
HELP: dict[str, tuple[str, str]] = {
    "help.app": (
        "PAR Index (Chỉ số cải cách hành chính) calculator: criteria as code, exact scores.",
        "Tính Chỉ số cải cách hành chính (PAR Index): bộ chỉ số viết thành tệp, điểm tính chính xác.",
    ),
    "help.version": ("Show the version.", "In số phiên bản."),
    "help.help": ("Show this message and exit.", "In hướng dẫn này rồi thoát."),
    "help.score": (
        "Score one agency's assessment: index, grade, per-area breakdown and findings.",
        "Chấm điểm phiếu tự chấm điểm của một cơ quan: chỉ số, xếp loại, điểm từng lĩnh vực và các nhận xét.",
    ),
    "help.assessment-file-kind": ("An assessment file (kind: assessment).", "Tệp tự đánh giá (kind: assessment)."),
    "help.criteria": (
        "Criteria set (a file or an id) instead of the one named.",
        "Bộ chỉ số (tệp hoặc mã) dùng thay cho bộ chỉ số ghi trong tệp.",
    ),
    "help.depth": ("Levels of the tree to show: 1 areas, 2 criteria…", "Số cấp hiển thị: 1 lĩnh vực, 2 tiêu chí…"),
    "help.format": ("Output format.", "Định dạng kết quả."),
    "help.output": ("Write to this file (atomically).", "Ghi vào tệp này (ghi trọn vẹn một lần)."),
    "help.survey": (
        "Survey results (`par survey tally`); default: a `kind: survey` file beside the files.",
        "Kết quả điều tra xã hội học (`par survey tally`); mặc định: tệp `kind: survey` cùng thư mục với các tệp.",
    ),
    "help.lang": (
        "Language of the output and messages (default: PAR_LANG, the criteria set's, the system's).",
        "Ngôn ngữ của kết quả và thông báo (mặc định: PAR_LANG, ngôn ngữ của bộ chỉ số, của hệ thống).",
    ),
    "help.explain": (
        "Where the points went: each leaf's inputs, rule, points lost and effect on the index; then the gaps.",
        "Điểm bị mất ở đâu: số liệu, cách tính, điểm mất của từng tiêu chí và ảnh hưởng đến chỉ số; "
        "rồi các phần có thể cải thiện.",
    ),
    "help.assessment-file": ("An assessment file.", "Tệp tự đánh giá."),
    "help.explain-code": ("Only this criterion and what is under it.", "Chỉ tiêu chí này và các tiêu chí con."),
    "help.gaps-count": ("How many recoverable gaps to list.", "Số phần điểm có thể cải thiện được liệt kê."),
    "help.rank": (
        "Rank a folder of agencies by exact index within (criteria set, group), with last year's ranks.",
        "Xếp hạng các cơ quan trong thư mục theo chỉ số chính xác, trong từng (bộ chỉ số, nhóm), kèm thứ hạng "
        "năm trước.",
    ),
    "help.paths": (
        "Folders (searched recursively) or assessment files.",
        "Thư mục (tìm cả thư mục con) hoặc tệp tự đánh giá.",
    ),
    "help.previous": (
        "Last year's folder of assessments, or a JSON file of `par rank`.",
        "Thư mục tệp tự đánh giá năm trước, hoặc tệp JSON của `par rank`.",
    ),
    "help.group-by": (
        "Rank within: group (the agency's group), none (all together), period, or an agency attribute.",
        "Xếp hạng trong: group (nhóm của cơ quan), none (tất cả cùng nhau), period (kỳ đánh giá), hoặc một "
        "thuộc tính của cơ quan.",
    ),
    "help.areas": ("Add one index column per area.", "Thêm một cột chỉ số cho mỗi lĩnh vực."),
    "help.fail-under": ("Exit 1 when an index is below this.", "Thoát với mã 1 khi có chỉ số thấp hơn mức này."),
    "help.against": (
        "With --criteria NEW: whose index and rank move.",
        "Cùng --criteria MỚI: chỉ số và thứ hạng của cơ quan nào thay đổi.",
    ),
    "help.jobs": ("Processes (default: all cores).", "Số tiến trình (mặc định: mọi nhân CPU)."),
    "help.robustness": (
        "Add gaps to the neighbours, ties at the shown precision and possible ranks (one scoring step).",
        "Thêm khoảng cách với cơ quan liền trước, liền sau, các chỉ số bằng nhau ở độ chính xác hiển thị và "
        "thứ hạng có thể (lệch một bước chấm điểm).",
    ),
    "help.merged-as": (
        "A merged unit's earlier figure: the mean of its predecessors' indices, or their pooled points/max.",
        "Số liệu kỳ trước của đơn vị hợp nhất: trung bình chỉ số các đơn vị cũ, hoặc tổng điểm/tổng điểm tối đa "
        "của chúng.",
    ),
    "help.no-cache": (
        "Score every file again, neither using nor keeping earlier results (par cache).",
        "Chấm lại mọi tệp, không dùng và không lưu kết quả đã có (par cache).",
    ),
    "help.allow-incomplete": (
        "Write a docx/xlsx annex even with survey results or answers missing.",
        "Vẫn ghi phụ lục docx/xlsx khi còn thiếu kết quả điều tra xã hội học hoặc câu trả lời.",
    ),
    "help.check": (
        "Check criteria and assessment files: every problem, located, with a stable code. Exit 1 on errors.",
        "Kiểm tra tệp bộ chỉ số và tệp tự đánh giá: mọi lỗi, kèm vị trí và mã lỗi cố định. Thoát với mã 1 khi có lỗi.",
    ),
    "help.check-paths": (
        "Criteria and assessment files, or folders (recursively).",
        "Tệp bộ chỉ số, tệp tự đánh giá, hoặc thư mục (tìm cả thư mục con).",
    ),
    "help.strict": ("Warnings fail too (exit 1).", "Cảnh báo cũng tính là lỗi (thoát với mã 1)."),
    "help.check-format": (
        "Output format (default: text; github under GitHub Actions).",
        "Định dạng kết quả (mặc định: text; github khi chạy trong GitHub Actions).",
    ),
    "help.schema": (
        "Print the JSON Schema of a file kind, for YAML editors (yaml-language-server) to validate and complete.",
        "In JSON Schema của một loại tệp, để trình soạn YAML (yaml-language-server) kiểm tra và gợi ý.",
    ),
    "help.schema-kind": ("Which file kind.", "Loại tệp."),
    "help.template": (
        "Print a blank assessment for a criteria set: every leaf with its rule, max points and evidence asked.",
        "In phiếu tự chấm điểm trống của một bộ chỉ số: mọi tiêu chí với cách tính, điểm tối đa và tài liệu "
        "kiểm chứng cần có.",
    ),
    "help.criteria-ref": ("A criteria set id or file.", "Mã hoặc tệp của bộ chỉ số."),
    "help.template-output": ("Write the form to this file.", "Ghi phiếu vào tệp này."),
    "help.period": (
        "The period the form is for (default: this year).",
        "Kỳ đánh giá của phiếu (mặc định: năm nay).",
    ),
    "help.force-form": ("Replace an assessment or criteria file.", "Ghi đè tệp tự đánh giá hoặc tệp bộ chỉ số."),
    "help.template-format": (
        "yaml, or xlsx: a workbook to fill in Excel.",
        "yaml, hoặc xlsx: bảng tính để điền bằng Excel.",
    ),
    "help.agencies-list": (
        "A CSV or xlsx list (Mã cơ quan, Tên cơ quan, Nhóm, Loại đơn vị): one xlsx form per agency, its details "
        "filled in and locked, into the folder --output.",
        "Danh sách CSV hoặc xlsx (Mã cơ quan, Tên cơ quan, Nhóm, Loại đơn vị): mỗi cơ quan một phiếu xlsx, "
        "thông tin cơ quan điền sẵn và khóa, ghi vào thư mục --output.",
    ),
    "help.import": (
        "Turn an export table into one assessment file per agency (every bad row reported before any write).",
        "Chuyển bảng số liệu xuất ra thành mỗi cơ quan một tệp tự đánh giá (báo mọi dòng sai trước khi ghi).",
    ),
    "help.import-table": (
        "The office's export: a .xlsx workbook or a .csv file.",
        "Bảng số liệu xuất ra: bảng tính .xlsx hoặc tệp .csv.",
    ),
    "help.import-criteria": ("The criteria set.", "Bộ chỉ số."),
    "help.import-output": (
        "The folder to write one file per agency in.",
        "Thư mục ghi mỗi cơ quan một tệp.",
    ),
    "help.map": ("A column title and what it holds.", "Tên cột và nội dung của cột."),
    "help.force-files": ("Replace files that exist already.", "Ghi đè các tệp đã có."),
    "help.import-strict": (
        "Warnings fail too (exit 1, nothing written).",
        "Cảnh báo cũng tính là lỗi (thoát với mã 1, không ghi gì).",
    ),
    "help.trend": (
        "Each agency's index and rank across periods, merged units followed back through their predecessors.",
        "Chỉ số và thứ hạng của từng cơ quan qua các kỳ đánh giá; đơn vị hợp nhất được nối với các đơn vị cũ.",
    ),
    "help.trend-paths": (
        "One folder of assessments or `par rank` JSON file per period, oldest first.",
        "Mỗi kỳ đánh giá một thư mục tệp tự đánh giá hoặc tệp JSON của `par rank`, kỳ cũ nhất trước.",
    ),
    "help.trend-areas": ("Add each area's index per period.", "Thêm chỉ số từng lĩnh vực của mỗi kỳ."),
    "help.gaps": (
        "Where the folder loses its points: per criterion, agencies losing, points lost, share of max, worst agencies.",
        "Các cơ quan trong thư mục mất điểm ở đâu: theo tiêu chí, số cơ quan mất điểm, điểm mất, tỷ lệ so với "
        "điểm tối đa, các cơ quan mất nhiều nhất.",
    ),
    "help.gaps-depth": (
        "Down to this level (2: criteria; default: all).",
        "Đến cấp này (2: tiêu chí; mặc định: mọi cấp).",
    ),
    "help.top": (
        "Rows of the table (the other formats list all).",
        "Số dòng của bảng (các định dạng khác liệt kê tất cả).",
    ),
    "help.criteria-group": ("List, show and compare criteria sets.", "Liệt kê, xem và so sánh các bộ chỉ số."),
    "help.criteria-list": (
        "The built-in criteria sets: id, title, status, total max, leaves and source.",
        "Các bộ chỉ số có sẵn: mã, tên, trạng thái, tổng điểm tối đa, số tiêu chí và nguồn.",
    ),
    "help.criteria-show": (
        "A criteria set as a tree: codes, titles, max points and each leaf's rule in words.",
        "Bộ chỉ số dạng cây: mã, tên, điểm tối đa và cách tính điểm của từng tiêu chí.",
    ),
    "help.show-depth": ("Levels to show (default: all).", "Số cấp hiển thị (mặc định: mọi cấp)."),
    "help.criteria-import": (
        "Draft a criteria set from an annex: tree, maxima, the rules it can read (TODO for the rest), checked.",
        "Lập bản nháp bộ chỉ số từ phụ lục: cây tiêu chí, điểm tối đa, các cách tính đọc được (TODO cho phần "
        "còn lại), đã kiểm tra.",
    ),
    "help.annex": (
        "The decision's annex: .docx or .xlsx with the criteria table.",
        "Phụ lục của quyết định: tệp .docx hoặc .xlsx có bảng tiêu chí.",
    ),
    "help.annex-output": ("The draft criteria file to write.", "Tệp bộ chỉ số nháp sẽ ghi."),
    "help.force-output": ("Replace the output file.", "Ghi đè tệp kết quả."),
    "help.criteria-diff": (
        "What changed: criteria added, removed, moved, renamed; maxima, rules and sources changed.",
        "Những gì thay đổi: tiêu chí thêm, bỏ, chuyển chỗ, đổi tên; điểm tối đa, cách tính và nguồn thay đổi.",
    ),
    "help.diff-old": ("The set in force: an id or file.", "Bộ chỉ số đang áp dụng: mã hoặc tệp."),
    "help.diff-new": ("The revised set: an id or file.", "Bộ chỉ số sửa đổi: mã hoặc tệp."),
    "help.appraisal-group": (
        "The appraisal council's work: its workbook, read back into appraisal files; the cut list.",
        "Công việc của hội đồng thẩm định: sổ thẩm định, đọc lại thành tệp thẩm định; danh sách điểm bị trừ.",
    ),
    "help.appraisal-cuts": (
        "Per agency, every criterion the appraisal lowered or raised: self-assessed and final points, the reason.",
        "Theo từng cơ quan, mọi tiêu chí thẩm định hạ hoặc nâng điểm: điểm tự chấm, điểm sau thẩm định, lý do.",
    ),
    "help.appraisal-workbook": (
        "The council's workbook: every agency and criterion, self-assessed data and points, cells to appraise.",
        "Sổ thẩm định của hội đồng: mọi cơ quan và tiêu chí, số liệu và điểm tự chấm, ô để thẩm định.",
    ),
    "help.workbook-folder": (
        "The folder of one set's and one period's assessments.",
        "Thư mục tệp tự đánh giá của một bộ chỉ số và một kỳ đánh giá.",
    ),
    "help.workbook-output": ("The council's workbook (.xlsx) to write.", "Sổ thẩm định (.xlsx) sẽ ghi."),
    "help.force-existing": ("Replace an existing file.", "Ghi đè tệp đã có."),
    "help.appraisal-read": (
        "Read the council's workbook into appraisal files (one per appraiser), every bad cell reported first.",
        "Đọc sổ thẩm định thành tệp thẩm định (mỗi cơ quan thẩm định một tệp), báo mọi ô sai trước.",
    ),
    "help.workbook-filled": ("The council's workbook, filled in.", "Sổ thẩm định đã điền."),
    "help.read-output": ("The assessments' folder to write into.", "Thư mục tệp tự đánh giá để ghi vào."),
    "help.force-appraisal": (
        "Replace appraisal files that exist already.",
        "Ghi đè các tệp thẩm định đã có.",
    ),
    "help.cache-group": (
        "The results kept between runs, so that ranking again scores only changed files.",
        "Kết quả lưu giữa các lần chạy, để khi xếp hạng lại chỉ chấm các tệp đã thay đổi.",
    ),
    "help.cache-clear": (
        "Remove every kept result (they are rebuilt by the next ranking).",
        "Xóa mọi kết quả đã lưu (lần xếp hạng sau sẽ tạo lại).",
    ),
    "help.cache-info": ("Where the kept results are, and how many.", "Kết quả đã lưu ở đâu, và bao nhiêu."),
    "help.survey-group": (
        "The sociological survey: tally raw responses, report them.",
        "Điều tra xã hội học: tổng hợp phiếu trả lời, báo cáo kết quả.",
    ),
    "help.survey-tally": (
        "Count every form into survey results: every bad row and cell reported before anything is written.",
        "Tổng hợp mọi phiếu thành kết quả điều tra: báo mọi dòng, ô sai trước khi ghi.",
    ),
    "help.survey-design": (
        "The survey design (kind: survey-design).",
        "Thiết kế cuộc điều tra (kind: survey-design).",
    ),
    "help.responses": (
        "Responses: .csv or .xlsx, one row per form and agency.",
        "Phiếu trả lời: .csv hoặc .xlsx, mỗi phiếu và cơ quan một dòng.",
    ),
    "help.tally-output": ("The results file to write (kind: survey).", "Tệp kết quả sẽ ghi (kind: survey)."),
    "help.survey-agencies": (
        "A folder of assessments: the agencies the survey rates.",
        "Thư mục tệp tự đánh giá: các cơ quan được điều tra.",
    ),
    "help.survey-report": (
        "Per agency and criterion: forms per group, the percentage of each question and overall, the share of E.",
        "Theo cơ quan và tiêu chí: số phiếu từng nhóm, tỷ lệ của từng câu hỏi và chung, tỷ lệ phương án E.",
    ),
    "help.survey-results": ("Survey results (kind: survey).", "Kết quả điều tra (kind: survey)."),
}

# click's and typer's own words: panel titles, the usage line, and error messages ({field}: matched in English).
CLICK: dict[str, tuple[str, str]] = {
    "click.usage": ("Usage: ", "Cách dùng: "),
    "click.arguments": ("Arguments", "Đối số"),
    "click.options": ("Options", "Tùy chọn"),
    "click.commands": ("Commands", "Lệnh"),
    "click.error": ("Error", "Lỗi"),
    "click.aborted": ("Aborted.", "Đã dừng."),
    "click.default": ("[default: {}]", "[mặc định: {}]"),
    "click.required": ("[required]", "[bắt buộc]"),
    "click.try-help": (
        "Try [blue]'{command_path} {help_option}'[/] for help.",
        "Xem [blue]'{command_path} {help_option}'[/] để được hướng dẫn.",
    ),
    "click.missing-argument": ("Missing argument {name}.", "Thiếu đối số {name}."),
    "click.missing-option": ("Missing option {name}.", "Thiếu tùy chọn {name}."),
    "click.missing-command": ("Missing command.", "Thiếu lệnh."),
    "click.no-such-option": ("No such option: {name}", "Không có tùy chọn: {name}"),
    "click.no-such-command": ("No such command {name}.", "Không có lệnh {name}."),
    "click.no-such-command-close": (
        "No such command {name}. Did you mean {names}?",
        "Không có lệnh {name}. Có phải ý bạn là {names}?",
    ),
    "click.no-such-option-close": (
        "No such option: {name} (Possible options: {names})",
        "Không có tùy chọn: {name} (các tùy chọn gần đúng: {names})",
    ),
    "click.not-boolean-states": (
        "{value} is not a valid boolean. Recognized values: {states}",
        "{value} không phải giá trị đúng/sai. Các giá trị nhận được: {states}",
    ),
    "click.extra-arguments": ("Got unexpected extra argument(s) ({args})", "Thừa đối số ({args})"),
    "click.extra-argument": ("Got unexpected extra argument ({args})", "Thừa đối số ({args})"),
    "click.needs-value": ("Option {name} requires an argument.", "Tùy chọn {name} cần một giá trị."),
    "click.takes-no-value": ("Option {name} does not take a value.", "Tùy chọn {name} không nhận giá trị."),
    "click.invalid-value-for": ("Invalid value for {name}: {reason}", "Giá trị không hợp lệ cho {name}: {reason}"),
    "click.invalid-value": ("Invalid value: {reason}", "Giá trị không hợp lệ: {reason}"),
    "click.not-one-of": ("{value} is not one of {choices}.", "{value} không phải một trong {choices}."),
    "click.not-int": ("{value} is not a valid integer.", "{value} không phải số nguyên."),
    "click.not-int-range": ("{value} is not a valid int range.", "{value} không phải số nguyên."),
    "click.not-float": ("{value} is not a valid float.", "{value} không phải số."),
    "click.not-in-range": ("{value} is not in the range {range}.", "{value} nằm ngoài khoảng {range}."),
}
