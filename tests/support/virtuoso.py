"""A private Virtuoso instance on loopback for the remote-store tests.

Debian's virtuoso-opensource package (installed by scripts/virtuoso.sh) ships
the server and a config; this copies the config into a temporary folder,
points every database path there, binds both ports to 127.0.0.1 on free
ports, starts ``virtuoso-t`` in the foreground as a child process, grants
SPARQL_UPDATE to the public SPARQL user (acceptable only for a loopback test
instance) and stops it by its process id afterwards.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CONFIG = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
DB_DIR = "/var/lib/virtuoso-opensource-7/db"


@dataclass(frozen=True)
class Virtuoso:
    sparql_url: str
    sql_port: int
    folder: Path


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None and CONFIG.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _write_config(folder: Path, sql_port: int, http_port: int) -> Path:
    text = CONFIG.read_text().replace(DB_DIR, str(folder))
    section = None
    lines = []
    for line in text.splitlines():
        header = re.match(r"\s*\[(\w+)\]", line)
        if header:
            section = header.group(1)
        if re.match(r"\s*ServerPort\s*=", line):
            if section == "Parameters":
                line = f"ServerPort = 127.0.0.1:{sql_port}"
            elif section == "HTTPServer":
                line = f"ServerPort = 127.0.0.1:{http_port}"
        lines.append(line)
    path = folder / "virtuoso.ini"
    path.write_text("\n".join(lines) + "\n")
    return path


def _wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    query = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(query, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"Virtuoso did not answer at {url} within {timeout} s")


@contextmanager
def running_virtuoso(folder: Path, *, timeout: float = 90.0) -> Iterator[Virtuoso]:
    """Start a private Virtuoso in ``folder``; stop it when the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = _free_port(), _free_port()
    config = _write_config(folder, sql_port, http_port)
    log = (folder / "stdout.log").open("wb")
    proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(config)], cwd=folder,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait_ready(url, proc, timeout)
        subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba",
                        'exec=GRANT SPARQL_UPDATE TO "SPARQL";'], check=True, capture_output=True, timeout=60)
        yield Virtuoso(sparql_url=url, sql_port=sql_port, folder=folder)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
