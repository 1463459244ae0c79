"""Run one measurement in a forked child with a hard time limit, and read its peak memory.

Why fork: an in-process query (rdflib's or pyoxigraph's) cannot be
interrupted, so the only reliable cap is a process that can be killed; a fork
inherits an already-loaded graph for free, so the expensive load happens once;
and the child's ``ru_maxrss`` (from ``wait4``) is the peak resident memory of
exactly that measurement.

Do not fork while the parent holds an open RocksDB store or runs threads:
open the store inside the measured function instead.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Outcome:
    value: Any = None
    capped: bool = False
    error: str | None = None
    maxrss_mb: float = 0.0
    seconds: float = 0.0


def call_in_fork(fn: Callable[..., Any], *args: Any, timeout: float) -> Outcome:
    """``fn(*args)`` in a forked child; its pickled result, or ``capped``/``error``, and its peak RSS."""
    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        try:
            payload = pickle.dumps(("ok", fn(*args)))
        except BaseException:  # noqa: BLE001 - everything is reported to the parent
            payload = pickle.dumps(("error", traceback.format_exc(limit=3)))
        with os.fdopen(write_fd, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = start + timeout
    capped = False
    with os.fdopen(read_fd, "rb") as pipe:
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                capped = True
                break
            ready, _, _ = select.select([pipe], [], [], left)
            if not ready:
                continue
            chunk = os.read(pipe.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    if capped:
        os.kill(pid, signal.SIGKILL)
    _, _, usage = os.wait4(pid, 0)
    outcome = Outcome(capped=capped, maxrss_mb=usage.ru_maxrss / 1024, seconds=time.perf_counter() - start)
    if capped:
        return outcome
    try:
        status, value = pickle.loads(b"".join(chunks))
    except Exception as exc:  # noqa: BLE001 - a child killed by the OOM killer writes nothing
        outcome.error = f"no result from the child ({exc.__class__.__name__})"
        return outcome
    if status == "error":
        outcome.error = str(value).strip().splitlines()[-1]
    else:
        outcome.value = value
    return outcome


def rss_mb() -> float:
    """Current resident memory of this process (MB), from /proc."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
