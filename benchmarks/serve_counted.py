"""`par serve FOLDER` as the command runs it (uvicorn, the same options), with two counters for
`benchmarks/serve_load.py`: each assessment bound to its criteria set (a file read and checked) and each score
computed, by agency. Nothing of par is changed: the benchmark wraps `core.binding.bind` and `core.scoring.score`
in this process only. On SIGUSR1 the counts are written to the file `--counts` names (JSON).

    python -m benchmarks.serve_counted FOLDER --port 8765 --counts /tmp/counts.json

`Server` starts it for `benchmarks/serve_load.py` and reads its counts and CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

from par_cli.io.output import write

ROOT = Path(__file__).resolve().parent.parent

BOUND: Counter[str] = Counter()  # agency id → assessments bound (read and checked)
SCORED: Counter[str] = Counter()  # agency id → scores computed
_LOCK = threading.Lock()


def _counted(original: Callable[..., Any], counter: Counter[str], agency: Callable[..., str]) -> Callable[..., Any]:
    def counting(*args: Any, **kwargs: Any) -> Any:
        with _LOCK:
            counter[agency(*args, **kwargs)] += 1
        return original(*args, **kwargs)

    return counting


def _bound_agency(criteria: Any, nodes: Any, model: Any, *rest: Any, **kwargs: Any) -> str:
    return str(model.agency.id)


def _scored_agency(bound: Any, *rest: Any, **kwargs: Any) -> str:
    return str(bound.assessment.agency.id)


def instrument() -> None:
    """Every module's name for `bind` and `score` (already imported or to come) is the counting one."""
    from par_cli.core import binding, scoring

    swaps = {
        id(binding.bind): _counted(binding.bind, BOUND, _bound_agency),
        id(scoring.score): _counted(scoring.score, SCORED, _scored_agency),
    }
    for name, module in list(sys.modules.items()):
        if not name.startswith("par_cli") or module is None:
            continue
        for attribute in ("bind", "score"):
            found = getattr(module, attribute, None)
            if found is not None and id(found) in swaps:
                setattr(module, attribute, swaps[id(found)])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`par serve FOLDER` (counted) in its own process."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.port = free_port()
        self.counts = work / "counts.json"
        self.log = (work / "serve.log").open("w")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "benchmarks.serve_counted", str(folder), "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--counts", str(self.counts)], cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.base = f"http://127.0.0.1:{self.port}"

    async def ready(self) -> None:
        async with httpx.AsyncClient(base_url=self.base) as http:
            for _ in range(300):
                try:
                    await http.get("/login")
                    return
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
        raise SystemExit(f"par serve did not start: {self.log.name}")

    async def counted(self) -> dict[str, dict[str, int]]:
        before = self.counts.stat().st_mtime_ns if self.counts.exists() else 0
        self.process.send_signal(signal.SIGUSR1)
        for _ in range(200):
            await asyncio.sleep(0.02)
            if self.counts.exists() and self.counts.stat().st_mtime_ns != before:
                counts: dict[str, dict[str, int]] = json.loads(self.counts.read_text())
                return counts
        raise SystemExit("par serve did not give its counts")

    def cpu(self) -> float:
        """The server's CPU seconds (user + system), from /proc."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--counts", type=Path, required=True)
    args = parser.parse_args()
    import par_cli.services.workspace  # noqa: F401 - imported now so that its names are swapped too
    from par_cli.__main__ import main as par

    instrument()

    def dump(signum: int, frame: FrameType | None) -> None:
        with _LOCK:
            counts = {"bound": dict(BOUND), "scored": dict(SCORED)}
        write(args.counts, json.dumps(counts))

    signal.signal(signal.SIGUSR1, dump)
    sys.argv = ["par", "serve", str(args.folder), "--port", str(args.port)]
    par()


if __name__ == "__main__":
    main()
