"""A runaway user template inside the TUI (issue 10 §4): the wizard's render stops within the
time budget with a notification naming the template file and line, and the app goes on."""

from __future__ import annotations

import time

from casewriter.paths import AppPaths
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm, next_step, notifications, wizard


async def test_runaway_user_template_is_stopped_in_the_wizard(
    run_app: RunApp, services: Services, paths: AppPaths
) -> None:
    tpl = paths.user_templates / "case_types" / "inbound-missing-units.md.j2"
    tpl.parent.mkdir(parents=True)
    tpl.write_text(
        "Hello\n{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}\n",
        encoding="utf-8",
    )
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        started = time.perf_counter()
        assert wz.render_case() is None
        assert time.perf_counter() - started < services.engine.env.limits.time_budget_s
        await calm(pilot)
        shown = [m for m in notifications(pilot) if "stopped:" in m]
        assert shown and f"{tpl} line 2: stopped: a string built with ~ would be" in shown[-1]
        await next_step(pilot)  # the app still answers: on to the evidence step
        assert wz.state.step == "evidence"
