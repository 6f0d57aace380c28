"""Recognise a downloaded Seller Central report: encoding, delimiter, header → report type.

Owns ``sniff(path) -> ReportInfo``. The type comes from the header row only (never the file
name), after stripping a BOM, quotes and whitespace and comparing names case-insensitively with
punctuation ignored (``Reference ID`` = ``reference-id`` = ``ReferenceId``). Encoding: strict
UTF-8 (BOM or not) when the whole file decodes, else cp1252; the one that worked is recorded.
"""

from __future__ import annotations

import codecs
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from casewriter.errors import ReportError

#: The report types of the ``scan --json`` contract.
REPORT_TYPES = (
    "ledger-detail",
    "reimbursements",
    "customer-returns",
    "all-orders",
    "settlement-v2",
    "removal-order-detail",
    "removal-shipment-detail",
    "inbound-shipment-items",
    "legacy-adjustments",
    "legacy-receipts",
)

_CHUNK = 1 << 20

#: Header synonyms (after ``canon``) → the canonical column key the readers use.
SYNONYMS: dict[str, str] = {
    # inbound shipment items (SP-API flattened, or a seller's own CSV)
    "shipmentid": "shipmentid", "shipment": "shipmentid", "fbashipmentid": "shipmentid",
    "shipmentnumber": "shipmentid", "inboundshipmentid": "shipmentid",
    "sellersku": "sku", "msku": "sku", "merchantsku": "sku", "sku": "sku",
    "fulfillmentnetworksku": "fnsku", "fnsku": "fnsku",
    "quantityshipped": "shipped", "shipped": "shipped", "unitsshipped": "shipped",
    "qtyshipped": "shipped", "shippedquantity": "shipped", "shippedqty": "shipped",
    "shippedunits": "shipped", "expected": "shipped", "unitsexpected": "shipped",
    "quantityreceived": "received", "received": "received", "unitsreceived": "received",
    "qtyreceived": "received", "receivedquantity": "received", "receivedqty": "received",
    "receivedunits": "received",
    "shipmentstatus": "status", "status": "status",
    "delivereddate": "delivereddate", "deliverydate": "delivereddate", "delivered": "delivereddate",
    "closeddate": "closeddate", "shipdate": "shipdate", "shippeddate": "shipdate",
}  # fmt: skip

#: (type, variant, required canonical columns, any-of alternatives). First match wins.
SIGNATURES: tuple[tuple[str, str, frozenset[str], tuple[frozenset[str], ...]], ...] = (
    ("ledger-detail", "", frozenset({"date", "fnsku", "eventtype", "referenceid", "quantity", "reason"}), ()),
    ("ledger-summary", "", frozenset({"date", "fnsku", "startingwarehousebalance", "endingwarehousebalance"}), ()),
    ("reimbursements", "", frozenset({"approvaldate", "reimbursementid", "reason", "fnsku", "quantityreimbursedtotal"}), ()),
    ("customer-returns", "", frozenset({"returndate", "orderid", "sku", "detaileddisposition"}), ()),
    ("settlement-v2", "", frozenset({"settlementid", "transactiontype", "orderid", "amounttype", "amount"}), ()),
    ("all-orders", "", frozenset({"amazonorderid", "purchasedate", "fulfillmentchannel", "sku", "itemprice"}), ()),
    ("removal-shipment-detail", "", frozenset({"requestdate", "orderid", "shipmentdate", "trackingnumber"}), ()),
    ("removal-order-detail", "", frozenset({"requestdate", "orderid", "ordertype", "requestedquantity"}),
     (frozenset({"ordersource"}), frozenset({"servicespeed"}), frozenset())),
    ("legacy-adjustments", "", frozenset({"adjusteddate", "transactionitemid", "fnsku", "quantity", "reason"}), ()),
    ("legacy-receipts", "", frozenset({"receiveddate", "fnsku", "quantity", "fbashipmentid"}), ()),
    ("legacy-receipts", "inventory-event-detail",
     frozenset({"snapshotdate", "transactiontype", "fnsku", "quantity"}), ()),
)  # fmt: skip

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def canon(name: str) -> str:
    """A header name as compared: lower case, letters and digits only."""
    return _NON_ALNUM.sub("", name.replace("\ufeff", "").strip().strip('"').lower())


