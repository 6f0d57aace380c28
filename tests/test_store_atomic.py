"""A command that fails writes nothing: every change and the read-back of its result happen in
one transaction, so an error is never printed after a commit.

Failures are injected where they used to slip through: reading the case back after the write
(a damaged page), the COMMIT itself (disk full), the duplicate guard after ``--link`` was
recorded, the amounts after the status was changed, the link after ``render --save``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from casewriter.errors import StoreError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from casewriter.store.model import DuplicateCaseError
from tests.conftest import REPO
from tests.test_store import make_case
from tests.test_store_values import dump

T0 = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)
EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"


@pytest.fixture
def store(paths: AppPaths) -> CaseStore:
    s = CaseStore.open(paths, clock=lambda: T0)
    s.save_new(make_case())
    s.save_new(make_case(subject="second", identifiers=[("order_id", "113-7746201-5580931")]))
    s.file(2, "7261849306")
    return s


WRITES: dict[str, Callable[[CaseStore], Any]] = {
    "save_new": lambda s: s.save_new(make_case(subject="new")),
    "save_new with link": lambda s: s.save_new(make_case(subject="new"), link=2),
    "update_case": lambda s: s.update_case(1, make_case(subject="edited")),
    "file": lambda s: s.file(1, "7261849305"),
    "file with link": lambda s: s.file(1, "7261849305", link=[2]),
    "set_status with amounts": lambda s: s.set_status(
        1, "resolved", note="paid", received=Decimal("5"), currency="USD"
    ),
    "add_event": lambda s: s.add_event(1, "amazon-replied", "send the POD"),
    "set_follow_up": lambda s: s.set_follow_up(1, datetime(2026, 5, 1, tzinfo=UTC)),
    "set_amounts": lambda s: s.set_amounts(1, expected=Decimal("9.99")),
    "link": lambda s: s.link(1, 2),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_a_failure_reading_the_result_back_rolls_the_write_back(
    store: CaseStore, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(store.path)

    def damaged(self: CaseStore, case_id: object) -> object:
        raise StoreError(f"the case log {self.path} is corrupt (database disk image is malformed)")

    monkeypatch.setattr(CaseStore, "get", damaged)
    with pytest.raises(StoreError):
        WRITES[name](store)
    monkeypatch.undo()
    assert dump(store.path) == before
    WRITES[name](store)  # the same write works once the log reads again: nothing left half-done
    assert dump(store.path) != before


class FailingCommit:
    """A connection whose COMMIT fails the way a full disk makes it fail."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> Any:
        if sql == "COMMIT":
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode = 13  # type: ignore[attr-defined]
            raise exc
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.mark.parametrize("name", list(WRITES))
def test_a_failed_commit_leaves_nothing_and_the_store_usable(store: CaseStore, name: str) -> None:
    before = dump(store.path)
    real = store._conn
    store._conn = FailingCommit(real)  # type: ignore[assignment]
    with pytest.raises(StoreError) as err:
        WRITES[name](store)
    assert "no space left" in err.value.message and "corrupt" not in err.value.message
    assert "nothing was changed" in err.value.message
    store._conn = real
    assert not real.in_transaction
    assert dump(store.path) == before
    WRITES[name](store)


def test_import_is_all_or_nothing_even_at_the_commit(store: CaseStore) -> None:
    from casewriter.store.export import export_document

    doc = export_document(store)
    target = CaseStore.open(AppPaths.under(store.path.parent / "other"), clock=lambda: T0)
    target.save_new(make_case(subject="already here"))
    before = dump(target.path)
    real = target._conn
    target._conn = FailingCommit(real)  # type: ignore[assignment]
    with pytest.raises(StoreError):
        target.import_rows(doc["cases"], renumber=True)
    target._conn = real
    assert dump(target.path) == before


