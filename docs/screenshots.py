"""Regenerate the README's screenshots (SVG, from Textual's own screenshot).

    .venv/bin/python docs/screenshots.py

Builds a demo home in a temporary folder, opens the home screen, then the wizard on the
inbound-missing-units example and walks it to the review step, then reviews the demo's inventory
reports (as ``casewriter health`` does) and opens the Health screen.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (120, 36)


async def main() -> None:
    from casewriter.commands import Context
    from casewriter.paths import AppPaths
    from casewriter.services.demo import build_demo
    from casewriter.tui.app import make_app
    from casewriter.tui.launch import build_services
    from casewriter.tui.wizard import WizardScreen

    home = Path(tempfile.mkdtemp(prefix="casewriter-shots-"))
    build_demo(AppPaths.under(home))
    services = build_services(Context(home=str(home)))
    app = make_app(services)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        app.save_screenshot("home.svg", str(OUT))
        example = ROOT / "templates" / "examples" / "inbound-missing-units.toml"
        draft = tomllib.loads(example.read_text(encoding="utf-8"))
        for attachment in draft.get("attachments", []):
            attachment["path"] = str(example.parent / attachment["path"])
        app.push_screen(WizardScreen(services, draft=draft))
        await pilot.pause(0.5)
        for _ in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause(0.5)
        app.save_screenshot("review.svg", str(OUT))
        app.pop_screen()
        await pilot.pause(0.5)
        from casewriter.health import run_review

        run_review(services.store, [str(home / "sample-reports" / "inventory")],
                   catalog=services.engine.catalog, settings=services.settings)  # fmt: skip
        await pilot.press("h")
        await pilot.pause(1.0)
        app.save_screenshot("health.svg", str(OUT))
    print(f"wrote {OUT / 'home.svg'}, {OUT / 'review.svg'} and {OUT / 'health.svg'}")


if __name__ == "__main__":
    asyncio.run(main())
