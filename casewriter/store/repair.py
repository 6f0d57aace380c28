"""``log repair``: make a case whose stored values cannot be read whole again.

A value that does not parse (``LoggedCase.invalid``) is cleared where it is optional (a
follow-up, a claim deadline, an amount, a filing or resolution time), reset where the case needs
one (creation time: its earliest readable event; update time: now; urgency: routine; status:
``filed`` when it has a Seller Central case id, else ``draft``; draft: empty; an unknown
marketplace or currency: none) and re-written as text where it was stored as bytes. The raw
values are kept in a ``note`` event, so nothing is lost. One transaction, like every write.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from casewriter.store.model import LoggedCase, ts_text
from casewriter.store.rows import fts_snapshot, fts_sync

if TYPE_CHECKING:
    from casewriter.store.base import StoreBase

#: Fields whose invalid value is simply removed: (column).
CLEARED = {
    "follow_up": "follow_up_at",
    "deadline_closes": "deadline_closes",
    "expected_amount": "expected_amount",
    "received_amount": "received_amount",
    "filed_at": "filed_at",
    "resolved_at": "resolved_at",
}
TEXT_COLUMNS = ("profile", "case_type", "subject", "body", "sc_case_id")
_EVENT = re.compile(r"^events\[(\d+)\]\.(at|kind|text)$")


def repair(
    store: StoreBase, case_id: str | int, now: datetime | None = None
) -> tuple[LoggedCase, list[str]]:
    """Fix every invalid value of one case; returns the case and what was changed."""
    num = store._num(case_id)
    at = ts_text(store._now(now)) or ""
    with store._tx() as conn:
        store._require(conn, num)
        case = store.get(num)
        if not case.invalid:
            return case, []
        old = fts_snapshot(conn, num)
        sets: dict[str, Any] = {}
        changes: list[str] = []
        identifiers_done = False
        event_ids = [
            int(r[0])
            for r in conn.execute("SELECT id FROM events WHERE case_id = ? ORDER BY id", (num,))
        ]
        for field, raw in case.invalid:
            shown = raw if len(raw) <= 80 else raw[:77] + "…"
            if field in CLEARED:
                sets[CLEARED[field]] = None
                changes.append(f"{field} {shown!r} cleared")
            elif field == "created_at":
                valid = [e.at for e in case.events if e.at != case.created_at] or [case.updated_at]
                sets["created_at"] = ts_text(min(valid))
                changes.append(f"created_at {shown!r} set to {sets['created_at']}")
            elif field == "updated_at":
                changes.append(f"updated_at {shown!r} reset")
            elif field == "urgency":
                sets["urgency"] = "routine"
                changes.append(f"urgency {shown!r} set to routine")
            elif field == "status":
                sets["status"] = "filed" if case.sc_case_id else "draft"
                changes.append(f"status {shown!r} set to {sets['status']}")
            elif field == "draft":
                sets["draft_json"] = "{}"
                changes.append(f"draft {shown!r} emptied")
            elif field in ("marketplace", "currency"):
                sets[field] = ""
                changes.append(f"{field} {shown!r} cleared")
            elif field in TEXT_COLUMNS:
                sets[field] = getattr(case, field)
                changes.append(f"{field} {shown!r} re-written as text")
            elif (found := _EVENT.match(field)) and int(found.group(1)) <= len(event_ids):
                index = int(found.group(1))
                event = case.events[index - 1]
                column, value = {
                    "at": ("at", ts_text(event.at)),
                    "kind": ("kind", "note"),
                    "text": ("text", event.text),
                }[found.group(2)]
                conn.execute(
                    f"UPDATE events SET {column} = ? WHERE id = ?", (value, event_ids[index - 1])
                )
                changes.append(f"{field} {shown!r} set to {value!r}")
            elif field == "identifier":
                if not identifiers_done:
                    identifiers_done = True
                    conn.execute("DELETE FROM identifiers WHERE case_id = ?", (num,))
                    conn.executemany(
                        "INSERT OR IGNORE INTO identifiers(case_id, kind, value) VALUES (?, ?, ?)",
                        [(num, k, v) for k, v in case.identifiers],
                    )
                changes.append(f"identifier {shown!r} re-written as text")
        sets["updated_at"] = at
        for column, value in sets.items():
            conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, num))
        store._event(conn, num, "note", at, "repaired unreadable values: " + "; ".join(changes))
        fts_sync(conn, num, old)
        case = store._result(num)
    return case, changes
