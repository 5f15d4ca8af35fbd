"""`par serve` under load, on loopback: N agencies saving answers at once for S seconds.

A folder of N agencies (`make_workload.py`'s files: a 160-criterion set, ~30 KB a file), an account each (made
in the server's store as an accepted invitation makes it), the window open; then a real `par serve FOLDER`
process (uvicorn, `benchmarks/serve_counted.py`: the command with two counters) and N clients in this process
(asyncio, one `httpx.AsyncClient` each), each signed in through /login as its agency. Each client, as a person:
its form page (GET /agency), a pause (`--pause` seconds on average, at random 0.5-1.5 times it), then the whole
form sent back as a browser sends it (every field, the CSRF token, the page's version) with one ratio answer
changed, the page it is sent back to, and so on. Every `--tabs`-th agency also keeps a second tab open: at its
first save (and every fifth after), the page it showed before that save is sent with another value, and must be
refused (409, the refusal's words), not answered with an error nor written.

Figures: saves done, errors (any other answer: must be 0), the second tabs refused, p50/p95 of a save (the POST)
and of the form page (the GET), then the folder read back with par's reader: lost writes (an answer not the last
value its agency saved: must be 0) and `par check FOLDER`. Last, saves one at a time with the server quiet:
the agencies whose file was read and scored for one (only the one that saved), and the median time of a save
and of its page (flat: compare `--agencies 20`). Goals (issue 32): form page p95 < 200 ms, save p95 < 300 ms on
this 2-core machine. The load average is printed before and after.

The pace: a clerk saves every 30 s on average (`--pause`), about twice a minute: 200 agencies at once make ~3.4
saves a second with their pages. The server is one process (the per-file locks are a process's): its ceiling is
one core's, ~1 / (a save's CPU + its page's) — `--pause 10` asks for ~20 saves a second, beyond it on 2 cores,
and shows the queue.

    python -m benchmarks.serve_load [--agencies 200] [--seconds 60] [--pause 30] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import httpx

from benchmarks.make_workload import AREAS, CRITERIA_PER_AREA, KINDS, LEAVES_PER_CRITERION, assessment_text
from benchmarks.make_workload import criteria_text as workload_criteria
from benchmarks.serve_counted import Server

PASSWORD = "mật khẩu đủ dài của xã"
TOTAL = 1_000_000  # each saved value is `k/TOTAL`, k the agency's k-th save of that answer: never said twice
ROOT = Path(__file__).resolve().parent.parent
_INPUT = re.compile(r"<input\b([^>]*)>", re.S)
_TEXTAREA = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.S)
_SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S)
_OPTION = re.compile(r"<option\b([^>]*)>", re.S)
_ATTRIBUTE = re.compile(r'([\w:-]+)(?:="([^"]*)")?')


def ratio_codes() -> list[str]:
    """The set's ratio leaves (`linear`, `{done, total}`): any done ≤ total is an answer `par check` accepts."""
    return [
        f"{a}.{c}.{leaf}"
        for a in range(1, AREAS + 1)
        for c in range(1, CRITERIA_PER_AREA + 1)
        for leaf in range(1, LEAVES_PER_CRITERION + 1)
        if KINDS[(a + c + leaf) % len(KINDS)] == "linear"
    ]


def make_folder(folder: Path, agencies: int) -> dict[str, list[str]]:
    """The year's folder: the criteria set, one assessment per agency, an account each, the window open; each
    agency's ratio answers that are not marked not applicable (the ones its clerk changes)."""
    from par_cli.serve.auth import hash_password
    from par_cli.serve.store import Invitation, Store

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "criteria.yaml").write_text(workload_criteria(), encoding="utf-8")
    rnd = random.Random(2024)
    codes: dict[str, list[str]] = {}
    for n in range(1, agencies + 1):
        text = assessment_text(n, rnd)
        (folder / f"xa-{n:05d}.yaml").write_text(text, encoding="utf-8")
        codes[f"xa-{n:05d}"] = [code for code in ratio_codes() if f'"{code}": {{na: true' not in text]
    ids = list(codes)
    store = Store(folder)
    hashed = hash_password(PASSWORD)  # scrypt once: each account's own hash would only slow the set-up
    for login in ("van-phong", *ids):
        role = "office" if login == "van-phong" else "agency"
        agency = None if role == "office" else login
        store.invite(f"token-{login}", Invitation(login, role, agency, None, login, 4e9, None), "benchmark")  # type: ignore[arg-type]
        store.accept(f"token-{login}", hashed)
    store.set_setting("window", "open")
    store.close()
    return codes


