"""The engine's warnings and readiness sentences in both UI languages: item lines (a total that
disagrees with the lines, lines without quantities, a line's invalid identifier), calculators
(a rate that misses its target, counts over an undocumented window), the render's own warnings
(urgent, length limits, placeholders, an unusual OER request, spelling), the clock fact taken
as the later of two dates, the claim-window hint, the language warning, a fact left out, and
the sentences of ``needs-one-of``, ``placeholders`` and the cases on the same problem.

Each is a ``casewriter.messages.Said`` (``ws(code, **params)``): its ``str`` is the English the
CLI and ``render --json`` print, unchanged; the app shows the Chinese. English names a fact by
its label and key ("Units missing (units_missing)", for a case file's author); Chinese by its
label only (the app never shows a key).
"""

from __future__ import annotations

from casewriter.messages import Said, said_from


def ws(code: str, **params: object) -> Said:
    """The message ``code`` of ``WORDS`` with ``params``, in both languages."""
    return said_from(WORDS, code, params)


def fact_name(label: Said | str, key: str) -> Said:
    """A fact as a warning names it: ``Units missing (units_missing)`` in English, its label
    alone in Chinese."""
    zh = label.zh if isinstance(label, Said) else str(label)
    return Said(f"{label} ({key})", zh)


def labelled(message: str, label_zh: str) -> Said:
    """A value error (``facts.units_shipped: 'ten' is not a whole number``) whose Chinese names
    the field by its label instead of its key (``发货数量：“ten”不是整数``)."""
    if not isinstance(message, Said):
        return Said(message)
    zh = message.zh.split("：", 1)
    text = f"{label_zh}：{zh[1]}" if len(zh) == 2 and label_zh else message.zh
    return Said(str.__str__(message), text, code=message.code, params=message.params)


