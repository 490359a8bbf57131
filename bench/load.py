"""The site under load: start `signpost serve`, drive /search with concurrent keep-alive clients.

The load client is asyncio over plain sockets (HTTP/1.1 keep-alive), so 50 clients cost the
benchmark process little CPU. Every loop is bounded in count and in time; loopback only.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

MAX_REQUESTS_PER_CLIENT = 200_000
REQUEST_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_available() -> bool:
    """True when this checkout has `signpost serve` (the website)."""
    return (Path(__file__).resolve().parent.parent / "signpost" / "cmd_serve.py").is_file()


class Server:
    """`signpost serve` in a subprocess on a free loopback port."""

    def __init__(self, content: Path, index: Path, db: Path, log: Path):
        self.port = free_port()
        self.content, self.index, self.db, self.log = content, index, db, log
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120.0) -> Server:
        env = dict(os.environ, SIGNPOST_SECRET_KEY="benchmark-only", PYTHONUNBUFFERED="1")
        cmd = [
            sys.executable,
            "-m",
            "signpost",
            "serve",
            "--content",
            str(self.content),
            "--index",
            str(self.index),
            "--db",
            str(self.db),
            "--port",
            str(self.port),
            "--host",
            "127.0.0.1",
        ]
        self._logfile = open(self.log, "w", encoding="utf-8")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, stdout=self._logfile, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"signpost serve exited ({self.proc.returncode}); see {self.log}")
            try:
                with urllib.request.urlopen(self.url("/search?q=food"), timeout=5) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"signpost serve did not answer within {timeout:.0f} s; see {self.log}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def peak_memory_mb(self) -> float | None:
        """VmHWM (peak resident memory) of the server process, from /proc."""
        return self._status_mb("VmHWM")

    def current_memory_mb(self) -> float | None:
        """VmRSS (resident memory now) of the server process, from /proc."""
        return self._status_mb("VmRSS")

    def _status_mb(self, field: str) -> float | None:
        """A memory figure of /proc/PID/status (given there in kB), in MB; None when it cannot be read."""
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if getattr(self, "_logfile", None):
            self._logfile.close()


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    error_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms) + self.errors

    @property
    def rps(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        data = sorted(self.latencies_ms)
        if not data:
            return float("nan")
        return data[min(len(data) - 1, int(round(p / 100 * (len(data) - 1))))]


async def _client(
    port: int, paths: list[str], start: int, deadline: float, result: LoadResult, pace: float = 0.0
) -> None:
    reader = writer = None
    i = start
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.monotonic() >= deadline:
            break
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT
                )
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n".encode())
            status, keep = await asyncio.wait_for(_read_response(reader), REQUEST_TIMEOUT)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            result.errors += 1
            kind = type(exc).__name__
            result.error_kinds[kind] = result.error_kinds.get(kind, 0) + 1
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        elapsed = (time.perf_counter() - t0) * 1000
        result.statuses[status] = result.statuses.get(status, 0) + 1
        if status == 200:
            result.latencies_ms.append(elapsed)
        else:
            result.errors += 1
        if not keep:
            writer.close()
            reader = writer = None
        if pace:  # a person reading the answer before the next search
            await asyncio.sleep(max(0.0, pace - (time.perf_counter() - t0)))
    if writer is not None:
        writer.close()


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        for _ in range(100_000):
            size = int((await reader.readline()).strip() or b"0", 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:  # body until close
        await reader.read()
        return status, False
    return status, headers.get("connection", "").lower() != "close"


def run_load(port: int, queries: list[str], clients: int, seconds: float, pace: float = 0.0) -> LoadResult:
    """`clients` concurrent keep-alive clients, each looping over the queries, for `seconds`: each
    sends its next request as soon as it has an answer, or with `pace`, one request every `pace`
    seconds (their starts spread over the first `pace` seconds, so they do not arrive together)."""
    paths = ["/search?" + urllib.parse.urlencode({"q": q}) for q in queries]
    result = LoadResult(clients, seconds)
    step = max(1, len(paths) // clients)

    async def one(c: int, deadline: float) -> None:
        if pace:
            await asyncio.sleep(pace * c / clients)
        await _client(port, paths, c * step, deadline, result, pace)

    async def main() -> None:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(one(c, deadline) for c in range(clients)))

    t0 = time.monotonic()
    asyncio.run(main())
    result.seconds = time.monotonic() - t0
    return result


class Reindexer:
    """Every `every` seconds, edits one entry and times how long until the running site finds it.

    The site's own watcher rebuilds the index (`signpost serve` watches the content folder). If the
    edit is not live after `wait_for_watcher` seconds (a site without a watcher), `signpost index`
    is run. Runs in a thread, bounded in rounds and in time.
    """

    def __init__(
        self,
        server: Server,
        content: Path,
        index: Path,
        every: float = 3.0,
        max_rounds: int = 1000,
        wait_for_watcher: float = 5.0,
        give_up: float = 20.0,
    ):
        self.server, self.content, self.index = server, content, index
        self.every, self.max_rounds = every, max_rounds
        self.wait_for_watcher, self.give_up = wait_for_watcher, give_up
        self.rounds = 0
        self.failures = 0  # edits never seen live
        self.cli_runs = 0
        self.seconds: list[float] = []  # save -> found by /search on the site
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-reindexer", daemon=True)

    def __enter__(self) -> Reindexer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=self.give_up + 60)

    def _live(self, code: str) -> bool:
        url = self.server.url("/search?" + urllib.parse.urlencode({"q": code}))
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return code in r.read().decode("utf-8", "replace")
        except OSError:
            return False

    def _run(self) -> None:
        from .synth import edit_code, edit_one

        while self.rounds < self.max_rounds and not self._stop.wait(self.every):
            n = 20_000 + self.rounds
            edit_one(self.content, n)
            t0 = time.perf_counter()
            self.rounds += 1
            ran_cli = False
            for _ in range(10_000):
                if self._live(edit_code(n)):
                    self.seconds.append(time.perf_counter() - t0)
                    break
                elapsed = time.perf_counter() - t0
                if elapsed > self.give_up:
                    self.failures += 1
                    break
                if elapsed > self.wait_for_watcher and not ran_cli:
                    ran_cli = True
                    self.cli_runs += 1
                    subprocess.run(
                        [
                            sys.executable,
                            "-m",
                            "signpost",
                            "index",
                            "--content",
                            str(self.content),
                            "--index",
                            str(self.index),
                        ],
                        capture_output=True,
                        timeout=300,
                    )
                time.sleep(0.05)
