"""The office's parts of an annex, worded: the decision's line, the header block and the signature block
(`core.office` holds what the office file says; only what is known is written, nothing made up)."""

from __future__ import annotations

from datetime import date

from par_cli.core.diagnostics import msg
from par_cli.core.office import Office
from par_cli.words.catalogue import text
from par_cli.words.labels import label


def long_date(day: date, lang: str) -> str:
    """`ngày 20 tháng 3 năm 2025`, `ngày 05 tháng 01 năm 2026` (Nghị định 30/2020: a 0 before a day below 10 and
    the months 1 and 2) / `20 March 2025`: the language file writes each day and month."""
    month = label("months", lang).split()[day.month - 1]
    number = label("days", lang).split()[day.day - 1]
    return text(msg("annex.decision-date", day=number, month=month, year=str(day.year)), lang)


def decision_line(office: Office, lang: str) -> str:
    """`(Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh Quảng Trị)`:
    what is not known left blank, to complete by hand; "" when nothing is known (the annex's blank line)."""
    decision = office.decision
    if not (decision.number or decision.date or office.issuer):
        return ""
    number = decision.number or text(msg("annex.decision-no-number"), lang)
    day = long_date(decision.date, lang) if decision.date else text(msg("annex.decision-no-date"), lang)
    by = text(msg("annex.decision-by", issuer=office.issuer), lang) if office.issuer else ""
    return text(msg("annex.decision-line", number=number, date=day, by=by), lang)


def header(office: Office, lang: str) -> tuple[str, str]:
    """(the issuer as a document's header writes it, upper-case; the place and date line `Quảng Trị, ngày 20
    tháng 3 năm 2025`, the date left blank when unknown), each empty when unknown."""
    issuer = office.issuer.upper() if office.issuer else ""
    if not office.place:
        return issuer, ""
    day = office.decision.date
    when = long_date(day, lang) if day else text(msg("annex.decision-no-date"), lang)
    return issuer, text(msg("annex.place-date", place=office.place, date=when), lang)


def signature(office: Office) -> tuple[str, ...]:
    """The signature block: (the authority `KT. CHỦ TỊCH`, the title `PHÓ CHỦ TỊCH`, the name), "" for each part
    not known; none without a signer."""
    signer = office.signer
    if signer is None:
        return ()
    return (signer.authority or "", signer.title or "", signer.name or "")
