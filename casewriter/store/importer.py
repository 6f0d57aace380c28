"""Importing a log export (``log import``).

Every case is checked as strictly as the live commands check what they write (case type,
marketplace, urgency, currency, status, local and Seller Central case ids, identifier kinds,
dates within ``values.MIN_YEAR``–``MAX_YEAR``, amounts finite and not negative, no lone
surrogate from a ``"\\ud800"`` escape anywhere); the first bad
case refuses the whole file, named by its position and id (``case #3 (CW-000003): …``). Rows
are checked and inserted one by one inside one transaction, so nothing is imported unless all
are, and with ``jsonstream.iter_cases`` memory does not grow with the file.

Import never overwrites: a case whose id already exists is skipped, or with ``renumber`` gets
the next free id (links inside the import follow it); the report says which. Two cases with one
id in the same file refuse the file, naming both (with or without ``renumber``): links inside
the file could not tell which one they mean, and an export never holds an id twice. Large imports
insert plainly and rebuild the full-text indexes once at the end (about 3× faster, stack.md).

Size: ~305 lines, half of them ``_Row``'s field-by-field checks, which could move to their own
module and leave the transaction, the insert and the renumbering here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from casewriter.errors import UsageError
from casewriter.safetext import surrogate_fields, surrogate_problem
from casewriter.store import values
from casewriter.store.base import StoreBase
from casewriter.store.cjk import cjk_rebuild
from casewriter.store.jsonstream import FORMAT
from casewriter.store.migrations import SEARCH_EXTRA_SQL
from casewriter.store.model import EVENT_KINDS, STATUSES, format_id, parse_id
from casewriter.store.rows import check_sc_case_id, fts_sync, normalize_identifiers

BULK_THRESHOLD = 200


def rows_from_document(data: Any, source: str) -> list[Mapping[str, Any]]:
    """The case list of an export already in memory (also accepts a bare list of cases)."""
    if isinstance(data, dict) and data.get("format") == FORMAT:
        cases = data.get("cases")
    elif isinstance(data, list):
        cases = data
    else:
        raise UsageError(f"{source}: not a casewriter log export (expected format '{FORMAT}')")
    if not isinstance(cases, list) or not all(isinstance(c, dict) for c in cases):
        raise UsageError(f"{source}: 'cases' must be a list of objects")
    return cases


class _Row:
    """Checks one exported case; every error names the case (``case #3 (CW-000003)``)."""

    def __init__(self, row: Mapping[str, Any], n: int, case_types: Collection[str] | None):
        self.row = row
        self.where = f"case #{n}"
        raw_id = row.get("id")
        if isinstance(raw_id, str) and raw_id.strip():
            self.where += f" ({raw_id.strip()[:40]})"
        self.case_types = case_types

    def fail(self, message: str) -> UsageError:
        return UsageError(f"{self.where}: {message}")

    def text(
        self, key: str, *, required: bool = False, row: Mapping[str, Any] | None = None
    ) -> str:
        value = (self.row if row is None else row).get(key)
        if value is None:
            if required:
                raise self.fail(f"missing '{key}'")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"'{key}' must be text, got {_short(value)}")
        return value

    def ts(
        self, key: str, *, required: bool = False, row: Mapping[str, Any] | None = None
    ) -> str | None:
        text = self.text(key, required=required, row=row)
        if not text:
            return None
        try:
            return values.ts_text(values.parse_ts(text))
        except (ValueError, UsageError):
            raise self.fail(
                f"'{key}' is not a time like 2026-05-01T09:00:00Z within "
                f"{values.MIN_YEAR}–{values.MAX_YEAR}: {_short(text)}"
            ) from None

    def checked(self, fn: Any, value: Any) -> Any:
        try:
            return fn(value)
        except UsageError as exc:
            raise self.fail(exc.message) from None

    def money(self, key: str) -> tuple[str | None, str]:
        value = self.row.get(key)
        if value is None:
            return None, ""
        if not isinstance(value, dict) or "amount" not in value:
            raise self.fail(f'\'{key}\' must be {{"amount": "24.99", "currency": "USD"}}')
        raw = value["amount"]
        if isinstance(raw, float):
            raw = repr(raw)
        amount = self.checked(lambda v: values.parse_amount(v, f"{key} amount"), raw)
        currency = self.checked(values.check_currency, value.get("currency") or "")
        return (None if amount is None else values.amount_text(amount)), currency

    def validated(self) -> dict[str, Any]:
        row = self.row
        bad_text = surrogate_fields(row)
        if bad_text:  # an export never holds one; SQLite cannot store it
            raise self.fail(surrogate_problem(bad_text))
        num = self.checked(parse_id, _id_text(row.get("id", "")))
        status = self.text("status", required=True)
        if status not in STATUSES:
            raise self.fail(f"unknown status {_short(status)} (one of: {', '.join(STATUSES)})")
        case_type = self.text("case_type", required=True).strip()
        if not case_type:
            raise self.fail("missing 'case_type'")
        if self.case_types is not None and case_type not in self.case_types:
            raise self.fail(
                f"unknown case type {_short(case_type)} ('casewriter types' lists them; a case "
                "type of your own must be in your templates folder first)"
            )
        marketplace = self.checked(values.check_marketplace, self.text("marketplace"))
        urgency = self.checked(values.check_urgency, self.text("urgency") or "routine")
        sc = self.text("sc_case_id") or None
        if sc is not None:
            sc = self.checked(lambda v: check_sc_case_id(v)[0], sc)
        closes = self.text("deadline_closes") or None
        if closes is not None:
            try:
                closes = values.parse_date(closes).isoformat()
            except ValueError:
                raise self.fail(
                    f"'deadline_closes' is not a date like 2026-05-01 within "
                    f"{values.MIN_YEAR}–{values.MAX_YEAR}: {_short(closes)}"
                ) from None
        expected, cur1 = self.money("expected")
        received, cur2 = self.money("received")
        currency = self.checked(values.check_currency, self.text("currency") or cur1 or cur2)
        for other in (cur1, cur2):
            if other and other != currency:
                raise self.fail(f"amounts in {other} but the case currency is {currency}")
        events = row.get("events") or []
        idents = row.get("identifiers") or []
        links = row.get("links") or []
        if not all(isinstance(x, list) for x in (events, idents, links)):
            raise self.fail("'events', 'identifiers' and 'links' must be lists")
        draft = row.get("draft") or {}
        if not isinstance(draft, dict):
            raise self.fail("'draft' must be an object")
        try:
            draft_json = json.dumps(draft, ensure_ascii=False, sort_keys=True)
        except (ValueError, RecursionError):
            raise self.fail("'draft' cannot be stored (nested too deeply)") from None
        return {
            "num": num,
            "values": (
                self.text("profile"),
                marketplace,
                case_type,
                status,
                sc,
                self.text("subject"),
                self.text("body"),
                draft_json,
                urgency,
                self.ts("follow_up"),
                closes,
                expected,
                received,
                currency,
                self.ts("created_at", required=True),
                self.ts("updated_at", required=True),
                self.ts("filed_at"),
                self.ts("resolved_at"),
            ),
            "identifiers": [self.identifier(i) for i in idents],
            "events": [self.event(n, e) for n, e in enumerate(events, start=1)],
            "links": [self.checked(parse_id, _id_text(x)) for x in links],
            "invalid": bool(row.get("invalid")),
        }

    def identifier(self, item: Any) -> tuple[str, str]:
        from casewriter.identifiers import KINDS

        if not isinstance(item, dict):
            raise self.fail(f'bad identifier {_short(item)} (expected {{"kind", "value"}})')
        kind = self.text("kind", required=True, row=item)
        value = self.text("value", required=True, row=item)
        if kind not in KINDS:
            raise self.fail(f"unknown identifier kind {_short(kind)}")
        if not value.strip():
            raise self.fail(f"empty {kind} identifier")
        return kind, value

    def event(self, n: int, item: Any) -> tuple[str, str, str]:
        if not isinstance(item, dict) or item.get("kind") not in EVENT_KINDS:
            raise self.fail(f"event #{n}: unknown event {_short(item)}")
        at = self.ts("at", required=True, row=item) or ""
        return str(item["kind"]), at, self.text("text", row=item)


