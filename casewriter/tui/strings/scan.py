"""Strings of the "Scan reports" screen: the form, its actions, the money at stake, the findings
table. Rule and status names and the money-at-stake words are the core's
(``casewriter.scan_words``, what ``casewriter scan`` prints), keyed here for ``i18n.t``."""

from __future__ import annotations

from casewriter.scan_words import RULE_NAMES, STATUS_NAMES, WORDS

STRINGS: dict[str, tuple[str, str]] = {
    # the form
    "scan.title": ("Scan reports", "扫描报告"),
    "scan.files": (
        "Report files or folders (separate with spaces; quote paths with spaces)",
        "报告文件或文件夹（用空格分隔；含空格的路径请加引号）",
    ),
    "scan.as_of": ("As of (YYYY-MM-DD, empty = today)", "截至日期（YYYY-MM-DD，留空为今天）"),
    "scan.as_of_field": ("As of", "截至日期"),
    # actions
    "act.run_scan": ("Scan", "扫描"),
    "tip.run_scan": ("Scan the report files", "扫描报告文件"),
    "act.toggle": ("Select", "选择"),
    "act.details": ("Details", "详情"),
    "tip.details": (
        "Move to the finding's details and back (arrows and page keys scroll them)",
        "切换到该发现的详情并返回（方向键和翻页键可滚动）",
    ),
    "act.scan_form": ("Paths", "路径"),
    "tip.scan_form": ("Show the report paths and edit them", "显示并编辑报告路径"),
    "tip.toggle": ("Select or unselect the finding", "选择或取消选择该发现"),
    "act.select_claimable": ("Select claimable", "选择可索赔"),
    "tip.select_claimable": ("Select every claimable finding", "选择所有可索赔的发现"),
    "act.draft_selected": ("Draft selected", "起草所选"),
    "tip.draft_selected": (
        "Save a draft case for each selected finding",
        "为每个选中的发现保存一个 Case 草稿",
    ),
    # what the scan reports
    "scan.auto": ("Marketplace: auto", "站点：自动"),
    "scan.no_files": ("Type at least one report path.", "请至少输入一个报告路径。"),
    "scan.missing": ("No such file: {path}", "文件不存在：{path}"),
    "scan.no_files_in": (
        "No Seller Central report found: no files in it.",
        "未找到卖家后台报告：其中没有文件。",
    ),
    "scan.none_readable": (
        "No Seller Central report found: {n} not read.",
        "未找到卖家后台报告：{n} 个均未读取。",
    ),
    "scan.running": ("Scanning {n} files…", "正在扫描 {n} 个文件…"),
    "scan.running.one": ("Scanning 1 file…", "正在扫描 1 个文件…"),
    "scan.done": (
        "{findings} ({claimable} claimable) in {reports}",
        "在 {reports}中发现 {findings}（{claimable} 项可索赔）",
    ),
    "scan.n_findings": ("{n} findings", "{n} 项"),
    "scan.n_findings.one": ("1 finding", "1 项"),
    "scan.n_reports": ("{n} reports", "{n} 个报告"),
    "scan.n_reports.one": ("1 report", "1 个报告"),
    "scan.partial": WORDS["warn.partial"],
    "scan.not_read": WORDS["not_read"],
    "scan.not_read_files": ("Not read ({n}): {names}", "未读取（{n} 个）：{names}"),
    "scan.more_files": ("(+{n} more)", "（另有 {n} 个）"),
    "scan.none_selected": ("Select findings first (space).", "请先选择发现（空格键）。"),
    "scan.drafted": ("{drafts} saved, {skipped} skipped", "已保存 {drafts}，跳过 {skipped} 个"),
    "scan.n_drafts": ("{n} drafts", "{n} 个草稿"),
    "scan.n_drafts.one": ("1 draft", "1 个草稿"),
    # the money at stake (``scan_support.money_lines``), in the words `casewriter scan` uses
    "scan.money": WORDS["money.line"],
    "scan.money_top": WORDS["money.top"],
    "scan.money_none": WORDS["money.none"],
    "scan.money_unknown": WORDS["money.unknown"],
    "scan.drafted_ids": ("({ids})", "（{ids}）"),
    "scan.skipped_line": ("skipped: {finding} — {reason}", "已跳过：{finding} — {reason}"),
    "scan.not_drafted_line": (
        "not drafted: {finding} — {status} (only claimable findings are drafted)",
        "未起草：{finding} — {status}（只为可索赔的发现起草）",
    ),
    # report types (reports.signatures.TITLES) by the names sellers know them by
    "report.ledger-detail": ("Inventory Ledger (detailed)", "库存分类账（详细视图）"),
    "report.ledger-summary": ("Inventory Ledger (summary)", "库存分类账（汇总视图）"),
    "report.reimbursements": ("Reimbursements", "赔偿报告"),
    "report.customer-returns": ("FBA customer returns", "亚马逊物流买家退货"),
    "report.all-orders": ("All Orders", "所有订单"),
    "report.fulfilled-shipments": ("Amazon Fulfilled Shipments", "亚马逊配送的货件"),
    "report.settlement-v2": ("Settlement (flat file V2)", "结算报告（V2 平面文件）"),
    "report.settlement-flat": ("Settlement (flat file, older layout)", "结算报告（旧版平面文件）"),
    "report.removal-order-detail": ("Removal order detail", "移除订单详情"),
    "report.removal-shipment-detail": ("Removal shipment detail", "移除货件详情"),
    "report.inbound-shipment-items": ("Inbound shipment items", "入库货件商品"),
    "report.fee-preview": ("Fee Preview", "费用预览"),
    "report.storage-fees": ("Monthly storage fees", "月度仓储费"),
    "report.inventory-planning": ("Inventory planning", "库存规划"),
    "report.manage-inventory": ("Manage FBA Inventory", "管理亚马逊库存"),
    "report.stranded-inventory": ("Stranded inventory", "无在售信息的库存"),
    "report.restock": ("Restock inventory", "补货"),
    "report.seller-returns": ("Seller-fulfilled returns", "卖家自配送退货"),
    "report.afn-inventory": ("FBA inventory (AFN)", "亚马逊物流库存"),
    "report.legacy-adjustments": ("Inventory Adjustments (legacy)", "库存调整（旧版）"),
    "report.legacy-receipts": ("Received Inventory (legacy)", "已接收库存（旧版）"),
    "report.legacy-inventory-events": ("Inventory Event Detail (legacy)", "库存事件详情（旧版）"),
    "report.seller-measurements": ("Your own measurements", "您自己的测量数据"),
    "report.manufacturing-costs": ("Your manufacturing costs", "您的生产成本"),
    "scan.bad_quotes": (
        'A quote in the paths is not closed: close it (quote a path with spaces: "my reports")',
        '路径中的引号没有闭合：请补上（含空格的路径请加引号："my reports"）',
    ),
    "scan.no_home": (
        "{word}: cannot find the home folder that '~' names",
        "{word}：找不到“~”所指的主文件夹",
    ),
    "scan.open_case": (
        "{ids} is open for the same problem (add to it instead)",
        "{ids} 针对同一问题仍未结案（请在该 Case 中补充）",
    ),
    "scan.outcome_drafted": ("Drafted as {case_id}.", "已起草为 {case_id}。"),
    "scan.outcome_skipped": ("Not drafted: {reason}.", "未起草：{reason}。"),
    "scan.outcome_not_drafted": (
        "Not drafted: {status} (only claimable findings are drafted).",
        "未起草：{status}（只为可索赔的发现起草）。",
    ),
    # the highlighted finding, in words
    "scan.units": ("units: {n}", "数量：{n}"),
    "scan.event": ("event {date}", "事件 {date}"),
    "scan.opens": ("window opens {date}", "期限开始 {date}"),
    "scan.closes": ("closes {date}", "截止 {date}"),
    "scan.safe_by": ("safe to file by {date}", "建议在 {date} 前提交"),
    "scan.note": ("Note: {note}", "说明：{note}"),
    # a fee finding's tiers and charges (``widgets/finding_details``)
    "scan.fee_tiers": (
        "Size tier charged: {amazon} · your tier: {yours}",
        "收费的尺寸分段：{amazon} · 您的尺寸分段：{yours}",
    ),
    "scan.fee_amazon_size": (
        "Amazon's measurement: {size} ({source})",
        "亚马逊的测量：{size}（{source}）",
    ),
    "scan.fee_your_size": ("Your measurement: {size}", "您的测量：{size}"),
    "scan.fee_charges": (
        "Fees charged ({n} order(s), {units} unit(s)): units × fee charged a unit, and the fee "
        "for your tier",
        "所收费用（{n} 个订单，{units} 件）：件数 × 每件所收费用，以及您所在分段的费用",
    ),
    "scan.fee_charge": (
        "  {order} {day}: {units} unit(s) × {paid}, your tier {yours}",
        "  {order} {day}：{units} 件 × {paid}，您的分段 {yours}",
    ),
    "scan.fee_more_orders": ("  … and {n} more order(s)", "  …另有 {n} 个订单"),
    "scan.fee_unknown": ("unknown", "未知"),
    "scan.fee_unknown_fee": ("fee unknown (no fee table held)", "费用未知（没有相应的费用表）"),
    # the findings table: statuses and rules by name, never their ids (casewriter.scan_words,
    # the names `casewriter scan` uses too)
    **{f"scan.status.{status}": names for status, names in STATUS_NAMES.items()},
    **{f"scan.rule.{rule}": names for rule, names in RULE_NAMES.items()},
    "col.sel": ("✓", "✓"),
    "col.rule": ("Rule", "规则"),
    "col.ids": ("Ids", "编号"),
    "col.qty": ("Qty", "数量"),
    "col.event": ("Event", "事件日期"),
    "col.closes": ("Closes", "截止"),
    "col.safe_by": ("Safe by", "建议提交"),
    "col.value": ("Est. value", "预估金额"),
}
