"""Strings of the Health screen (the weekly account review and the monthly inventory health):
its form, tabs, actions, empty state and what reading reports reports. The review's own words
(metric and figure labels, alerts, steps) come with the review, in both languages."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # title, form and actions
    "health.title": ("Health review", "账户与库存健康检查"),
    "health.paths": ("Report files or folder (F5)", "报告文件或文件夹（F5）"),
    "health.as_of": ("As of: today", "截至：今天"),
    "health.bad_as_of": (
        "Not a date: {text} (use YYYY-MM-DD, or the date as {mp} writes it, with the year)",
        "不是有效日期：{text}（请用 YYYY-MM-DD，或 {mp} 站点的日期写法，须含年份）",
    ),
    "act.health": ("Health", "健康检查"),
    "tip.health": (
        "The weekly account review and the monthly inventory health",
        "每周账户检查与每月库存健康报告",
    ),
    "act.read_reports": ("Read reports", "读取报告"),
    "tip.read_reports": (
        "Read the inventory reports typed above (or the last review's again) and review",
        "读取上方输入的库存报告（或重读上次的文件）并检查",
    ),
    "act.open_action": ("Open case", "打开Case"),
    "tip.open_action": (
        "Open the selected action's drafted case in the wizard",
        "在向导中打开所选待办事项的Case草稿",
    ),
    "act.tab_account": ("Account", "账户"),
    "tip.tab_account": ("Show the account metrics and their trends", "查看账户指标及趋势"),
    "act.tab_inventory": ("Inventory", "库存"),
    "tip.tab_inventory": ("Show the inventory figures", "查看库存数据"),
    "act.tab_actions": ("Actions", "待办"),
    "tip.tab_actions": ("Show the actions, most urgent first", "查看待办事项（最紧急的在前）"),
    "act.tab_sources": ("Sources", "来源"),
    "tip.tab_sources": ("Show the files read and the notes", "查看读取的文件与备注"),
    # tabs
    "health.tab.account": ("Account", "账户"),
    "health.tab.inventory": ("Inventory", "库存"),
    "health.tab.actions": ("Actions ({n})", "待办（{n}）"),
    "health.tab.sources": ("Sources", "来源"),
    # the summary line
    "health.summary": ("{mp} · as of {as_of}", "{mp} · 截至 {as_of}"),
    "health.summary.records": ("{n} account records", "{n} 条账户记录"),
    "health.summary.records.one": ("1 account record", "1 条账户记录"),
    "health.summary.files": ("{n} report files read", "已读取 {n} 个报告文件"),
    "health.summary.files.one": ("1 report file read", "已读取 1 个报告文件"),
    "health.summary.actions": ("{n} actions", "{n} 项待办"),
    "health.summary.actions.one": ("1 action", "1 项待办"),
    "health.summary.run": ("last review {when}", "上次检查 {when}"),
    "health.origin.cache": ("as reviewed earlier today", "今天早些时候的检查结果"),
    "health.origin.records": (
        "account records only: no inventory review yet",
        "仅账户记录：尚未做过库存检查",
    ),
    # the empty state
    "health.empty": (
        "No review yet. Every week, read Performance → Account Health in Seller Central and "
        "record it: casewriter health record --marketplace US --odr 0.42 --ahr 230 (every metric "
        "optional). Every month, download your inventory reports (Inventory planning, Manage FBA "
        "Inventory, stranded, restock, Fee Preview), type their folder above and press F5.",
        "尚无检查记录。每周在卖家后台查看“绩效 → 账户状况”并记录：casewriter health record "
        "--marketplace US --odr 0.42 --ahr 230（每项指标均可选）。每月下载库存报告（库存规划、"
        "管理亚马逊库存、无在售信息、补货、费用预览），在上方输入所在文件夹并按 F5。",
    ),
    # the account tab
    "health.account.none": ("No account metric recorded.", "没有已记录的账户指标。"),
    "health.never": ("never recorded: {names}", "从未记录：{names}"),
    "health.change": ("change {change}", "变化 {change}"),
    "health.recorded": ("recorded {date}", "记录于 {date}"),
    "health.margin": ("{pct} of the margin used", "已用去余量的 {pct}"),
    "health.chart.target": ("target", "目标"),
    # the inventory tab
    "health.trend": ("{label} per planning snapshot", "{label}（按库存规划快照）"),
    "health.by": ("act by {date}", "截止 {date}"),
    "health.more": ("… {n} more", "……还有 {n} 项"),
    # the actions tab
    "health.actions.none": (
        "Nothing to do: every figure given is on target.",
        "无待办事项：所给数据均达标。",
    ),
    "health.case.ready": (
        "Drafted case: {title} (ready to review) — Enter opens it",
        "Case草稿：{title}（可审阅）— 按 Enter 打开",
    ),
    "health.case.missing": (
        "Drafted case: {title} (add: {missing}) — Enter opens it",
        "Case草稿：{title}（需补充：{missing}）— 按 Enter 打开",
    ),
    "health.no_case": (
        "No case for this action: do it in Seller Central ({where}).",
        "此待办无需Case：请在卖家后台处理（{where}）。",
    ),
    "health.no_action": ("Select an action first.", "请先选择一项待办。"),
    # the sources tab
    "health.sources.none": ("No report file read.", "未读取报告文件。"),
    "health.sources.records": (
        "{n} account records from the log, {first} … {last}",
        "Case 记录中的 {n} 条账户记录，{first} … {last}",
    ),
    "health.sources.records.one": (
        "1 account record from the log, {first}",
        "Case 记录中的 1 条账户记录，{first}",
    ),
    "health.notes": ("Notes", "备注"),
    "health.status.read": ("read", "已读取"),
    "health.status.partial": ("read in part", "部分读取"),
    "health.status.unreadable": ("not read", "未读取"),
    "health.status.unused": ("not used", "未使用"),
    # reading
    "health.loading": ("Opening the last review…", "正在打开上次的检查…"),
    "health.reading": ("Reading {n} files…", "正在读取 {n} 个文件…"),
    "health.reading.one": ("Reading 1 file…", "正在读取 1 个文件…"),
    "health.no_paths": (
        "Type the folder of your inventory reports (no review to read again yet).",
        "请输入库存报告所在的文件夹（尚无可重读的检查）。",
    ),
    "health.done": ("Reviewed: {files}, {actions}.", "检查完成：{files}，{actions}。"),
    "health.n_files_read": ("{n} files read", "读取 {n} 个文件"),
    "health.n_files_read.one": ("1 file read", "读取 1 个文件"),
    "health.not_recorded": (
        "Reviewed, but not remembered: the log is read-only ({notice}).",
        "检查完成，但未记入：Case 记录为只读（{notice}）。",
    ),
    "health.failed": ("Could not review: {error}", "无法检查：{error}"),
}
