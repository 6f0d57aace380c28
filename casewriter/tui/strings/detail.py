"""Strings of the case detail screen: header fields, timeline events, its actions and the
prompts they ask, and what they report."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # header and texts
    "detail.title": ("Case {id}", "Case {id}"),
    "detail.status": ("Status", "状态"),
    "detail.type": ("Type", "类型"),
    "detail.marketplace": ("Marketplace", "站点"),
    "detail.profile": ("Seller", "店铺"),
    "detail.sc_case_id": ("Seller Central case", "卖家后台 Case 编号"),
    "detail.follow_up": ("Follow-up", "跟进时间"),
    "detail.deadline": ("Claim deadline", "索赔截止"),
    "detail.none": ("—", "—"),
    "detail.subject": ("Subject", "标题"),
    "detail.body": ("Body", "正文"),
    "detail.timeline": ("Timeline", "时间线"),
    # actions
    "act.note": ("Note", "备注"),
    "tip.note": ("Add a note to the timeline", "在时间线中添加备注"),
    "act.amazon_reply": ("Amazon replied", "亚马逊回复"),
    "tip.amazon_reply": ("Record Amazon's reply", "记录亚马逊的回复"),
    "act.our_reply": ("We replied", "我方回复"),
    "tip.our_reply": ("Record the reply we sent", "记录我方发送的回复"),
    "act.status": ("Status", "状态"),
    "tip.status": ("Change the status (or reopen)", "更改状态（或重新打开）"),
    "act.follow_up": ("Follow-up", "跟进"),
    "tip.follow_up": ("Set or clear the follow-up date", "设置或清除跟进时间"),
    "act.file": ("Mark filed", "标记已提交"),
    "tip.file": (
        "Mark as filed with the Seller Central case id",
        "填写卖家后台 Case 编号并标记为已提交",
    ),
    "act.copy_subject": ("Copy subject", "复制标题"),
    "tip.copy_subject": (
        "Copy the subject to the clipboard (OSC 52)",
        "复制标题到剪贴板（OSC 52）",
    ),
    "act.copy_body": ("Copy body", "复制正文"),
    "tip.copy_body": ("Copy the body to the clipboard (OSC 52)", "复制正文到剪贴板（OSC 52）"),
    "act.save_file": ("Save to file", "保存到文件"),
    "tip.save_file": ("Save subject and body to a text file", "将标题和正文保存为文本文件"),
    "act.edit_draft": ("Edit draft", "编辑草稿"),
    "tip.edit_draft": ("Reopen this case's draft in the wizard", "在向导中重新打开此 Case 的草稿"),
    # what the actions ask
    "prompt.note": ("Note", "备注"),
    "prompt.amazon_reply": ("What did Amazon reply?", "亚马逊回复了什么？"),
    "prompt.our_reply": ("What did we reply?", "我方回复了什么？"),
    "prompt.status": ("New status for {id}", "{id} 的新状态"),
    "prompt.follow_up": (
        "Follow-up date (YYYY-MM-DD, +3d for in 3 days, empty to clear)",
        "跟进日期（YYYY-MM-DD，+3d 表示三天后，留空则清除）",
    ),
    "q.file_not_ready": (
        "Not ready to file:\n{reasons}\nFile it anyway? The log records that it was filed "
        "although not ready, and why.",
        "尚不能提交：\n{reasons}\n仍要标记为已提交吗？Case 记录会注明此 Case 在未就绪时提交及其原因。",
    ),
    "dlg.file_anyway": ("File anyway", "仍然提交"),
    "prompt.file": ("Seller Central case id (10–11 digits)", "卖家后台 Case 编号（10–11 位数字）"),
    "prompt.save_file": ("Save to file (path)", "保存到文件（路径）"),
    # what the actions report
    "msg.noted": ("Added to the timeline.", "已添加到时间线。"),
    "msg.status_set": ("Status: {status}", "状态：{status}"),
    "msg.follow_up_set": ("Follow-up: {when}", "跟进：{when}"),
    "msg.follow_up_cleared": ("Follow-up cleared.", "已清除跟进。"),
    "msg.filed": ("Filed as Seller Central case {sc}", "已提交，卖家后台 Case 编号 {sc}"),
    "msg.copied": (
        "Copied {what} ({n} characters). If nothing was copied, use Save to file.",
        "已复制{what}（{n} 个字符）。如未复制成功，请使用“保存到文件”。",
    ),
    "msg.saved_file": ("Saved to {path}", "已保存到 {path}"),
    "what.subject": ("the subject", "标题"),
    "what.body": ("the body", "正文"),
    # timeline events
    "event.created": ("created", "创建"),
    "event.edited": ("edited", "编辑"),
    "event.filed": ("filed", "已提交"),
    "event.amazon-replied": ("Amazon replied", "亚马逊回复"),
    "event.we-replied": ("we replied", "我方回复"),
    "event.status-changed": ("status changed", "状态变更"),
    "event.note": ("note", "备注"),
    "event.reopened": ("reopened", "重新打开"),
    "event.linked": ("linked", "关联"),
    "event.follow-up-changed": ("follow-up changed", "跟进变更"),
    "event.amounts-changed": ("amounts changed", "金额变更"),
    "event.imported": ("imported", "导入"),
}
