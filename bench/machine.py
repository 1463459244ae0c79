"""The machine and software a run measured: CPU model, cores, memory, package versions, date."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import subprocess
from importlib import metadata

PACKAGES = ("pyoxigraph", "rdflib", "networkx", "fastapi", "uvicorn", "rdflib-endpoint", "oxigraph")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_gb() -> float:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def wrk_version() -> str:
    path = shutil.which("wrk")
    if not path:
        return "not installed"
    done = subprocess.run([path, "-v"], capture_output=True, text=True, check=False)
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0].split(" [")[0].removeprefix("wrk ") if first else "unknown"


def describe() -> dict[str, str]:
    versions = {"Python": platform.python_version()}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["wrk"] = wrk_version()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "load": f"load average {load} when the run started (other work on the machine skews the figures)",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, {memory_gb():.1f} GB RAM, {platform.system()} "
                   f"{platform.release()}",
        "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }
