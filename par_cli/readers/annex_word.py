"""The text of a Word paragraph or table cell as Word shows it (with tracked changes shown as accepted).

python-docx's `cell.text` reads only the runs directly under a paragraph: it skips a tracked insertion (`w:ins`:
the `5` that turned `8 %` into `85 %`), text in smart tags (`w:smartTag`), simple fields (`w:fldSimple`) and
content controls (`w:sdt`). This reads every `w:t` under the cell's paragraphs instead, leaving out what Word
does not show as text: tracked deletions (`w:del`, `w:moveFrom`, whose text is `w:delText`), hidden runs
(`w:vanish`), field instructions (`w:instrText`). What holds text par cannot read as such — an equation, a
picture or shape, an embedded object, a table inside the cell — is reported, not guessed. A paragraph in a
bulleted list (its own numbering or its style's) shows its bullet: it is read as `- text`, as if typed.
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


class Bullets:
    """Which paragraphs Word shows with a bullet: the list levels whose format is `bullet` (numbering part), and
    the paragraph styles that number their paragraphs (styles part, through `basedOn`)."""

    def __init__(self, document: Any) -> None:
        self.levels: set[tuple[str, str]] = set()  # (numId, ilvl) of bullet levels
        self.styles: dict[str, tuple[str, str]] = {}  # styleId → its (numId, ilvl)
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):  # no numbering part: no lists
            return
        abstract = {
            a.get(f"{W}abstractNumId"): {
                lvl.get(f"{W}ilvl"): _val(lvl.find(f"{W}numFmt")) for lvl in a.iterfind(f"{W}lvl")
            }
            for a in numbering.iterfind(f"{W}abstractNum")
        }
        for num in numbering.iterfind(f"{W}num"):
            formats = abstract.get(_val(num.find(f"{W}abstractNumId")), {})
            self.levels |= {(num.get(f"{W}numId") or "", ilvl or "0") for ilvl, f in formats.items() if f == "bullet"}
        styles = {style.get(f"{W}styleId"): style for style in document.styles.element.iterfind(f"{W}style")}
        for style_id, style in styles.items():
            seen: set[str] = set()
            while style is not None and style_id not in seen:
                found = _numbering(style)
                if found is not None:
                    self.styles[style_id or ""] = found
                    break
                seen.add(style_id or "")
                style_id = _val(style.find(f"{W}basedOn"))
                style = styles.get(style_id)

    def shown(self, paragraph: Any) -> bool:
        found = _numbering(paragraph)
        if found is None:
            properties = paragraph.find(f"{W}pPr")
            style = properties.find(f"{W}pStyle") if properties is not None else None
            found = self.styles.get(_val(style) or "") if style is not None else None
        return found is not None and found in self.levels


def _val(element: Any) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _numbering(element: Any) -> tuple[str, str] | None:
    """(numId, ilvl) of a paragraph's (or a style's) own numbering; None when it has none."""
    properties = element.find(f"{W}pPr")
    numbered = properties.find(f"{W}numPr") if properties is not None else None
    if numbered is None:
        return None
    return _val(numbered.find(f"{W}numId")) or "", _val(numbered.find(f"{W}ilvl")) or "0"


NO_BULLETS = Bullets(None)


def shown_text(element: Any, bullets: Bullets = NO_BULLETS) -> tuple[str, Msg | None]:
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
                if bullets.shown(child):
                    parts.append("- ")
                walk(child)
            else:
                walk(child)

    walk([element] if element.tag == f"{W}p" else element)
    return "".join(parts).strip(), msg(unreadable[0]) if unreadable else None


def deleted_row(tr: Any) -> bool:
    """A table row deleted with track changes on (Word shows it struck out)."""
    properties = tr.find(f"{W}trPr")
    return properties is not None and properties.find(f"{W}del") is not None
