"""The machine a benchmark ran on, printed with every result table."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shlex
import sys
from pathlib import Path


def cpu_model() -> str:
    """Return the CPU model name from /proc/cpuinfo, or what `platform` reports elsewhere."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def describe_machine() -> dict[str, str]:
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": str(os.cpu_count() or "unknown"),
        "python": platform.python_version(),
        "os": platform.platform(),
        # Other processes on the machine slow every figure; the ratios
        # between phases of one run suffer least.
        "load average (1, 5, 15 min)": _load_average(),
    }


def _load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def header(title: str) -> str:
    """Return the lines printed before results: title, exact command and machine."""
    # orig_argv keeps `-m bench`, which argv replaces with the file path.
    command = shlex.join(sys.orig_argv)
    machine = describe_machine()
    lines = [f"# {title}", f"command: {command}"]
    lines += [f"{key}: {value}" for key, value in machine.items()]
    return "\n".join(lines)
