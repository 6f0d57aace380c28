"""Nothing typed is lost: the wizard autosaves; a killed session's draft comes back, and back /
forward keeps every value."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui import autosave
from casewriter.tui.app import make_app
from casewriter.tui.services import Services
from casewriter.tui.wizard.screen import AUTOSAVE_DELAY
from tests.tui.conftest import (
    SIZE,
    RunApp,
    back_step,
    calm,
    fill,
    fixed_clock,
    next_step,
    set_field,
    wizard,
)

REPO = Path(__file__).resolve().parents[2]


async def _resume_in_fresh_app(paths: AppPaths) -> dict[str, Any]:
    """A new app on the same home offers the autosave; accept it and read the fields back."""
    services = Services(paths=paths, settings=Settings(lang="en"), clock=fixed_clock)
    app = make_app(services)
    values: dict[str, Any] = {}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await calm(pilot)
            assert type(pilot.app.screen).__name__ == "ResumeDialog", pilot.app.screen
            await pilot.click("#resume")
            await calm(pilot)
            wz = wizard(pilot)
            values["step"] = wz.state.step
            values["shipment_id"] = wz.query_one("#slot-shipment_id", Input).value
            values["fnsku"] = wz.query_one("#slot-fnsku", TextArea).text
            values["units"] = wz.query_one("#fact-units_shipped", Input).value
            values["what"] = wz.query_one("#nar-what_happened", TextArea).text
    finally:
        services.close()
    return values


async def _autosaved(pilot: Pilot[Any], paths: AppPaths, text: str) -> None:
    """Wait (within a few debounce delays) until the autosave holds ``text``."""
    for _ in range(int(8 * AUTOSAVE_DELAY / 0.05)):
        pending = autosave.list_pending(paths)
        if pending and text in pending[0].path.read_text(encoding="utf-8"):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"no autosave holding {text!r}")


async def test_pilot_session_autosaves_and_fresh_app_resumes(
    run_app: RunApp, services: Services, paths: AppPaths
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        await next_step(pilot)
        await fill(
            pilot,
            {
                "slot-shipment_id": "FBA17XKQ9M2Z",
                "slot-fnsku": "X003KQ7ZP1\nX003KQ7ZP2",
                "fact-units_shipped": "100",
                "nar-what_happened": "四件没有入库 — 4 units never received.",
            },
        )
        await _autosaved(pilot, paths, "四件没有入库")  # the debounced autosave after the edits
        # the session ends here without the wizard finishing (as if the terminal closed)
    (entry,) = autosave.list_pending(paths)
    assert entry.case_type == "inbound-missing-units" and entry.step == "evidence"
    assert "FBA17XKQ9M2Z" in entry.summary
    services.close()
    values = await _resume_in_fresh_app(paths)
    assert values == {
        "step": "evidence",
        "shipment_id": "FBA17XKQ9M2Z",
        "fnsku": "X003KQ7ZP1\nX003KQ7ZP2",
        "units": "100",
        "what": "四件没有入库 — 4 units never received.",
    }


CHILD = textwrap.dedent(
    """
    import asyncio, sys, time
    from datetime import UTC, datetime
    from pathlib import Path
    from casewriter.tui import autosave
    from casewriter.config import Settings
    from casewriter.paths import AppPaths
    from casewriter.tui.app import make_app
    from casewriter.tui.services import Services

    paths = AppPaths.under(Path(sys.argv[1]))
    services = Services(paths=paths, settings=Settings(lang="en"),
                        clock=lambda: datetime(2026, 5, 4, 10, tzinfo=UTC))

    async def main() -> None:
        app = make_app(services, start_case_type="inbound-missing-units")
        async with app.run_test(size=(100, 32)) as pilot:
            for _ in range(3):
                await pilot.pause()
            await pilot.press("ctrl+n")
            for _ in range(5):
                await pilot.pause()
            screen = app.screen
            screen.query_one("#slot-shipment_id").value = "FBA17XKQ9M2Z"
            screen.query_one("#slot-fnsku").text = "X003KQ7ZP1"
            screen.query_one("#fact-units_shipped").value = "100"
            screen.query_one("#nar-what_happened").text = "少了四件"
            for _ in range(50):
                await pilot.pause(0.1)
                entries = autosave.list_pending(paths)
                if entries and "X003KQ7ZP1" in entries[0].summary:
                    break
            print("ready", flush=True)
            time.sleep(600)  # killed here, mid-wizard

    asyncio.run(main())
    """
)


async def test_sigkilled_session_draft_comes_back(paths: AppPaths, home: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read() if proc.stderr else line
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    (entry,) = autosave.list_pending(paths)
    assert entry.step == "evidence"
    values = await _resume_in_fresh_app(paths)
    assert values["shipment_id"] == "FBA17XKQ9M2Z"
    assert values["fnsku"] == "X003KQ7ZP1"
    assert values["units"] == "100"
    assert values["what"] == "少了四件"


async def test_back_and_forward_keep_values(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(
            pilot,
            {
                "slot-shipment_id": "FBA17XKQ9M2Z",
                "slot-fnsku": "X003KQ7ZP1\nX003KQ7ZP2",
                "fact-delivered_date": "2026-04-02",
                "fact-checked_ledger": "true",
            },
        )
        await next_step(pilot)
        await pilot.click("#urg-high")
        await calm(pilot)
        assert wz.state.urgency == "high"
        await next_step(pilot)
        await set_field(pilot, "rev-body", "My own body text. 我的正文。")
        for _ in range(3):
            await back_step(pilot)
        assert wz.state.step == "type"
        for _ in range(3):
            await next_step(pilot)
        assert wz.state.step == "review"
        assert wz.query_one("#rev-body", TextArea).text == "My own body text. 我的正文。"
        await back_step(pilot)
        assert wz.state.urgency == "high"
        assert wz.query_one("#urg-high").value is True
        await back_step(pilot)
        assert wz.query_one("#slot-shipment_id", Input).value == "FBA17XKQ9M2Z"
        assert wz.query_one("#slot-fnsku", TextArea).text == "X003KQ7ZP1\nX003KQ7ZP2"
        assert wz.query_one("#fact-delivered_date", Input).value == "2026-04-02"
        assert wz.query_one("#fact-checked_ledger").value == "true"
