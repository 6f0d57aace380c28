"""``scan --draft`` on a report with many claimable findings: the text output summarises the
drafts (counts, the first few case ids, the command that lists them all) instead of printing
every id on one line; ``--json`` still lists every one."""

from __future__ import annotations

import json
import string
from pathlib import Path

from casewriter.commands.scan_format import SHOWN_DRAFTS
from tests.conftest import SAMPLES

FINDINGS = 60
_ALNUM = string.ascii_uppercase + string.digits


def _damaged_ledger(folder: Path, count: int) -> Path:
    """A ledger with ``count`` units damaged in the warehouse, none reimbursed: each one a
    claimable warehouse-damaged finding on 2026-06-30."""
    header = (SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv").read_text().splitlines()[0]
    rows = [header]
    for i in range(count):
        fnsku = "X00" + "".join(_ALNUM[(i // 36**k) % 36] for k in range(7))
        rows.append("\t".join([
            "06/01/2026", fnsku, "B0C7QX2M4K", f"SKU-{i}", "Mug", "Adjustments",
            f"2008{i:010d}", "-1", "ONT8", "DEFECTIVE", "E", "US", "0", "1",
            "2026-06-01T00:00:00-0700", "",
        ]))  # fmt: skip
    folder.mkdir()
    ledger = folder / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    ledger.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return ledger


def test_many_drafts_are_summarised(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = _damaged_ledger(tmp_path / "reports", FINDINGS)
    res = cli("scan", str(ledger), "--as-of", "2026-06-30", "--draft")
    assert res.code == 0, res
    summary = res.out[res.out.index("Drafts saved:") :]
    assert summary.startswith(
        f"Drafts saved: {FINDINGS}; skipped (open case already in the log): 0"
    )
    shown = ", ".join(f"CW-{n:06d}" for n in range(1, SHOWN_DRAFTS + 1))
    assert f"new drafts: {shown} and {FINDINGS - SHOWN_DRAFTS} more" in summary
    assert f"CW-{SHOWN_DRAFTS + 1:06d}" not in summary
    assert f"list them: casewriter log list --status draft --limit {FINDINGS}" in summary
    assert max(len(line) for line in summary.splitlines()) < 140

    listed = cli("log", "list", "--status", "draft", "--limit", str(FINDINGS), "--json")
    assert json.loads(listed.out)["total"] == FINDINGS

    again = cli("scan", str(ledger), "--as-of", "2026-06-30", "--draft")
    summary = again.out[again.out.index("Drafts saved:") :]
    assert summary.startswith(
        f"Drafts saved: 0; skipped (open case already in the log): {FINDINGS}"
    )
    assert summary.count("  skipped warehouse-damaged") == SHOWN_DRAFTS
    assert f"… and {FINDINGS - SHOWN_DRAFTS} more skipped (--json lists them all)" in summary
    assert "new drafts" not in summary


def test_json_lists_every_draft(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = _damaged_ledger(tmp_path / "reports", 15)
    res = cli("scan", str(ledger), "--as-of", "2026-06-30", "--draft", "--json")
    drafts = json.loads(res.out)["drafts"]
    assert drafts["drafted"] == [f"CW-{n:06d}" for n in range(1, 16)]


def test_a_few_drafts_are_all_named(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("scan", str(SAMPLES), "--as-of", "2026-06-30", "--draft")
    assert res.code == 0, res
    assert "new drafts: CW-000001, CW-000002, CW-000003\n" in res.out
    assert "list them: casewriter log list --status draft\n" in res.out


def test_the_summary_counts_skips_by_their_real_reason() -> None:
    """A case already in the log keeps the summary's own words; any other reason (a report
    read only in part, an id failing its check, a value the log refused) is named and counted."""
    from casewriter.commands.scan_format import format_drafts
    from casewriter.messages import said

    def first(reasons: list[str], lang: str = "en") -> str:
        skipped = [{"finding": f"rule F{i}", "reason": r} for i, r in enumerate(reasons)]
        return format_drafts(["CW-000009"], skipped, 0, lang).splitlines()[1]

    open_case = said("draft.open_case", ids="CW-000001")
    closed = said("draft.reopen", status="closed", id="CW-000002", where=said("draft.it"))
    partial = said("draft.partial")
    assert first([]) == "Drafts saved: 1; skipped (open case already in the log): 0"
    assert (
        first([open_case, closed]) == "Drafts saved: 1; skipped (open case already in the log): 2"
    )
    assert first([partial]) == "Drafts saved: 1; skipped: 1 (a report read only in part: 1)"
    mixed = [partial, open_case, said("draft.bad_ids", ids="B0BAD"), "amount too large", partial]
    assert first(mixed) == (
        "Drafts saved: 1; skipped: 5 (open case already in the log: 1, a report read only in "
        "part: 2, an identifier fails its check: 1, a value the log refused: 1)"
    )
    assert first(mixed, "zh") == (
        "已保存草稿：1 个；已跳过：5 个（日志中已有未结案的 Case：1 个，有报告只读取了一部分：2 个，"
        "有编号未通过校验：1 个，日志拒收了某个值：1 个）"
    )


def test_a_draft_held_back_for_a_cut_download_is_counted_as_such(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.acceptance.test_issue14_recheck import cut_mid_amount

    cut_mid_amount(tmp_path)
    args = ("scan", str(tmp_path), "--as-of", "2026-03-20", "--draft")
    en = cli(*args)
    assert en.code == 1
    assert "Drafts saved: 0; skipped: 1 (a report read only in part: 1)" in en.out.splitlines()
    zh = cli("--lang", "zh", *args)
    assert zh.code == 1
    assert "已保存草稿：0 个；已跳过：1 个（有报告只读取了一部分：1 个）" in zh.out.splitlines()
    assert cli("log", "list").out.strip() == "No cases."
