"""Ready means ready (issue 12 §4): ``ready`` is false, with each reason listed (a code and a
sentence, in JSON and in the text report), when required evidence or a fact is missing, when
anything provided is invalid, when the claim window is closed or not open yet, or when a case
type's readiness rule is not met; warnings stay warnings. Also the domain mechanisms of §5
(attachment types, the language warning, urgency from structured facts)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casewriter.engine.urgency import heuristics

SCENARIOS = Path(__file__).parent / "data" / "scenarios"


def scenario(tmp_path: Path, name: str, edit: dict[str, str] | None = None) -> Path:
    """A copy of a scenario case file (with its files folder), text replaced per ``edit``."""
    folder = tmp_path / "case"
    if not folder.exists():
        shutil.copytree(SCENARIOS / "files", folder / "files")
    text = (SCENARIOS / name).read_text(encoding="utf-8")
    for old, new in (edit or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def render(cli, path: Path, as_of: str = "2026-05-10") -> dict:  # type: ignore[no-untyped-def]
    res = cli("render", str(path), "--json", "--as-of", as_of)
    assert res.code == 0, res.err
    return json.loads(res.out)


def codes(data: dict) -> list[tuple[str, str | None]]:
    return [(r["code"], r["key"]) for r in data["ready_reasons"]]


def test_a_closed_or_not_yet_open_window_is_not_ready(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario(tmp_path, "s04-inbound-missing-in-expired.toml")
    data = render(cli, path, "2026-03-12")
    assert data["ready"] is False and codes(data) == [("window-closed", None)]
    assert data["ready_reasons"][0]["text"].startswith("The claim window closed on 2026-03-11 (")
    text = cli("render", str(path), "--as-of", "2026-03-12").out
    assert "Checklist: NOT ready to file:\n  The claim window closed on 2026-03-11" in text
    assert "[window-closed]" in text
    early = render(cli, scenario(tmp_path, "s03-inbound-missing-ae-too-early.toml"))
    assert codes(early) == [("window-not-open", None)]
    assert "opens on 2026-05-16" in early["ready_reasons"][0]["text"]


def test_a_deadline_that_is_not_a_claim_window_never_blocks(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(cli, scenario(tmp_path, "s26-stranded.toml"), "2026-06-15")
    assert data["ready"] is True and data["ready_reasons"] == []
    warnings = "\n".join(data["warnings"])
    assert "the period ended on 2026-05-20" in warnings
    assert "claim window closed" not in warnings and "Amazon is unlikely to accept" not in warnings
    assert "claim window" not in data["body"]
    text = cli("render", str(scenario(tmp_path, "s26-stranded.toml")), "--as-of", "2026-06-15").out
    assert "not a claim window – ended 2026-05-20" in text


def test_an_invalid_optional_attachment_blocks_until_removed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario(tmp_path, "s27-ip-appeal-pdf.toml")
    data = render(cli, path)
    assert codes(data) == [("invalid-evidence", "invoice")]
    assert "fix it or remove it" in data["ready_reasons"][0]["text"]
    assert (
        ".pdf files are not accepted here (accepted: jpeg, jpg, pjpeg, gif, png, tiff)"
        in data["ready_reasons"][0]["text"]
    )
    removed = scenario(tmp_path, "s27-ip-appeal-pdf.toml", {
        '[[attachments]]\nslot = "invoice"\npath = "files/supplier-invoice.pdf"\n': ""})  # fmt: skip
    assert render(cli, removed)["ready"] is True


def test_a_readiness_rule_of_the_case_type(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    overrides = home / "templates" / "overrides"
    overrides.mkdir(parents=True)
    (overrides / "ip-complaint-appeal.toml").write_text(
        'extends = "builtin"\nready_requires_one_of = [["invoice", "authorization"]]\n',
        encoding="utf-8",
    )
    bare = scenario(tmp_path, "s27-ip-appeal-pdf.toml", {
        '[[attachments]]\nslot = "invoice"\npath = "files/supplier-invoice.pdf"\n': "",
        '[[attachments]]\nslot = "authorization"\npath = "files/brand-authorisation.png"': ""})  # fmt: skip
    data = render(cli, bare)
    assert codes(data) == [("needs-one-of", "invoice,authorization")]
    assert data["ready_reasons"][0]["text"] == (
        "Needs at least one of: Supplier invoices (as images) or Letter of authorisation "
        "from the rights owner (as images)."
    )
    with_loa = scenario(tmp_path, "s27-ip-appeal-pdf.toml", {
        '[[attachments]]\nslot = "invoice"\npath = "files/supplier-invoice.pdf"\n': ""})  # fmt: skip
    assert render(cli, with_loa)["ready"] is True
    (overrides / "ip-complaint-appeal.toml").write_text(
        'extends = "builtin"\nready_requires_one_of = [["invoice", "licence_scan"]]\n',
        encoding="utf-8",
    )
    res = cli("render", str(with_loa))
    assert (
        res.code == 2
        and "ready_requires_one_of.0: 'licence_scan' is neither an evidence slot nor a fact key"
        in res.err
    )


def test_missing_required_fact_is_a_reason(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario(tmp_path, "s26-stranded.toml", {"units_stranded = 320\n": ""})
    data = render(cli, path)
    assert ("missing-fact", "units_stranded") in codes(data)


def test_warnings_are_not_reasons(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # an unverified tracking number, a marketplace with no documented window
    data = render(cli, scenario(tmp_path, "s12-removal-lost-us-yanwen.toml"))
    assert data["ready"] is True
    path = scenario(
        tmp_path,
        "s09-customer-return-us-too-early.toml",
        {'marketplace = "US"': 'marketplace = "AU"'},
    )
    data = render(cli, path)
    assert data["ready"] is True and data["deadline"] is None
    assert any(
        "No documented claim window for customer-return-not-received on the AU" in w
        for w in data["warnings"]
    )


def test_text_for_amazon_in_another_script_is_warned_about(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = scenario(tmp_path, "s26-stranded.toml", {
        'stranded_reason = "Listing blocked after a category change"': 'stranded_reason = "类目变更后商品被屏蔽"'})  # fmt: skip
    text = (
        path.read_text(encoding="utf-8")
        + '\n[profile]\nname = "深圳北湾贸易"\n\n[narrative]\nwhat_happened = "The listing was blocked. 请尽快处理"\n'
    )
    path.write_text(text, encoding="utf-8")
    data = render(cli, path)
    warning = next(w for w in data["warnings"] if w.startswith("Text for Amazon is not in English"))
    assert 'store name ("深圳北湾贸易")' in warning
    assert 'narrative.what_happened ("请尽快处理")' in warning
    assert 'facts.stranded_reason ("类目变更后商品被屏蔽")' in warning
    assert data["ready"] is True  # a warning: the seller decides
    clean = render(cli, scenario(tmp_path, "s26-stranded.toml"))
    assert not any(w.startswith("Text for Amazon") for w in clean["warnings"])


def test_urgency_comes_from_structured_facts(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    removed = scenario(tmp_path, "s29-performance-metric-poa.toml",
                       {'metric = "LSR"': 'metric = "LSR"\nimpact = "selling privileges removed"'})  # fmt: skip
    data = render(cli, removed)
    assert data["urgency_suggestion"] == "urgent"
    assert "What Amazon did: selling privileges removed" in data["urgency_reasons"]
    assert data["urgency"] == "high"  # urgent stays the user's choice
    # words in free text never raise it
    words = scenario(tmp_path, "s29-performance-metric-poa.toml", {
        "after a staffing change.": "after a staffing change; our account is at risk of being deactivated."})  # fmt: skip
    assert render(cli, words)["urgency_suggestion"] == "high"  # the failing metric, nothing more
    cut = heuristics()
    assert cut.source and cut.as_of and cut.urgent_days < cut.high_days


@pytest.mark.parametrize(("slot", "name", "ok"), [
    ("ledger_export", "ledger.csv", True), ("ledger_export", "ledger.xlsx", True),
    ("ledger_export", "ledger.tsv", True), ("ledger_export", "notes.txt", True),
    ("ledger_export", "letter.docx", True), ("ledger_export", "archive.zip", False),
])  # fmt: skip
def test_ordinary_cases_accept_common_file_types(
    cli, tmp_path: Path, slot: str, name: str, ok: bool
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / name).write_bytes(b"data")
    path = tmp_path / "case.toml"
    path.write_text(
        'case_type = "warehouse-lost"\n[facts]\nledger_date = "2026-05-01"\nunits_lost = 2\n'
        '[evidence]\nfnsku = "X003KQ7ZP1"\nreference_id = "79315640218731"\n'
        f'[[attachments]]\nslot = "{slot}"\npath = "{name}"\n',
        encoding="utf-8",
    )
    data = render(cli, path)
    item = next(c for c in data["checklist"] if c["slot"] == slot)
    assert (item["status"] == "provided") is ok, item
    if not ok:
        assert (
            "accepted: pdf, png, jpg, jpeg, gif, csv, tsv, txt, xlsx, xls, docx" in item["reason"]
        )
