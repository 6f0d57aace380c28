"""What a scan's results are called, in English and Simplified Chinese: the rules and the
statuses by name, the words of ``casewriter scan``'s text (the report list, the status groups,
the table header, the totals, the money at stake, the ``--draft`` summary) and the app's
money-at-stake line.

One table for both UIs: the CLI (``commands.scan_format``, ``reports.summary_text``) reads it
with ``sw(key, lang, **params)``; the app's string table (``tui.strings.scan``) builds its
``scan.rule.*``, ``scan.status.*`` and ``scan.money*`` keys from it, so the two never drift.
Rule ids, identifiers, amounts and dates are data, never worded here. ``--json`` prints ids,
never these words. Data and one lookup, stdlib only: the app loads it at start-up.
"""

from __future__ import annotations

from casewriter.messages import say

#: A scan rule (its id, as ``--json`` and ``scan --help`` name it) by name.
RULE_NAMES: dict[str, tuple[str, str]] = {
    "inbound-shortfall": ("Inbound shortfall", "入库少件"),
    "warehouse-lost": ("Lost in warehouse", "仓库丢失"),
    "warehouse-damaged": ("Damaged in warehouse", "仓库损坏"),
    "refund-not-returned": ("Refunded, not returned", "已退款未退货"),
    "fee-overcharge": ("Fee overcharge", "费用多收"),
    "storage-fee-check": ("Storage fee check", "仓储费核对"),
    "stranded-inventory": ("Stranded inventory", "无在售信息库存"),
    "removal-incomplete": ("Removal incomplete", "移除订单缺件"),
    "removal-lost": ("Removal lost in transit", "移除货件运输丢失"),
    "return-damaged": ("Return graded damaged", "退货被判定为损坏"),
    "refund-over-charge": ("Refund above the charge", "退款高于实收"),
    "reimbursement-underpaid": ("Reimbursed below cost", "赔偿低于成本"),
    "reimbursement-below-price": ("Reimbursed below price", "赔偿低于售价"),
    "researching-units": ("Units still researching", "长期调查中的商品"),
}

#: A finding's status (its id in ``--json``) in words; the CLI's group headings are these in
#: capitals ("CLAIMABLE — file now").
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "claimable": ("claimable", "可索赔"),
    "too-early": ("too early", "为时过早"),
    "expired": ("expired", "已过期"),
    "to-review": ("to review", "待核实"),
}

