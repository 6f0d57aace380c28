"""Shared fixtures: a temporary casewriter home, and running the CLI for real."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casewriter.paths import AppPaths

REPO = Path(__file__).resolve().parent.parent
# A copy of the synthetic Seller Central reports; the repository reads nothing outside itself.
SAMPLES = REPO / "tests" / "data" / "reports" / "samples"
NO_NETWORK_DIR = Path(__file__).resolve().parent / "nonet"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty casewriter home (log, config and user templates go here)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def paths(home: Path) -> AppPaths:
    return AppPaths.under(home)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any test whose code path opens an Internet socket or resolves a name fails."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"casewriter opened a network connection: {args[:2]!r}")

    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(address)
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Never touch the real user's folders: platformdirs falls back under tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("CASEWRITER_HOME", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield


def run_cli(
    *args: str,
    home: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> CliResult:
    """Run ``python -m casewriter`` in a subprocess, as a user would."""
    full_env = dict(os.environ)
    full_env.pop("CASEWRITER_DEBUG", None)
    if home is not None:
        full_env["CASEWRITER_HOME"] = str(home)
    full_env["PYTHONPATH"] = os.pathsep.join(
        [str(NO_NETWORK_DIR), str(REPO), full_env.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=120,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli(home: Path):  # type: ignore[no-untyped-def]
    """``cli("check", "X")`` runs the CLI with the temporary home."""

    def _run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> CliResult:
        return run_cli(*args, home=home, stdin=stdin, env=env)

    return _run
