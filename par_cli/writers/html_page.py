"""The page every HTML report shares: inline CSS (no network), A4 print, escaped text, bars as SVG."""

from __future__ import annotations

from fractions import Fraction
from html import escape

CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a202c;
       margin: 0 auto; max-width: 1320px; padding: 0 16px; }
p, ol, ul, .figures, body > svg { max-width: 190mm; }  /* prose at a readable measure */
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #cbd5e0; }
.meta { color: #4a5568; margin: 0 0 4mm; }
.figures { display: flex; gap: 4mm; flex-wrap: wrap; }
.figure { border: 1px solid #cbd5e0; border-radius: 2mm; padding: 2mm 4mm; }
.figure span { display: block; color: #4a5568; font-size: 9pt; } .figure strong { font-size: 14pt; }
table { border-collapse: collapse; min-width: min(100%, 190mm); }
th, td { padding: 1.2mm 2mm; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
th { text-align: left; background: #edf2f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; } td.n { white-space: nowrap; }
tr { page-break-inside: avoid; } .na { color: #a0aec0; } .up { color: #276749; } .down { color: #9b2c2c; }
ol li { margin-bottom: 1mm; }
table.trend td:first-child { min-width: 52mm; } table.heat { font-size: 8.5pt; width: auto; }
table.heat td, table.heat th { padding: 0.8mm 1.4mm; border: 1px solid #fff; }
table.areas { font-size: 9pt; width: 100%; } td.name { min-width: 38mm; }
table.areas th, table.areas td { padding: 1mm 1.2mm; }
@media print { body { max-width: none; padding: 0; } table { min-width: 100%; } .figure { break-inside: avoid; } }
"""


def _bar(percent: Fraction | None, text: str) -> str:
    """A horizontal bar (SVG) for 0–100 %, labelled for screen readers and for print without colour."""
    if percent is None:
        return ""
    width = float(min(max(percent, Fraction(0)), Fraction(100)))
    return (
        f'<svg width="100" height="10" viewBox="0 0 100 10" role="img" aria-label="{escape(text)} %">'
        f'<rect width="100" height="10" fill="#e2e8f0"/><rect width="{width:.2f}" height="10" fill="#2b6cb0"/></svg>'
    )


def _row(cells: list[tuple[str, bool]], css: str = "", cell: str = "td") -> str:
    """A table row from (already escaped HTML, numeric?) pairs."""
    attrs = f' class="{css}"' if css else ""
    numeric_attrs = ' class="n"'
    inner = "".join(f"<{cell}{numeric_attrs if numeric else ''}>{html}</{cell}>" for html, numeric in cells)
    return f"<tr{attrs}>{inner}</tr>"


def _th(text: str, numeric: bool) -> str:
    css = ' class="n"' if numeric else ""
    return f"<th{css}>{escape(text).replace(chr(10), '<br>')}</th>"  # a heading's own line breaks kept


def _page(title: str, lang: str, body: list[str]) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
