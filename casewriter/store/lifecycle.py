"""What happens to a case after it is saved: filing, replies, status changes, notes, follow-ups,
amounts and links. Every change is one short ``BEGIN IMMEDIATE`` transaction that also appends
to the case's event history.

Follow-up rules: filing sets the follow-up to filed time + ``follow_up_hours`` (48 by
default); an Amazon reply sets status ``needs-reply`` and the follow-up to reply time + hours
(answer before then); our reply sets ``awaiting-amazon`` and reply time + hours again. Closing a
case (resolved, denied, closed) clears its follow-up; reopening is the event ``reopened``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from casewriter.errors import UsageError
from casewriter.store.base import StoreBase
from casewriter.store.model import (
    CLOSED_STATUSES,
    LoggedCase,
    check_status,
    format_id,
    ts_text,
)
from casewriter.store.rows import check_sc_case_id, fts_snapshot, fts_sync

REPLY_KINDS = ("note", "amazon-replied", "we-replied")


class LifecycleMixin(StoreBase):
    """Filing, statuses, events, follow-ups, amounts and links (mixed into ``CaseStore``)."""

    def file(
        self,
        case_id: str | int,
        sc_case_id: str,
        now: datetime | None = None,
        *,
        follow_up_hours: int | None = None,
    ) -> LoggedCase:
        """Record that the case was filed in Seller Central under ``sc_case_id``."""
        num = self._num(case_id)
        normalized, _warning = check_sc_case_id(sc_case_id)
        at = self._now(now)
        hours = follow_up_hours or self.follow_up_hours
        with self._tx() as conn:
            status, old_sc, _fu, filed_at = self._require(conn, num)
            old = fts_snapshot(conn, num)
            if old_sc and old_sc != normalized:
                conn.execute(
                    "DELETE FROM identifiers WHERE case_id = ? AND kind = 'case_id' AND value = ?",
                    (num, old_sc),
                )
            conn.execute(
                "INSERT OR IGNORE INTO identifiers(case_id, kind, value) VALUES (?, 'case_id', ?)",
                (num, normalized),
            )
            conn.execute(
                "UPDATE cases SET status = 'filed', sc_case_id = ?, filed_at = ?, follow_up_at = ?, "
                "resolved_at = NULL, updated_at = ? WHERE id = ?",
                (
                    normalized,
                    ts_text(at) if filed_at is None or old_sc != normalized else filed_at,
                    ts_text(at + timedelta(hours=hours)),
                    ts_text(at),
                    num,
                ),
            )
            if status in CLOSED_STATUSES:
                self._event(conn, num, "reopened", ts_text(at) or "", f"{status} → filed")
            self._event(conn, num, "filed", ts_text(at) or "", normalized)
            fts_sync(conn, num, old)
        case = self.get(num)
        case.duplicates = self.duplicates(case.identifiers, exclude=case.id)
        return case

    def set_status(
        self, case_id: str | int, status: str, note: str | None = None, now: datetime | None = None
    ) -> LoggedCase:
        """Change the status (``reopened`` when a closed case becomes open again)."""
        num = self._num(case_id)
        new = check_status(status)
        at = ts_text(self._now(now)) or ""
        with self._tx() as conn:
            current, _sc, _fu, filed_at = self._require(conn, num)
            old = fts_snapshot(conn, num)
            if new != current:
                kind = (
                    "reopened"
                    if current in CLOSED_STATUSES and new not in CLOSED_STATUSES
                    else "status-changed"
                )
                self._event(conn, num, kind, at, f"{current} → {new}")
                if new in CLOSED_STATUSES:
                    conn.execute(
                        "UPDATE cases SET status = ?, follow_up_at = NULL, resolved_at = ? WHERE id = ?",
                        (new, at, num),
                    )
                else:
                    conn.execute(
                        "UPDATE cases SET status = ?, resolved_at = NULL, filed_at = ? WHERE id = ?",
                        (new, at if new != "draft" and filed_at is None else filed_at, num),
                    )
            if note:
                self._event(conn, num, "note", at, note)
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (at, num))
            fts_sync(conn, num, old)
        return self.get(num)

    def add_event(
        self, case_id: str | int, kind: str, text: str = "", now: datetime | None = None
    ) -> LoggedCase:
        """A note, or a reply (``amazon-replied`` / ``we-replied``) that moves the follow-up."""
        if kind not in REPLY_KINDS:
            raise UsageError(f"unknown event {kind!r} (one of: {', '.join(REPLY_KINDS)})")
        num = self._num(case_id)
        when = self._now(now)
        at = ts_text(when) or ""
        due = ts_text(when + timedelta(hours=self.follow_up_hours))
        with self._tx() as conn:
            current, _sc, _fu, _filed = self._require(conn, num)
            old = fts_snapshot(conn, num)
            self._event(conn, num, kind, at, text)
            if kind != "note" and current not in CLOSED_STATUSES:
                new = "needs-reply" if kind == "amazon-replied" else "awaiting-amazon"
                if new != current:
                    self._event(conn, num, "status-changed", at, f"{current} → {new}")
                conn.execute(
                    "UPDATE cases SET status = ?, follow_up_at = ? WHERE id = ?", (new, due, num)
                )
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (at, num))
            fts_sync(conn, num, old)
        return self.get(num)

    def set_follow_up(
        self, case_id: str | int, when: datetime | None, now: datetime | None = None
    ) -> LoggedCase:
        """Set (or clear, with ``None``) the follow-up time."""
        num = self._num(case_id)
        at = ts_text(self._now(now)) or ""
        with self._tx() as conn:
            self._require(conn, num)
            value = ts_text(when)
            conn.execute(
                "UPDATE cases SET follow_up_at = ?, updated_at = ? WHERE id = ?", (value, at, num)
            )
            self._event(conn, num, "follow-up-changed", at, value or "none")
        return self.get(num)

    def set_amounts(
        self,
        case_id: str | int,
        *,
        expected: Decimal | None = None,
        received: Decimal | None = None,
        currency: str | None = None,
        now: datetime | None = None,
    ) -> LoggedCase:
        """Record the reimbursement expected and/or received (``None`` leaves a value as is)."""
        num = self._num(case_id)
        at = ts_text(self._now(now)) or ""
        parts = []
        with self._tx() as conn:
            self._require(conn, num)
            if expected is not None:
                conn.execute(
                    "UPDATE cases SET expected_amount = ? WHERE id = ?", (str(expected), num)
                )
                parts.append(f"expected {expected}")
            if received is not None:
                conn.execute(
                    "UPDATE cases SET received_amount = ? WHERE id = ?", (str(received), num)
                )
                parts.append(f"received {received}")
            if currency:
                conn.execute("UPDATE cases SET currency = ? WHERE id = ?", (currency.upper(), num))
                parts.append(currency.upper())
            if parts:
                conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (at, num))
                self._event(conn, num, "amounts-changed", at, " ".join(parts))
        return self.get(num)

    def link(self, case_id: str | int, other_id: str | int, now: datetime | None = None) -> None:
        """Record that two cases belong together (acknowledges a duplicate-guard warning)."""
        a, b = sorted((self._num(case_id), self._num(other_id)))
        if a == b:
            raise UsageError(f"cannot link {format_id(a)} to itself")
        at = ts_text(self._now(now)) or ""
        with self._tx() as conn:
            self._require(conn, a)
            self._require(conn, b)
            cur = conn.execute(
                "INSERT OR IGNORE INTO links(a, b, created_at) VALUES (?, ?, ?)", (a, b, at)
            )
            if cur.rowcount:
                self._event(conn, a, "linked", at, format_id(b))
                self._event(conn, b, "linked", at, format_id(a))
                conn.execute("UPDATE cases SET updated_at = ? WHERE id IN (?, ?)", (at, a, b))
