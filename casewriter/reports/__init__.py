"""Seller Central report readers and the discrepancy scanner (``casewriter scan``).

``sniff`` recognises a report from its header, ``read_rows`` streams its rows, ``scan`` applies
the rules and returns a ``ScanResult``; ``drafts.draft_from_finding`` turns a finding into a
case draft. Importing this package loads no heavy library.
"""

from __future__ import annotations

from casewriter.reports.findings import Finding, ReportSummary, ScanResult, Window
from casewriter.reports.readers import Warnings, read_rows
from casewriter.reports.scan import scan
from casewriter.reports.sniff import REPORT_TYPES, ReportInfo, sniff

__all__ = [
    "REPORT_TYPES",
    "Finding",
    "ReportInfo",
    "ReportSummary",
    "ScanResult",
    "Warnings",
    "Window",
    "read_rows",
    "scan",
    "sniff",
]
