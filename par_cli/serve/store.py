"""The server's own state, in SQLite beside the folder (`FOLDER/.par-serve/serve.sqlite3`, WAL).

Users, invitations and sessions (tokens kept only as SHA-256 digests), each agency's state, the window, the round,
the published snapshot and an append-only audit log (triggers refuse UPDATE and DELETE on it). One connection,
used under a lock: every call is short.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol

HOME = ".par-serve"  # hidden: `par rank FOLDER` skips folders starting with a dot
DATABASE = "serve.sqlite3"
State = Literal["draft", "submitted", "locked"]
Role = Literal["office", "agency", "council"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, role TEXT NOT NULL, agency_id TEXT, appraiser TEXT,
  name TEXT NOT NULL, password TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS invitations (
  token TEXT PRIMARY KEY, login TEXT NOT NULL, role TEXT NOT NULL, agency_id TEXT, appraiser TEXT,
  name TEXT NOT NULL, expires REAL NOT NULL, used REAL, created REAL NOT NULL, made_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  token TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), csrf TEXT NOT NULL, expires REAL NOT NULL);
CREATE TABLE IF NOT EXISTS states (agency_id TEXT PRIMARY KEY, state TEXT NOT NULL, changed REAL NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS published (
  id INTEGER PRIMARY KEY, ranking TEXT NOT NULL, at REAL NOT NULL, by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (key TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS evidence (
  id INTEGER PRIMARY KEY, agency_id TEXT NOT NULL, code TEXT NOT NULL, stored TEXT NOT NULL, name TEXT NOT NULL,
  size INTEGER NOT NULL, at REAL NOT NULL, by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY, at REAL NOT NULL, login TEXT NOT NULL, action TEXT NOT NULL, file TEXT NOT NULL,
  field TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_kept BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_whole BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'append-only'); END;
"""


class Named(Protocol):
    @property
    def login(self) -> str: ...


