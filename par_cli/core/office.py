"""The office that issues a ranking (`kind: office`): who issues the decision the ranking is annexed to, its
number and date, who signs, and the labels (and order) of the ranking groups. Frozen values; the file is read
by `services.office`, its schema is in `core.formats`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

from par_cli.core.named_tuple import NamedTuple

if TYPE_CHECKING:
    from par_cli.core.ranking import Entry, RankGroup


class Decision(NamedTuple):
    """The decision the annex is attached to: its number (`125/QĐ-UBND`) and date, each may be unknown."""

    number: str | None = None
    date: date | None = None


class Signer(NamedTuple):
    """Who signs: the authority (`KT. CHỦ TỊCH`), the title (`PHÓ CHỦ TỊCH`) and the name, each may be unknown."""

    authority: str | None = None
    title: str | None = None
    name: str | None = None


class Office(NamedTuple):
    """An office file's value (every part optional: only what is known is written)."""

    kind: str = "office"
    issuer: str | None = None  # cơ quan ban hành: `Ủy ban nhân dân tỉnh Quảng Trị`
    place: str | None = None  # địa danh: `Quảng Trị`
    decision: Decision = Decision()
    signer: Signer | None = None
    groups: Mapping[str, str] = MappingProxyType({})  # group id → its label, in the order the office lists them
    unranked: Mapping[str, str | None] = MappingProxyType({})  # group id → why (None: unsaid): assessed, not ranked
    surveys: Mapping[str, Mapping[str, Decimal]] = MappingProxyType({})  # group id → survey leaf → its own %
    note: str | None = None

    def with_options(self, number: str | None, day: date | None, issuer: str | None) -> Office:
        """The office with what the command line gives (`--decision`, `--decision-date`, `--issuer`) instead."""
        decision = Decision(number or self.decision.number, day or self.decision.date)
        return self._replace(decision=decision, issuer=issuer or self.issuer)

    def label(self, group: str | None) -> str | None:
        return self.groups.get(group) if group is not None else None


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> date | None:
    """`2025-03-20` or `20/03/2025` (the Vietnamese way) as a date; None when neither, or no such day."""
    text = text.strip()
    iso, dmy = _ISO.match(text), _DMY.match(text)
    if iso is not None:
        year, month, day = (int(part) for part in iso.groups())
    elif dmy is not None:
        day, month, year = (int(part) for part in dmy.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unlabelled(groups: Iterable[RankGroup], office: Office | None) -> list[str]:
    """The groups shown by their ids: those without a label, in a criteria set ranked in several groups (a set
    ranked in one group needs no group name in its heading)."""
    by_set: dict[str, list[str | None]] = {}
    for group in groups:
        by_set.setdefault(group.criteria_id, []).append(group.group)
    labels = office.groups if office is not None else {}
    return [
        group for ids in by_set.values() if len(ids) > 1 for group in ids if group is not None and group not in labels
    ]


def with_set_labels(office: Office, entries: Iterable[Entry]) -> Office:
    """The office with the labels of the groups criteria sets make of unit types (`ranking_groups`), after its
    own, in each set's order; a label the office file gives wins."""
    found: dict[str, tuple[int, str]] = {}
    for entry in entries:
        if entry.set_group is not None and entry.group is not None and entry.group not in office.groups:
            found.setdefault(entry.group, entry.set_group)
    if not found:
        return office
    added = {group: label for group, (_, label) in sorted(found.items(), key=lambda kv: kv[1][0])}
    return office._replace(groups=MappingProxyType({**office.groups, **added}))


def ordered(groups: list[RankGroup], office: Office | None) -> list[RankGroup]:
    """The groups of each criteria set in the order the office file lists them (those it does not list after, as
    they were); the sets stay in their order."""
    if office is None or not office.groups:
        return groups
    order = {group: n for n, group in enumerate(office.groups)}
    sets = list(dict.fromkeys(group.criteria_id for group in groups))
    return sorted(
        groups,
        key=lambda g: (sets.index(g.criteria_id), order.get(g.group, len(order)) if g.group is not None else -1),
    )