def form_fields(page: str) -> dict[str, str]:
    """The fields of the page's save form as a browser sends them: inputs (check boxes when ticked), text areas,
    the chosen option of each list."""
    start = page.find('action="/agency/save"')
    form = page[start : page.find("</form>", start)] if start >= 0 else ""
    fields: dict[str, str] = {}
    for attributes in _INPUT.findall(form):
        found = dict(_ATTRIBUTE.findall(attributes))
        kind = found.get("type", "text")
        if (
            "name" not in found
            or kind in ("submit", "button", "file")
            or (kind in ("checkbox", "radio") and "checked" not in found)
        ):
            continue
        fields[html.unescape(found["name"])] = html.unescape(found.get("value", "on" if kind == "checkbox" else ""))
    for attributes, text in _TEXTAREA.findall(form):
        found = dict(_ATTRIBUTE.findall(attributes))
        if "name" in found:
            fields[html.unescape(found["name"])] = html.unescape(text.removeprefix("\n"))
    for attributes, options in _SELECT.findall(form):
        found = dict(_ATTRIBUTE.findall(attributes))
        chosen = [dict(_ATTRIBUTE.findall(o)) for o in _OPTION.findall(options)]
        picked = next((o for o in chosen if "selected" in o), chosen[0] if chosen else {})
        if "name" in found:
            fields[html.unescape(found["name"])] = html.unescape(picked.get("value", ""))
    return fields


def self_field(fields: dict[str, str], code: str) -> str:
    """The name of a leaf's self value in the form (`self-CODE` or `self:CODE`)."""
    return next(name for name in (f"self-{code}", f"self:{code}") if name in fields)


class Tally:
    """What the clients saw."""

    def __init__(self) -> None:
        self.saves: list[float] = []  # seconds of each accepted save (the POST)
        self.pages: list[float] = []  # seconds of each form page (the GET)
        self.refused: list[float] = []  # the second tabs' saves, refused as they must be
        self.errors: list[str] = []
        self.last: dict[tuple[str, str], int] = {}  # (agency, code) → k of the last accepted save


class Client(NamedTuple):
    agency: str
    http: httpx.AsyncClient


async def sign_in(base: str, agency: str) -> Client:
    # idle connections closed before uvicorn closes them (after 5 s): else a request may meet one being closed
    limits = httpx.Limits(keepalive_expiry=3)
    http = httpx.AsyncClient(base_url=base, follow_redirects=False, timeout=120, limits=limits)
    page = await http.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    answer = await http.post(
        "/login", data={"csrf": csrf.group(1) if csrf else "", "login": agency, "password": PASSWORD}
    )
    if answer.status_code != 303:
        raise SystemExit(f"{agency} could not sign in: {answer.status_code}")
    return Client(agency, http)


async def timed_page(client: Client, tally: Tally, query: str = "") -> dict[str, str]:
    started = time.perf_counter()
    try:
        page = await client.http.get(f"/agency{query}")
    except httpx.HTTPError as exc:
        tally.errors.append(f"{client.agency}: form page {exc!r}")
        return {}
    took = time.perf_counter() - started
    if page.status_code != 200:
        tally.errors.append(f"{client.agency}: form page {page.status_code}")
        return {}
    tally.pages.append(took)
    return form_fields(page.text)


async def person(
    client: Client, tally: Tally, codes: list[str], until: float, pause: float, tab: bool, refusal: list[str]
) -> None:
    """One agency's clerk: page, pause, save one answer, page, … until the time is up."""
    rnd = random.Random(client.agency)
    await asyncio.sleep(rnd.uniform(0, pause))  # people do not start all at once
    fields = await timed_page(client, tally)
    done = 0
    await asyncio.sleep(pause * rnd.uniform(0.5, 1.5))
    while time.monotonic() < until and fields:
        code = codes[done % len(codes)]
        k = tally.last.get((client.agency, code), 0) + 1
        stale = dict(fields) if tab and done % 5 == 0 else None  # the second tab: the same page, kept
        sent = {**fields, self_field(fields, code): f"{k}/{TOTAL}"}
        started = time.perf_counter()
        try:
            answer = await client.http.post("/agency/save", data=sent)
        except httpx.HTTPError as exc:
            tally.errors.append(f"{client.agency}: save {exc!r}")
            return
        took = time.perf_counter() - started
        if answer.status_code != 303:
            tally.errors.append(f"{client.agency}: save {answer.status_code}")
            return
        tally.saves.append(took)
        tally.last[(client.agency, code)] = k
        done += 1
        if stale is not None:
            await second_tab(client, tally, stale, code, k, refusal)
        fields = await timed_page(client, tally, "?said=saved")
        await asyncio.sleep(min(pause * rnd.uniform(0.5, 1.5), max(0.0, until - time.monotonic())))


