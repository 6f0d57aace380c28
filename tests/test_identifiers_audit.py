"""Independent accuracy audit of ``casewriter check --kind K --json`` (≥ 400 cases).

The table (``tests/identifiers_audit_*.py``) holds real published numbers (TND test numbers,
SP-API model examples, Seller Central help, carrier documents), near misses and messy-but-valid
pastes, each with the status decided from ``design/identifiers.md`` (not from the code). Every
row runs through the library API and, per kind in one batch, through the real CLI. Also:
``tracking`` without a carrier names each carrier, ``extract`` finds each valid value in
Chinese and English text, and the policy rows (placeholders, suggestions) are pinned.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from casewriter.identifiers import check, extract, normalize
from tests.conftest import run_cli
from tests.identifiers_audit_amazon import AMAZON_ROWS, Row
from tests.identifiers_audit_parcel import PARCEL_ROWS
from tests.identifiers_audit_postal import POSTAL_ROWS

ROWS: list[Row] = AMAZON_ROWS + PARCEL_ROWS + POSTAL_ROWS
CARRIER_KINDS = ("ups", "usps", "fedex", "dhl", "s10", "amazon_logistics", "yunexpress")


def _problems(row: Row, got: dict[str, str | None]) -> list[str]:
    kind, text, status, normalized, carrier = row
    problems = []
    if got["kind"] != kind:
        problems.append(f"kind {got['kind']!r}")
    if got["status"] != status:
        problems.append(f"status {got['status']!r} (reason: {got['reason']})")
    if normalized is not None and got["normalized"] != normalized:
        problems.append(f"normalized {got['normalized']!r} != {normalized!r}")
    if carrier is not None and got["carrier"] != carrier:
        problems.append(f"carrier {got['carrier']!r} != {carrier!r}")
    return problems


def test_the_table_is_big_and_covers_every_kind() -> None:
    assert len(ROWS) >= 400
    kinds = {row[0] for row in ROWS}
    assert kinds >= {"order_id", "asin", "isbn10", "fnsku", "shipment_id", "tracking", "sku"}
    assert kinds >= set(CARRIER_KINDS) | {"gtin", "case_id", "reimbursement_id", "lpn"}
    assert kinds >= {"reference_id", "removal_order_id"}
    assert {row[2] for row in ROWS} == {"valid", "invalid", "unverified"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}:{r[1]!r}" for r in ROWS])
def test_check_agrees_with_the_audit_table(row: Row) -> None:
    got = check(row[1], row[0]).to_json()
    assert _problems(row, got) == []


def test_the_cli_agrees_with_the_audit_table_per_kind() -> None:
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for row in ROWS:
        by_kind[row[0]].append(row)
    disagreements = []
    for kind, rows in by_kind.items():
        result = run_cli("check", "--kind", kind, "--json", "--", *[r[1] for r in rows])
        assert result.err == "", result.err
        assert "Traceback" not in result.out
        data = json.loads(result.out)
        assert len(data) == len(rows)
        assert result.code == (0 if all(r[2] != "invalid" for r in rows) else 2)
        for row, got in zip(rows, data, strict=True):
            assert got["input"] == row[1]
            problems = _problems(row, got)
            if problems:
                disagreements.append((kind, row[1], problems))
    assert disagreements == []


CARRIER_VALID = [r for r in ROWS if r[0] in CARRIER_KINDS and r[2] == "valid"]


@pytest.mark.parametrize("row", CARRIER_VALID, ids=[f"{r[0]}:{r[1]!r}" for r in CARRIER_VALID])
def test_tracking_without_a_carrier_detects_it(row: Row) -> None:
    kind, text, _status, normalized, _carrier = row
    stated = check(text, kind)
    detected = check(text, "tracking")
    assert detected.status == "valid", detected.reason
    assert detected.normalized == stated.normalized
    if kind == "usps" and text.replace(" ", "").startswith("RB"):
        assert detected.carrier == "USPS"  # S10 ending in US: the postal operator is USPS
    elif kind == "fedex" and stated.normalized == "9261292700768711948021":
        assert detected.carrier == "FedEx"  # TND lists this SmartPost number under FedEx
    else:
        assert detected.carrier == stated.carrier


_CONTEXT = {
    "isbn10": ("ISBN", "ISBN"),
    "fedex": ("FedEx tracking", "联邦快递运单号"),
    "dhl": ("DHL waybill", "DHL 运单号"),
    "gtin": ("UPC", "条形码"),
    "usps": ("USPS tracking", "USPS 跟踪号"),
    "ups": ("UPS tracking", "UPS 运单号"),
}
EXTRACTABLE = sorted(
    {
        (r[0], check(r[1], r[0]).normalized or "")
        for r in ROWS
        if r[2] == "valid"
        and r[0] not in ("sku", "removal_order_id", "tracking", "asin")
        and r[0] not in ("case_id", "reimbursement_id", "reference_id")
    }
)


@pytest.mark.parametrize(("kind", "value"), EXTRACTABLE, ids=[f"{k}:{v}" for k, v in EXTRACTABLE])
def test_extract_finds_each_valid_value_in_chinese_and_english_text(kind: str, value: str) -> None:
    english, chinese = _CONTEXT.get(kind, ("tracking", "物流单号"))
    if kind in ("order_id", "fnsku", "shipment_id", "lpn"):
        english, chinese = "ID", "编号"
    texts = [
        f"您好，我的{chinese}：{value}，显示已签收，但库存没有增加。",
        f"Hello, about {english} {value}, the carrier shows it delivered on 3/12.",
        f"请核查{chinese}【{value}】。谢谢！",
    ]
    for text in texts:
        found = [f for f in extract(text) if f.value == value]
        assert found, (text, extract(text))
        hit = found[0]
        assert hit.status == "valid"
        assert normalize(text[hit.start : hit.end], hit.kind) == value


def test_placeholder_policy() -> None:
    # TND publishes TBA000000000000 / TBC 000000000000 as VALID: a prefix plus a placeholder
    # serial stays valid, with a warning in reason.
    for text in ("TBA000000000000", "TBC 000000000000"):
        result = check(text, "amazon_logistics")
        assert result.status == "valid" and "placeholder" in (result.reason or "")
    # Nothing but a placeholder (TND lists 000000000000 as invalid) is invalid.
    for kind, text in [
        ("fedex", "000000000000"),
        ("tracking", "000000000000"),
        ("case_id", "1234567890"),
    ]:
        result = check(text, kind)
        assert result.status == "invalid" and "placeholder" in (result.reason or "")
    assert extract("Tracking: TBA000000000000")[0].status == "valid"


@pytest.mark.parametrize(
    ("kind", "text", "in_reason", "suggestion"),
    [
        ("s10", "RB123456785UK", "GB", "did you mean RB123456785GB?"),
        ("asin", "X00000E5TX", "FNSKU", "use it as an FNSKU"),
        ("shipment_id", "sh1234abcd-1234-abcd-5678-1234abcd5678", "sh", "FBA"),
        ("shipment_id", "wf1234abcd-1234-abcd-5678-1234abcd5678", "wf", "FBA"),
        ("ups", "TBA502887274000", "Amazon Logistics", "Amazon Logistics"),
        ("order_id", "9O2-3159896-1390916", "letter O", "did you mean 902-3159896-1390916?"),
        (
            "tracking",
            "1Z12345E6605272234, 1ZWX0692YP40636269",
            "two identifiers",
            "1ZWX0692YP40636269",
        ),
        ("shipment_id", "FBA15DJ9S3J5U000001", "box label", "FBA15DJ9S3J5"),
    ],
)
def test_wrong_kind_and_typos_get_a_reason_and_a_suggestion(
    kind: str, text: str, in_reason: str, suggestion: str
) -> None:
    result = check(text, kind)
    assert result.status == "invalid"
    assert in_reason in (result.reason or "")
    assert suggestion in (result.suggestion or "")


def test_unverified_carriers_never_block() -> None:
    result = run_cli("check", "--kind", "tracking", "--json", "UG123456785YP", "LP00123456789012")
    assert result.code == 0
    assert [d["status"] for d in json.loads(result.out)] == ["unverified", "unverified"]
