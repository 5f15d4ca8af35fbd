"""Invitations for many agencies at once: the office pastes agency ids (one a line, or separated by commas or
spaces) or the agencies' CSV list `par template --agencies` reads (`Mã cơ quan` column), and downloads one
invitation link per agency as a CSV file (UTF-8 with its mark, so that Excel reads the Vietnamese). Every id must
be an agency of the folder, else nothing is made and the page names the ids; an agency whose account exists is
listed without a new link (its password is not reset behind its back)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from par_cli.serve.auth import invitation_expiry, new_token
from par_cli.serve.store import Invitation
from par_cli.words.catalogue import catalogue
from par_cli.writers.csv import safe_cell

if TYPE_CHECKING:
    from par_cli.serve.auth import User
    from par_cli.serve.records import AgencyRecord
    from par_cli.serve.store import Store

MAX_LIST = 256 * 1024  # bytes of a pasted or uploaded list: a province's agencies, not a book
SPLIT = re.compile(r"[\s,;]+")
LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{1,62}")  # as office.LOGIN: an agency's login is its id


def listed_ids(text: str) -> list[str]:
    """The agency ids of a pasted text or a CSV list: the `Mã cơ quan` / `Agency id` column when a line has that
    title, else every word; in their order, each once."""
    titles = {catalogue(lang)["form.agency_id"].casefold() for lang in ("vi", "en")}
    lines = text.lstrip("\ufeff").splitlines()
    found: list[str] = []
    for number, line in enumerate(lines):
        delimiter = max(",;\t", key=line.count)
        cells = [cell.strip().casefold() for cell in next(csv.reader([line], delimiter=delimiter), [])]
        column = next((i for i, cell in enumerate(cells) if cell in titles), None)
        if column is not None:  # a list with its header: that column, below it
            rows = csv.reader(lines[number + 1 :], delimiter=delimiter)
            found = [row[column].strip() for row in rows if len(row) > column and row[column].strip()]
            break
        found += [word for word in SPLIT.split(line) if word]
    return list(dict.fromkeys(found))


def invite_all(store: Store, by: User, records: list[AgencyRecord], link_of: Callable[[str], str], t: Any) -> bytes:
    """One invitation per agency of `records` (an agency with an account: listed, no new link), as the CSV file
    the office downloads: id, name, login, link."""
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\r\n")
    table.writerow([t(key) for key in ("form.agency_id", "form.agency_name", "serve.login-name", "serve.invite-link")])
    accounts = {user.agency_id.casefold(): user.login for user in store.users() if user.agency_id}
    for record in records:
        login = record.id.lower()
        if record.id.casefold() in accounts:  # its password is not reset behind its back
            had = accounts[record.id.casefold()]
            table.writerow([safe_cell(record.id), safe_cell(record.name), had, t("serve.bulk-has-account")])
            continue
        if store.user_by_login(login) is not None:  # the login is another account's
            table.writerow([safe_cell(record.id), safe_cell(record.name), "", t("serve.invite-taken")])
            continue
        token = new_token()
        invitation = Invitation(login, "agency", record.id, None, record.name or record.id, invitation_expiry(), None)
        store.revoke(login)  # one link at a time per login: the newest
        store.invite(token, invitation, by.login)
        store.audit(by, "invite", field=login, after=f"agency {record.id}")
        table.writerow([safe_cell(record.id), safe_cell(record.name), login, link_of(token)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def refusal(ids: list[str], records: dict[str, AgencyRecord], t: Any) -> str | None:
    """Why a list is refused as a whole (nothing made): no id, or ids that are no agency of the folder (or
    cannot be a login); None: every id is an agency's."""
    if not ids:
        return str(t("serve.bulk-none"))
    wrong = [i for i in ids if i.casefold() not in records or not LOGIN.fullmatch(records[i.casefold()].id.lower())]
    return str(t("serve.bulk-unknown", ids=", ".join(wrong))) if wrong else None
