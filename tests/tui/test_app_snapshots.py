"""One snapshot per screen (home, case detail, settings, scan, empty first run) at 100×32,
with fixed data and a fixed clock; blink frozen by the conftest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from casewriter.tui.services import Services
from tests.tui.conftest import FIXED_NOW, SIZE, add_case


def populate(services: Services) -> None:
    add_case(
        services,
        "Missing units in shipment FBA17XKQ9M2Z – 4 units of FNSKU X003KQ7ZP1",
        identifiers=[("shipment_id", "FBA17XKQ9M2Z")],
        deadline=FIXED_NOW.date() + timedelta(days=3),
    )
    lost = add_case(
        services, "仓库丢失 FNSKU X00LOST123 三件，请求赔偿", case_type="warehouse-lost"
    )
    services.store.add_event(lost, "note", "已致电客服，等待回复", now=FIXED_NOW)
    atoz = add_case(
        services, "A-to-z claim on order 112-1234567-7654321", case_type="a-to-z-response"
    )
    services.store.file(atoz, "18274659301", now=FIXED_NOW)


def test_home_snapshot(
    snap_compare: Any, services: Services, app_factory: Callable[..., Any]
) -> None:
    populate(services)
    assert snap_compare(app_factory(), terminal_size=SIZE)


def test_empty_home_snapshot(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE)


def test_detail_snapshot(
    snap_compare: Any, services: Services, app_factory: Callable[..., Any]
) -> None:
    populate(services)
    assert snap_compare(app_factory(), terminal_size=SIZE, press=["down", "enter"])


def test_settings_snapshot(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, press=["f2"])


def test_scan_snapshot(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, press=["f3"])


def test_home_chinese_snapshot(
    snap_compare: Any, services: Services, app_factory: Callable[..., Any]
) -> None:
    populate(services)
    assert snap_compare(app_factory(), terminal_size=SIZE, press=["f4"])
