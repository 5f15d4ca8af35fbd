"""`par serve FOLDER`: the year's folder as a web application for the office, the agencies and the council.

uvicorn loads the application by name (`par_cli.serve.app:served`): the command line never imports the web
package, whose options reach it in the environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import LangOption
from par_cli.core.diagnostics import Diagnostic, LineCol, Msg, msg, problem

LOOPBACK = "127.0.0.1"
EVERYWHERE = ("0.0.0.0", "::", "")  # every address of this computer: none of them is a place to point a browser
PROBE = "10.255.255.255"  # a private address: a UDP socket "connected" to it names the network address (no packet)


def loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def reachable(host: str) -> list[str]:
    """The addresses another computer reaches this server at, for `--host`: the host itself, or for 0.0.0.0 / ::
    this computer's network address (the one its route to a private network uses) and its name."""
    import socket

    if host not in EVERYWHERE:
        return [host]
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((PROBE, 1))  # UDP: nothing is sent, the system only picks the route's own address
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    name = socket.gethostname()
    if name and name not in found:
        found.append(name)
    return [shown for shown in found if not loopback(shown)] or [LOOPBACK]


def bind_refusal(host: str, port: int) -> Msg | str | None:
    """Why the server cannot listen on `host`:`port`, tried before anything is printed (uvicorn would say it in
    English after the address, and exit 3): in the user's words; None when it can."""
    import errno
    import socket

    from par_cli.core.diagnostics import os_reason

    try:
        found = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError):
        return msg("serve.host-not-here")
    family, kind, proto, _, address = found[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            if sys.platform != "win32":  # as uvicorn binds (on Windows the option would let two servers share)
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        code = getattr(exc, "winerror", None) or exc.errno
        if code in (errno.EADDRINUSE, 10048):
            return msg("serve.port-in-use")
        if code in (errno.EACCES, errno.EPERM, 10013):
            return msg("serve.port-no-permission")
        if code in (errno.EADDRNOTAVAIL, 10049):
            return msg("serve.host-not-here")
        return os_reason(exc)
    return None


def public_address(url: str) -> str | None:
    """`--public-url` as the start of every link (`https://cchc.tinh.gov.vn`, a port allowed): None when it is
    not an http(s) address of a host alone — a path (the pages link from the root; `/../`), a query, a fragment,
    a user name, spaces or backslashes are refused."""
    from urllib.parse import urlsplit

    if not url.isprintable() or any(c in url for c in " \\"):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- a port outside 0-65535 or not a number raises
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        return None
    if parts.path not in ("", "/") or "?" in url or "#" in url:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc}"


def refused_start(
    host: str, port: int, certfile: Path | None, keyfile: Path | None, public_url: str | None = None
) -> Diagnostic | None:
    """A usage error (exit 2) before serving: a certificate without its key (or the reverse), a `--public-url`
    that is not an http(s) address, a port or an address the server cannot listen on."""
    if public_url is not None and public_address(public_url) is None:
        return problem("U001", "serve.public-url-bad", hint=msg("serve.hint-public-url"), url=public_url)
    if (certfile is None) != (keyfile is None):
        given, missing = ("--ssl-certfile", "--ssl-keyfile") if keyfile is None else ("--ssl-keyfile", "--ssl-certfile")
        return problem("U001", "serve.ssl-half", hint=msg("serve.hint-ssl-pair"), given=given, missing=missing)
    reason = bind_refusal(host, port)
    if reason is None:
        return None
    if isinstance(reason, Msg) and reason.id == "serve.host-not-here":
        hint = msg("serve.hint-host")
    else:
        hint = msg("serve.hint-port", port=str(port), other=str(port + 1 if port < 65535 else 8765))
    return problem("U001", "serve.port-refused", hint=hint, host=host, port=str(port), reason=reason)


@app.command()
def serve(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The year's folder: one assessment per agency, appraisal files, office.yaml.",
            exists=True,
            file_okay=False,
            dir_okay=True,
        ),
    ],
    host: Annotated[
        str, typer.Option("--host", help="Address to serve on (default: this computer only, 127.0.0.1).")
    ] = LOOPBACK,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to serve on.")] = 8765,
    invite_office: Annotated[
        bool, typer.Option("--invite-office", help="Print a new one-time link for the office's account.")
    ] = False,
    certfile: Annotated[
        Optional[Path], typer.Option("--ssl-certfile", help="Serve over https with this certificate (PEM).")
    ] = None,
    keyfile: Annotated[
        Optional[Path], typer.Option("--ssl-keyfile", help="The certificate's private key (PEM).")
    ] = None,
    public_url: Annotated[
        Optional[str],
        typer.Option(
            "--public-url",
            metavar="URL",
            help="The address people open when an https proxy serves the pages (https://cchc.tinh.gov.vn): "
            "invitation links and the printed address start with it; http(s), a host and a port only.",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Serve the folder in a browser for the office, the agencies and the council; the folder stays the record."""
    import uvicorn

    from par_cli.words.catalogue import catalogue

    words = shell.language(lang)
    spoken = words.fixed or "vi"  # Vietnamese first: the pages' default language, and the server's messages
    refused = refused_start(host, port, certfile, keyfile, public_url)
    if refused is not None:  # before the address is printed: nothing served, exit 2 (usage), not uvicorn's 3
        shell.usage(refused.at(LineCol("par")), spoken)
    said = catalogue(spoken)
    https = certfile is not None and keyfile is not None
    scheme = "https" if https else "http"
    addresses = [f"{scheme}://{f'[{name}]' if ':' in name else name}:{port}" for name in reachable(host)]
    public = public_address(public_url) if public_url is not None else None
    if public is not None:  # behind a proxy: the address people use first, then where the proxy reaches par
        addresses = [public, *addresses]
    address = addresses[0]  # the start of every link the server gives: its own, never a request's Host header
    # Secure cookies over https only (a plain-http office network must still sign in): https when --ssl-* is
    # given or --public-url is https, else when a request comes through an https proxy (its scheme, per request).
    secure = https or (public is not None and public.startswith("https://"))
    if not loopback(host):
        warning = "serve.network-warning-https" if https else "serve.network-warning"
        sys.stderr.write(said[warning].format(host=host) + "\n")
    os.environ["PAR_SERVE"] = "\n".join(
        [str(folder.resolve()), spoken, "1" if secure else "0", "1" if invite_office else "0", address]
    )
    sys.stdout.write(said["serve.address"].format(address=", ".join(addresses)) + "\n")
    sys.stdout.flush()
    uvicorn.run(
        "par_cli.serve.app:served",
        factory=True,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        ssl_certfile=str(certfile) if https and certfile else None,
        ssl_keyfile=str(keyfile) if https and keyfile else None,
    )
