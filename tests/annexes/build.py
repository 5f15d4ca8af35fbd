"""Builds the test annexes (python-docx / openpyxl) in the shapes real decisions use. Run from the repository:
`python -m tests.annexes.build` rewrites the .docx/.xlsx files next to this script."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_BREAK

HERE = Path(__file__).parent
HEADER = [
    "STT",
    "Lĩnh vực, tiêu chí, tiêu chí thành phần",
    "Điểm tối đa",
    "Cách chấm / Hướng dẫn",
    "Tài liệu kiểm chứng",
]

NATIONAL_1 = [
    ["1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "", ""],
    ["1.1", "Kế hoạch CCHC năm", "3", "", ""],
    [
        "1.1.1",
        "Ban hành kế hoạch CCHC năm",
        "1",
        "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm",
        "Kế hoạch CCHC năm",
    ],
    [
        "1.1.2",
        "Mức độ thực hiện kế hoạch CCHC",
        "2",
        "Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm",
        "Báo cáo CCHC năm",
    ],
    ["1.2", "Báo cáo CCHC định kỳ", "1,5", "Mỗi báo cáo chậm hoặc thiếu nội dung trừ 0,5 điểm", "Các báo cáo"],
    ["1.3", "Công tác tuyên truyền CCHC", "1,5", "Tùy mức độ thực hiện, Hội đồng thẩm định xem xét", ""],
    ["2", "Cải cách thủ tục hành chính", "4", "MERGE", ""],
    ["2.1", "Công bố, công khai thủ tục hành chính", "2", "Đầy đủ, đúng quy định: 2 điểm; không đầy đủ: 0 điểm", ""],
    [
        "2.2",
        "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "2 điểm",
        "Từ 95% trở lên: 2 điểm; từ 80% đến dưới 95%: 1 điểm; dưới 80%: 0 điểm",
        "Hệ thống một cửa",
    ],
]
NATIONAL_2 = [  # the same table after a page break: its header repeated, as offices re-type it
    ["3", "Tác động của cải cách hành chính (điều tra xã hội học)", "5", "", ""],
    ["3.1", "Mức độ hài lòng của người dân, tổ chức", "5", "Tỷ lệ hài lòng nhân với điểm tối đa", "Kết quả điều tra"],
    ["", "Ghi chú: tiêu chí 1.3 do Hội đồng thẩm định chấm", "", "", ""],
    ["", "Tổng cộng", "15", "", ""],
]

PROVINCIAL = [  # numbering at the start of the text, Roman areas, a) and - sub-items, slips in the sums
    ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "8", ""],
    ["1. Kế hoạch cải cách hành chính", "3", ""],
    ["a) Ban hành kế hoạch đúng hạn", "1 điểm", "Ban hành trước ngày 31/12: 1 điểm; sau thời hạn: 0,5 điểm"],
    ["b) Thực hiện kế hoạch", "2 điểm", "Đạt 100%: 2 điểm; từ 80%: 1 điểm"],
    ["2. Kiểm tra công tác cải cách hành chính", "5", ""],
    ["- Xây dựng kế hoạch kiểm tra", "1,5", "Có kế hoạch: 1,5 điểm; không có: 0 điểm"],
    ["- Thực hiện kiểm tra", "3", "Mỗi đơn vị trực thuộc không được kiểm tra trừ 0,5 điểm"],
    ["II. CẢI CÁCH THỂ CHẾ", "MERGE", ""],
    ["1. Xây dựng văn bản quy phạm pháp luật", "6,5", "Theo tỷ lệ văn bản ban hành đúng hạn"],
    [
        "2. Rà soát văn bản quy phạm pháp luật",
        "5",
        "Rà soát đầy đủ: 5 điểm; không đầy đủ: 2,5 điểm; không rà soát: 0 điểm",
    ],
    ["Tổng cộng", "20", ""],
]


OFFICE = [  # levels as "-"/"+" sub-rows, count and linear texts, bonus and penalty headings; Word's own markup
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "6", ""],
    ["1", "Mức độ thực hiện kế hoạch CCHC", "2", ""],
    ["", "- Hoàn thành trên 90% kế hoạch", "2", ""],
    ["", "- từ 70% đến 90%", "1", ""],
    ["", "- dưới 70%", "0", ""],
    ["2", "Công tác tuyên truyền CCHC", "1", ""],
    ["", "+ Thực hiện đầy đủ, kịp thời", "1", ""],
    ["", "+ Thực hiện chưa đầy đủ", "0,5", ""],
    ["", "+ Không thực hiện", "0", ""],
    ["3", "Triển khai phần mềm dùng chung", "2", "0,5 điểm mỗi phần mềm được triển khai, tối đa 2 điểm"],
    ["4", "Hồ sơ giải quyết FIELD", "1", "Tỷ lệ × 1 điểm; dưới 80%: 0 điểm"],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "4", ""],
    ["1", "Công khai thủ tục hành chính", "2", "Trên 8INS%: 2 điểm; từ 50% đến 85%: 1 điểm; dưới 50%: 0 điểm"],
    ["2", "Tiếp nhận và giải quyết DEL thủ tục hành chính", "SMART", "HYPERLINK × 2 điểm"],
    ["3", "Tiêu chí đã bỏ (dòng xóa khi theo dõi thay đổi)", "1", "DELETED-ROW"],
    ["III", "ĐIỂM THƯỞNG", "2", ""],
    ["1", "Có sáng kiến CCHC được công nhận", "1", "Mỗi sáng kiến 0,5 điểm, tối đa 1 điểm"],
    ["2", "Được khen thưởng về CCHC", "1,5", ""],
    ["", "Diem tru", "3", "Mỗi văn bản bị phê bình trừ 1 điểm"],
    ["", "Tổng cộng", "10", ""],
]
# Word's markup hand-written where offices' files have it (python-docx cannot write it): a tracked insertion
# (8 % → 85 %), a tracked deletion, a smart tag, a field, a hyperlink and a row deleted with track changes on.
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_TRACK = 'w:author="Văn phòng" w:date="2025-08-10T09:00:00Z"'
MARKUP = {
    "INS": f'<w:ins {_W} w:id="1" {_TRACK}><w:r><w:t>5</w:t></w:r></w:ins>',
    "DEL": f'<w:del {_W} w:id="2" {_TRACK}><w:r><w:delText>hồ sơ </w:delText></w:r></w:del>',
    "SMART": f'<w:smartTag {_W} w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="metricconverter">'
    "<w:r><w:t>2</w:t></w:r></w:smartTag>",
    "FIELD": f'<w:fldSimple {_W} w:instr=" DOCPROPERTY  Chitieu  \\* MERGEFORMAT "><w:r><w:t>đúng hạn</w:t></w:r>'
    "</w:fldSimple>",
    "HYPERLINK": f'<w:hyperlink {_W} {_R} r:id="rIdLink"><w:r><w:t>Tỷ lệ</w:t></w:r></w:hyperlink>',
}


def _marked(cell: Any, text: str) -> None:
    """`text` into the cell's paragraph, its MARKUP words as the hand-written XML."""
    from docx.oxml import parse_xml

    paragraph = cell.paragraphs[0]
    for i, part in enumerate(re.split(r"(INS|DEL|SMART|FIELD|HYPERLINK)", text)):
        if i % 2:
            paragraph._p.append(parse_xml(MARKUP[part]))
        elif part:
            paragraph.add_run(part)


