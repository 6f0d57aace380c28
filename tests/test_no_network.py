"""casewriter never talks to a network: the guards the whole suite runs under really bite.

Every in-process test runs with Internet sockets and DNS refused (``tests/conftest.py``), and
every CLI subprocess loads ``tests/nonet/sitecustomize.py`` which does the same. These tests
prove the guards work, so a code path that reached for the network would fail its test.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from tests.conftest import NO_NETWORK_DIR, run_cli_process


def test_in_process_guard_refuses_connections() -> None:
    with pytest.raises(AssertionError, match="network"):
        socket.create_connection(("example.com", 443), timeout=1)
    with pytest.raises(AssertionError, match="network"):
        socket.getaddrinfo("example.com", 443)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(AssertionError, match="network"):
            sock.connect(("127.0.0.1", 9))
    finally:
        sock.close()


def test_local_socketpair_still_allowed() -> None:
    left, right = socket.socketpair()
    try:
        left.sendall(b"ok")
        assert right.recv(2) == b"ok"
    finally:
        left.close()
        right.close()


def test_cli_subprocess_guard_is_loaded() -> None:
    """The same sitecustomize that every ``run_cli`` subprocess loads refuses connections."""
    probe = "import socket; socket.create_connection(('example.com', 80), timeout=1)"
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(NO_NETWORK_DIR), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert proc.returncode != 0
    assert "NetworkUsedError" in proc.stderr
    assert run_cli_process("--version").code == 0  # and the guard does not disturb the CLI
