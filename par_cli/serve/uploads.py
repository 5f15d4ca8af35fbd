"""Evidence files: what may be uploaded, where it is kept, how it is sent back.

A file is taken only if its bytes say what it is (PDF, PNG, JPEG, Word/Excel/OpenDocument, older Word/Excel) and
its name's extension agrees; HTML, SVG, scripts and anything else are refused. An OOXML/OpenDocument file (a zip)
is opened and bounded: members, total uncompressed size and ratio (a zip bomb is refused), no member named out of
the archive. It is kept under a generated name (`minh-chung/<agency>/<code>/<random>.<kind>`), never the name it
came with (kept as text, shown, never a path); a name with a folder, `..` or a control character is refused. It is
sent back only as an attachment, with its kind's type and `nosniff`.
"""

from __future__ import annotations

import io
import re
import secrets
import unicodedata
import zipfile
from pathlib import Path
from typing import NamedTuple

MAX_SIZE = 20 * 1024 * 1024  # one evidence file
MAX_MEMBERS = 5000  # members of an OOXML/OpenDocument zip
MAX_UNPACKED = 200 * 1024 * 1024  # their total size unpacked
MAX_RATIO = 100  # unpacked / packed, over the whole archive
EVIDENCE = "minh-chung"
MAX_ID = 2**63 - 1  # SQLite's largest INTEGER: a row id beyond it names no row (and would not bind)
SAFE_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")  # an agency id or a code, as a folder's name


def row_id(value: object) -> int | None:
    """An id from a page's address (`/agency/evidence/12`) as a stored row's, or None: not digits, or beyond
    SQLite's INTEGER (a row that cannot be: the page is not found, never a server error)."""
    text = str(value)
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


TYPES = {  # kind → (the name's extensions it may have, its content type)
    "pdf": (("pdf",), "application/pdf"),
    "png": (("png",), "image/png"),
    "jpg": (("jpg", "jpeg"), "image/jpeg"),
    "docx": (("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "odt": (("odt",), "application/vnd.oasis.opendocument.text"),
    "ods": (("ods",), "application/vnd.oasis.opendocument.spreadsheet"),
    "doc": (("doc",), "application/msword"),
    "xls": (("xls",), "application/vnd.ms-excel"),
}


class Refused(Exception):
    """An upload refused: `reason` is the catalogue id saying why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Accepted(NamedTuple):
    kind: str  # a key of TYPES
    name: str  # the name it came with, cleaned for showing


def shown_name(name: str) -> str:
    """The uploaded name as text to show; Refused when it names a folder, `..`, or holds a control character."""
    name = unicodedata.normalize("NFC", name).strip()
    if not name or len(name) > 200 or "/" in name or "\\" in name or name in (".", "..") or ".." in name:
        raise Refused("serve.upload-name")
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name):
        raise Refused("serve.upload-name")
    return name


def sniffed(data: bytes) -> str | None:
    """The kind the bytes say, or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # older Word or Excel: the name tells which
    if data.startswith(b"PK\x03\x04"):
        return _zipped(data)
    return None


def _zipped(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise Refused("serve.upload-kind") from None
    if len(members) > MAX_MEMBERS:
        raise Refused("serve.upload-bomb")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(len(data), 1):
        raise Refused("serve.upload-bomb")
    names = {member.filename for member in members}
    if any(name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") for name in names):
        raise Refused("serve.upload-kind")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names:
        try:
            with archive.open("mimetype") as member:
                said = member.read(100)
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError):
            raise Refused("serve.upload-kind") from None
        if said == b"application/vnd.oasis.opendocument.text":
            return "odt"
        if said == b"application/vnd.oasis.opendocument.spreadsheet":
            return "ods"
    raise Refused("serve.upload-kind")


def accepted(name: str, data: bytes) -> Accepted:
    """The upload's kind and shown name; Refused (with why) when it is too large, empty, named badly, of a kind not
    taken, or its bytes and its name's extension disagree."""
    shown = shown_name(name)
    if not data:
        raise Refused("serve.upload-empty")
    if len(data) > MAX_SIZE:
        raise Refused("serve.upload-size")
    kind = sniffed(data)
    _, dot, extension = shown.rpartition(".")
    extension = extension.lower() if dot else ""
    if kind == "ole":
        kind = extension if extension in ("doc", "xls") else None
    if kind is None or extension not in TYPES[kind][0]:
        raise Refused("serve.upload-kind")
    return Accepted(kind, shown)


def place(home: Path, agency_id: str, code: str, kind: str) -> tuple[Path, str]:
    """Where a new upload is kept (its folder made) and its generated name; Refused for an id or code that cannot
    be a folder's name."""
    if not SAFE_PART.fullmatch(agency_id) or not SAFE_PART.fullmatch(code) or ".." in agency_id + code:
        raise Refused("serve.upload-name")
    folder = home / EVIDENCE / agency_id / code
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{secrets.token_hex(16)}.{kind}"
    return folder / stored, stored


def content_type(stored: str) -> str:
    kind = stored.rpartition(".")[2]
    return TYPES[kind][1] if kind in TYPES else "application/octet-stream"


def disposition(name: str) -> str:
    """`attachment`, with the name in ASCII and whole in UTF-8 (RFC 6266)."""
    from urllib.parse import quote

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = re.sub(r"[^A-Za-z0-9._ -]", "_", plain) or "file"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"
