"""The case engine on fixture case types (tests/data/engine): checklist statuses, warnings,
OER titles, subjects, overrides, the sandbox and template errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Limits, Settings
from casewriter.engine import Draft
from casewriter.engine.casefile import load_case_file
from casewriter.engine.rendering import Engine, oer_title
from casewriter.errors import TemplateError
from casewriter.messages import say
from casewriter.paths import AppPaths

DATA = Path(__file__).parent / "data" / "engine"
AS_OF = date(2026, 4, 20)


@pytest.fixture
def epaths(tmp_path: Path) -> AppPaths:
    home = tmp_path / "home"
    home.mkdir()
    return AppPaths(data_dir=home, config_dir=home, builtin_templates=DATA)


def engine(paths: AppPaths, settings: Settings | None = None) -> Engine:
    return Engine.load(paths, settings or Settings())


def draft(**over: Any) -> Draft:
    base: dict[str, Any] = {
        "case_type": "widget-lost",
        "marketplace": "US",
        "profile": {"name": "Northbay Goods"},
        "facts": {"units_lost": 3, "event_date": "2026-04-03"},
        "evidence": {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1"]},
        "attachments": [
            {"slot": "invoice", "path": "invoice.pdf", "description": "Supplier invoice INV-7"}
        ],
        "base_dir": str(DATA / "examples"),
    }
    base.update(over)
    return Draft.model_validate(base)


def user_file(paths: AppPaths, name: str, text: str) -> Path:
    path = paths.user_templates / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def status(case: Any, slot: str) -> str:
    return str(next(c.status for c in case.checklist if c.slot == slot))


def test_render_example_case_file(epaths: AppPaths) -> None:
    eng = engine(epaths)
    d = load_case_file(DATA / "examples" / "widget-lost.toml", eng.catalog)
    case = eng.render(d, as_of=AS_OF)
    assert case.subject == "Lost units in FBA17XKQ9M2Z"
    assert "- Shipment ID: FBA17XKQ9M2Z" in case.body
    assert "- Attached: Supplier invoice INV-7\n" in case.body  # trailing spaces stripped
    assert "\n\n\n" not in case.body
    assert case.ready is True
    # 04/03/2026 on Amazon.com is April 3 and the reading is shown back
    assert any(
        "04/03/2026 read as 2026-04-03 (month first, as on Amazon.com)" in w for w in case.warnings
    )
    assert case.deadline is not None and case.deadline.event_date == date(2026, 4, 3)


def test_checklist_missing_invalid_unverified(epaths: AppPaths) -> None:
    case = engine(epaths).render(
        draft(evidence={"shipment_id": ["FBA12"], "tracking": ["CNAQV0038475629"]}), as_of=AS_OF
    )
    assert status(case, "shipment_id") == "invalid"
    item = next(c for c in case.checklist if c.slot == "shipment_id")
    assert item.reason and "FBA12" in item.reason
    assert status(case, "fnsku") == "missing"
    assert status(case, "tracking") == "unverified"
    assert status(case, "invoice") == "provided"
    assert status(case, "photos") == "missing"
    assert case.ready is False
    # the invalid value is never presented as fact, and the subject falls back visibly
    assert "FBA12" not in case.body and "FBA12" not in case.subject
    assert "- Tracking: CNAQV0038475629" in case.body


def test_optional_missing_does_not_block_ready(epaths: AppPaths) -> None:
    case = engine(epaths).render(draft(), as_of=AS_OF)
    assert status(case, "photos") == "missing" and case.ready is True


def test_attachment_wrong_type_missing_file_and_photo_rules(
    epaths: AppPaths, tmp_path: Path
) -> None:
    (tmp_path / "box.jpg").write_bytes(b"\xff\xd8jpeg")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF")
    atts = [
        {"slot": "invoice", "path": "nowhere.pdf"},
        {"slot": "photos", "path": str(tmp_path / "scan.pdf")},
    ]
    case = engine(epaths).render(draft(attachments=atts), as_of=AS_OF)
    inv = next(c for c in case.checklist if c.slot == "invoice")
    assert inv.status == "invalid" and inv.reason and "file not found" in inv.reason
    photos = next(c for c in case.checklist if c.slot == "photos")
    assert (
        photos.status == "invalid"
        and photos.reason
        and ".pdf files are not accepted" in photos.reason
    )
    assert case.ready is False
    assert "Attached" not in case.body  # nothing claimed as attached
    too_big = tmp_path / "big.pdf"
    too_big.write_bytes(b"x" * (1024 * 1024 + 1))
    case = engine(epaths).render(
        draft(attachments=[{"slot": "invoice", "path": str(too_big)}]), as_of=AS_OF
    )
    assert "over the 1 MB limit" in str(
        next(c.reason for c in case.checklist if c.slot == "invoice")
    )


def test_items_duplicates_and_length_warnings(epaths: AppPaths) -> None:
    ev = {
        "shipment_id": ["FBA17XKQ9M2Z"],
        "fnsku": ["X003KQ7ZP1", "x003kq7zp1", "X00ABCDEF1", "X00ZZZZZZ9"],
    }
    settings = Settings(limits=Limits(subject_max=10, body_max=50))
    case = engine(epaths, settings).render(draft(evidence=ev), as_of=AS_OF)
    text = "\n".join(case.warnings)
    assert "listed twice" in text
    assert "3 items in one case is above the suggested 2" in text
    assert "Subject is 26 characters, over the 10 limit" in text
    assert "over the 50 limit" in text


def test_missing_required_fact_is_warned_and_placeholder_shown(epaths: AppPaths) -> None:
    case = engine(epaths).render(draft(facts={"event_date": "2026-04-03"}), as_of=AS_OF)
    # named by its label in either language, never by its key (issue 13 §4)
    assert "Missing fact: Units lost." in case.warnings
    assert "缺少信息：丢失数量。" in [say(w, "zh") for w in case.warnings]
    missing = [w for w in case.warnings if getattr(w, "code", "") == "fact.missing"]
    assert missing and not any(
        "units_lost" in say(w, lang) for w in missing for lang in ("en", "zh")
    )
    assert "[missing: facts.units_lost]" in case.body
    assert case.ready is False


def test_subject_always_carries_main_identifier(epaths: AppPaths) -> None:
    (epaths.user_templates / "case_types").mkdir(parents=True)
    src = (DATA / "case_types" / "widget-lost.toml").read_text(encoding="utf-8")
    user_file(epaths, "case_types/widget-lost.toml", src.replace(
        'subject = "Lost units in {{ ev.shipment_id if ev.shipment_id is defined else \'[shipment]\' }}"',
        'subject = "Lost units ({{ facts.units_lost }})"'))  # fmt: skip
    case = engine(epaths).render(draft(), as_of=AS_OF)
    assert case.subject == "Lost units (3) \u2013 FBA17XKQ9M2Z"


def test_urgent_oer_title_exact(epaths: AppPaths) -> None:
    eng = engine(epaths)
    case = eng.render(draft(oer=True, urgency="urgent"), as_of=AS_OF)
    assert case.oer is not None
    assert case.oer.title == "URGENT: Lost Inventory \u2013 OER Request \u2013 FBA17XKQ9M2Z"
    assert case.oer.request == "Operations exception: Lost Inventory (urgent)"
    routine = eng.render(draft(oer=True, urgency="high"), as_of=AS_OF)
    assert (
        routine.oer is not None
        and routine.oer.title == "Lost Inventory \u2013 OER Request \u2013 FBA17XKQ9M2Z"
    )
    assert eng.render(draft(), as_of=AS_OF).oer is None
    assert oer_title("Missing Inbound Inventory", "FBA17XKQ9M2Z", "urgent") == (
        "URGENT: Missing Inbound Inventory – OER Request – FBA17XKQ9M2Z"
    )


def test_case_type_oer_override_used(epaths: AppPaths) -> None:
    user_file(epaths, "case_types/widget-lost.oer.md.j2", "Own OER for {{ ev.shipment_id }}\n")
    case = engine(epaths).render(draft(oer=True), as_of=AS_OF)
    assert case.oer is not None and case.oer.request == "Own OER for FBA17XKQ9M2Z"


def test_user_template_overrides_and_extends_builtin(epaths: AppPaths) -> None:
    user_file(epaths, "case_types/widget-lost.md.j2", "USER {{ seller.name }}\n")
    assert engine(epaths).render(draft(), as_of=AS_OF).body == "USER Northbay Goods"
    user_file(epaths, "case_types/widget-lost.md.j2",
              '{% extends "builtin/case_types/widget-lost.md.j2" %}\n')  # fmt: skip
    body = engine(epaths).render(draft(), as_of=AS_OF).body
    assert body.startswith("Hello,\n\nWe are Northbay Goods on Amazon.com.")


def test_user_case_type_wins_and_new_ids_added(epaths: AppPaths) -> None:
    src = (DATA / "case_types" / "widget-lost.toml").read_text(encoding="utf-8")
    user_file(
        epaths,
        "case_types/widget-lost.toml",
        src.replace('problem = "Lost Inventory"', 'problem = "Mine"'),
    )
    user_file(
        epaths,
        "case_types/gadget-lost.toml",
        src.replace('id = "widget-lost"', 'id = "gadget-lost"'),
    )
    eng = engine(epaths)
    assert eng.catalog.get("widget-lost").problem == "Mine"
    assert eng.catalog.get("widget-lost").origin == "user"
    assert eng.catalog.get("gadget-lost").origin == "user"


def test_strict_undefined_in_strict_mode(epaths: AppPaths) -> None:
    user_file(epaths, "case_types/widget-lost.md.j2", "a\n{{ facts.nope }}\n")
    with pytest.raises(TemplateError) as err:
        engine(epaths).render(draft(), as_of=AS_OF, strict=True)
    assert "widget-lost.md.j2 line 2" in err.value.message and "nope" in err.value.message
    user_file(epaths, "case_types/widget-lost.md.j2", "{{ nothing_here }}\n")
    with pytest.raises(TemplateError, match="undefined"):
        engine(epaths).render(draft(), as_of=AS_OF)  # a top-level name is strict even when lenient


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ ct.__class__ }}{{ cycler.__init__.__globals__ }}",
        "{% for x in range(10**9) %}{% endfor %}",
    ],
)
def test_sandbox_escape_blocked(epaths: AppPaths, source: str) -> None:
    user_file(epaths, "case_types/widget-lost.md.j2", "ok\n" + source + "\n")
    with pytest.raises(TemplateError) as err:
        engine(epaths).render(draft(), as_of=AS_OF)
    assert "widget-lost.md.j2" in err.value.message


def test_runaway_template_stopped(epaths: AppPaths) -> None:
    user_file(epaths, "case_types/widget-lost.md.j2",
              "{% for i in range(99999) %}{% for j in range(99999) %}xxxxxxxxxx{% endfor %}{% endfor %}\n")  # fmt: skip
    with pytest.raises(
        TemplateError, match=r"line 1: stopped: the output passed 200,000 characters"
    ):
        engine(epaths).render(draft(), as_of=AS_OF)
    user_file(epaths, "case_types/widget-lost.md.j2", "{{ 'x' * 100000000 }}\n")
    with pytest.raises(TemplateError, match="stopped: a string built with \\* would be"):
        engine(epaths).render(draft(), as_of=AS_OF)


def test_broken_user_template_names_file_and_line(epaths: AppPaths) -> None:
    path = user_file(epaths, "case_types/widget-lost.md.j2", "line one\nline two\n{% if %}\n")
    with pytest.raises(TemplateError) as err:
        engine(epaths).render(draft(), as_of=AS_OF)
    assert str(path) in err.value.message and "line 3" in err.value.message


def test_broken_extends_reported(epaths: AppPaths) -> None:
    user_file(epaths, "case_types/widget-lost.md.j2", '{% extends "builtin/_nope.md.j2" %}\n')
    with pytest.raises(TemplateError, match="_nope.md.j2"):
        engine(epaths).render(draft(), as_of=AS_OF)


def test_urgency_suggestion_and_user_choice(epaths: AppPaths) -> None:
    eng = engine(epaths)
    # event 2026-04-03, shortest window 30 days → safe_by 2026-05-03, closes 2026-06-02
    late = eng.render(
        draft(facts={"units_lost": 3, "unit_cost": "20", "event_date": "2026-04-03"}),
        as_of=date(2026, 5, 31),
    )
    # suggested, but "urgent" is the user's decision: a draft without urgency gets "high"
    assert late.urgency_suggestion == "urgent" and late.urgency == "high"
    assert any("2 days left" in r for r in late.urgency_reasons)
    assert any('set urgency = "urgent"' in w for w in late.warnings)
    assert not late.subject.startswith("URGENT:")
    chosen = eng.render(
        draft(urgency="routine", facts={"units_lost": 3, "event_date": "2026-04-03"}),
        as_of=date(2026, 5, 31),
    )
    assert chosen.urgency == "routine" and chosen.urgency_suggestion == "urgent"
    calm = eng.render(draft(), as_of=AS_OF)
    assert calm.urgency_suggestion == "routine"
    forced = eng.render(draft(urgency="urgent"), as_of=AS_OF)
    assert any("Urgent should stay rare" in w for w in forced.warnings)


def test_deadline_warnings(epaths: AppPaths) -> None:
    eng = engine(epaths)
    case = eng.render(draft(), as_of=date(2026, 4, 20))
    d = case.deadline
    assert d is not None and d.closes == date(2026, 6, 2) and d.safe_by == date(2026, 5, 3)
    assert any("to be safe, file by 2026-05-03" in w for w in case.warnings)
    expired = eng.render(draft(), as_of=date(2026, 6, 3))
    assert expired.deadline is not None and expired.deadline.status == "expired"
    assert any("closed on 2026-06-02" in w for w in expired.warnings)
    # a marketplace without its own rule falls back to "*": 30 days minimum → too early
    uk = eng.render(draft(marketplace="UK"), as_of=date(2026, 4, 20))
    assert uk.deadline is not None and uk.deadline.status == "too-early"
    assert uk.deadline.opens == date(2026, 5, 3)
    assert any(w.startswith("Too early to file") for w in uk.warnings)
