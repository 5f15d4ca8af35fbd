"""Rules from an annex's scoring text, where the phrasing is unambiguous; otherwise `points` and a note.

- "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm" → levels (two levels worth the
  maximum and 0 → check);
- "Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm" → tiers (thresholds strictly falling, each
  bound read exactly: trên / từ / đạt / dưới / đến X%, X% trở lên);
- "Mỗi báo cáo chậm trừ 0,5 điểm" → deduction;
- "0,5 điểm mỗi phần mềm, tối đa 2 điểm" (or "mỗi … 1 điểm, không quá 5 điểm") → count, the cap being the max;
- "Tỷ lệ × 2 điểm; dưới 80%: 0 điểm" (or "… nhân với điểm tối đa") → linear.

Numbers are Vietnamese, read exactly: `0,5` and `0.5` are one half, as a Decimal (never a float).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

_NUMBER = r"(\d+(?:[.,]\d+)?)"
_POINT = r"\s*(?:điểm|đ)\b"
_SEGMENT = re.compile(rf"^(.*?)\s*[:=(]\s*{_NUMBER}{_POINT}\)?\.?$", re.IGNORECASE | re.DOTALL)
_DEDUCT = re.compile(rf"\bmỗi\b.*?\btrừ\s+{_NUMBER}{_POINT}", re.IGNORECASE | re.DOTALL)
_PERCENT = re.compile(rf"{_NUMBER}\s*%")
_LOWER_STRICT = ("trên", "lớn hơn", "cao hơn", "vượt", "vượt trên")
_LOWER = ("từ", "đạt", "bằng", "đạt từ", "ít nhất", "tối thiểu", "đạt ít nhất")
_UPPER_STRICT = ("dưới", "đến dưới", "tới dưới", "thấp hơn", "nhỏ hơn", "chưa đạt", "chưa tới", "không đạt")
_UPPER = ("đến", "tới")
_PER = re.compile(
    rf"(?:^|[\s,;(]){_NUMBER}{_POINT}\s*(?:/|cho\s+)?\s*(?:mỗi|một)\b|\bmỗi\b[^;:]*?[:,]?\s*(?:được|cộng|đạt)?\s*"
    rf"{_NUMBER}{_POINT}",
    re.IGNORECASE,
)
_CAP = re.compile(rf"\b(?:tối đa|không quá|nhưng không quá|tối đa không quá|tối đa là)\s*{_NUMBER}{_POINT}", re.I)
_TIMES = r"(?:[×xX*]|nhân\s+với|nhân)"
_LINEAR = re.compile(
    rf"^(?:điểm\s*=\s*)?t[ỷỉ]\s*lệ\b[^;×*]*?\s{_TIMES}\s*(?:(?:với\s+)?(?:số\s+)?điểm\s+tối\s+đa|{_NUMBER}{_POINT})"
    rf"(?:\s*\(?\s*điểm\s+tối\s+đa\s*\)?)?$",
    re.IGNORECASE,
)
_ZERO_BELOW = re.compile(
    rf"^(?:tỷ lệ\s+|tỉ lệ\s+)?(?:dưới|thấp hơn|nhỏ hơn|chưa đạt)\s+{_NUMBER}\s*%\s*(?::|=|thì|được|tính)?\s*"
    r"(?:0|không)(?:\s*điểm)?$",
    re.IGNORECASE,
)


def vn_number(text: str) -> Decimal:
    """`0,5` / `0.5` / `12` → the exact Decimal (the text must be digits with at most one separator)."""
    return Decimal(text.replace(",", "."))


_decimal = vn_number


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


def _bounds(text: str) -> dict[str, Decimal] | None:
    """The percentage bounds a text states (`above`/`min`: the lower one, `below`/`upto`: the upper one); None
    when a percentage is not read exactly (a word before it that is not a bound, or two bounds of one side)."""
    found: dict[str, Decimal] = {}
    lowered = " ".join(text.casefold().split())
    for match in _PERCENT.finditer(lowered):
        before = lowered[: match.start()].rstrip()
        after = lowered[match.end() :].lstrip()
        words = before.split()
        two, one = " ".join(words[-2:]), words[-1] if words else ""
        kind = None
        for side, phrases in (("below", _UPPER_STRICT), ("above", _LOWER_STRICT), ("min", _LOWER), ("upto", _UPPER)):
            if two in phrases or one in phrases:
                kind = side
                break
        if after.startswith("trở lên"):
            kind = "min" if kind in (None, "min") else "conflict"
        elif after.startswith("trở xuống"):
            kind = "upto" if kind in (None, "upto") else "conflict"
        if kind is None and not before.strip(" -–:+•"):
            kind = "min"  # "100%: 2 điểm": a bare figure at the start is the least percentage
        if kind is None or kind == "conflict":
            return None
        lower = kind in ("above", "min")
        if any((k in ("above", "min")) == lower for k in found):
            return None
        found[kind] = _decimal(match.group(1))
    return found


def _tiers(segments: list[tuple[str, Decimal]]) -> list[dict[str, Any]] | None:
    """Tiers when every text states its bounds exactly, strictly falling, each upper bound meeting the tier above
    (`đến 90%` under `trên 90%`, `dưới 95%` under `từ 95%`); a bottom `dưới X%` part gives 0 and meets the last."""
    tiers: list[dict[str, Any]] = []
    bottom = False
    for text, points in segments:
        bounds = _bounds(text)
        if bounds is None or not bounds or bottom:
            return None
        lower = {k: v for k, v in bounds.items() if k in ("above", "min")}
        upper = {k: v for k, v in bounds.items() if k in ("below", "upto")}
        if upper:
            (side, bound), meets = next(iter(upper.items())), "min" if "below" in upper else "above"
            if tiers and tiers[-1].get(meets) != bound:
                return None
            if not tiers and not (side == "upto" and bound == 100):
                return None
        if not lower:  # the bottom part: below the last tier, worth nothing
            if points != 0 or not tiers:
                return None
            bottom = True
            continue
        (key, bound), last = next(iter(lower.items())), tiers[-1] if tiers else None
        if last is not None and bound >= next(v for k, v in last.items() if k != "points"):
            return None
        tiers.append({key: bound, "points": points})
    return tiers or None


def _levels(segments: list[tuple[str, Decimal]]) -> dict[str, Any]:
    keys: list[str] = []
    for label, _ in segments:
        key = slug(label)
        keys.append(key if key not in keys else f"{key}-{len(keys) + 1}")
    levels = [{"key": k, "label": label, "points": p} for k, (label, p) in zip(keys, segments, strict=True)]
    return {"kind": "levels", "levels": levels}


def rule_of_items(items: list[tuple[str, Decimal]]) -> dict[str, Any]:
    """The rule of a criterion whose scoring levels are written as sub-rows with their own points (`- trên 90% |
    2`, `- từ 70% đến 90% | 1`, `- dưới 70% | 0`): tiers when every text gives its bounds exactly, a check for
    two rows worth the maximum and 0, else levels labelled with the texts. The maximum is the largest points."""
    if any("%" in label for label, _ in items):
        tiers = _tiers(items)
        if tiers is not None:
            return {"kind": "tiers", "tiers": tiers}
    if sorted(points for _, points in items) == [0, max(points for _, points in items)] and len(items) == 2:
        return {"kind": "check"}
    return _levels(items)


def _count(text: str, maximum: Decimal) -> dict[str, Any] | None:
    per, cap = _PER.search(text), _CAP.findall(text)
    if per is None or len(cap) != 1 or "trừ" in text.casefold().split():
        return None
    each = _decimal(per.group(1) or per.group(2))
    if _decimal(cap[0]) != maximum or not 0 < each <= maximum:
        return None
    return {"kind": "count", "per": each}


def _linear(guide: str, maximum: Decimal) -> dict[str, Any] | None:
    parts = [" ".join(part.split()).strip(" .") for part in re.split(r"[;\n]+", guide) if part.strip(" .")]
    if not parts:
        return None
    head = _LINEAR.match(parts[0])
    if head is None or (head.group(1) is not None and _decimal(head.group(1)) != maximum):
        return None
    rule: dict[str, Any] = {"kind": "linear"}
    for part in parts[1:]:
        zero = _ZERO_BELOW.match(part)
        if zero is None or "zero_below" in rule:
            return None
        rule["zero_below"] = _decimal(zero.group(1))
    return rule


def read_rule(guide: str, maximum: Decimal) -> tuple[dict[str, Any], str | None]:
    """The rule the text states, or `points` and the text to decide it by (a TODO for the office)."""
    text = " ".join(guide.split())
    if not text:
        return {"kind": "points"}, "no scoring text"
    deduction = _DEDUCT.search(text)
    if deduction is not None and len(_DEDUCT.findall(text)) == 1:
        return {"kind": "deduction", "per": _decimal(deduction.group(1))}, None
    for reader in (_linear, _count):
        found = reader(guide, maximum)
        if found is not None:
            return found, None
    segments = _segments(guide)
    if segments is not None and all(points <= maximum for _, points in segments):
        if any("%" in label for label, _ in segments):
            tiers = _tiers(segments)
            if tiers is not None:
                return {"kind": "tiers", "tiers": tiers}, None
        elif sorted(points for _, points in segments) == [0, maximum]:
            return {"kind": "check"}, None
        else:
            return _levels(segments), None
    return {"kind": "points"}, text
