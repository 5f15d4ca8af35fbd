"""Messages of `par criteria import` added after the central catalogue filled up: what a draft still lacks and the
cells of a Word annex that cannot be read as Word shows them."""

from __future__ import annotations

ANNEX_MESSAGES: dict[str, tuple[str, str]] = {
    "annex-no-grades": (
        "the draft has no grade bands (grades: []): copy the decision's classification (xếp loại) into it",
        "bản nháp chưa có thang xếp loại (grades: []): chép các mức xếp loại của quyết định vào",
    ),
    "annex-cell-unreadable": (
        "the {column} cell holds {what}, which par cannot read as text",
        "ô {column} chứa {what}, par không đọc được thành chữ",
    ),
    "annex-equation": ("an equation", "công thức (equation)"),
    "annex-picture": ("a picture or shape", "hình ảnh hoặc hình vẽ"),
    "annex-object": ("an embedded object", "đối tượng nhúng"),
    "annex-nested-table": ("a table inside the cell", "bảng lồng trong ô"),
    "hint.annex-retype": (
        "retype it as plain text in Word (accept or reject the tracked changes first if any)",
        "gõ lại thành chữ thường trong Word (chấp nhận hoặc từ chối các thay đổi được theo dõi trước, nếu có)",
    ),
    "annex-is-ranking": (
        "not a criteria annex: its table is a ranking ({titles})",
        "không phải phụ lục bộ chỉ số: bảng của tệp là bảng xếp hạng ({titles})",
    ),
    "hint.annex-is-ranking": (
        "import the decision's criteria annex (the table of criteria and their maximum points); a ranking is read"
        " by par rank --previous",
        "nhập phụ lục bộ chỉ số của quyết định (bảng tiêu chí và điểm tối đa); bảng xếp hạng được đọc bằng"
        " par rank --previous",
    ),
}
