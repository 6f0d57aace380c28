"""Seller-fulfilled returns (``GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE``), SAFE-T columns
included: one ``SellerReturn`` per return request of an order you shipped yourself.

These orders are never FBA claims (the scan rules leave seller-fulfilled orders alone); the
records carry what a SAFE-T claim needs: the return's dates, carrier and tracking, the label
cost and who paid it, the order and refunded amounts, and the SAFE-T claim id, state and
reimbursement when one was filed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from casewriter.reports.fields import Fields, typed_rows
from casewriter.reports.readers import Progress, Warnings
from casewriter.reports.row_words import missing
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Money


class SellerReturn(NamedTuple):
    line: int
    order_id: str
    ordered: date | None
    requested: date | None
    status: str  # return request status, normalized (AUTHORIZED, CLOSED, ...)
    amazon_rma_id: str
    merchant_rma_id: str
    label_type: str
    label_cost: Money | None
    currency: str
    carrier: str
    tracking: str
    label_paid_by: str
    a_to_z_claim: bool | None
    is_prime: bool | None
    asin: str
    sku: str
    quantity: int | None
    reason: str
    in_policy: bool | None
    return_type: str
    resolution: str
    invoice_number: str
    delivered: date | None  # return delivery date: the item is back with the seller
    order_amount: Money | None
    order_quantity: int | None
    safet_action_reason: str
    safet_claim_id: str
    safet_claim_state: str
    safet_claim_created: date | None
    safet_reimbursement: Money | None
    refunded: Money | None


def _build(f: Fields, r: list[str], line: int) -> SellerReturn | str:
    cur = f.upper(r, "Currency code")
    f.numbers.hint(cur)
    order = f.text(r, "Order ID")
    if not order:
        return missing("Order ID")
    return SellerReturn(
        line, order, f.day(r, "Order date"), f.day(r, "Return request date"),
        f.code(r, "Return request status"), f.text(r, "Amazon RMA ID"),
        f.text(r, "Merchant RMA ID"), f.text(r, "Label type"), f.money(r, cur, "Label cost"),
        cur, f.text(r, "Return carrier"), f.text(r, "Tracking ID"),
        f.text(r, "Label to be paid by"), f.flag(r, "A-to-Z Claim"), f.flag(r, "Is prime"),
        f.upper(r, "ASIN"), f.text(r, "Merchant SKU"), f.count(r, "Return quantity"),
        f.text(r, "Return Reason"), f.flag(r, "In policy"), f.text(r, "Return type"),
        f.text(r, "Resolution"), f.text(r, "Invoice number"), f.day(r, "Return delivery date"),
        f.money(r, cur, "Order Amount"), f.count(r, "Order quantity"),
        f.text(r, "SafeT Action reason"), f.text(r, "SafeT claim id"),
        f.text(r, "SafeT claim state"), f.day(r, "SafeT claim creation time"),
        f.money(r, cur, "SafeT claim reimbursement amount"), f.money(r, cur, "Refunded Amount"),
    )  # fmt: skip


def read_seller_returns(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[SellerReturn]:
    return typed_rows(info, warnings, progress, _build)
