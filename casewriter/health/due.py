"""When the reviews are due: the ``[due]`` table of ``targets.toml``, read without pydantic so
``log due`` stays light (``targets.py`` checks the same table with the rest of the file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TARGETS_FILE = Path(__file__).with_name("targets.toml")


@lru_cache(maxsize=1)
def due_days() -> tuple[int, int]:
    """(account, inventory): days after which the weekly account review and the monthly
    inventory health are due, for ``CaseStore.due(review_days=...)``."""
    import tomllib

    due = tomllib.loads(TARGETS_FILE.read_text(encoding="utf-8"))["due"]
    account, inventory = int(due["account_days"]), int(due["inventory_days"])
    return account, inventory
