"""A uvicorn server in a child process on 127.0.0.1, for HTTP measurements.

The server and the load generator run in separate processes so that each
has a core of its own on a two-core machine.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence

import httpx

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
START_TIMEOUT_SECONDS = 120.0
STOP_TIMEOUT_SECONDS = 10.0


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_ready(base_url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll `/readyz` until it returns 200; raise RuntimeError on exit or timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the server exited with status {process.returncode} before it was ready"
            )
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{base_url}/readyz", timeout=2.0).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"the server at {base_url} was not ready after {timeout:.0f} s")


@contextlib.contextmanager
def running_server(command: Sequence[str], port: int, settings: dict[str, str]) -> Iterator[str]:
    """Run `command` (which must listen on `port`) and yield its base URL; stop it afterwards.

    The child gets this environment with `settings` added and without
    `MONGODB_URI`, so it always serves the embedded store.
    """
    base_url = f"http://{HOST}:{port}"
    environment = {k: v for k, v in os.environ.items() if k != "MONGODB_URI"} | settings
    logger.info("starting %s", " ".join(command))
    process = subprocess.Popen(list(command), env=environment)  # noqa: S603 - our own command line
    try:
        wait_until_ready(base_url, process, START_TIMEOUT_SECONDS)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        logger.info("stopped the server on port %d", port)


def uvicorn_command(factory: str, port: int) -> list[str]:
    """Return the command that serves `factory` with one uvicorn worker on 127.0.0.1."""
    return [
        sys.executable, "-m", "uvicorn", factory, "--factory",
        "--host", HOST, "--port", str(port), "--workers", "1",
        "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