async def second_tab(
    client: Client, tally: Tally, stale: dict[str, str], code: str, k: int, refusal: list[str]
) -> None:
    """The page shown before the save just made, sent with another value: refused, with the refusal's words."""
    sent = {**stale, self_field(stale, code): f"{k + 500_000}/{TOTAL}"}
    started = time.perf_counter()
    try:
        answer = await client.http.post("/agency/save", data=sent)
    except httpx.HTTPError as exc:
        tally.errors.append(f"{client.agency}: a second tab's save {exc!r}")
        return
    took = time.perf_counter() - started
    text = html.unescape(answer.text)
    if answer.status_code == 409 and any(words in text for words in refusal):
        tally.refused.append(took)
    else:
        tally.errors.append(f"{client.agency}: a second tab's stale save answered {answer.status_code}")


def refusal_words() -> list[str]:
    """The catalogue's words for a save refused because the file changed (the longest piece around `{…}`)."""
    from par_cli.words.catalogue import catalogue

    said = catalogue("vi")
    texts = [
        text
        for key, text in said.items()
        if key.startswith("serve.") and ("conflict" in key or key.endswith(".changed"))
    ]
    return [max(re.split(r"\{[^}]*\}", text), key=len).strip() for text in texts]


def lost_writes(folder: Path, last: dict[tuple[str, str], int]) -> list[str]:
    """Each answer saved, read back from its file with par's reader: the last value saved, else it is lost."""
    from par_cli.readers.files import read_document

    lost = []
    files: dict[str, dict[str, object]] = {}
    for (agency, code), k in sorted(last.items()):
        if agency not in files:
            doc, _ = read_document(folder / f"{agency}.yaml")
            data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
            files[agency] = data.get("answers") or {}
        answer = files[agency].get(code)
        value = answer.get("self") if isinstance(answer, dict) else answer
        if value != {"done": k, "total": TOTAL}:
            lost.append(f"{agency} {code}: {value!r} in the file, {k}/{TOTAL} saved last")
    return lost


