"""The text of a Word paragraph or table cell as Word shows it (with tracked changes shown as accepted).

python-docx's `cell.text` reads only the runs directly under a paragraph: it skips a tracked insertion (`w:ins`:
the `5` that turned `8 %` into `85 %`), text in smart tags (`w:smartTag`), simple fields (`w:fldSimple`) and
content controls (`w:sdt`). This reads every `w:t` under the cell's paragraphs instead, leaving out what Word
does not show as text: tracked deletions (`w:del`, `w:moveFrom`, whose text is `w:delText`), hidden runs
(`w:vanish`), field instructions (`w:instrText`). What holds text par cannot read as such — an equation, a
picture or shape, an embedded object, a table inside the cell — is reported, not guessed.
"""

from __future__ import annotations

from typing import Any

from par_cli.core.diagnostics import Msg, msg

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_GONE = frozenset({f"{W}del", f"{W}moveFrom", f"{W}rPr", f"{W}pPr", f"{W}tcPr", f"{W}sdtPr", f"{W}instrText"})
_UNREADABLE = {
    f"{M}oMath": "annex-equation",
    f"{M}oMathPara": "annex-equation",
    f"{W}drawing": "annex-picture",
    f"{W}pict": "annex-picture",
    f"{MC}AlternateContent": "annex-picture",
    f"{W}object": "annex-object",
    f"{W}tbl": "annex-nested-table",
    f"{W}altChunk": "annex-object",
}
_BREAKS = frozenset({f"{W}br", f"{W}cr"})
_SPACES = frozenset({f"{W}tab", f"{W}ptab"})


def _hidden(run: Any) -> bool:
    properties = run.find(f"{W}rPr")
    vanish = properties.find(f"{W}vanish") if properties is not None else None
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")


def shown_text(element: Any) -> tuple[str, Msg | None]:
    """(the text Word shows in this `w:p` or `w:tc`, paragraphs on lines of their own; what it holds that cannot
    be read as text, or None)."""
    parts: list[str] = []
    unreadable: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _GONE:
                continue
            if tag in _UNREADABLE:
                unreadable.append(_UNREADABLE[tag])
            elif tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in _SPACES:
                parts.append(" ")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}r" and _hidden(child):
                continue
            elif tag == f"{W}p":
                if parts and parts[-1] != "\n":
                    parts.append("\n")
                walk(child)
            else:
                walk(child)

    walk([element] if element.tag == f"{W}p" else element)
    return "".join(parts).strip(), msg(unreadable[0]) if unreadable else None


def deleted_row(tr: Any) -> bool:
    """A table row deleted with track changes on (Word shows it struck out)."""
    properties = tr.find(f"{W}trPr")
    return properties is not None and properties.find(f"{W}del") is not None