def _id_text(value: Any) -> str:
    return (
        str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else repr(value)
    )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def import_rows(
    store: StoreBase,
    rows: Iterable[Mapping[str, Any]],
    *,
    renumber: bool = False,
    case_types: Collection[str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Check and insert every case in one transaction (all or nothing); returns a report.
    ``case_types``: the known case type ids (the catalog); None accepts any non-empty id.
    ``extra``: the export's health records and review runs (``jsonstream.iter_cases`` fills it
    while ``rows`` is read), imported after the cases in the same transaction."""
    mapping: dict[int, int] = {}
    skipped: list[str] = []
    renumbered: dict[str, str] = {}
    with_links: list[tuple[int, list[int], str]] = []
    had_invalid: list[str] = []
    first_row: dict[int, int] = {}
    with store._tx() as conn:
        for n, row in enumerate(rows, start=1):
            item = _Row(row, n, case_types).validated()
            num = item["num"]
            if num in first_row:
                raise UsageError(
                    f"cases #{first_row[num]} and #{n} both have the id {format_id(num)}: an "
                    "import file holds each case once (links to it could not tell them apart); "
                    "give one of them another id"
                )
            first_row[num] = n
            exists = conn.execute("SELECT 1 FROM cases WHERE id = ?", (num,)).fetchone()
            if exists and not renumber:
                skipped.append(format_id(num))
                continue
            new_num = _insert(conn, None if exists else num, item)
            mapping[num] = new_num
            if new_num != num:
                renumbered[format_id(num)] = format_id(new_num)
            if item["links"]:
                with_links.append((num, item["links"], item["values"][14]))
            if item["invalid"]:
                had_invalid.append(format_id(new_num))
        dropped_links = 0
        for num, links, created in with_links:
            for other in links:
                target = mapping.get(other)
                if target is None:
                    dropped_links += 1
                    continue
                a, b = sorted((mapping[num], target))
                if a != b:
                    conn.execute(
                        "INSERT OR IGNORE INTO links(a, b, created_at) VALUES (?, ?, ?)",
                        (a, b, created),
                    )
        if len(mapping) >= BULK_THRESHOLD:
            _rebuild_search(conn)
        else:
            for new_num in mapping.values():
                fts_sync(conn, new_num, None)
        health: dict[str, int] = {}
        if extra:
            from casewriter.store.health_io import import_health

            health = import_health(conn, extra, values.ts_text(store._now(None)))
    return {
        **health,
        "imported": len(mapping),
        "skipped": skipped,
        "renumbered": renumbered,
        "links_dropped": dropped_links,
        "invalid_values_left_out": had_invalid,
    }


def _insert(conn: sqlite3.Connection, num: int | None, item: dict[str, Any]) -> int:
    cur = conn.execute(
        "INSERT INTO cases(id, profile, marketplace, case_type, status, sc_case_id, subject, body, "
        "draft_json, urgency, follow_up_at, deadline_closes, expected_amount, received_amount, "
        "currency, created_at, updated_at, filed_at, resolved_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (num, *item["values"]),
    )
    new_num = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT OR IGNORE INTO identifiers(case_id, kind, value) VALUES (?, ?, ?)",
        [(new_num, k, v) for k, v in normalize_identifiers(item["identifiers"])],
    )
    conn.executemany(
        "INSERT INTO events(case_id, kind, at, text) VALUES (?, ?, ?, ?)",
        [(new_num, k, at, t) for k, at, t in item["events"]],
    )
    return new_num


def _rebuild_search(conn: sqlite3.Connection) -> None:
    """Recompute every ``search_extra`` in one statement and rebuild both FTS indexes."""
    conn.execute(f"UPDATE cases SET search_extra = {SEARCH_EXTRA_SQL}")
    conn.execute("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')")
    cjk_rebuild(conn)