@dataclass(frozen=True)
class ReportInfo:
    """What ``sniff`` learned about one file."""

    path: Path
    type: str
    encoding: str  # "utf-8-sig" (BOM or plain UTF-8) or "cp1252"
    delimiter: str  # "\t" or ","
    quoted: bool  # header fields wrapped in quotes (every-field-quoted CSV)
    header: tuple[str, ...]  # the header names as written (BOM, quotes, spaces stripped)
    columns: dict[str, int] = field(default_factory=dict)  # canonical key → index
    variant: str = ""  # e.g. "with-url", "service-speed", "inventory-event-detail"
    size: int = 0
    bom: bool = False

    @property
    def used(self) -> bool:
        """False for a recognised report the rules do not read (ledger summary)."""
        return self.type in REPORT_TYPES


def detect_encoding(path: Path) -> tuple[str, bool]:
    """("utf-8-sig", has_bom) when the whole file is strict UTF-8, else ("cp1252", False)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with path.open("rb") as fh:
        first = fh.read(_CHUNK)
        bom = first.startswith(codecs.BOM_UTF8)
        chunk = first
        try:
            while chunk:
                if not chunk.isascii():
                    decoder.decode(chunk)
                chunk = fh.read(_CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252", False
    return "utf-8-sig", bom


def _first_line(path: Path, encoding: str) -> str:
    with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
        line = fh.readline(1 << 16)
    return line.rstrip("\r\n")


def _split_header(line: str) -> tuple[str, bool, list[str]]:
    delimiter = "\t" if "\t" in line else ","
    quoted = line.lstrip("\ufeff").lstrip().startswith('"')
    if delimiter == "," or quoted:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    else:
        cells = line.split("\t")
    names = [c.replace("\ufeff", "").strip().strip('"').strip() for c in cells]
    return delimiter, quoted, names


def classify(names: list[str]) -> tuple[str, str, dict[str, int]] | None:
    """(type, variant, canonical column → index) for a header, or None if not a known report."""
    keys = [canon(n) for n in names]
    present = set(keys)
    for rtype, variant, required, alternatives in SIGNATURES:
        if not required <= present:
            continue
        if alternatives and not any(alt <= present for alt in alternatives):
            continue
        columns: dict[str, int] = {}
        for i, key in enumerate(keys):
            columns.setdefault(key, i)
        if rtype == "all-orders":
            variant = "with-url" if "url" in present else "without-url"
        elif rtype == "removal-order-detail":
            variant = "service-speed" if "servicespeed" in present else "order-source"
        return rtype, variant, columns
    columns = {}
    for i, key in enumerate(keys):
        columns.setdefault(SYNONYMS.get(key, key), i)
    if {"shipmentid", "shipped", "received"} <= columns.keys() and (
        "sku" in columns or "fnsku" in columns
    ):
        variant = "sp-api" if "quantityshipped" in present else "user-csv"
        return "inbound-shipment-items", variant, columns
    return None


def sniff(path: Path) -> ReportInfo:
    """Recognise ``path``; ReportError (naming the file) when it is not a known report."""
    from casewriter.files import check_regular_file

    # A FIFO or a device (/dev/zero) is refused: reports are streamed, but only from a file.
    size = check_regular_file(path, "report file", ReportError)
    try:
        encoding, bom = detect_encoding(path)
        line = _first_line(path, encoding)
    except OSError as exc:
        raise ReportError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not line.strip():
        raise ReportError(f"{path}: empty file, not a Seller Central report")
    delimiter, quoted, names = _split_header(line)
    found = classify(names)
    if found is None:
        shown = ", ".join(n for n in names[:4] if n)[:80]
        raise ReportError(
            f"{path}: not a known Seller Central report (header starts: {shown or 'nothing'})"
        )
    rtype, variant, columns = found
    return ReportInfo(
        path=path,
        type=rtype,
        encoding=encoding,
        delimiter=delimiter,
        quoted=quoted,
        header=tuple(names),
        columns=columns,
        variant=variant,
        size=size,
        bom=bom,
    )