def diff(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {agency: n - before.get(agency, 0) for agency, n in after.items() if n != before.get(agency, 0)}


def quantiles(seconds: list[float]) -> str:
    if len(seconds) < 2:
        return "—"
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return f"p50 {cuts[49] * 1000:5.0f} ms  p95 {cuts[94] * 1000:5.0f} ms  max {max(seconds) * 1000:5.0f} ms"


def meets(seconds: list[float], goal_ms: float) -> str:
    if len(seconds) < 2:
        return "not measured"
    p95 = statistics.quantiles(seconds, n=100, method="inclusive")[94] * 1000
    return f"goal p95 < {goal_ms:.0f} ms: {'met' if p95 < goal_ms else 'NOT met'}"


class Alone(NamedTuple):
    bound: dict[str, int]  # agency → its file read (bound) for the one save and its page
    scored: dict[str, int]  # agency → scored
    save: float  # seconds: the median of ALONE saves, each alone
    page: float  # and of the page after each


ALONE = 5


async def alone(server: Server, client: Client, tally: Tally, code: str) -> Alone:
    """Saves and the pages after them, one at a time, the server quiet: the agencies read (bound) and scored for
    one (counted around the first), and the median time of a save and of its page."""
    quiet = Tally()
    fields = await timed_page(client, quiet)
    counts: list[dict[str, dict[str, int]]] = []
    for n in range(ALONE):
        if n < 2:
            counts.append(await server.counted())
        k = tally.last.get((client.agency, code), 0) + 1
        started = time.perf_counter()
        answer = await client.http.post("/agency/save", data={**fields, self_field(fields, code): f"{k}/{TOTAL}"})
        quiet.saves.append(time.perf_counter() - started)
        if answer.status_code != 303:
            tally.errors.append(f"{client.agency}: the quiet save answered {answer.status_code}")
            break
        tally.last[(client.agency, code)] = k
        fields = await timed_page(client, quiet, "?said=saved")
    counts.append(await server.counted())
    before, after = counts[0], counts[1]
    return Alone(
        diff(after["bound"], before["bound"]),
        diff(after["scored"], before["scored"]),
        statistics.median(quiet.saves),
        statistics.median(quiet.pages[1:] or quiet.pages),  # the pages after the saves
    )


async def run(args: argparse.Namespace, folder: Path, work: Path) -> None:
    started = time.perf_counter()
    codes = make_folder(folder, args.agencies)
    ids = list(codes)
    print(
        f"folder        {args.agencies} agencies, 160 criteria, made in {time.perf_counter() - started:.1f} s: {folder}"
    )
    server = Server(folder, work)
    try:
        await server.ready()
        clients = [await sign_in(server.base, agency) for agency in ids]
        tally, warm = Tally(), Tally()
        for client in clients:  # each agency's page once: the server has read every file, as after a morning
            await timed_page(client, warm)
        refusal = refusal_words()
        print(f"load average  {' '.join(f'{x:.2f}' for x in os.getloadavg())} (before)")
        cpu, before = server.cpu(), await server.counted()
        until = time.monotonic() + args.seconds
        tabs = {agency for n, agency in enumerate(ids) if args.tabs and n % args.tabs == 0}
        people = [person(c, tally, codes[c.agency], until, args.pause, c.agency in tabs, refusal) for c in clients]
        load_started, mine = time.perf_counter(), os.times()
        await asyncio.gather(*people)
        wall, cpu = time.perf_counter() - load_started, server.cpu() - cpu
        mine_now = os.times()
        clients_cpu = mine_now.user + mine_now.system - mine.user - mine.system
        load = os.getloadavg()
        during = await server.counted()
        one = await alone(server, clients[0], tally, codes[ids[0]][0])
        for client in clients:
            await client.http.aclose()
    except BaseException:
        server.stop()
        sys.stderr.write(Path(server.log.name).read_text(encoding="utf-8")[-4000:])  # what the server said
        raise
    server.stop()
    saves = len(tally.saves)
    print(f"load average  {' '.join(f'{x:.2f}' for x in load)} (after {args.seconds} s)")
    print(f"clients       {args.agencies} agencies, a pause of {args.pause:g} s on average between a page and a save")
    rate = saves / args.seconds
    print(f"saves         {saves} in {args.seconds:g} s ({rate:.1f}/s; the last ended at {wall:.1f} s)")
    print(f"form pages    {len(tally.pages)}")
    print(f"errors        {len(tally.errors)}{''.join(chr(10) + '  ' + e for e in tally.errors[:10])}")
    print(f"second tabs   {len(tally.refused)} stale saves refused (409, the refusal's words), none written")
    print(f"save          {quantiles(tally.saves)}  ({meets(tally.saves, 300)})")
    print(f"form page     {quantiles(tally.pages)}  ({meets(tally.pages, 200)})")
    print(f"refused save  {quantiles(tally.refused)}")
    requests = saves + len(tally.pages) + len(tally.refused)
    print(
        f"server CPU    {cpu:.1f} s in {wall:.1f} s ({cpu / max(requests, 1) * 1000:.0f} ms a request, pages and saves)"
    )
    print(f"clients CPU   {clients_cpu:.1f} s (this process: sending forms, reading pages)")
    scored_during = sum(diff(during["scored"], before["scored"]).values())
    bound_during = sum(diff(during["bound"], before["bound"]).values())
    print(
        f"re-scored     under load: {bound_during} files read, {scored_during} scores, for {requests} saves and pages"
    )
    first = clients[0].agency
    others = sorted({agency for agency in (*one.bound, *one.scored) if agency != first})
    print(
        f"one save      alone ({first}), and its page: {first} read {one.bound.get(first, 0)}×, scored "
        f"{one.scored.get(first, 0)}×; other agencies read or scored: {' '.join(others) or 'none'}"
    )
    print(f"              save {one.save * 1000:.0f} ms, its page {one.page * 1000:.0f} ms (medians of {ALONE})")
    lost = lost_writes(folder, tally.last)
    print(
        f"lost writes   {len(lost)} of {len(tally.last)} answers saved{''.join(chr(10) + '  ' + x for x in lost[:10])}"
    )
    check = subprocess.run(
        [sys.executable, "-m", "par_cli", "check", str(folder), "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    print(f"par check     exit {check.returncode}: {(check.stdout.strip().splitlines() or ['?'])[-1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pause", type=float, default=30, help="seconds between a page and the next save, on average")
    parser.add_argument("--tabs", type=int, default=20, help="every N-th agency also has a second tab (0: none)")
    parser.add_argument("--keep", type=Path, help="make the folder here and keep it (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="par-serve-load-") as work:
        folder = args.keep or Path(work) / "van-phong" / "nam-2024"  # beside it: no file the server writes
        asyncio.run(run(args, folder, Path(work)))


if __name__ == "__main__":
    main()