def office(path: Path) -> None:
    from docx.oxml import parse_xml

    document = Document()
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("BỘ TIÊU CHÍ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN")
    document.part.relate_to("https://dichvucong.gov.vn", "http://schemas.openxmlformats.org/officeDocument/2006/"
                            "relationships/hyperlink", is_external=True)  # fmt: skip
    table = document.add_table(rows=0, cols=4)
    table.style = document.styles["Table Grid"]
    for cells in [["STT", "Nội dung tiêu chí", "Điểm tối đa", "Cách chấm điểm"], *OFFICE]:
        row = table.add_row()
        if cells[-1] == "DELETED-ROW":  # as Word writes it: the row marked deleted, and each cell's text
            row._tr.get_or_add_trPr().append(parse_xml(f'<w:del {_W} w:id="3" {_TRACK}/>'))
            for cell, text in zip(row.cells, cells[:-1], strict=False):
                deleted = f'<w:del {_W} w:id="4" {_TRACK}><w:r><w:delText>{text}</w:delText></w:r></w:del>'
                cell.paragraphs[0]._p.append(parse_xml(deleted))
            continue
        for i, text in enumerate(cells):
            if re.search(r"INS|DEL|SMART|FIELD|HYPERLINK", text):
                _marked(row.cells[i], text)
            else:
                row.cells[i].text = text
    rel = next(r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink"))
    for link in document.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink"):
        link.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rel.rId)
    document.save(str(path))


def _table(document: Any, header: list[str], rows: list[list[str]], merge_from: int) -> None:
    table = document.add_table(rows=0, cols=len(header))
    table.style = document.styles["Table Grid"]
    for cells in [header, *rows]:
        row = table.add_row()
        for i, text in enumerate(cells):
            if text == "MERGE":  # the cell merged into the one before it (a heading row across columns)
                row.cells[i - 1].merge(row.cells[i])
                continue
            if not (cells is not header and i > 0 and cells[i - 1] == "MERGE"):
                row.cells[i].text = text
    del merge_from


def national(path: Path) -> None:
    document = Document()
    for text in (
        "PHỤ LỤC",
        "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH",
        "(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của UBND tỉnh)",
    ):
        document.add_paragraph(text)
    _table(document, HEADER, [["(1)", "(2)", "(3)", "(4)", "(5)"], *NATIONAL_1], 3)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _table(document, HEADER, NATIONAL_2, 3)
    document.save(str(path))


def provincial(path: Path) -> None:
    document = Document()
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025")
    _table(document, ["Nội dung tiêu chí", "Điểm tối đa", "Hướng dẫn chấm điểm"], PROVINCIAL, 1)
    document.save(str(path))


def national_workbook(path: Path) -> None:
    """The national annex as offices also receive it: one sheet, the area rows merged across the last columns."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phụ lục"
    sheet.append(["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH TỈNH"])
    sheet.append(HEADER)
    for cells in [*NATIONAL_1, *NATIONAL_2]:
        sheet.append([cell if cell != "MERGE" else None for cell in cells])
        if "MERGE" in cells:
            row = sheet.max_row
            sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
    book.save(path)


if __name__ == "__main__":
    national(HERE / "national.docx")
    provincial(HERE / "provincial.docx")
    national_workbook(HERE / "national.xlsx")
    office(HERE / "office.docx")
