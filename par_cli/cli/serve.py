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

LOOPBACK = "127.0.0.1"


def loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    lang: LangOption = None,
) -> None:
    """Serve the folder in a browser for the office, the agencies and the council; the folder stays the record."""
    import uvicorn

    from par_cli.words.catalogue import catalogue

    words = shell.language(lang)
    spoken = words.fixed or "vi"  # Vietnamese first: the pages' default language
    said = catalogue(spoken)
    https = certfile is not None and keyfile is not None
    scheme = "https" if https else "http"
    shown = f"[{host}]" if ":" in host else host
    address = f"{scheme}://{shown}:{port}"
    secure = https or not loopback(host)  # cookies only over https once served beyond this computer
    if not loopback(host):
        sys.stderr.write(said["serve.network-warning"].format(host=host) + "\n")
    os.environ["PAR_SERVE"] = "\n".join(
        [str(folder.resolve()), spoken, "1" if secure else "0", "1" if invite_office else "0", address]
    )
    sys.stdout.write(said["serve.address"].format(address=address) + "\n")
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
