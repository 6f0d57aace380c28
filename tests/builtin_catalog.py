"""The built-in case-type catalog, loaded once per test process: the claim windows a scan
without a user's overrides gets (``reports.scan`` takes its windows only from a catalog)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from casewriter.engine import Catalog
from casewriter.paths import AppPaths


@cache
def builtin_catalog() -> Catalog:
    """The shipped case types, with no user folder and no config."""
    return Catalog.load(AppPaths.under(Path("/nonexistent-casewriter-home")))