def test_filing_blocked_by_the_guard_records_no_link(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    same = [("shipment_id", "FBA17XKQ9M2Z"), ("fnsku", "X003KQ7ZP1")]  # one inbound problem
    with CaseStore.open(AppPaths.under(home), clock=lambda: T0) as s:
        for subject in ("first", "second", "third"):
            s.save_new(make_case(subject=subject, identifiers=same))
        s.file(1, "7261849305")
        s.file(3, "7261849307")
    before = dump(home / "cases.db")
    # --link CW-000001 acknowledges one duplicate; CW-000003 (filed) still blocks: exit 1.
    r = cli("log", "file", "2", "--case-id", "7261849306", "--link", "CW-000001")
    assert r.code == 1 and "CW-000003" in r.err and r.err.count("\n") == 1
    assert "CW-000001" not in r.err
    assert dump(home / "cases.db") == before  # the link was not recorded either
    with CaseStore.open(AppPaths.under(home)) as s, pytest.raises(DuplicateCaseError):
        s.file(2, "7261849306", link=[1], guard=True)
    # both linked: only the stored draft's missing evidence is left, filed with --force
    r = cli("log", "file", "2", "--case-id", "7261849306", "--link", "1", "--link", "3")
    assert r.code == 1 and "CW-000003" not in r.err, r.err
    r = cli("log", "file", "2", "--case-id", "7261849306", "--link", "1", "--link", "3", "--force")
    assert r.code == 0, r.err


def test_status_with_a_bad_amount_changes_nothing(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    with CaseStore.open(AppPaths.under(home), clock=lambda: T0) as s:
        s.save_new(make_case())
    before = dump(home / "cases.db")
    r = cli("log", "status", "1", "resolved", "--note", "paid", "--received", "12,5")
    assert r.code == 2 and "with a point" in r.err
    assert dump(home / "cases.db") == before  # neither the status nor the note


def test_render_save_with_an_unknown_link_saves_nothing(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    from casewriter.commands import Context
    from casewriter.commands.log import save_rendered
    from casewriter.engine.casefile import load_case_file
    from casewriter.engine.rendering import Engine
    from casewriter.errors import NotFoundError

    ctx = Context(home=str(home))
    engine = Engine.load(ctx.paths, ctx.settings)
    draft = load_case_file(EXAMPLE, engine.catalog)
    rendered = engine.render(draft)
    assert cli("log", "list").code == 0  # creates the log
    before = dump(home / "cases.db")
    with pytest.raises(NotFoundError):
        save_rendered(ctx, draft, rendered, link="CW-000042")
    assert dump(home / "cases.db") == before


def test_scan_draft_skips_a_finding_the_log_refuses(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One claimable finding carries an amount the log refuses: that one is skipped with the
    reason, the others are drafted; no error half-way through a run that saved some."""
    from casewriter.config import Settings
    from casewriter.engine.catalog import Catalog
    from casewriter.reports.scan import scan
    from casewriter.services import drafting
    from tests.conftest import SAMPLES

    settings = Settings()
    result = scan(
        sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".csv", ".tsv")),
        as_of=datetime(2026, 6, 30).date(),
        marketplace=None,
        catalog=Catalog.load(paths, settings=settings),
        default_marketplace="US",
    )
    real = drafting.new_case_from_render

    def huge_for_damaged(*args: Any, **kwargs: Any) -> Any:
        new = real(*args, **kwargs)
        if new.case_type == "warehouse-damaged":
            new.expected_amount = Decimal("1e308")
        return new

    monkeypatch.setattr(drafting, "new_case_from_render", huge_for_damaged)
    report = drafting.save_drafts(result.findings, paths, settings, result.as_of)
    assert len(report.drafted) == 2
    assert [reason for _f, reason in report.skipped] == [
        "expected amount is too large: 1E+308 (it must be below 1,000,000,000,000)"
    ]
    with CaseStore.open(paths) as s:
        assert {c.case_type for c in s.list()} == {
            "inbound-missing-units",
            "customer-return-not-received",
        }
