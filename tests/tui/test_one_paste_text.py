"""One paste text and one attachment rule for every way out of casewriter (issue 11).

The same case (an OER case file with a relative attachment) is rendered by ``casewriter
render``, saved by ``render --save`` and opened, copied and saved in the wizard: the text
``render`` prints above its report, the wizard's copy and the two log records (subject + body)
are one text, OER title included. Attachment paths follow one rule: the wizard resolves what
is typed once, to the absolute path it checked, and that is the path rendered and logged.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from casewriter.engine import load_case_file
from casewriter.engine.case_report import SEPARATOR
from casewriter.tui.services import Services
from tests.conftest import REPO
from tests.tui.conftest import FIXED_NOW, calm, next_step, set_field, wizard

SIZE = (100, 32)
EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"


def oer_case(folder: Path) -> Path:
    """The example case as an OER case, its invoice beside it (a path relative to the file)."""
    (folder / "files").mkdir(parents=True)
    (folder / "files" / "invoice-2026-0311.pdf").write_bytes(b"%PDF-1.4 invoice, 100 units")
    (folder / "files" / "ups-pod-fba17xkq9m2z.png").write_bytes(b"\x89PNG proof of delivery")
    text = EXAMPLE.read_text(encoding="utf-8").replace("oer = false", "oer = true")
    assert 'path = "files/invoice-2026-0311.pdf"' in text and "oer = true" in text
    case = folder / "case.toml"
    case.write_text(text, encoding="utf-8")
    return case


def logged_text(cli: Any, case_id: str) -> str:
    case = json.loads(cli("log", "show", case_id, "--json").out)
    return f"Subject: {case['subject']}\n\n{case['body']}"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[Path]:
    """Run from a folder that holds none of the case's files."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    old = Path.cwd()
    os.chdir(folder)
    yield folder
    os.chdir(old)


async def test_render_wizard_and_log_paste_one_text(
    app_factory: Callable[..., Any], services: Services, cli: Any, tmp_path: Path, elsewhere: Path
) -> None:
    case = oer_case(tmp_path / "cases")
    as_of = FIXED_NOW.date().isoformat()  # the wizard's today
    rendered = cli("render", str(case), "--as-of", as_of)
    assert rendered.code == 0, rendered.err
    printed = rendered.out[: rendered.out.index("\n" + SEPARATOR)]
    assert "OER Request – FBA17XKQ9M2Z\n\n" in printed  # the OER title, then its request
    assert "Checklist: ready to file" in rendered.out  # the attachments found beside the file
    saved = cli("render", str(case), "--as-of", as_of, "--save", "--json")
    assert json.loads(saved.out)["saved"]["id"] == "CW-000001"

    draft = load_case_file(case, services.engine.catalog, services.settings)
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await calm(pilot)
        app.open_wizard(draft=draft.model_dump(mode="json"))
        await calm(pilot)
        wz = wizard(pilot)
        files = tmp_path / "cases" / "files"
        invoice = str(files / "invoice-2026-0311.pdf")
        assert wz.state.attachments == {  # resolved once, relative to the case file
            "invoice": [invoice],
            "pod": [str(files / "ups-pod-fba17xkq9m2z.png")],
        }
        for _ in range(3):
            await next_step(pilot)
        assert wz.state.step == "review"
        await pilot.press("f8")
        await pilot.pause()
        copied = pilot.app.clipboard
        target = tmp_path / "saved.txt"
        await set_field(pilot, "file-path", str(target))
        await pilot.press("f9")
        await calm(pilot)
        await pilot.press("ctrl+s")
        await calm(pilot)
        # render --save logged the same problem a moment ago: the wizard asks first
        assert type(pilot.app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await calm(pilot)

    assert copied == printed
    assert target.read_text(encoding="utf-8") == printed
    assert logged_text(cli, "CW-000001") == printed  # render --save
    assert logged_text(cli, "CW-000002") == printed  # the wizard's save
    logged = json.loads(cli("log", "show", "CW-000002", "--json").out)
    assert logged["draft"]["attachments"][0]["path"] == invoice


async def test_a_typed_attachment_is_checked_and_rendered_at_one_path(
    app_factory: Callable[..., Any],
    services: Services,
    tmp_path: Path,
    elsewhere: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    home = tmp_path / "user-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    (home / "only-at-home.pdf").write_bytes(b"%PDF-1.4 in the home folder, not here")
    (elsewhere / "here.pdf").write_bytes(b"%PDF-1.4 in the current folder")
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=SIZE) as pilot:
        await calm(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-shipment_id", "FBA17XKQ9M2Z")
        # a name relative to the home folder used to pass the check and fail the render
        await set_field(pilot, "att-invoice", "only-at-home.pdf")
        assert wz.state.attachments["invoice"] == [str(elsewhere / "only-at-home.pdf")]
        assert "not found" in str(wz.query_one("#msg-att-invoice").render())
        checklist = wz.render_case()
        assert checklist is not None
        (item,) = [i for i in checklist.checklist if i.slot == "invoice"]
        assert item.status == "invalid" and "not found" in (item.reason or "")
        # relative to the folder casewriter runs in: checked and rendered as the same file
        await set_field(pilot, "att-invoice", "here.pdf")
        assert wz.state.attachments["invoice"] == [str(elsewhere / "here.pdf")]
        assert "✓ here.pdf" in str(wz.query_one("#msg-att-invoice").render())
        first = wz.render_case()
        assert first is not None
        (item,) = [i for i in first.checklist if i.slot == "invoice"]
        assert item.status == "provided"
        # stored absolute: moving to another folder changes nothing
        os.chdir(home)
        again = wz.render_case()
        assert again is not None
        assert [i.status for i in again.checklist if i.slot == "invoice"] == ["provided"]
        # "~" is the home folder, as in a shell
        await set_field(pilot, "att-invoice", "~/only-at-home.pdf")
        assert wz.state.attachments["invoice"] == [str(home / "only-at-home.pdf")]
        assert "✓ only-at-home.pdf" in str(wz.query_one("#msg-att-invoice").render())
