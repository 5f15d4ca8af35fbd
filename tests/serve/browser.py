"""`par serve` driven in a real browser: the year's folder made as an office makes it, the server started as
`par serve FOLDER` starts it, and the people of a year (the office, two agencies, a council member) working
through its pages with Playwright in the system's Chromium, each field found by its label as a person reads it.

tests/serve/test_browser.py runs the scenario and checks what each person sees; docs/make_serve_pages.py runs the
same scenario to take the guide's pictures of the pages (`shoot`). Never a downloaded browser: Chromium is the
distribution's (`/usr/bin/chromium`), as in tests/pages.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.words.catalogue import catalogue
from tests.serve.browser_year import (
    AGENCIES,
    ANSWERS,
    APPRAISED,
    APPRAISER,
    EVIDENCE_NAMED,
    EVIDENCE_PDF,
    NOT_APPLICABLE,
    PASSWORD,
    ROOT,
    UPLOADED,
    par,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SCREEN = {"width": 1366, "height": 768}  # the smallest screen an office's staff work on
WAIT = 30_000  # ms: the longest a page may take on a loaded 2-core runner before the test says what it waited for
Shoot = Callable[[str, "Page"], None]


def chromium() -> str | None:
    """The system's Chromium, if there is one."""
    return shutil.which("chromium")


def missing() -> str | None:
    """Why the browser scenario cannot run here, or None when it can."""
    if os.environ.get("PAR_NO_PAGES"):
        return "PAR_NO_PAGES is set (.ci/lowest: the pages depend on par, not on the libraries' floors)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "needs Playwright's Python package (a dev dependency: pip install -e '.[dev]')"
    if chromium() is None:
        return "needs Chromium on PATH: apt-get install chromium (Playwright never downloads a browser here)"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    """`par serve FOLDER` running: its address and the office's one-time link it printed."""

    address: str
    office_link: str
    process: subprocess.Popen[str]
    said: tuple[str, ...] = ()  # the lines it printed on starting


@contextmanager
def serving(folder: Path) -> Iterator[Server]:
    """`par serve FOLDER --port P` started as an office starts it (a real uvicorn process on loopback), stopped
    after; its error output is shown if it fails."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "par_cli", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline(), process.stdout.readline()]
        links = [word for said in lines for word in said.split() if "/invite/" in word]
        assert links, f"par serve printed no office link: {lines!r}"
        address = f"http://127.0.0.1:{port}"
        _wait_for(address)
        yield Server(address, links[0], process, tuple(lines))
    finally:
        process.terminate()
        try:
            _, errors = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
        if errors and "Traceback" in errors:
            raise AssertionError(f"par serve wrote a traceback:\n{errors}")


def _wait_for(address: str) -> None:
    import urllib.request

    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{address}/login", timeout=5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"par serve does not answer at {address}")


@contextmanager
def browsing() -> Iterator[Browser]:
    """The system's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Timings:
    """How long each step of the scenario took, in seconds."""

    steps: dict[str, float] = field(default_factory=dict)
    _last: float = field(default_factory=time.perf_counter)

    def mark(self, step: str) -> None:
        now = time.perf_counter()
        self.steps[step] = round(now - self._last, 2)
        self._last = now


@dataclass
class Published:
    """What the scenario ends with: the published page's figures per agency id, and `par rank`'s."""

    page: dict[str, tuple[str, str]]  # agency name → (rank, index) as the public page shows them
    ranked: dict[str, tuple[str, str]]  # the same from `par rank FOLDER --format json`
    board: dict[str, str]  # agency name → the index the office's board shows once published
    timings: Timings
    faults: list[str] = field(default_factory=list)


