"""The wizard's UI strings in English and Simplified Chinese (registered with ``i18n.register``).

Data only; ``register_strings()`` is called by the wizard screen before it composes.
"""

from __future__ import annotations

from casewriter.tui import i18n

WIZARD_STRINGS: dict[str, dict[str, str]] = {
    "wz.title": {"en": "New case", "zh": "新建案件"},
    "wz.title_edit": {"en": "Edit draft {case_id}", "zh": "编辑草稿 {case_id}"},
    "wz.step.type": {"en": "Case type", "zh": "案件类型"},
    "wz.step.evidence": {"en": "Facts & evidence", "zh": "事实与证据"},
    "wz.step.urgency": {"en": "Urgency", "zh": "紧急程度"},
    "wz.step.review": {"en": "Review", "zh": "检查与提交"},
    "wz.back": {"en": "Back", "zh": "上一步"},
    "wz.next": {"en": "Next", "zh": "下一步"},
    "wz.cancel": {"en": "Close", "zh": "关闭"},
    "wz.tip.back": {
        "en": "Previous step (what you typed is kept)",
        "zh": "上一步（已填内容会保留）",
    },
    "wz.tip.next": {"en": "Next step", "zh": "下一步"},
    "wz.tip.cancel": {
        "en": "Close the wizard (the draft stays autosaved)",
        "zh": "关闭向导（草稿已自动保存）",
    },
    "wz.extract": {"en": "Extract IDs", "zh": "提取编号"},
    "wz.tip.extract": {
        "en": "Find identifiers in the pasted text and fill empty fields",
        "zh": "从粘贴的文本中识别编号并填入空白字段",
    },
    "wz.copy": {"en": "Copy", "zh": "复制"},
    "wz.tip.copy": {
        "en": "Copy subject, body and OER request (OSC 52; may not work in every terminal)",
        "zh": "复制标题、正文和OER请求（OSC 52，部分终端不支持）",
    },
    "wz.save_file": {"en": "Save to file", "zh": "保存为文件"},
    "wz.tip.save_file": {"en": "Write the case text to a file", "zh": "把案件文本写入文件"},
    "wz.save_draft": {"en": "Save draft", "zh": "保存草稿"},
    "wz.tip.save_draft": {"en": "Save to the case log as a draft", "zh": "作为草稿保存到案件记录"},
    "wz.mark_filed": {"en": "Mark filed", "zh": "标记已提交"},
    "wz.tip.mark_filed": {
        "en": "Log the case as filed with its Seller Central case ID",
        "zh": "用卖家后台案件编号把案件记为已提交",
    },
    "wz.no_engine": {"en": "Cannot load case types: {error}", "zh": "无法加载案件类型：{error}"},
    "wz.unknown_type": {"en": "Unknown case type {case_type}", "zh": "未知案件类型 {case_type}"},
    # type step
    "wz.type.search": {
        "en": "Search case types (English or 中文)…",
        "zh": "搜索案件类型（中文或英文）…",
    },
    "wz.type.none": {"en": "No case type matches.", "zh": "没有匹配的案件类型。"},
    "wz.type.pick": {
        "en": "Pick a case type (↑/↓, Enter).",
        "zh": "请选择案件类型（↑/↓，回车）。",
    },
    "wz.type.marketplace": {"en": "Marketplace", "zh": "站点"},
    "wz.type.profile": {"en": "Seller profile", "zh": "店铺"},
    "wz.type.no_profile": {"en": "(no profile)", "zh": "（无店铺资料）"},
    "wz.type.filed_at": {"en": "Where to file", "zh": "提交位置"},
    "wz.type.window": {"en": "Claim window ({marketplace})", "zh": "索赔期限（{marketplace}）"},
    "wz.type.no_window": {
        "en": "No claim window for this case type on {marketplace}.",
        "zh": "该案件类型在 {marketplace} 没有索赔期限。",
    },
    "wz.type.rule": {
        "en": "{min}–{max} after {clock}",
        "zh": "{clock}后 {min}–{max}",
    },
    "wz.type.days": {"en": "{n} days", "zh": "{n} 天"},
    "wz.type.months": {"en": "{n} months", "zh": "{n} 个月"},
    "wz.type.source": {
        "en": "source: {source}, as of {as_of}",
        "zh": "来源：{source}，截至 {as_of}",
    },
    "wz.type.tips": {"en": "Tips", "zh": "提示"},
    "wz.type.oer": {"en": "An OER request can be attached.", "zh": "可附加 OER 请求。"},
    "wz.type.need": {"en": "Choose a case type first.", "zh": "请先选择案件类型。"},
    "group.inbound": {"en": "Inbound (FBA shipments)", "zh": "入库（FBA货件）"},
    "group.inventory": {"en": "FBA inventory", "zh": "FBA库存"},
    "group.returns": {"en": "Returns and removals", "zh": "退货与移除"},
    "group.orders": {"en": "Orders", "zh": "订单"},
    "group.account": {"en": "Account health and listings", "zh": "账户健康与商品"},
    # evidence step
    "wz.ev.paste": {
        "en": "Paste an email, a Seller Central page or any text here, then Extract IDs (F5):",
        "zh": "在此粘贴邮件、卖家后台页面或任意文本，然后提取编号（F5）：",
    },
    "wz.ev.filled": {"en": "Filled: {items}", "zh": "已填入：{items}"},
    "wz.ev.nothing": {
        "en": "No identifiers found for the empty fields of this case type.",
        "zh": "没有找到可填入本案件类型空白字段的编号。",
    },
    "wz.ev.skipped": {"en": "Not used: {items}", "zh": "未使用：{items}"},
    "wz.ev.evidence": {"en": "Evidence", "zh": "证据"},
    "wz.ev.facts": {"en": "Facts", "zh": "事实"},
    "wz.ev.narrative": {"en": "In your words (English)", "zh": "补充说明（请用英文）"},
    "wz.ev.what_happened": {"en": "What happened", "zh": "发生了什么"},
    "wz.ev.request": {"en": "What you ask Amazon to do", "zh": "希望亚马逊做什么"},
    "wz.ev.checked": {
        "en": "What you already checked (one per line)",
        "zh": "已核查的内容（每行一条）",
    },
    "wz.ev.required": {"en": "* required", "zh": "* 必填"},
    "wz.ev.one_per_line": {"en": "one per line", "zh": "每行一个"},
    "wz.ev.path_hint": {"en": "file path; accepted: {types}", "zh": "文件路径；接受：{types}"},
    "wz.ev.no_attach": {
        "en": "This case type takes no attachments (send them another way).",
        "zh": "此案件类型不接受附件（请通过其他方式发送）。",
    },
    "wz.ev.valid": {"en": "✓ {value}", "zh": "✓ {value}"},
    "wz.ev.unverified": {"en": "? {value}: {reason}", "zh": "? {value}：{reason}"},
    "wz.ev.invalid": {"en": "✗ {value}: {reason}", "zh": "✗ {value}：{reason}"},
    "wz.ev.too_many": {"en": "at most {n} value(s)", "zh": "最多 {n} 个"},
    "wz.ev.file_missing": {"en": "file not found", "zh": "文件不存在"},
    "wz.ev.file_type": {
        "en": "type .{ext} not accepted ({types})",
        "zh": "不接受 .{ext} 类型（{types}）",
    },
    "wz.ev.file_big": {"en": "larger than {mb} MB", "zh": "超过 {mb} MB"},
    "wz.ev.file_ok": {"en": "✓ {name} ({size} KB)", "zh": "✓ {name}（{size} KB）"},
    "wz.ev.date_as": {"en": "read as {value}", "zh": "识别为 {value}"},
    "wz.ev.yes": {"en": "yes", "zh": "是"},
    "wz.ev.no": {"en": "no", "zh": "否"},
    "wz.ev.choose": {"en": "(choose)", "zh": "（请选择）"},
    # urgency step
    "wz.urg.suggested": {"en": "Suggested: {level}", "zh": "建议：{level}"},
    "wz.urg.routine": {"en": "Routine", "zh": "常规"},
    "wz.urg.high": {"en": "High", "zh": "高"},
    "wz.urg.urgent": {"en": "Urgent", "zh": "紧急"},
    "wz.urg.why": {"en": "Why", "zh": "原因"},
    "wz.urg.deadline": {"en": "Deadline", "zh": "期限"},
    "wz.urg.no_deadline": {
        "en": "No claim window applies (or its start date is not filled in yet).",
        "zh": "没有适用的索赔期限（或尚未填写起算日期）。",
    },
    "wz.urg.window": {
        "en": "Opens {opens} · closes {closes} · {days} days left",
        "zh": "开始 {opens} · 截止 {closes} · 剩余 {days} 天",
    },
    "wz.urg.safe_by": {"en": "Safer to file by {date}", "zh": "建议在 {date} 之前提交"},
    "wz.urg.status.claimable": {"en": "claimable", "zh": "可索赔"},
    "wz.urg.status.too-early": {"en": "too early to file", "zh": "尚未到可提交时间"},
    "wz.urg.status.expired": {"en": "expired", "zh": "已过期"},
    "wz.urg.source": {"en": "Source: {source}", "zh": "来源：{source}"},
    "wz.urg.oer": {"en": "Attach an OER request", "zh": "附加 OER 请求"},
    "wz.urg.oer_na": {
        "en": "This case type has no OER request.",
        "zh": "此案件类型没有 OER 请求。",
    },
    "wz.urg.rare": {
        "en": "Keep “urgent” rare: use it only when inventory or the account is at real risk. "
        "When you file, also tick Seller Central's own “mark as urgent” option.",
        "zh": "请谨慎使用“紧急”：仅在库存或账户面临真实风险时使用。提交时，也请勾选卖家后台"
        "自带的“标记为紧急”选项。",
    },
    # review step
    "wz.rev.subject": {"en": "Subject", "zh": "标题"},
    "wz.rev.body": {"en": "Body", "zh": "正文"},
    "wz.rev.oer": {"en": "OER request", "zh": "OER 请求"},
    "wz.rev.no_oer": {"en": "(no OER request)", "zh": "（无 OER 请求）"},
    "wz.rev.checklist": {"en": "Checklist", "zh": "证据清单"},
    "wz.rev.warnings": {"en": "Warnings", "zh": "警告"},
    "wz.rev.ready": {"en": "Ready to file", "zh": "可以提交"},
    "wz.rev.not_ready": {
        "en": "Not ready: fix the missing or invalid items (you can still save a draft)",
        "zh": "尚未就绪：请补齐缺失或无效的项目（仍可保存草稿）",
    },
    "wz.rev.counts": {
        "en": "Subject {s}/{smax} chars · body {b}/{bmax} chars",
        "zh": "标题 {s}/{smax} 字符 · 正文 {b}/{bmax} 字符",
    },
    "wz.rev.edited": {"en": "edited", "zh": "已修改"},
    "wz.rev.status.provided": {"en": "provided", "zh": "已提供"},
    "wz.rev.status.missing": {"en": "missing", "zh": "缺失"},
    "wz.rev.status.invalid": {"en": "invalid", "zh": "无效"},
    "wz.rev.status.unverified": {"en": "unverified", "zh": "未验证"},
    "wz.rev.duplicate": {
        "en": "Possible duplicate: {case_id} ({status}) “{subject}”",
        "zh": "可能重复：{case_id}（{status}）“{subject}”",
    },
    "wz.rev.sc_id": {"en": "Seller Central case ID", "zh": "卖家后台案件编号"},
    "wz.rev.file_path": {"en": "Save to", "zh": "保存到"},
    "wz.rev.copied": {"en": "Copied to the clipboard.", "zh": "已复制到剪贴板。"},
    "wz.rev.saved_file": {"en": "Saved to {path}", "zh": "已保存到 {path}"},
    "wz.rev.file_error": {"en": "Cannot write {path}: {error}", "zh": "无法写入 {path}：{error}"},
    "wz.rev.saved": {"en": "Saved as draft {case_id}", "zh": "已保存草稿 {case_id}"},
    "wz.rev.filed": {
        "en": "{case_id} marked as filed ({sc_id})",
        "zh": "{case_id} 已标记为已提交（{sc_id}）",
    },
    "wz.rev.need_id": {
        "en": "Enter the Seller Central case ID first.",
        "zh": "请先输入卖家后台案件编号。",
    },
    "wz.rev.bad_id": {"en": "Case ID: {reason}", "zh": "案件编号：{reason}"},
    "wz.rev.not_ready_file": {
        "en": "Not ready to file: {items}",
        "zh": "尚不能提交：{items}",
    },
    "wz.rev.store_error": {"en": "Case log: {error}", "zh": "案件记录：{error}"},
    "wz.rev.render_error": {"en": "Cannot render: {error}", "zh": "无法生成：{error}"},
    "wz.autosaved": {"en": "Autosaved", "zh": "已自动保存"},
}


def register_strings() -> None:
    """Make the wizard's strings available through ``t()``."""
    i18n.register(WIZARD_STRINGS)
