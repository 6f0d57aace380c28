"""Start-up (issue 13 §7): what the first frame waits for, and what it does not. A first start
draws the home screen before the log is created (and a log that cannot be created is still
the CLI's one-line error); opening the app imports no other command and no text area."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casewriter.errors import StoreError
from casewriter.tui.app import CasewriterApp
from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm

REPO = Path(__file__).resolve().parents[2]


async def test_first_start_draws_home_then_creates_the_log(
    services: Services, run_app: RunApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def first_frame(app: Any) -> None:
        if not seen and isinstance(app.screen, HomeScreen) and app.screen.query("FooterKey"):
            seen.append(services.paths.db_file.exists())

    monkeypatch.setattr(CasewriterApp, "post_display_hook", first_frame)
    assert not services.log_exists()
    async with run_app() as pilot:
        assert seen == [False]  # the first frame came before the log was created
        await calm(pilot)
        assert services.log_exists() and services.store_opened
        screen = pilot.app.screen
        assert screen.query_one("#empty").display is True
        assert screen.query_one("#read-only").display is False
        await pilot.press("n")  # and the app works as usual
        await calm(pilot)
        assert type(pilot.app.screen).__name__ == "WizardScreen"


def test_a_log_that_cannot_be_created_is_the_cli_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from casewriter.__main__ import main
    from casewriter.store import CaseStore

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError(f"cannot create the case log {tmp_path}/cases.db: no space left on device")

    monkeypatch.setattr(CaseStore, "open", classmethod(refuse))
    original = CasewriterApp.run
    monkeypatch.setattr(
        CasewriterApp, "run", lambda self, **_: original(self, headless=True, size=(80, 24))
    )
    code = main(["--home", str(tmp_path), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1
    assert (
        err.startswith("casewriter: error: cannot create the case log") and "Traceback" not in err
    )
    assert err.count("\n") == 1


def test_opening_the_app_imports_no_other_command_and_no_text_area(tmp_path: Path) -> None:
    probe = """
import os, sys
from casewriter.tui.app import CasewriterApp
from casewriter.tui.screens.home import HomeScreen
def hook(self):
    if isinstance(self.screen, HomeScreen) and self.screen.query("FooterKey"):
        loaded = [m for m in sys.modules if m.startswith("casewriter.commands.")
                  or m in ("textual.widgets._text_area", "jinja2", "pydantic")]
        print(" ".join(sorted(loaded)))
        sys.stdout.flush()
        os._exit(0)
CasewriterApp.post_display_hook = hook
run = CasewriterApp.run
CasewriterApp.run = lambda self, **kw: run(self, headless=True, size=(80, 24))
from casewriter.__main__ import main
main(["--home", sys.argv[1]])
"""
    out = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=True,
    ).stdout
    assert out.split() == ["casewriter.commands.new"]