def run(browser: Browser, folder: Path, work: Path, shoot: Shoot | None = None, lang: str = "vi") -> Published:
    """The year in the browser: the office signs in with the first-start link, opens the window and invites two
    agencies and a council member; both agencies fill in their forms, upload evidence and submit; the office
    closes the window; the council member appraises one answer with a reason; the office publishes. Each page
    met is looked at (`_faults`); `shoot(name, page)` is called on the pages the guide shows."""
    said = catalogue(lang)
    timings = Timings()
    faults: list[str] = []

    def seen(page: Page, name: str | None = None) -> None:
        faults.extend(_faults(page))
        if shoot is not None and name is not None:
            shoot(name, page)

    with serving(folder) as server:
        timings.mark("start par serve")
        office = _person(browser, server)
        office.goto(server.office_link)
        seen(office)
        _set_password(office, said, "/office")
        timings.mark("office: first-start link")
        _press(office, said["serve.open-window"], said["serve.said-opened"])
        links = {agency_id: _invite(office, said, "agency", agency_id, agency_id) for agency_id in AGENCIES}
        links["council"] = _invite(office, said, "council", "tham-dinh-1", None, appraiser=APPRAISER)
        seen(office)
        timings.mark("office: window, three invitations")
        evidence = work / "ke-hoach-cchc-2025.pdf"
        evidence.write_bytes(EVIDENCE_PDF)
        for agency_id in AGENCIES:
            person = _person(browser, server)
            person.goto(links[agency_id])
            _set_password(person, said, "/agency")
            if agency_id == "so-noi-vu":  # once is enough to show the sign-in works with the keyboard alone
                _sign_out_and_in(person, said, server, agency_id, seen)
            seen(person)
            _fill(person, said, ANSWERS[agency_id])
            _upload(person, said, UPLOADED, evidence)
            seen(person, "serve-agency-form" if agency_id == "so-noi-vu" else None)
            confirm = person.locator("#confirm")  # criteria left blank: the form asks to confirm
            if confirm.count():
                confirm.check()
            _press(person, said["serve.submit"], said["serve.said-submitted"])
            seen(person)
            person.context.close()
            timings.mark(f"{agency_id}: fill, upload, submit")
        office.goto(f"{server.address}/office")
        _press(office, said["serve.close-window"], said["serve.said-closed"])  # all submitted: the window closes
        seen(office, "serve-board")
        council = _person(browser, server)
        council.goto(links["council"])
        _set_password(council, said, "/council")
        seen(council)
        agency_id, code, value, reason = APPRAISED
        council.get_by_role("link", name=AGENCIES[agency_id]).click()
        council.get_by_label(f"{said['serve.appraised']} {code}", exact=True).fill(value)
        council.get_by_label(f"{said['serve.council.reason']} {code}", exact=True).fill(reason)
        _press(council, said["serve.save"], said["serve.council.said-saved"])
        seen(council, "serve-council")
        council.context.close()
        timings.mark("council: appraise with a reason")
        office.goto(f"{server.address}/office")
        office.get_by_role("button", name=said["serve.publish"], exact=True).click()
        office.wait_for_load_state()
        if office.locator("#confirm").count():  # answers or survey results missing: the office confirms
            office.locator("#confirm").check()
            _press(office, said["serve.publish"], said["serve.said-published"])
        else:
            _told(office, said["serve.said-published"])
        seen(office)
        board = _board(office, said)
        public = _person(browser, server)
        public.goto(f"{server.address}/public")
        seen(public, "serve-public")
        shown = _published(public, said)
        public.context.close()
        office.context.close()
        timings.mark("office: publish; the public page")
    ranked = par("rank", str(folder), "--format", "json")
    assert ranked.returncode in (0, 1), ranked.stderr
    timings.mark("par rank FOLDER")
    return Published(shown, _ranked(json.loads(ranked.stdout)), board, timings, faults)


_LOOKED_AT = """() => {
  const unlabelled = [...document.querySelectorAll("input, select, textarea")]
    .filter(e => e.type !== "hidden" && e.labels.length === 0 && !e.getAttribute("aria-label"))
    .map(e => e.name || e.id);
  return [unlabelled, document.documentElement.scrollWidth, window.innerWidth];
}"""


def _faults(page: Page) -> list[str]:
    """What a person would notice on the page: a field without a label, a page wider than the screen."""
    unlabelled, wide, screen = page.evaluate(_LOOKED_AT)
    path = page.url.split("?")[0].removeprefix(page.url.split("/")[0] + "//" + page.url.split("/")[2])
    found = [f"{path}: the field {name!r} has no label" for name in unlabelled]
    if wide > screen:
        found.append(f"{path}: {wide} px wide, wider than the {screen} px screen")
    return found


def _person(browser: Browser, server: Server) -> Page:
    """A new browser window of its own (its own cookies), 1366×768, Vietnamese."""
    context = browser.new_context(viewport=SCREEN, locale="vi-VN", base_url=server.address)  # type: ignore[arg-type]
    context.set_default_timeout(WAIT)
    return context.new_page()


def _press(page: Page, button: str, told: str) -> None:
    """A button pressed, and the page that follows saying it was done (else: what the page says instead)."""
    from playwright.sync_api import expect

    page.get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_role("status").filter(has_text=told)).to_be_visible(timeout=WAIT)


def _told(page: Page, told: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_role("status").filter(has_text=told)).to_be_visible(timeout=WAIT)


def _set_password(page: Page, said: dict[str, str], home: str) -> None:
    """The invitation's page: a password, twice; then signed in, at the role's home page."""
    page.get_by_label(said["serve.new-password"]).fill(PASSWORD)
    page.get_by_label(said["serve.password-again"]).fill(PASSWORD)
    page.get_by_role("button", name=said["serve.set-password"]).click()
    page.wait_for_url(f"**{home}")


