"""Start the service on 127.0.0.1 at a free port and run the graphql-http audits against it.

The server runs in embedded mode with no demo customers, so the audits,
which send no API key, are served the demo workspace. Exits with the
status of `audit.mjs`: 1 when any audit ends in an error or a warning.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
STARTUP_TIMEOUT_SECONDS = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def wait_until_healthy(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server exited with status {server.returncode} before it was ready"
            )
        try:
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 (a local http URL)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not respond at {url} within {STARTUP_TIMEOUT_SECONDS:g} s")


def main() -> int:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DEMO_CUSTOMERS": "0",
        "LOG_LEVEL": "WARNING",
        "GRAPHQL_INTROSPECTION": "true",
    }
    env.pop("MONGODB_URI", None)
    env.pop("REQUIRE_API_KEY", None)
    segments = Path(sys.executable).with_name("segments")
    command = [str(segments), "serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env)  # noqa: S603 (fixed arguments, no shell)
    try:
        wait_until_healthy(f"{base}/healthz", server)
        audit = subprocess.run(["node", str(HERE / "audit.mjs"), f"{base}/graphql"], check=False)  # noqa: S603, S607
        return audit.returncode
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
