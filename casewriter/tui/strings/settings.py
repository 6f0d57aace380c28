"""Strings of the settings screen and its profile dialog."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # the form
    "settings.title": ("Settings", "设置"),
    "settings.profiles": ("Seller accounts (profiles)", "店铺资料"),
    "settings.language": ("Interface language", "界面语言"),
    "settings.marketplace": ("Default marketplace", "默认站点"),
    "settings.follow_up": ("Follow-up after filing (hours)", "提交后跟进（小时）"),
    "settings.default_profile": ("Default profile", "默认店铺"),
    "settings.saved": ("Settings saved to {path}", "设置已保存到 {path}"),
    "settings.save_failed": ("Could not save the settings: {error}", "无法保存设置：{error}"),
    "settings.bad_hours": (
        "Follow-up hours must be a whole number from 1 to 1440",
        "跟进小时数必须是 1 到 1440 的整数",
    ),
    # actions
    "act.save": ("Save", "保存"),
    "tip.save": ("Save the settings to config.toml", "将设置保存到 config.toml"),
    "act.add_profile": ("Add profile", "添加店铺"),
    "tip.add_profile": ("Add a seller account", "添加一个卖家账户"),
    "act.edit_profile": ("Edit profile", "编辑店铺"),
    "tip.edit_profile": ("Edit the selected seller account", "编辑选中的卖家账户"),
    "act.remove_profile": ("Remove profile", "删除店铺"),
    "tip.remove_profile": ("Remove the selected seller account", "删除选中的卖家账户"),
    # the profile dialog and the profiles table
    "profile.id": ("Profile id (short, e.g. northbay)", "店铺代号（简短，如 northbay）"),
    "profile.name": ("Store name as Amazon knows it", "亚马逊上的店铺名称"),
    "profile.local_name": (
        "Local name (optional; shown only in casewriter, never sent to Amazon)",
        "本地名称（可选；仅在本软件中显示，不会发给亚马逊）",
    ),
    "profile.token": ("Merchant token (optional)", "卖家记号（可选）"),
    "profile.marketplace": ("Default marketplace", "默认站点"),
    "profile.signature": ("Signature (optional)", "签名（可选）"),
    "profile.bad_id": (
        "The profile id must be letters, digits, - or _",
        "店铺代号只能包含字母、数字、- 或 _",
    ),
    "profile.dup_id": ("A profile with this id exists", "已存在此代号的店铺"),
    "profile.no_name": ("The store name is required", "必须填写店铺名称"),
    "profile.remove_q": ("Remove profile {id}?", "删除店铺 {id}？"),
    "col.name": ("Name", "名称"),
    "col.token": ("Merchant token", "卖家记号"),
    "col.marketplace": ("Marketplace", "站点"),
}