def _invite(
    office: Page, said: dict[str, str], role: str, login: str, agency_id: str | None, appraiser: str | None = None
) -> str:
    """The office's invitation, made from the menu's link; the one-time link the page shows."""
    name = AGENCIES.get(agency_id or "", "Tổ thẩm định 1")
    office.get_by_role("link", name=said["serve.invitations"]).click()
    office.get_by_label(said[f"serve.role-{role}"], exact=True).check()
    if agency_id is not None:  # chosen by what the list shows: the agency's name and id
        office.get_by_label(said["serve.invite-agency-label"]).select_option(label=f"{name} ({agency_id})")
    if appraiser is not None:
        office.get_by_label(said["serve.invite-appraiser-label"]).fill(appraiser)
    office.get_by_label(said["serve.invite-name-label"], exact=True).fill(name)
    office.locator("form.narrow").get_by_label(said["serve.login-name"], exact=True).fill(login)
    _press(office, said["serve.invite"], said["serve.invite-made"].format(name=name, login=login))
    link = office.get_by_label(said["serve.invite-link"], exact=True).input_value()
    assert "/invite/" in link, link
    return link


def _sign_out_and_in(
    page: Page, said: dict[str, str], server: Server, login: str, seen: Callable[[Page], None]
) -> None:
    """Out, then in again with the keyboard alone: the name, Tab, the password, Enter."""
    page.get_by_role("button", name=said["serve.logout"]).click()
    page.wait_for_url(f"{server.address}/login")
    seen(page)
    from playwright.sync_api import expect

    expect(page.get_by_label(said["serve.login-name"], exact=True)).to_be_focused()  # as the page opens
    page.keyboard.type(login)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server.address}/agency")


def _row(page: Page, code: str) -> Locator:
    return page.locator("tr", has=page.get_by_role("rowheader", name=code, exact=True))


_LABELS = """rows => Object.fromEntries(rows.map(row => {
  const label = row.querySelector("td label"), box = label && document.getElementById(label.htmlFor);
  return [row.querySelector("th").innerText.trim(), [label ? label.innerText.trim() : "", box ? box.tagName : ""]];
}))"""  # each criterion's row: the text of its first label, and what that label names (SELECT, INPUT, none)


def _fill(page: Page, said: dict[str, str], answers: dict[str, str | None]) -> None:
    """Each answer entered in the field its criterion's title labels (a choice chosen by what it says, a number
    typed); not applicable: its box ticked and the reason typed beside it; then saved."""
    labels: dict[str, list[str]] = page.locator("tr:has(th[scope=row])").evaluate_all(_LABELS)
    for code, typed in answers.items():
        row = _row(page, code)
        title, kind = labels[code]
        assert kind, f"{code}: its title labels no field"
        if typed is None:
            row.get_by_label(said["serve.na"], exact=True).check()
            row.get_by_label(said["serve.na-reason"], exact=True).fill(NOT_APPLICABLE)
        elif kind == "SELECT":
            row.get_by_label(title, exact=True).select_option(label=typed)
        else:
            row.get_by_label(title, exact=True).fill(typed)
    row = _row(page, UPLOADED)
    row.get_by_label(said["serve.evidence-lines"], exact=True).fill(EVIDENCE_NAMED)
    _press(page, said["serve.save"], said["serve.said-saved"])


def _upload(page: Page, said: dict[str, str], code: str, pdf: Path) -> None:
    page.get_by_label(said["serve.code"], exact=True).select_option(value=code)
    before_max = said["serve.upload-file"].split("{max}")[0]  # the label says the largest size allowed
    page.get_by_label(re.compile("^" + re.escape(before_max))).set_input_files(pdf)
    _press(page, said["serve.upload"], said["serve.said-uploaded"])


def _table(page: Page) -> list[dict[str, str]]:
    """The page's table as a person reads it: each row, column head → what the cell shows."""
    heads = [cell.inner_text().strip() for cell in page.locator("thead th").all()]
    return [
        dict(zip(heads, (cell.inner_text().strip() for cell in row.locator("td, th").all()), strict=False))
        for row in page.locator("tbody tr").all()
    ]


def _board(page: Page, said: dict[str, str]) -> dict[str, str]:
    """The office's board: agency name → the index shown."""
    return {row[said["serve.agency"]].rsplit(" (", 1)[0]: row[said["serve.index"]] for row in _table(page)}


def _published(page: Page, said: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The public page's rows: agency name → (rank, index) as shown."""
    rank, agency, index = said["serve.council.rank"], said["serve.agency"], said["serve.index"]
    return {row[agency]: (row[rank], row[index]) for row in _table(page)}


def _ranked(ranking: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """`par rank --format json`'s rows, as the page words them: the index with a decimal comma, two places."""
    from decimal import ROUND_HALF_UP, Decimal

    found: dict[str, tuple[str, str]] = {}
    for group in ranking["groups"]:
        places = Decimal(1).scaleb(-int(group["precision"]))
        for row in group["rows"]:
            index = Decimal(str(row["index"])).quantize(places, rounding=ROUND_HALF_UP)
            found[row["agency"]["name"]] = (str(row["rank"]), str(index).replace(".", ","))
    return found
