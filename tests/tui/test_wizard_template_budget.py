"""A runaway user template inside the TUI (issue 10 §4): the wizard's render stops within the
time budget with a notification naming the template file and line, and the app goes on."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from casewriter.paths import AppPaths
from casewriter.tui.services import Services
from tests.tui.wizard_helpers import next_step, notifications, settle, wizard

SIZE = (100, 32)


async def test_runaway_user_template_is_stopped_in_the_wizard(
    app_factory: Callable[..., Any], services: Services, paths: AppPaths
) -> None:
    tpl = paths.user_templates / "case_types" / "inbound-missing-units.md.j2"
    tpl.parent.mkdir(parents=True)
    tpl.write_text(
        "Hello\n{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}\n",
        encoding="utf-8",
    )
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wz = wizard(pilot)
        started = time.perf_counter()
        assert wz.render_case() is None
        assert time.perf_counter() - started < services.engine.env.limits.time_budget_s
        await settle(pilot)
        shown = [m for m in notifications(pilot) if "stopped:" in m]
        assert shown and f"{tpl} line 2: stopped: a string built with ~ would be" in shown[-1]
        await next_step(pilot)  # the app still answers: on to the evidence step
        assert wz.state.step == "evidence"
