"""Strings every screen shares: the app's title and app-wide actions (settings, scan,
language, quit, back), case statuses, dialog buttons, the read-only log, shared messages and
column names."""

from __future__ import annotations

from casewriter.store.statuses import STATUS_NAMES

STRINGS: dict[str, tuple[str, str]] = {
    # the app and its app-wide actions
    "app.title": ("casewriter", "casewriter 开Case 助手"),
    "act.settings": ("Settings", "设置"),
    "tip.settings": (
        "Profiles, marketplace, language, follow-up hours",
        "店铺资料、站点、语言、跟进时间",
    ),
    "act.scan": ("Scan reports", "扫描报告"),
    "tip.scan": (
        "Find claimable discrepancies in downloaded reports",
        "从下载的报告中查找可索赔差异",
    ),
    "act.language": ("中文", "English"),
    "tip.language": ("Switch the interface language", "切换界面语言"),
    "act.quit": ("Quit", "退出"),
    "tip.quit": ("Leave casewriter", "退出 casewriter"),
    "act.palette": ("palette", "命令面板"),
    # list separators: "a; b" / "a；b", "a, b" / "a、b"
    "list.semicolon": ("; ", "；"),
    "list.comma": (", ", "、"),
    "palette.placeholder": ("Search for commands…", "搜索命令…"),
    # Textual's own system commands in the palette (casewriter.tui.palette.system_commands)
    "sys.Theme": ("Theme", "主题"),
    "sys.Theme.help": ("Change the current theme", "更换配色主题"),
    "sys.Quit": ("Quit", "退出"),
    "sys.Quit.help": ("Quit the application as soon as possible", "立即退出 casewriter"),
    "sys.Keys": ("Keys", "按键"),
    "sys.Keys.help": (
        "Show help for the focused widget and a summary of available keys",
        "显示当前控件的帮助和可用按键",
    ),
    "sys.Keys.help.hide": ("Hide the keys and widget help panel", "隐藏按键与帮助面板"),
    "sys.Minimize": ("Minimize", "还原"),
    "sys.Minimize.help": (
        "Minimize the widget and restore to normal size",
        "把最大化的控件还原为正常大小",
    ),
    "sys.Maximize": ("Maximize", "最大化"),
    "sys.Maximize.help": ("Maximize the focused widget", "最大化当前控件"),
    "sys.Screenshot": ("Screenshot", "截图"),
    "sys.Screenshot.help": (
        "Save an SVG 'screenshot' of the current screen",
        "把当前屏幕保存为 SVG 截图",
    ),
    "tip.palette": (
        "Open the command palette: every action of this screen",
        "打开命令面板：本屏的所有操作",
    ),
    "act.back": ("Back", "返回"),
    "tip.back": ("Go back to the previous screen", "返回上一屏"),
    # the footer's palette key: "more" when some keys do not fit the width
    "footer.palette": ("palette", "命令面板"),
    "footer.more": ("more…", "更多…"),
    "footer.palette_tip": (
        "Every command of this screen, found by name",
        "按名称查找本屏的所有命令",
    ),
    # table columns several screens show
    "col.id": ("ID", "编号"),
    "col.status": ("Status", "状态"),
    # case statuses
    **{f"status.{status}": names for status, names in STATUS_NAMES.items()},
    # counts and days (i18n.tn picks ".one" for 1; i18n.days_text words a signed count)
    "days.left": ("{n} days left", "剩余 {n} 天"),
    "days.left.one": ("1 day left", "剩余 1 天"),
    "days.today": ("closes today", "今天截止"),
    "days.overdue": ("{n} days overdue", "已过期 {n} 天"),
    "days.overdue.one": ("1 day overdue", "已过期 1 天"),
    # dialogs
    "dlg.ok": ("OK", "确定"),
    "dlg.cancel": ("Cancel", "取消"),
    "dlg.yes": ("Yes", "是"),
    "dlg.no": ("No", "否"),
    "dlg.submit": ("OK", "确定"),
    "dlg.ok_ctrl_s": ("OK (ctrl+s)", "确定 (ctrl+s)"),
    "dlg.cancel_key": ("Cancel (Esc)", "取消 (Esc)"),
    "dlg.tip.submit": ("Use what was typed", "使用所填内容"),
    "dlg.tip.cancel": ("Close without changing anything", "关闭，不做任何更改"),
    "dlg.tip.yes": ("Answer yes", "回答“是”"),
    "dlg.tip.no": ("Answer no (Esc too)", "回答“否”（Esc 亦可）"),
    "dlg.keys_single": ("Enter: OK · Esc: cancel", "回车：确定 · Esc：取消"),
    "dlg.keys_multi": (
        "Enter: new line · ctrl+s: OK · Esc: cancel",
        "回车：换行 · ctrl+s：确定 · Esc：取消",
    ),
    "dlg.keys_confirm": ("y: yes · n or Esc: no", "y：是 · n 或 Esc：否"),
    "dlg.keys_choice": (
        "↑/↓: choose · Enter: OK · Esc: cancel",
        "↑/↓：选择 · 回车：确定 · Esc：取消",
    ),
    "msg.empty": ("Please type something.", "请输入内容。"),
    # dates typed in a prompt or a form
    "msg.bad_date": (
        "Not a date: {text} (use YYYY-MM-DD or +3d)",
        "不是有效日期：{text}（请用 YYYY-MM-DD 或 +3d）",
    ),
    # the case log opened read-only (it cannot be written here)
    "log.read_only": ("⚠ {notice}", "⚠ Case 记录为只读，无法保存更改（{notice}）"),
    "log.refused": ("Not saved: {notice}", "未保存：Case 记录为只读（{notice}）"),
}
