"""Rules from an annex's scoring text, where the phrasing is unambiguous; otherwise `points` and a note.

- "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm" → levels (two levels worth the
  maximum and 0 → check);
- "Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm" → tiers (thresholds strictly falling);
- "Mỗi báo cáo chậm trừ 0,5 điểm" → deduction.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_SEGMENT = re.compile(rf"^(.*?)\s*[:=(]\s*{_NUMBER}\s*(?:điểm|đ)\b\)?\.?$", re.IGNORECASE | re.DOTALL)
_DEDUCT = re.compile(rf"\bmỗi\b.*?\btrừ\s+{_NUMBER}\s*(?:điểm|đ)\b", re.IGNORECASE | re.DOTALL)
_ABOVE = re.compile(rf"^(?:trên|lớn hơn|cao hơn)\s+{_NUMBER}\s*%", re.IGNORECASE)
_MIN = re.compile(rf"^(?:từ|đạt|bằng|đạt từ)?\s*{_NUMBER}\s*%(?!\s*\))", re.IGNORECASE)
_BELOW = re.compile(rf"^(?:dưới|thấp hơn|nhỏ hơn)\s+{_NUMBER}\s*%", re.IGNORECASE)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _segments(guide: str) -> list[tuple[str, Decimal]] | None:
    """`label: N điểm` parts separated by `;` or new lines; None when a part is not of that shape."""
    parts = [part.strip(" .") for part in re.split(r"[;\n]+", guide) if part.strip(" .")]
    found = []
    for part in parts:
        match = _SEGMENT.match(part)
        if match is None:
            return None
        found.append((match.group(1).strip(" -–:"), _decimal(match.group(2))))
    return found if len(found) >= 2 else None


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-") or "muc"


def _tiers(segments: list[tuple[str, Decimal]]) -> list[dict[str, Any]] | None:
    tiers: list[dict[str, Any]] = []
    last: Decimal | None = None
    for text, points in segments:
        above, least, below = _ABOVE.match(text), _MIN.match(text), _BELOW.match(text)
        if below is not None:
            if points != 0:
                return None
            continue
        if above is not None:
            bound, key = _decimal(above.group(1)), "above"
        elif least is not None:
            bound, key = _decimal(least.group(1)), "min"
        else:
            return None
        if last is not None and bound >= last:
            return None
        last = bound
        tiers.append({key: bound, "points": points})
    return tiers or None


def read_rule(guide: str, maximum: Decimal) -> tuple[dict[str, Any], str | None]:
    """The rule the text states, or `points` and the text to decide it by (a TODO for the office)."""
    text = " ".join(guide.split())
    if not text:
        return {"kind": "points"}, "no scoring text"
    deduction = _DEDUCT.search(text)
    if deduction is not None and len(_DEDUCT.findall(text)) == 1:
        return {"kind": "deduction", "per": _decimal(deduction.group(1))}, None
    segments = _segments(guide)
    if segments is not None and all(points <= maximum for _, points in segments):
        if any("%" in label for label, _ in segments):
            tiers = _tiers(segments)
            if tiers is not None:
                return {"kind": "tiers", "tiers": tiers}, None
        elif sorted(points for _, points in segments) == [0, maximum]:
            return {"kind": "check"}, None
        else:
            keys: list[str] = []
            for label, _ in segments:
                key = slug(label)
                keys.append(key if key not in keys else f"{key}-{len(keys) + 1}")
            levels = [{"key": k, "label": label, "points": p} for k, (label, p) in zip(keys, segments, strict=True)]
            return {"kind": "levels", "levels": levels}, None
    return {"kind": "points"}, text
