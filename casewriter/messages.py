"""Text the core says to a user in either UI language: ``Said``, ``say`` and the bilingual table.

A ``Said`` is a ``str`` whose value is the English text (so the CLI, the JSON output and every
caller that treats a warning as a string keep working unchanged) and that also carries its
Chinese form, its message ``code`` and the ``params`` it was built from. ``say(value, lang)``
answers in the language the caller asks for; a plain ``str`` (a user's text, a report's value) is
returned as it is. Built with ``said(code, **params)`` from ``MESSAGES`` (one code, an English and
a Chinese template side by side; a module with its own wording keeps its table and uses
``said_from``), ``pair(en, zh)`` for a catalog label, or ``join``.

A parameter that is itself a ``Said`` (a slot's label, a nested reason) is said in the same
language as the message around it. Stdlib only: the engine, ``dates`` and the TUI use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

LANGS: tuple[str, ...] = ("en", "zh")


class Said(str):
    """English text (the ``str`` value) that can also say itself in Chinese."""

    zh: str
    code: str
    params: dict[str, object]

    def __new__(
        cls, en: str, zh: str = "", *, code: str = "", params: dict[str, object] | None = None
    ) -> Said:
        self = super().__new__(cls, en)
        self.zh = zh or en
        self.code = code
        self.params = dict(params or {})
        return self

    def text(self, lang: str) -> str:
        """This text in ``lang`` ("en" or "zh")."""
        return self.zh if lang == "zh" else str.__str__(self)

    def __reduce__(self) -> tuple[object, ...]:  # pickles (xdist, copies) keep both languages
        return (Said, (str.__str__(self), self.zh), {"code": self.code, "params": self.params})


def say(value: object, lang: str) -> str:
    """``value`` in ``lang``: a ``Said`` in that language, anything else as ``str(value)``."""
    if isinstance(value, Said):
        return value.text(lang)
    return "" if value is None else str(value)


def pair(en: str, zh: str) -> Said:
    """A catalog label (or any text given in both languages)."""
    return Said(en, zh)


def join(sep: str, parts: Iterable[object], sep_zh: str | None = None) -> Said:
    """``sep.join(parts)`` in both languages (``sep_zh``: the Chinese separator, if different)."""
    items = list(parts)
    zh_sep = sep if sep_zh is None else sep_zh
    return Said(sep.join(say(p, "en") for p in items), zh_sep.join(say(p, "zh") for p in items))


def said(code: str, **params: object) -> Said:
    """The message ``code`` of ``MESSAGES`` with ``params``, in both languages."""
    return said_from(MESSAGES, code, params)


def said_from(table: Mapping[str, tuple[str, str]], code: str, params: dict[str, object]) -> Said:
    """The message ``code`` of ``table`` (a module's own wording, such as the claim-window
    table of ``engine.deadline_text``) with ``params``, in both languages."""
    en, zh = table[code]
    return Said(
        _format(en, params, "en"), _format(zh, params, "zh"), code=code, params=dict(params)
    )


def _format(template: str, params: dict[str, object], lang: str) -> str:
    return template.format(**{k: say(v, lang) for k, v in params.items()})


def missing_translations(table: Mapping[str, tuple[str, str]] | None = None) -> list[str]:
    """Codes of ``table`` (``MESSAGES``) whose Chinese or English template is empty."""
    return sorted(code for code, texts in (table or MESSAGES).items() if not all(texts))


#: code → (English, 简体中文). ``{value}`` parameters arrive already quoted where the English
#: quotes them (``'abc'``); the Chinese quotes with “”.
MESSAGES: dict[str, tuple[str, str]] = {
    # values typed into facts and evidence (engine.facts, dates)
    "value.whole_expected": (
        "{field}: expected a whole number, got {value}",
        "{field}：应为整数，收到的是 {value}",
    ),
    "value.not_whole": ("{field}: {value} is not a whole number", "{field}：“{raw}”不是整数"),
    "value.too_large": (
        "{field}: {value} is too large (at most {limit})",
        "{field}：{value} 太大（最多 {limit}）",
    ),
    "value.negative": (
        "{field}: must be 0 or more, got {value}",
        "{field}：不能小于 0（收到 {value}）",
    ),
    "value.amount_expected": (
        "{field}: expected an amount, got {value}",
        "{field}：应为金额，收到的是 {value}",
    ),
    "value.not_amount": (
        "{field}: {value} is not an amount (e.g. 24.99)",
        "{field}：“{raw}”不是金额（例如 24.99）",
    ),
    "value.not_percent": (
        "{field}: {value} is not a percentage (e.g. 3.5 or 3.5%)",
        "{field}：“{raw}”不是百分比（例如 3.5 或 3.5%）",
    ),
    "value.percent_range": (
        "{field}: a percentage must be between 0 and 100, got {value}",
        "{field}：百分比须在 0 到 100 之间（收到 {raw}）",
    ),
    "value.yes_no": (
        "{field}: expected yes or no, got {value}",
        "{field}：应为“是”或“否”（收到 {raw}）",
    ),
    "value.text_expected": ("{field}: expected text, got a {kind}", "{field}：应为文字"),
    "value.not_choice": (
        "{field}: {value} is not one of {choices}",
        "{field}：“{raw}”不是可选值之一（{choices}）",
    ),
    "value.empty": ("empty value", "值为空"),
    "date.expected": (
        "{field}: expected a date, got {value}",
        "{field}：应为日期，收到的是 {value}",
    ),
    "date.empty": ("{field}: empty date", "{field}：日期为空"),
    "date.no_year": (
        "{field}: {value} has no year (try YYYY-MM-DD)",
        "{field}：“{raw}”缺少年份（请写成 YYYY-MM-DD）",
    ),
    "date.not_real": ("{field}: {value} is not a real date", "{field}：“{raw}”不是有效日期"),
    "date.read_as": (
        "{field}: {raw} read as {value} ({why})",
        "{field}：{raw} 读作 {value}（{why}）",
    ),
    "date.how": ("{how}, as on {market}", "按 {market} 的写法，{how}"),
    "date.day_first": ("day first", "日在前"),
    "date.month_first": ("month first", "月在前"),
    "date.year_from": ("year from the as-of date {as_of}", "年份按截至日期 {as_of} 推定"),
    "date.not_date": (
        "{field}: {value} is not a date (try YYYY-MM-DD)",
        "{field}：“{raw}”不是日期（请写成 YYYY-MM-DD）",
    ),
    "date.range": (
        "dates from {first} to {last} are accepted",
        "可接受的日期为 {first} 至 {last}",
    ),
    "date.out_of_range": (
        "{field}: {value} is out of range ({range})",
        "{field}：{value} 超出范围（{range}）",
    ),
    # a file the user named, refused before it is read (casewriter.files); {what} is the kind
    # of file ("report file"), {a_what} the same with its article ("a report file")
    "read.no_such": ("{path}: no such {what}", "{path}：找不到该{what}"),
    "read.folder": ("{path}: is a folder, not {a_what}", "{path}：是文件夹，不是{a_what}"),
    "read.not_regular": (
        "{path}: is not a regular file (a device, pipe or socket), not {a_what}",
        "{path}：不是普通文件（而是设备、管道或套接字），不能作为{a_what}读取",
    ),
    "read.bad_name": ("{name}: not a valid file name", "“{raw}”：不是有效的文件名"),
    "read.cannot": ("{path}: cannot read: {why}", "{path}：无法读取：{why}"),
    "read.too_large": (
        "{path}: too large for {a_what} ({size}; at most {limit})",
        "{path}：作为{a_what}太大（{size}；最多 {limit}）",
    ),
    "read.too_large_more": (
        "{path}: too large for {a_what} (more than {limit})",
        "{path}：作为{a_what}太大（超过 {limit}）",
    ),
    "read.stdin_cannot": ("standard input: cannot read: {why}", "标准输入：无法读取：{why}"),
    "read.stdin_too_large": (
        "standard input: too large for {a_what} (more than {limit})",
        "标准输入：作为{a_what}太大（超过 {limit}）",
    ),
    # attachments (engine.attachments)
    "file.type": (
        "{name}: .{ext} files are not accepted here ({allowed})",
        "{name}：此处不接受 .{ext} 文件（{allowed}）",
    ),
    "file.type_value": (
        ".{ext} files are not accepted here ({allowed})",
        "此处不接受 .{ext} 文件（{allowed}）",
    ),
    "file.accepted": ("accepted: {allowed}", "可用：{allowed}"),
    "file.accepted_belief": (
        "accepted: {allowed}; Amazon documents no list for this kind of case, "
        "so this is casewriter's belief",
        "可用：{allowed}；亚马逊未公布此类 Case 可用的文件类型，这是 casewriter 的判断",
    ),
    "file.nul": (
        "the path holds a NUL character (\\x00), which no file name can",
        "路径中有 NUL 字符（\\x00），文件名不能含有它",
    ),
    "file.path_long": (
        "the path is {n} characters long (at most {limit})",
        "路径长 {n} 个字符（最多 {limit} 个）",
    ),
    "file.no_user": (
        "~{name}: there is no user {quoted} on this computer, so no home folder",
        "~{name}：这台电脑上没有用户“{name}”，因此没有对应的主文件夹",
    ),
    "file.no_home": (
        "~: cannot find your home folder (HOME is not set)",
        "~：找不到您的主文件夹（未设置 HOME）",
    ),
    "file.path_problem": ("{name}: {problem}", "{name}：{problem}"),
    "file.not_found": ("{name}: file not found ({path})", "{name}：找不到文件（{path}）"),
    "file.unreadable": ("{name}: cannot read ({why})", "{name}：无法读取（{why}）"),
    "file.not_file": ("{name}: not a file ({path})", "{name}：不是文件（{path}）"),
    "file.too_big": (
        "{name}: {size} MB is over the {limit} MB limit",
        "{name}：{size} MB，超过 {limit} MB 的上限",
    ),
    "file.empty": ("{name}: the file is empty", "{name}：文件是空的"),
    # the checklist and its warnings (engine.checklist)
    "ev.not_slot": (
        "Evidence {key} is not a slot of {case_type}; it was left out.",
        "证据 {key} 不属于此 Case 类型（{case_type}），已略去。",
    ),
    "ev.unknown_slot": (
        "Attachment {name} names an unknown slot {key}; it was left out.",
        "附件 {name} 指向未知的证据项 {key}，已略去。",
    ),
    "ev.bad": ("{value}: {reason}", "“{raw}”：{reason}"),
    "ev.not_valid": ("not a valid {kind}", "不是有效的 {kind}"),
    "ev.did_you_mean": (" (did you mean {suggestion}?)", "（是否应为 {suggestion}？）"),
    "ev.suggest": (" ({suggestion})", "（{suggestion}）"),
    "ev.left_out": (
        "{label}: {bad}. It is left out of the case text.",
        "{label}：{bad}。该值不会写入 Case 正文。",
    ),
    "ev.twice": (
        "{label}: {value} is listed twice; it is shown once.",
        "{label}：{value} 重复填写，只保留一次。",
    ),
    "ev.attachment": ("Attachment ({label}) {problem}.", "附件（{label}）{problem}。"),
    "ev.at_least": ("needs at least {n} ({given} given)", "至少需要 {n} 个（已填 {given} 个）"),
    "ev.at_most": ("takes at most {n} ({given} given)", "最多 {n} 个（已填 {given} 个）"),
    "ev.no_attachments": (
        "This response box takes no attachments: send the proof of delivery and other files "
        "to the buyer through Buyer-Seller Messages, and say so in the response.",
        "此回复框不接受附件：请通过买家与卖家消息把妥投证明等文件发给买家，并在回复中说明。",
    ),
    "ev.many_items": (
        "{n} items in one case is above the suggested {max}; consider splitting it.",
        "一个 Case 含 {n} 个商品，超过建议的 {max} 个；可考虑拆分。",
    ),
    "fact.missing": ("Missing fact: {label}.", "缺少信息：{label}。"),
    # why a case is not ready to file (engine.readiness)
    "ready.missing_evidence": ("Required evidence missing: {label}.", "缺少必需的证据：{label}。"),
    "ready.invalid_evidence": (
        "{label} is invalid ({reason}): {fix}.",
        "{label}无效（{reason}）：{fix}。",
    ),
    "ready.fix": ("fix it", "请改正"),
    "ready.fix_or_remove": ("fix it or remove it", "请改正或删除"),
    "ready.missing_fact": ("Required fact missing: {label}.", "缺少必需的信息：{label}。"),
    "ready.window_closed": (
        "The claim window closed on {closes} ({src}).",
        "索赔期已于 {closes} 结束（{src}）。",
    ),
    "ready.window_not_open": (
        "Too early: the claim window opens on {opens} ({src}).",
        "为时过早：索赔期从 {opens} 开始（{src}）。",
    ),
    # why scan drafting skipped a finding (services.drafting)
    "draft.bad_ids": ("an identifier fails its check: {ids}", "有编号未通过校验：{ids}"),
    "draft.partial": ("a report it needs was read only in part", "所需的某个报告只读取了一部分"),
    "draft.open_case": ("open case {ids}", "已有未结案的 Case {ids}"),
    "draft.denied": (
        "{status} case {id}: do not resubmit a declined request; reply in {where}",
        "Case {id}（{status}）：被拒的请求不要重新提交；请在{where} 中回复",
    ),
    "draft.reopen": (
        "{status} case {id}: reopen {where} instead of opening a new case",
        "Case {id}（{status}）：请重新打开{where}，不要新开 Case",
    ),
    "draft.sc_case": ("Seller Central case {sc}", "卖家后台 Case {sc}"),
    "draft.it": ("it", "该 Case"),
    "profile.none": (
        "No seller profile: add [profile] with your store name, or configure one.",
        "未设置店铺资料：请在设置（F2）中添加，或在 Case 文件中写入 [profile]。",
    ),
    # urgency reasons (engine.urgency; the days left: engine.deadline_text)
    "urg.fact": ("{label}: {value}", "{label}：{value}"),
    "urg.yes": ("yes", "是"),
    "urg.no": ("no", "否"),
    "urg.units": ("{n} units at stake", "涉及 {n} 件商品"),
    "urg.value": ("{currency} {amount} at stake", "涉及金额 {currency} {amount}"),
    "urg.metric": ("metric missing its target: {labels}", "指标未达标：{labels}"),
    "urg.none": (
        "no deadline close, no account risk and no large amount at stake",
        "期限不紧、账户无风险、涉及金额不大",
    ),
}
