"""Strings of the home screen: the case log table, its filter and search, the "needs
attention" panel, the first-run help and the autosave resume dialog."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # title and actions
    "home.title": ("Case log", "Case 记录"),
    "act.new": ("New case", "新建 Case"),
    "tip.new": ("Draft a new case in the wizard", "在向导中起草新 Case"),
    "act.open": ("Open", "打开"),
    "tip.open": ("Open the selected case", "打开选中的 Case"),
    "act.search": ("Search", "搜索"),
    "tip.search": ("Search subjects, bodies, notes and identifiers", "搜索标题、正文、备注和编号"),
    "act.filter": ("Filter", "筛选"),
    "tip.filter": ("Show only cases with one status", "只显示某一状态的 Case"),
    "act.edit": ("Edit draft", "编辑草稿"),
    "tip.edit": (
        "Reopen the selected case's draft in the wizard",
        "在向导中重新打开选中 Case 的草稿",
    ),
    "act.resume": ("Resume autosave", "恢复自动保存"),
    "tip.resume": (
        "Resume a draft you were writing when the app closed",
        "恢复上次关闭时正在写的草稿",
    ),
    "act.results": ("To the cases", "转到 Case 列表"),
    "tip.results": ("Leave the search box for the cases", "离开搜索框，转到 Case 列表"),
    "act.reload": ("Reload", "刷新"),
    "tip.reload": ("Reload the case log", "重新载入 Case 记录"),
    # the case table, filter, search and count
    "col.type": ("Type", "类型"),
    "col.subject": ("Subject", "标题"),
    "col.follow_up": ("Follow-up", "跟进"),
    "col.updated": ("Updated", "更新"),
    "search.placeholder": (
        "Search cases (order id, FNSKU, words, 中文)…",
        "搜索 Case（订单号、FNSKU、关键词）…",
    ),
    "filter.all": ("All statuses", "全部状态"),
    "home.count": ("{shown} of {n} cases", "共 {n} 个 Case，已显示 {shown} 个"),
    "home.count.one": ("{shown} of 1 case", "共 1 个 Case，已显示 {shown} 个"),
    "home.search_count": ("{n} matches for “{q}”", "“{q}” 找到 {n} 个结果"),
    "home.search_count.one": ("1 match for “{q}”", "“{q}” 找到 1 个结果"),
    "home.empty_body": (
        "Your case log is empty. Press n to draft your first case: pick the problem, fill in the order / shipment ids and evidence, and casewriter writes a case ready to paste into Seller Central. Press F3 to scan downloaded reports for claims, F2 for settings (add your seller account), ctrl+p for every command.",
        "Case 记录为空。按 n 起草第一个 Case：选择问题类型，填写订单号/货件编号和证据，casewriter 会生成可直接粘贴到卖家后台的 Case。按 F3 扫描下载的报告查找索赔，F2 打开设置（添加店铺），ctrl+p 查看全部命令。",
    ),
    "home.no_match": ("No case matches.", "没有匹配的 Case。"),
    # the "needs attention" panel
    "due.title": ("Needs attention", "待处理"),
    "due.none": (
        "Nothing due: no follow-up and no claim window closing within {days} days.",
        "暂无待办：{days} 天内没有需跟进的 Case 或即将截止的索赔。",
    ),
    "due.follow_up": ("Follow up {id} ({when}): {subject}", "跟进 {id}（{when}）：{subject}"),
    "due.overdue": (
        "OVERDUE {id} (since {when}): {subject}",
        "已逾期 {id}（自 {when}）：{subject}",
    ),
    "due.deadline": (
        "Deadline {id} closes {closes} ({days}): {subject}",
        "截止 {id}：{closes} 截止（{days}）：{subject}",
    ),
    "due.more": ("… and {n} more", "……还有 {n} 项"),
    "due.removal": (
        "Auto-removal {on} ({days}): {units} stranded unit(s) of {what}{where}: fix the listing before",
        "自动移除 {on}（{days}）：{what}{where} 的 {units} 件搁置库存，请在此之前修复商品信息",
    ),
    "due.removal_units_unknown": (
        "Auto-removal {on} ({days}): stranded units of {what}{where}: fix the listing before",
        "自动移除 {on}（{days}）：{what}{where} 的搁置库存，请在此之前修复商品信息",
    ),
    "due.a_listing": ("a listing", "一个商品"),
    "due.today": ("today", "今天"),
    "due.account_review": (
        "Weekly account review due{where}: last record {last} (h opens the Health review)",
        "每周账户检查已到期{where}：上次记录 {last}（按 h 打开健康检查）",
    ),
    "due.account_never": (
        "Weekly account review due: no Account Health record yet (h opens the Health review)",
        "每周账户检查已到期：尚无账户状况记录（按 h 打开健康检查）",
    ),
    "due.inventory_review": (
        "Monthly inventory health due: last review {last} (h opens the Health review)",
        "每月库存健康检查已到期：上次检查 {last}（按 h 打开健康检查）",
    ),
    "due.inventory_never": (
        "Monthly inventory health due: no inventory reports reviewed yet (h opens the Health review)",
        "每月库存健康检查已到期：尚未检查过库存报告（按 h 打开健康检查）",
    ),
    # the autosave resume dialog
    "resume.title": ("Resume the draft you were writing?", "恢复你之前正在写的草稿吗？"),
    "resume.body": (
        "{case_type} — {summary} (autosaved {when})",
        "{case_type} — {summary}（自动保存于 {when}）",
    ),
    "resume.yes": ("Resume", "恢复"),
    "resume.discard": ("Discard", "丢弃"),
    "resume.later": ("Later", "稍后"),
    "resume.tip.yes": ("Open the draft in the wizard", "在向导中打开草稿"),
    "resume.tip.discard": ("Delete the autosaved draft", "删除自动保存的草稿"),
    "resume.tip.later": ("Keep it for later (a on the home screen)", "留待以后（在首页按 a）"),
    "resume.none": ("No autosaved draft to resume.", "没有可恢复的自动保存草稿。"),
    # messages
    "msg.case_saved": ("Saved {case_id}", "已保存 {case_id}"),
    "msg.no_selection": ("Select a case first.", "请先选择一个 Case。"),
}