#: key → (English, 简体中文); ``{name}`` parameters filled by ``sw``.
WORDS: dict[str, tuple[str, str]] = {
    # the report list
    "head": ("Scan as of {day} ({marketplace})", "扫描截至 {day}（{marketplace}）"),
    "reports": ("Reports:", "报告："),
    "rows": ("rows", "行"),
    "not_in_full": ("NOT READ IN FULL ({n})", "未完整读取（{n} 个）"),
    "partial": (
        "read only in part (rows before the break used): {reason}",
        "仅读取了一部分（已使用中断前的行）：{reason}",
    ),
    "not_read": ("not read: {reason}", "未读取：{reason}"),
    "nothing_found": ("No discrepancies found.", "未发现差异。"),
    # the status groups: "{STATUS NAME} — {tail} ({n})"
    "group": ("{status} — {tail} ({n})", "{status} — {tail}（{n} 项）"),
    "tail.claimable": ("file now", "现在提交"),
    "tail.too-early": ("wait", "请等待"),
    "tail.expired": ("window closed", "索赔期已结束"),
    "tail.to-review": (
        "check first (leads, and claims with no documented window)",
        "请先核对（线索，以及没有公开索赔期的索赔）",
    ),
    # the table header (each word padded to its column)
    "col.rule": ("rule", "规则"),
    "col.ids": ("ids", "编号"),
    "col.units": ("units", "件数"),
    "col.event": ("event", "事件日期"),
    "col.closes": ("closes", "截止"),
    "col.value": ("value", "估算金额"),
    "safe_by": (" (safe by {day})", "（建议在 {day} 前提交）"),
    "note": ("note: {note}", "说明：{note}"),
    # a group's total
    "total": (
        "total: {n} finding(s), {units} unit(s), {value}",
        "合计：{n} 项发现，{units} 件，{value}",
    ),
    "total.leads": (
        "{n} lead(s) to check; each value is its own estimate",
        "{n} 条线索待核实；各项金额分别估算",
    ),
    "total.with_leads": ("{total}; {leads}", "{total}；{leads}"),
    "total.leads_only": ("total: {leads}", "合计：{leads}"),
    "value.none": ("no estimated value", "无估算金额"),
    "value.estimated": ("estimated {money}", "估算 {money}"),
    "value.some_unknown": (
        "estimated {money} ({n} of them without an estimate)",
        "估算 {money}（其中 {n} 项无估算）",
    ),
    "notes": ("Notes:", "备注："),
    # the money at stake (reports.summary_text; the app's scan screen: ``money.line``)
    "money.title": ("MONEY AT STAKE (estimates)", "涉及金额（估算）"),
    "money.line": (
        "Money at stake (estimates): claimable now {claimable} · too early {early} · "
        "expired {expired} · to review {review}",
        "涉及金额（估算）：现在可索赔 {claimable} · 未到索赔期 {early} · 已过期 {expired} · "
        "待核实 {review}",
    ),
    "money.headline": ("Money at stake (estimates): {parts}", "涉及金额（估算）：{parts}"),
    "money.top": ("Worth the most: {items}", "金额最高：{items}"),
    "money.none": ("none", "无"),
    "money.unknown": ("{n} without an estimate", "{n} 项无估算"),
    "money.no_estimate": ("no estimate", "无估算"),
    "money.sep": (", ", "，"),
    "money.parts_sep": ("; ", "；"),
    "money.claimable": ("claimable now", "现在可索赔"),
    "money.too_early": ("too early", "未到索赔期"),
    "money.expired": ("expired", "已过期"),
    "money.to_review": ("to review", "待核实"),
    "money.claimable_line": ("claimable now: {totals}", "现在可索赔：{totals}"),
    "money.rule_units": (
        "({n} finding(s), {units} unit(s))",
        "（{n} 项发现，{units} 件）",
    ),
    "money.rule_findings": ("({n} finding(s))", "（{n} 项发现）"),
    "money.early_line": ("too early: {totals}", "未到索赔期：{totals}"),
    "money.from": ("claimable from {day} ({n} finding(s))", "{day} 起可索赔（{n} 项发现）"),
    "money.from_undated": (
        "claimable once the shipment is closed or the wait ends ({n} finding(s))",
        "货件关闭或等待期结束后可索赔（{n} 项发现）",
    ),
    "money.expired_line": (
        "expired (lost by waiting): {totals}",
        "已过期（因等待而损失）：{totals}",
    ),
    "money.review_line": (
        "to review: {totals} in {n} finding(s) ({parts})",
        "待核实：{totals}，共 {n} 项发现（{parts}）",
    ),
    "money.leads": ("{n} lead(s) to check", "{n} 条线索待核实"),
    "money.bad_ids": ("{n} with an id that fails its check", "{n} 项的编号未通过校验"),
    "money.no_window": (
        "{n} claim(s) with no documented window",
        "{n} 项索赔没有公开的索赔期",
    ),
    "money.top_title": ("worth the most (file these first):", "金额最高（请先提交这些）："),
    "money.top_item": (
        "{rank}. {rule} {ids}: {money}{closes}",
        "{rank}. {rule}（{name}）{ids}：{money}{closes}",
    ),
    "money.closes": (", closes {day}", "，{day} 截止"),
    "money.no_window_short": (", no documented window", "，没有公开的索赔期"),
    # the ``--draft`` summary
    "drafts.saved": (
        "Drafts saved: {n}; skipped (open case already in the log): {skipped}",
        "已保存草稿：{n} 个；已跳过（日志中已有未结案的 Case）：{skipped} 个",
    ),
    # skips counted by their real reason (``commands.scan_format``: not every one a case already
    # in the log)
    "drafts.saved_by_reason": (
        "Drafts saved: {n}; skipped: {skipped} ({reasons})",
        "已保存草稿：{n} 个；已跳过：{skipped} 个（{reasons}）",
    ),
    "drafts.reason_count": ("{reason}: {n}", "{reason}：{n} 个"),
    "drafts.reason_sep": (", ", "，"),
    "skip.log": ("open case already in the log", "日志中已有未结案的 Case"),
    "skip.partial": ("a report read only in part", "有报告只读取了一部分"),
    "skip.bad_ids": ("an identifier fails its check", "有编号未通过校验"),
    "skip.refused": ("a value the log refused", "日志拒收了某个值"),
    "drafts.new": ("new drafts: {ids}", "新草稿：{ids}"),
    "drafts.more": (" and {n} more", " 等，另有 {n} 个"),
    "drafts.list": ("list them: {command}", "查看全部：{command}"),
    "drafts.skipped": ("skipped {finding}: {reason}", "已跳过 {finding}：{reason}"),
    "drafts.more_skipped": (
        "… and {n} more skipped (--json lists them all)",
        "… 另有 {n} 个已跳过（--json 会全部列出）",
    ),
    "drafts.leads": (
        "not drafted: {n} lead(s) to check first (to-review); a removal package that never "
        "arrived becomes a claim with --confirm-removal-lost, stranded inventory is drafted "
        "with --draft-stranded",
        "未起草：{n} 条线索需先核实（待核实）；从未送达的移除包裹可用 "
        "--confirm-removal-lost 转为索赔，无在售信息的库存可用 --draft-stranded 起草",
    ),
    # stderr
    "progress": ("scanning {name}: {pct}%", "正在扫描 {name}：{pct}%"),
    "warn.partial": ("read only in part: {reason}", "仅读取了一部分：{reason}"),
}


def sw(key: str, lang: str, **params: object) -> str:
    """The words ``key`` in ``lang`` ("en" or "zh"), formatted with ``params`` (a ``Said``
    parameter said in the same language)."""
    en, zh = WORDS[key]
    template = zh if lang == "zh" else en
    if not params:
        return template
    return template.format(**{k: say(v, lang) for k, v in params.items()})


def rule_name(rule: str, lang: str) -> str:
    """A rule by name (``Fee overcharge`` / ``费用多收``); an unknown rule as its id."""
    names = RULE_NAMES.get(rule)
    return rule if names is None else names[1 if lang == "zh" else 0]


def status_name(status: str, lang: str) -> str:
    """A status in words (``too early`` / ``为时过早``); an unknown one as its id."""
    names = STATUS_NAMES.get(status)
    return status if names is None else names[1 if lang == "zh" else 0]
