"""``casewriter demo``: fill a home with a living sample log and sample report files.

Every built-in example draft is rendered and logged, then walked through a realistic life
(filed, Amazon replied, resolved with money back, denied, closed, still a draft) with dates
relative to now, so follow-ups are due and the statistics mean something. The synthetic
Seller Central reports shipped in ``casewriter/services/demo_data/reports`` are copied beside the log for
``casewriter scan``, the inventory reports of ``demo_data/inventory`` (planning snapshots,
Manage FBA Inventory, stranded, restock, Fee Preview and measurements) into its ``inventory``
folder for ``casewriter health``, and four weeks of Account Health records (the last two weeks
worsening) are logged so the weekly review has a trend to show. The demo never touches a log
that already holds cases.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from casewriter.config import Profile, Settings, save_settings
from casewriter.errors import UsageError
from casewriter.paths import AppPaths

if TYPE_CHECKING:
    from casewriter.store import CaseStore

DEMO_REPORTS = Path(__file__).resolve().parent / "demo_data" / "reports"
DEMO_INVENTORY = Path(__file__).resolve().parent / "demo_data" / "inventory"

#: (days ago, metrics) of the demo's weekly Account Health records (US, Northbay Goods): the
#: Order Defect Rate worsens twice and nears its 1 % target, late shipments miss theirs.
DEMO_RECORDS = (
    (22, {"odr": "0.5", "lsr_10": "1.0", "cancel": "0.4", "vtr": "99", "ahr": "260", "violations": "0"}),
    (15, {"odr": "0.6", "lsr_10": "1.6", "cancel": "0.4", "vtr": "98.6", "ahr": "250", "violations": "0"}),
    (8, {"odr": "0.7", "lsr_10": "2.4", "cancel": "0.5", "vtr": "98.1", "ahr": "245", "violations": "0"}),
    (1, {"odr": "0.9", "lsr_10": "4.3", "cancel": "0.5", "vtr": "97.9", "ahr": "238", "violations": "1"}),
)  # fmt: skip

DEMO_PROFILES = (
    Profile(id="northbay", name="Northbay Goods", merchant_token="A2NBGOODS7XQ1",
            default_marketplace="US", signature="Northbay Goods\nOperations team"),
    Profile(id="lumiere", name="Shenzhen Lumiere Trading Co., Ltd.",
            merchant_token="A3LUMIERE8CN2", default_marketplace="UK",
            signature="Shenzhen Lumiere Trading Co., Ltd."),
)  # fmt: skip


@dataclass(frozen=True)
class Step:
    """What happens to one example case: filed some days ago, then replies and an outcome."""

    filed_days_ago: int | None = None
    amazon_replied_days_ago: int | None = None
    outcome: str | None = None  # resolved | denied | closed
    expected: str | None = None  # what the claim is worth
    received: str | None = None  # money back, for resolved cases
    note: str = ""


#: The life each example case gets; examples not named here stay drafts.
PLAN: dict[str, Step] = {
    "inbound-missing-units": Step(filed_days_ago=3, note="Sent the invoice and UPS POD up front."),
    "warehouse-damaged": Step(filed_days_ago=9, amazon_replied_days_ago=1,
                              note="Amazon asked for the ledger screenshot."),
    "a-to-z-response": Step(filed_days_ago=1, note="POD sent through Buyer-Seller Messages."),
    "removal-lost-in-transit": Step(filed_days_ago=6),
    "customer-return-not-received": Step(filed_days_ago=30, outcome="resolved", expected="37.98",
                                         received="37.98", note="亚马逊已赔偿买家退款未退回的2件。"),
    "warehouse-lost": Step(filed_days_ago=45, outcome="resolved", expected="68.95", received="45.00",
                           note="Partial reimbursement: 7 units valued at manufacturing cost."),
    "fee-dimension-weight": Step(filed_days_ago=40, outcome="resolved", expected="35.20",
                                 received="35.20"),
    "chargeback-response": Step(filed_days_ago=20, outcome="denied",
                                note="Bank sided with the cardholder."),
    "ip-complaint-appeal": Step(filed_days_ago=60, outcome="closed",
                                note="Rights owner retracted the complaint."),
    "safe-t-claim": Step(filed_days_ago=12, amazon_replied_days_ago=4,
                         note="买家退回的是旧款磨豆机，不是我们发的货；亚马逊已退款，已拍照留证。"),
}  # fmt: skip


@dataclass
class DemoReport:
    home: Path
    cases: list[str] = field(default_factory=list)
    reports_dir: Path | None = None
    inventory_dir: Path | None = None
    account_records: int = 0
    statuses: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "home": str(self.home),
            "cases": len(self.cases),
            "statuses": self.statuses,
            "reports": str(self.reports_dir) if self.reports_dir else None,
            "inventory": str(self.inventory_dir) if self.inventory_dir else None,
            "account_records": self.account_records,
        }


def case_id_for(index: int) -> str:
    """A plausible 10-digit Seller Central case id, different for every demo case."""
    return str(1_712_000_000 + index * 7_919)


def build_demo(paths: AppPaths, *, now: datetime | None = None) -> DemoReport:
    """Fill ``paths`` with demo settings, cases and report files; refuse a non-empty log."""
    from casewriter.engine import Engine, load_case_file
    from casewriter.services.saving import new_case_from_render
    from casewriter.store import STATUSES, CaseStore

    now = now or datetime.now(UTC)
    paths.ensure()
    settings = _demo_settings(paths)
    engine = Engine.load(paths, settings)
    examples = sorted((paths.builtin_templates / "examples").glob("*.toml"))
    report = DemoReport(home=paths.data_dir)
    with CaseStore.open(paths) as store:
        existing = store.count()
        if existing:
            raise UsageError(
                f"the log in {paths.data_dir} already holds {existing} case(s); the demo only "
                "fills an empty home (run 'casewriter demo' without --home for a new one)"
            )
        for index, example in enumerate(examples):
            draft = load_case_file(example, engine.catalog, settings)
            rendered = engine.render(draft, as_of=now.date())
            created = now - timedelta(
                days=(PLAN.get(draft.case_type, Step()).filed_days_ago or 0) + 2
            )
            new = new_case_from_render(draft, rendered, profile=_profile_for(draft.marketplace))
            case = store.save_new(new, now=created)
            _live(store, case.id, PLAN.get(draft.case_type), index, now, settings)
            report.cases.append(case.id)
        for status in STATUSES:
            count = store.count(status=status)
            if count:
                report.statuses[status] = count
        for days_ago, metrics in DEMO_RECORDS:
            day = (now - timedelta(days=days_ago)).date()
            store.record_health("US", day, metrics, now - timedelta(days=days_ago))
            report.account_records += 1
    report.reports_dir = _copy_reports(paths.data_dir / "sample-reports")
    report.inventory_dir = _copy_inventory(report.reports_dir / "inventory")
    return report


def _profile_for(marketplace: str) -> str:
    return "northbay" if marketplace in ("US", "CA", "MX") else "lumiere"


def _demo_settings(paths: AppPaths) -> Settings:
    """Keep an existing config; otherwise write one with the two demo seller accounts."""
    from casewriter.config import load_settings

    if paths.config_file.exists():
        return load_settings(paths)
    settings = Settings(default_profile="northbay", profiles=DEMO_PROFILES)
    save_settings(paths, settings)
    return settings


def _live(store: CaseStore, case_id: str, step: Step | None, index: int, now: datetime,
          settings: Settings) -> None:  # fmt: skip
    """Walk one case through its planned life, each event at its own time."""
    if step is None or step.filed_days_ago is None:
        return
    filed_at = now - timedelta(days=step.filed_days_ago)
    store.file(case_id, case_id_for(index), now=filed_at, follow_up_hours=settings.follow_up_hours)
    if step.note:
        store.add_event(case_id, "note", step.note, now=filed_at + timedelta(minutes=5))
    if step.amazon_replied_days_ago is not None:
        replied = now - timedelta(days=step.amazon_replied_days_ago)
        store.add_event(
            case_id, "amazon-replied", "Amazon asked for more information.", now=replied
        )
    if step.outcome:
        decided = filed_at + timedelta(days=min(step.filed_days_ago - 1, 6))
        if step.expected or step.received:
            store.set_amounts(
                case_id,
                expected=Decimal(step.expected) if step.expected else None,
                received=Decimal(step.received) if step.received else None,
                now=decided,
            )
        store.set_status(case_id, step.outcome, now=decided)


def _copy_inventory(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for report in sorted(DEMO_INVENTORY.iterdir()):
        if report.is_file():
            shutil.copyfile(report, target / report.name)
    return target


def _copy_reports(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for report in sorted(DEMO_REPORTS.glob("*.tsv")):
        shutil.copyfile(report, target / report.name)
    return target
