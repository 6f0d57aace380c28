"""``build_review``: the whole health review from report files and account records (no log).

Files are recognised by their header (``reports.sniff``), whatever they are called; a folder
means every file in it. Each file is read once: the planning, Manage FBA Inventory and restock
reports by ``inventory.py``; the stranded, Fee Preview, storage fee, settlement and
measurement files by the scan's own rules (``reports.scan``: stranded inventory, fee-tier
mismatches, storage fees that do not add up), so the review and ``casewriter scan`` agree.
Other reports are listed as unused. A file that cannot be read is listed with the reason
(``SourceFile.status``) and the rest are read. A file named twice, or a copy of one, is read
once (``distinct``).

The marketplace is the one given, else the one the planning/restock rows name most, else the
latest account record's, else the settings' default. "Today" is ``as_of`` or the date in that
marketplace's time zone; records after it are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from casewriter.errors import ReportError
from casewriter.health.account import account_review
from casewriter.health.actions import account_actions, inventory_actions, order_actions
from casewriter.health.figures import inventory_review
from casewriter.health.inventory import INVENTORY_TYPES, read_inventory
from casewriter.health.model import AccountRecord, HealthReview, SourceFile, Text
from casewriter.health.targets import Targets
from casewriter.messages import say
from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.sniff import ReportInfo, sniff_all

if TYPE_CHECKING:
    from casewriter.engine import Catalog
    from casewriter.reports.findings import Finding

#: Reports the scan rules read for the review (stranded, fee tiers, storage fees).
SCAN_TYPES = frozenset({"stranded-inventory", "fee-preview", "storage-fees",
                        "seller-measurements", "settlement-v2", "settlement-flat"})  # fmt: skip
SCAN_RULES = frozenset({"stranded-inventory", "fee-overcharge", "storage-fee-check"})
_FEE_ONLY = frozenset({"fee-preview", "settlement-v2", "settlement-flat"})
_PEEK_ROWS = 200
_HEAD_BYTES = 1 << 16  # files of one size are told apart by this much first


def expand(paths: Iterable[Path | str]) -> tuple[list[ReportInfo], list[SourceFile], list[str]]:
    """(reports, files named that are not readable reports, notes on what a folder holds that
    is skipped: files that are not reports, folders inside it)."""
    found = sniff_all(paths)
    bad = [SourceFile(path=str(path), status="unreadable", reason=reason,
                      reason_zh=say(reason, "zh"))
           for path, reason in found.unreadable]  # fmt: skip
    return found.reports, bad, [*found.subfolders, *found.passed_over]


def distinct(infos: list[ReportInfo]) -> tuple[list[ReportInfo], list[Text]]:
    """``infos`` with each file once: a file named twice (its folder and itself, or by two
    paths to it: the same resolved path) or a copy of one (the same size and SHA-256: a
    download saved twice) is read once, and a note says which. Only files of the same size
    are hashed (their first 64 KiB, then the whole of those that still match), so a folder of
    distinct reports costs one ``stat`` per file."""
    import hashlib
    import os

    kept: list[ReportInfo] = []
    notes: list[Text] = []
    seen: set[Path] = set()
    by_size: dict[int, list[ReportInfo]] = {}
    for info in infos:
        path = Path(info.path)
        try:
            real = path.resolve()
            size = os.stat(real).st_size
        except (OSError, RuntimeError):
            kept.append(info)
            continue
        if real in seen:
            notes.append(Text(en=f"{info.path}: named twice: read once",
                              zh=f"{info.path}：被指定了两次，只读取一次"))  # fmt: skip
            continue
        seen.add(real)
        by_size.setdefault(size, []).append(info)
        kept.append(info)

    def digest(info: ReportInfo, limit: int | None) -> str:
        """SHA-256 of the file (of its first ``limit`` bytes when given)."""
        h = hashlib.sha256()
        try:
            with Path(info.path).open("rb") as fh:
                if limit is not None:
                    h.update(fh.read(limit))
                else:
                    for block in iter(lambda: fh.read(1 << 20), b""):
                        h.update(block)
        except OSError:
            return f"unreadable:{id(info)}"  # never equal to another
        return h.hexdigest()

    copies: set[int] = set()
    for group in by_size.values():
        if len(group) < 2:
            continue
        by_head: dict[str, list[ReportInfo]] = {}  # weekly downloads often share a size
        for info in group:
            by_head.setdefault(digest(info, _HEAD_BYTES), []).append(info)
        for same_head in by_head.values():
            if len(same_head) < 2:
                continue
            first: dict[str, ReportInfo] = {}
            for info in same_head:
                original = first.setdefault(digest(info, None), info)
                if original is not info:
                    copies.add(id(info))
                    notes.append(Text(
                        en=f"{info.path}: the same content as {original.path}: read once",
                        zh=f"{info.path}：与 {original.path} 内容相同，只读取一次",
                    ))  # fmt: skip
    return [i for i in kept if id(i) not in copies], notes


def _peek_marketplace(infos: list[ReportInfo]) -> str:
    """The marketplace the first rows of the planning and restock files name most ('' if none)."""
    from casewriter.marketplaces import find
    from casewriter.reports.fields import Fields

    votes: Counter[str] = Counter()
    for info in infos:
        column = {"inventory-planning": "marketplace", "restock": "Country"}.get(info.type)
        if column is None:
            continue
        f = Fields(info)
        try:
            for n, (_line, row) in enumerate(iter_cells(info, Warnings())):
                code = find(f.text(row, column))
                if code:
                    votes[code] += 1
                if n >= _PEEK_ROWS:
                    break
        except ReportError:
            continue
    return votes.most_common(1)[0][0] if votes else ""


def build_review(
    files: Sequence[Path | str | ReportInfo],
    records: Iterable[AccountRecord],
    *,
    catalog: Catalog,
    targets: Targets,
    as_of: date | None = None,
    marketplace: str | None = None,
    default_marketplace: str = "US",
    progress: Progress | None = None,
) -> HealthReview:
    from casewriter.dates import today_in
    from casewriter.marketplaces import get

    recs = list(records)
    given = [f for f in files if isinstance(f, ReportInfo)]
    infos, bad, folder_notes = expand(f for f in files if not isinstance(f, ReportInfo))
    infos, copy_notes = distinct(given + infos)
    if marketplace:
        mp = get(marketplace).code
    else:
        latest = max(recs, key=lambda r: r.date).marketplace if recs else ""
        mp = _peek_marketplace(infos) or latest or get(default_marketplace).code
    today = today_in(get(mp), as_of)
    data = read_inventory(infos, mp, progress, until=as_of)
    findings: list[Finding] = []
    sources: list[SourceFile] = []
    measured = any(i.type == "seller-measurements" for i in infos)
    # The Fee Preview and settlements serve only the fee-tier rule, which needs your own
    # measurements: without them they are listed, not read (reading them would show nothing).
    scan_infos = [
        i for i in infos if i.type in SCAN_TYPES and (measured or i.type not in _FEE_ONLY)
    ]
    notes: list[Text] = [Text(en=f"skipped {n}", zh=f"已跳过 {say(n, 'zh')}") for n in folder_notes]
    notes += copy_notes
    if scan_infos:
        from casewriter.reports.scan import scan

        result = scan(scan_infos, as_of=today, marketplace=mp, catalog=catalog,
                      progress=progress, default_marketplace=mp, relabel=False)  # fmt: skip
        findings = [f for f in result.findings if f.rule in SCAN_RULES and f.marketplace == mp]
        others = sorted({f.marketplace for f in result.findings
                         if f.rule in SCAN_RULES and f.marketplace != mp})  # fmt: skip
        if others:
            names = ", ".join(others)
            notes.append(Text(
                en=f"findings of another marketplace ({names}) left out (this review is for {mp})",
                zh=f"其他站点（{names}）的发现未计入（本次检查针对 {mp}）",
            ))  # fmt: skip
        partial = {str(s.path): s.reason for s in result.skipped if s.partial}
        for r in result.reports:
            status = "partial" if str(r.path) in partial else "read"
            why = partial.get(str(r.path), "")
            sources.append(SourceFile(path=str(r.path), type=r.type, status=status,  # type: ignore[arg-type]
                                      rows=r.rows, reason=why, reason_zh=say(why, "zh")))  # fmt: skip
        notes += [Text(en=n, zh=say(n, "zh")) for n in result.notes
                  if "not used by the scan rules" not in n]  # fmt: skip
        if result.warnings:
            notes.append(Text(en=f"{len(result.warnings)} row warning(s) in the fee and stranded "
                              "reports (casewriter scan lists them)",
                              zh=f"费用与无在售信息报告中有 {len(result.warnings)} 条行警告（casewriter 的“扫描报告”会列出）"))  # fmt: skip
    for done in data.files:
        sources.append(SourceFile(
            path=str(done.info.path), type=done.info.type,
            status="partial" if done.partial else "read", rows=done.rows,
            dates=sorted(done.dates), reason=done.partial, reason_zh=say(done.partial, "zh"),
        ))  # fmt: skip
        if done.other_marketplace:
            notes.append(Text(
                en=f"{done.info.path}: {done.other_marketplace} row(s) of another marketplace "
                f"left out (this review is for {mp})",
                zh=f"{done.info.path}：{done.other_marketplace} 行属于其他站点，未计入（本次检查针对 {mp}）",
            ))  # fmt: skip
        if done.after_as_of:
            notes.append(Text(
                en=f"{done.info.path}: {done.after_as_of} row(s) of snapshots after "
                f"{today.isoformat()} left out (the review's date)",
                zh=f"{done.info.path}：{done.after_as_of} 行属于 {today.isoformat()} 之后的快照，未计入（本次检查的日期）",
            ))  # fmt: skip
        if done.merchant_fulfilled:
            notes.append(Text(
                en=f"{done.info.path}: {done.merchant_fulfilled} row(s) fulfilled by the merchant "
                "left out (restock is about stock at Amazon)",
                zh=f"{done.info.path}：{done.merchant_fulfilled} 行为卖家自配送，未计入（补货只看亚马逊仓内库存）",
            ))  # fmt: skip
    for info in infos:
        if info.type in _FEE_ONLY and not measured:
            sources.append(SourceFile(path=str(info.path), type=info.type, status="unused",
                                      reason="used for fee tiers, with your measurements (none "
                                      "given)", reason_zh="用于核对尺寸分段，需配合您的测量数据"
                                      "（未提供）"))  # fmt: skip
        elif info.type not in INVENTORY_TYPES and info.type not in SCAN_TYPES:
            sources.append(SourceFile(path=str(info.path), type=info.type, status="unused",
                                      reason="not an inventory report",
                                      reason_zh="不是库存报告"))  # fmt: skip
    sources += bad
    if data.warnings.count:
        notes.append(Text(en=f"{data.warnings.count} row(s) skipped in the inventory reports: "
                          + "; ".join(data.warnings.messages[:3]),
                          zh=f"库存报告中跳过了 {data.warnings.count} 行："
                          + "；".join(say(m, "zh") for m in data.warnings.messages[:3])))  # fmt: skip
    given_types = {i.type for i in infos}
    account = account_review(recs, mp, today, targets)
    paths: dict[str, str] = {}
    for info in infos:
        paths.setdefault(info.type, str(info.path))
    inventory = inventory_review(data, findings, given_types, mp, targets, paths)
    actions = account_actions(account, targets, catalog)
    actions += inventory_actions(inventory, findings, mp, catalog)
    return HealthReview(
        as_of=today, marketplace=mp, account=account, inventory=inventory,
        actions=order_actions(actions), sources=sources, notes=notes,
    )  # fmt: skip
