"""JSON export of the whole log — lossless: ids, statuses, events with their timestamps,
amounts (as decimal strings), identifiers, links and the stored draft, and the health review's
account records and review runs (``health_records``, ``review_runs``). A stored value that
cannot be read is exported as null (or, for the creation/update time, as shown) with its raw
text under ``"invalid"``, so the export stays importable and nothing is lost. Import is in
``importer.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from casewriter.store.base import FULL_COLS, StoreBase, case_from_row
from casewriter.store.jsonstream import FORMAT, FORMAT_VERSION
from casewriter.store.model import ts_text

__all__ = ["FORMAT", "FORMAT_VERSION", "export_document", "export_rows"]

_CHUNK = 500


def export_rows(store: StoreBase) -> Iterator[dict[str, Any]]:
    """Every case's full record, oldest first, read in chunks."""
    last = 0
    while True:
        with store._read() as conn:
            rows = conn.execute(
                f"SELECT {FULL_COLS} FROM cases WHERE id > ? ORDER BY id LIMIT ?", (last, _CHUNK)
            ).fetchall()
            if not rows:
                return
            nums = [int(r[0]) for r in rows]
            marks = ",".join("?" * len(nums))
            idents: dict[int, list[tuple[str, str]]] = {}
            for n, k, v in conn.execute(
                f"SELECT case_id, kind, value FROM identifiers WHERE case_id IN ({marks}) "
                "ORDER BY case_id, kind, value",
                nums,
            ):
                idents.setdefault(n, []).append((k, v))
            links: dict[int, list[int]] = {}
            for a, b in conn.execute(
                f"SELECT a, b FROM links WHERE a IN ({marks}) OR b IN ({marks})", nums + nums
            ):
                links.setdefault(a, []).append(b)
                links.setdefault(b, []).append(a)
            events: dict[int, list[tuple[str, str, str]]] = {}
            for n, k, at, t in conn.execute(
                f"SELECT case_id, kind, at, text FROM events WHERE case_id IN ({marks}) ORDER BY id",
                nums,
            ):
                events.setdefault(n, []).append((k, at, t))
        for row, n in zip(rows, nums, strict=True):
            yield case_from_row(
                tuple(row), idents.get(n, []), sorted(set(links.get(n, []))), events.get(n, [])
            ).to_json()
        last = nums[-1]


def export_document(store: StoreBase) -> dict[str, Any]:
    """The whole log: cases, then the health review's account records and runs."""
    from casewriter.store.health_io import export_health

    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": ts_text(store.clock()),
        "cases": list(export_rows(store)),
        **export_health(store),
    }