def digest(token: str) -> str:
    """What is kept of a token (session, invitation): its SHA-256, so a copied database opens no door."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class UserRow(NamedTuple):
    id: int
    login: str
    role: Role
    agency_id: str | None
    appraiser: str | None
    name: str
    password: str


class Invitation(NamedTuple):
    login: str
    role: Role
    agency_id: str | None
    appraiser: str | None
    name: str
    expires: float
    used: float | None


class AuditRow(NamedTuple):
    at: float
    login: str
    action: str
    file: str
    field: str
    before: str
    after: str


class Evidence(NamedTuple):
    id: int
    agency_id: str
    code: str
    stored: str  # the generated name under minh-chung/<agency>/<code>/
    name: str  # the name the file was uploaded with (shown, never used as a path)
    size: int
    at: float
    by: str


class Store:
    """The database of one folder's server."""

    def __init__(self, folder: Path) -> None:
        self.home = folder / HOME
        self.home.mkdir(exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.home / DATABASE, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._db.execute(sql, args).fetchall())

    def _one(self, sql: str, args: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self._all(sql, args)
        return rows[0] if rows else None

    # users

    def user(self, user_id: int) -> UserRow | None:
        row = self._one(
            "SELECT id, login, role, agency_id, appraiser, name, password FROM users WHERE id=?", (user_id,)
        )
        return UserRow(*row) if row else None

    def user_by_login(self, login: str) -> UserRow | None:
        row = self._one(
            "SELECT id, login, role, agency_id, appraiser, name, password FROM users WHERE login=?", (login,)
        )
        return UserRow(*row) if row else None

    def users(self) -> list[UserRow]:
        rows = self._all("SELECT id, login, role, agency_id, appraiser, name, password FROM users ORDER BY login")
        return [UserRow(*row) for row in rows]

    def has_office(self) -> bool:
        return self._one("SELECT 1 FROM users WHERE role='office'") is not None

    # invitations

    def invite(self, token: str, invitation: Invitation, made_by: str) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO invitations VALUES (?,?,?,?,?,?,?,?,?,?)",
                (digest(token), *invitation[:6], None, time.time(), made_by),
            )

    def invitation(self, token: str) -> Invitation | None:
        row = self._one(
            "SELECT login, role, agency_id, appraiser, name, expires, used FROM invitations WHERE token=?",
            (digest(token),),
        )
        return Invitation(*row) if row else None

    def accept(self, token: str, password: str) -> UserRow | None:
        """The invitation used once: its account made (or its password set anew); None when it cannot be used."""
        with self._tx() as db:
            row = db.execute(
                "SELECT login, role, agency_id, appraiser, name, expires, used FROM invitations WHERE token=?",
                (digest(token),),
            ).fetchone()
            if row is None or row[6] is not None or row[5] < time.time():
                return None
            invitation = Invitation(*row)
            db.execute("UPDATE invitations SET used=? WHERE token=?", (time.time(), digest(token)))
            found = db.execute("SELECT id FROM users WHERE login=?", (invitation.login,)).fetchone()
            if found is None:
                db.execute(
                    "INSERT INTO users (login, role, agency_id, appraiser, name, password, created)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (*invitation[:5], password, time.time()),
                )
            else:
                db.execute(
                    "UPDATE users SET role=?, agency_id=?, appraiser=?, name=?, password=? WHERE id=?",
                    (*invitation[1:5], password, found[0]),
                )
                db.execute("DELETE FROM sessions WHERE user_id=?", (found[0],))  # a new password: signed out
        return self.user_by_login(invitation.login)

    def pending(self) -> list[Invitation]:
        rows = self._all(
            "SELECT login, role, agency_id, appraiser, name, expires, used FROM invitations"
            " WHERE used IS NULL AND expires>? ORDER BY created",
            (time.time(),),
        )
        return [Invitation(*row) for row in rows]

    # sessions

    def open_session(self, token: str, user_id: int, csrf: str, expires: float) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE expires<?", (time.time(),))
            db.execute("INSERT INTO sessions VALUES (?,?,?,?)", (digest(token), user_id, csrf, expires))

    def session(self, token: str) -> tuple[UserRow, str] | None:
        row = self._one("SELECT user_id, csrf, expires FROM sessions WHERE token=?", (digest(token),))
        if row is None or row[2] < time.time():
            return None
        user = self.user(row[0])
        return (user, row[1]) if user is not None else None

    def close_session(self, token: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM sessions WHERE token=?", (digest(token),))

    # failed logins (a rate limit)

    def failed(self, key: str, forget_after: float = 24 * 3600) -> None:
        """One failed sign-in for `key` (a login, an address); those older than a day forgotten."""
        with self._tx() as db:
            db.execute("DELETE FROM failures WHERE at<?", (time.time() - forget_after,))
            db.execute("INSERT INTO failures VALUES (?,?)", (key, time.time()))

    def failures(self, key: str, within: float) -> int:
        row = self._one("SELECT count(*) FROM failures WHERE key=? AND at>?", (key, time.time() - within))
        return int(row[0]) if row else 0

    def forget_failures(self, key: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM failures WHERE key=?", (key,))

    # agencies' states, the window, the round

    def state(self, agency_id: str) -> State:
        row = self._one("SELECT state FROM states WHERE agency_id=?", (agency_id,))
        return row[0] if row else "draft"

    def states(self) -> dict[str, tuple[State, float]]:
        return {row[0]: (row[1], row[2]) for row in self._all("SELECT agency_id, state, changed FROM states")}

    def set_state(self, agency_id: str, state: State) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO states VALUES (?,?,?)", (agency_id, state, time.time()))

    def setting(self, key: str, default: str) -> str:
        row = self._one("SELECT value FROM settings WHERE key=?", (key,))
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO settings VALUES (?,?)", (key, value))

    def window_open(self) -> bool:
        return self.setting("window", "closed") == "open"

    def round(self) -> int:
        return int(self.setting("round", "1"))

    # the published ranking

    def publish(self, ranking: str, by: str) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO published (ranking, at, by) VALUES (?,?,?)", (ranking, time.time(), by))

    def published(self) -> tuple[str, float] | None:
        row = self._one("SELECT ranking, at FROM published ORDER BY id DESC LIMIT 1")
        return (row[0], row[1]) if row else None

    # evidence files

    def add_evidence(self, agency_id: str, code: str, stored: str, name: str, size: int, by: str) -> int:
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO evidence (agency_id, code, stored, name, size, at, by) VALUES (?,?,?,?,?,?,?)",
                (agency_id, code, stored, name, size, time.time(), by),
            )
            return int(cursor.lastrowid or 0)

    def evidence(self, agency_id: str) -> list[Evidence]:
        rows = self._all("SELECT * FROM evidence WHERE agency_id=? ORDER BY code, id", (agency_id,))
        return [Evidence(*row) for row in rows]

    def evidence_file(self, file_id: int) -> Evidence | None:
        row = self._one("SELECT * FROM evidence WHERE id=?", (file_id,))
        return Evidence(*row) if row else None

    # the audit log

    def audit(
        self, who: Named | str, action: str, file: str = "", field: str = "", before: str = "", after: str = ""
    ) -> None:
        """One line appended: who (a user or a login), what, and for a change the file, field, before and after."""
        login = who if isinstance(who, str) else who.login
        with self._tx() as db:
            db.execute(
                "INSERT INTO audit (at, login, action, file, field, before, after) VALUES (?,?,?,?,?,?,?)",
                (time.time(), login, action, file, field, before, after),
            )

    def audit_log(self, limit: int = 500, offset: int = 0) -> list[AuditRow]:
        rows = self._all(
            "SELECT at, login, action, file, field, before, after FROM audit ORDER BY id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [AuditRow(*row) for row in rows]

    def audit_count(self) -> int:
        row = self._one("SELECT count(*) FROM audit")
        return int(row[0]) if row else 0

    def last_change(self) -> dict[str, float]:
        """Each file's last audited change (its name as the audit log writes it)."""
        return {row[0]: row[1] for row in self._all("SELECT file, max(at) FROM audit WHERE file<>'' GROUP BY file")}
