"""Strings of the "Scan reports" screen: the form, its actions, the money at stake, the findings
table."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # the form
    "scan.title": ("Scan reports", "扫描报告"),
    "scan.files": (
        "Report files or folders (separate with spaces; quote paths with spaces)",
        "报告文件或文件夹（用空格分隔；含空格的路径请加引号）",
    ),
    "scan.as_of": ("As of (YYYY-MM-DD, empty = today)", "截至日期（YYYY-MM-DD，留空为今天）"),
    # actions
    "act.run_scan": ("Scan", "扫描"),
    "tip.run_scan": ("Scan the report files", "扫描报告文件"),
    "act.toggle": ("Select", "选择"),
    "tip.toggle": ("Select or unselect the finding", "选择或取消选择该发现"),
    "act.select_claimable": ("Select claimable", "选择可索赔"),
    "tip.select_claimable": ("Select every claimable finding", "选择所有可索赔的发现"),
    "act.draft_selected": ("Draft selected", "为选中的发现起草 Case"),
    "tip.draft_selected": (
        "Save a draft case for each selected finding",
        "为每个选中的发现保存一个 Case 草稿",
    ),
    # what the scan reports
    "scan.auto": ("Marketplace: auto", "站点：自动"),
    "scan.no_files": ("Type at least one report path.", "请至少输入一个报告路径。"),
    "scan.missing": ("No such file: {path}", "文件不存在：{path}"),
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
    "scan.partial": ("read only in part: {reason}", "仅读取了一部分：{reason}"),
    "scan.not_read": ("not read: {reason}", "未读取：{reason}"),
    "scan.none_selected": ("Select findings first (space).", "请先选择发现（空格键）。"),
    "scan.drafted": ("{drafts} saved, {skipped} skipped", "已保存 {drafts}，跳过 {skipped} 个"),
    "scan.n_drafts": ("{n} drafts", "{n} 个草稿"),
    "scan.n_drafts.one": ("1 draft", "1 个草稿"),
    # the money at stake (``scan_support.money_lines``)
    "scan.money": (
        "Money at stake (estimates): claimable now {claimable} · too early {early} · "
        "expired {expired} · to review {review}",
        "涉及金额（估算）：现在可索赔 {claimable} · 未到索赔期 {early} · 已过期 {expired} · "
        "待核查 {review}",
    ),
    "scan.money_top": ("Worth the most: {items}", "金额最高：{items}"),
    "scan.money_none": ("none", "无"),
    "scan.money_unknown": ("{n} without an estimate", "{n} 项无估算"),
    "scan.drafted_ids": ("({ids})", "（{ids}）"),
    "scan.skipped_line": ("skipped: {finding} — {reason}", "已跳过：{finding} — {reason}"),
    "scan.not_drafted_line": (
        "not drafted: {finding} — {status} (only claimable findings are drafted)",
        "未起草：{finding} — {status}（只为可索赔的发现起草）",
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
    # the findings table
    # the findings table: statuses and rules by name, never their ids
    "scan.status.claimable": ("claimable", "可索赔"),
    "scan.status.too-early": ("too early", "为时过早"),
    "scan.status.expired": ("expired", "已过期"),
    "scan.status.to-review": ("to review", "待核实"),
    "scan.rule.inbound-shortfall": ("Inbound shortfall", "入库少件"),
    "scan.rule.warehouse-lost": ("Lost in warehouse", "仓库丢失"),
    "scan.rule.warehouse-damaged": ("Damaged in warehouse", "仓库损坏"),
    "scan.rule.refund-not-returned": ("Refunded, not returned", "已退款未退货"),
    "scan.rule.fee-overcharge": ("Fee overcharge", "费用多收"),
    "scan.rule.storage-fee-check": ("Storage fee check", "仓储费核对"),
    "scan.rule.stranded-inventory": ("Stranded inventory", "无在售信息库存"),
    "scan.rule.removal-incomplete": ("Removal incomplete", "移除订单缺件"),
    "scan.rule.removal-lost": ("Removal lost in transit", "移除货件运输丢失"),
    "scan.rule.return-damaged": ("Return graded damaged", "退货被判定为损坏"),
    "scan.rule.refund-over-charge": ("Refund above the charge", "退款高于实收"),
    "scan.rule.reimbursement-underpaid": ("Reimbursed below cost", "赔偿低于成本"),
    "scan.rule.reimbursement-below-price": ("Reimbursed below price", "赔偿低于售价"),
    "scan.rule.researching-units": ("Units still researching", "长期调查中的商品"),
    "col.sel": ("✓", "✓"),
    "col.rule": ("Rule", "规则"),
    "col.ids": ("Ids", "编号"),
    "col.qty": ("Qty", "数量"),
    "col.event": ("Event", "事件日期"),
    "col.closes": ("Closes", "截止"),
    "col.safe_by": ("Safe by", "建议提交"),
    "col.value": ("Est. value", "预估金额"),
}