WORDS: dict[str, tuple[str, str]] = {
    # item lines (engine.items)
    "item.bad_id": ("{label} {value}: {reason}", "{label}“{raw}”：{reason}"),
    "item.not_valid": ("not valid", "无效"),
    "item.no_product": ("no product ({fields})", "没有商品（{fields}）"),
    "item.missing": ("{label} missing", "缺少{label}"),
    "item.line": ("Item {item}: {reason}.", "商品 {item}：{reason}。"),
    "item.lines": ("{item}: {reason}", "{item}：{reason}"),
    "item.at_least": (
        "needs at least {n} lines ({given} given)",
        "至少需要 {n} 行（已填 {given} 行）",
    ),
    "item.given_as": ("was given as", "填写为"),
    "item.works_out": ("works out at", "算得"),
    "item.total": (
        "{label} {how} {stated}, but the items add up to {total}; the case states {total}.",
        "{label}{how} {stated}，但各商品合计为 {total}；Case 中写 {total}。",
    ),
    "item.no_quantity": (
        "{n} {kind}s given without a quantity for each: the case cannot say how many units of "
        "each. List each as an item line with its quantity ([[items]] in a case file).",
        "填了 {n} 个{kind}，但没有各自的数量：Case 无法说明每个商品各多少件。"
        "请在商品明细中逐行填写商品及其数量。",
    ),
    "item.date": (
        "{label} is {given}, but an item is dated {earliest}: the window runs from the "
        "earliest, {earliest}.",
        "{label}为 {given}，但有商品的日期是 {earliest}：索赔期从最早的 {earliest} 起算。",
    ),
    # counts that must add up (engine.counts)
    "count.mismatch": (
        "The counts do not add up: {terms} = {expected}, but {total} is {claimed}{how}. Check "
        "them before filing.",
        "数量对不上：{terms} = {expected}，但{total}为 {claimed}{how}。提交前请核对。",
    ),
    "count.from_items": (" (the item lines' total)", "（商品明细合计）"),
    # calculators (engine.calculators)
    "calc.window": (
        "{label}: your counts cover {days} days, but Amazon measures it over {windows} days "
        "({source}, as of {as_of}); copy the counts for the same window from Account Health",
        "{label}：您填写的数据覆盖 {days} 天，但亚马逊按 {windows} 天统计（{source}，截至 "
        "{as_of}）；请从“账户状况”复制同一统计周期的数据",
    ),
    "calc.window_warning": ("{warning}.", "{warning}。"),
    "calc.target": (
        "{label}: {rate}% (target {sign} {target}%){missed} (source: {source}, as of {as_of})",
        "{label}：{rate}%（目标 {sign} {target}%）{missed}（来源：{source}，截至 {as_of}）",
    ),
    "calc.above": (" – above target", " – 高于目标"),
    "calc.below": (" – below target", " – 低于目标"),
    "calc.alert": (
        "{label}: {rate}% ({words}){missed} (source: {source}, as of {as_of})",
        "{label}：{rate}%（{words}）{missed}（来源：{source}，截至 {as_of}）",
    ),
    "calc.alert_level": ("alert level {level}%", "警戒线 {level}%"),
    "calc.alert_norm": ("alert level {level}%, usual {norm}", "警戒线 {level}%，通常为 {norm}"),
    "calc.alert_reached": (" – at or above the alert level", " – 已达到或超过警戒线"),
    "calc.level_given": (
        "level given in facts.{key}; default {default}%: {source}",
        "警戒线取自您填写的数值；默认 {default}%：{source}",
    ),
    # the render (engine.rendering)
    "render.suggests_urgent": (
        'casewriter suggests "urgent" ({reasons}); set urgency = "urgent" in the case file to '
        "use it.",
        "casewriter 建议标为“紧急”（{reasons}）；如需使用，请在紧急程度一步选择“紧急”。",
    ),
    "render.oer_unusual": (
        "An OER request is unusual for {case_type}; check it fits before sending.",
        "此类 Case（{case_type}）通常不附 OER 请求；发送前请确认是否合适。",
    ),
    "render.placeholders": (
        "The text has placeholders for missing data ({names}); fill them in first.",
        "正文中还有缺失数据的占位符（{names}）；请先补上。",
    ),
    "render.subject_long": (
        "Subject is {n} characters, over the {limit} limit.",
        "标题有 {n} 个字符，超过 {limit} 个字符的上限。",
    ),
    "render.body_long": (
        "Body is {n} characters, over the {limit} limit; shorten it or split it.",
        "正文有 {n} 个字符，超过 {limit} 个字符的上限；请缩短或拆分。",
    ),
    "render.urgent_tick": (
        'Urgent: also tick Seller Central\'s "mark as urgent" option; keep urgent for '
        "time-critical cases.",
        "紧急：在卖家后台提交时也请勾选“将问题标记为紧急”；只有时间紧迫的 Case 才标为紧急。",
    ),
    "render.urgent_rare": (
        "Urgent should stay rare: the facts suggest {level}.",
        "“紧急”应少用：根据所填信息，建议为“{level}”。",
    ),
    "urgency.urgent": ("urgent", "紧急"),
    "urgency.high": ("high", "高"),
    "urgency.routine": ("routine", "普通"),
    "render.spelling": (
        "Your own text uses {other} spelling ({shown}) in a case for {market}, where the case "
        "text is in {style} spelling: consider rewording it to match.",
        "您自己写的文字用了{other}拼写（{shown}），而 {market} 的 Case 正文用{style}拼写："
        "建议改写一致。",
    ),
    "spelling.US": ("US", "美式"),
    "spelling.British": ("British", "英式"),
    # facts and deadlines (engine.context, engine.deadlines, engine.facts)
    "fact.later_of": (
        "{label} taken as {when}, the later of the dates given ({src}).",
        "{label}取为 {when}，即所填日期中较晚的一个（{src}）。",
    ),
    "fact.left_out": ("{error} (left out)", "{error}（已略去）"),
    "deadline.no_window": (
        "No documented claim window for {case_type} on the {marketplace} marketplace: check "
        "the time limit on Seller Central's help pages before filing.",
        "{marketplace} 站点的此类 Case（{case_type}）没有公开的索赔期：提交前请在卖家后台帮助页面"
        "核实时限。",
    ),
    "deadline.ask": (
        "Add {asks} to check the claim window ({clocks}).",
        "请填写{asks}，以便核对索赔期（{clocks}）。",
    ),
    # the language of the text for Amazon (engine.language)
    "lang.not_english": (
        "Text for Amazon is not in {language}, the language of the case: {found}. Write it in "
        "{language} before pasting (a profile's local name is only shown in casewriter).",
        "发给亚马逊的文字不是{language}（Case 使用{language}）：{found}。粘贴前请改写成{language}"
        "（店铺资料的本地名称只在 casewriter 中显示）。",
    ),
    "lang.found": ('{where} ("{part}")', "{where}（“{part}”）"),
    "lang.store_name": ("store name", "店铺名称"),
    "lang.signature": ("signature", "签名"),
    "lang.what_happened": ("narrative.what_happened", "补充说明：发生了什么"),
    "lang.request": ("narrative.request", "补充说明：希望亚马逊做什么"),
    "lang.checked": ("narrative.checked[{i}]", "已核对事项第 {i} 条"),
    "lang.attachment": ("attachment {name}", "附件 {name} 的说明"),
    "lang.item": ("items.{i}", "第 {i} 行商品明细"),
    # why a case is not ready, and the cases on the same problem (engine.readiness)
    "ready.needs_one_of": ("Needs at least one of: {listed}.", "至少需要以下一项：{listed}。"),
    "ready.placeholders": (
        "The text has placeholders for missing data ({names}).",
        "正文中还有缺失数据的占位符（{names}）。",
    ),
    "dup.open": (
        "{case_id} ({status}{filed}) is an open case on the same problem ({shared}): Amazon's "
        "support guidelines ask not to open a second case while one is open; reply in that case, "
        "or link the two if they really are different claims.",
        "{case_id}（{status}{filed}）是同一问题上仍在处理的 Case（{shared}）：亚马逊的支持准则"
        "要求不要在一个 Case 未结时再开第二个；请在那个 Case 中回复，若确实是不同的索赔，"
        "请把两者关联起来。",
    ),
    "dup.filed": (", Seller Central case {sc}", "，卖家后台 Case {sc}"),
    "dup.its_ids": ("its identifiers", "相同编号"),
    "dup.sc_case": ("Seller Central case {sc}", "卖家后台 Case {sc}"),
    "dup.no_sc": (
        "that case in Seller Central (the log holds no Seller Central case id for it)",
        "卖家后台中的那个 Case（Case 记录中没有它的卖家后台 Case 编号）",
    ),
    "dup.denied": (
        "Amazon denied {case_id} on the same problem ({shared}): its support guidelines ask "
        "not to resubmit a declined request. Reply in {where} with the new evidence instead of "
        "opening a new case.",
        "亚马逊已拒绝同一问题上的 {case_id}（{shared}）：其支持准则要求不要重复提交已被拒绝的"
        "请求。请在{where}中回复并附上新证据，而不是新开 Case。",
    ),
    "dup.closed": (
        "{case_id} ({status}) was on the same problem ({shared}): Amazon's support guidelines "
        "ask to reopen a closed case instead of opening a new one; reopen {where}.",
        "{case_id}（{status}）处理的是同一问题（{shared}）：亚马逊的支持准则要求重新打开已关闭"
        "的 Case，而不是新开一个；请重新打开{where}。",
    ),
}
