"""Strings of the wizard's item lines (evidence step): the fields of a line, the line list and its
keys, totals, and what the review and the paste box say about lines."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # the fields of one line (short: a label column at 80 columns)
    "wz.item.fnsku": ("FNSKU", "FNSKU"),
    "wz.item.asin": ("ASIN", "ASIN"),
    "wz.item.sku": ("SKU", "SKU"),
    "wz.item.lpn": ("LPN", "LPN"),
    "wz.item.reference_id": ("Reference ID", "参考编号"),
    "wz.item.quantity": ("Quantity", "数量"),
    "wz.item.date": ("Date", "日期"),
    "wz.item.fulfillment_center": ("FC", "运营中心"),
    # the list of lines and its keys
    "wz.items.help": ("One line per product, with its own quantity.", "每个商品一行，各填数量。"),
    "wz.items.keys": (
        "↑/↓ choose a line · Enter edit it · a add · d remove",
        "↑/↓ 选择一行 · 回车 编辑 · a 添加 · d 删除",
    ),
    "wz.items.none": (
        "No item lines yet: type the first one below.",
        "还没有商品明细：请在下方填写第一行。",
    ),
    "wz.items.add": ("Add line", "添加一行"),
    "wz.items.remove": ("Remove line", "删除此行"),
    "wz.items.tip.add": ("Add an item line and edit it", "添加一行商品明细并编辑"),
    "wz.items.tip.remove": ("Remove the chosen item line", "删除所选的商品明细"),
    "wz.items.tip.edit": ("Edit the chosen item line", "编辑所选的商品明细"),
    "wz.items.edit": ("Edit", "编辑"),
    "wz.items.editing": ("Line {n} of {total}", "第 {n} 行（共 {total} 行）"),
    "wz.items.new": ("Line {n} (new)", "第 {n} 行（新）"),
    "wz.items.empty": ("(empty)", "（空）"),
    "wz.items.lines": ("{n} lines", "{n} 行"),
    "wz.items.lines.one": ("1 line", "1 行"),
    "wz.items.total": ("{n} units in total", "合计 {n} 件"),
    "wz.items.total.one": ("1 unit in total", "合计 1 件"),
    "wz.items.total_unknown": (
        "{lines} · no total until every line has its quantity",
        "{lines} · 每行都填写数量后才有合计",
    ),
    "wz.items.disagree": (
        "{label} is {stated}, but the lines add up to {total}: the case states {total}.",
        "{label}填写为 {stated}，但各行合计为 {total}：Case 中写 {total}。",
    ),
    "wz.items.derived": (
        "Read from the {label} field: {n} lines, without a quantity each. Give each line its "
        "quantity here (the first change makes them item lines).",
        "从“{label}”字段读取：{n} 行，均无各自数量。请在此为每行填写数量（一经修改即成为商品明细）。",
    ),
    "wz.items.derived_one": (
        "Read from the {label} field, with the case's total. A change here makes it an item line.",
        "从“{label}”字段读取，数量取 Case 的合计。在此修改即成为商品明细。",
    ),
    "wz.items.in_lines": ("✓ in the item lines: {values}", "✓ 已在商品明细中：{values}"),
    "wz.items.use_lines": (
        "Given in the item lines below, when a line has it.",
        "如有，请在下方商品明细中填写。",
    ),
    "wz.items.no_product": (
        "✗ each line needs a product: {fields}",
        "✗ 每行都需要填写商品：{fields}",
    ),
    "wz.items.or": (" or ", "或"),
    "wz.items.missing": ("✗ {field} missing", "✗ 缺少{field}"),
    "wz.items.fact_hint": (
        "Computed from the item lines when every line has its quantity.",
        "每行都填写数量时，按商品明细计算。",
    ),
    "wz.items.date_hint": (
        "When the item lines have dates, the earliest one is used.",
        "商品明细填写了日期时，取最早的日期。",
    ),
    # the review's checklist and why a case is not ready
    "wz.items.line": ("{n}. {text}", "{n}. {text}"),
    "wz.items.line_no": ("line {n}", "第 {n} 行"),
    "ready.invalid_item_lines": (
        "item {lines} are not valid: fix them or remove them (step 2)",
        "商品明细{lines}无效：请改正或删除（第 2 步）",
    ),
    "ready.invalid_item_lines.one": (
        "item {lines} is not valid: fix it or remove it (step 2)",
        "商品明细{lines}无效：请改正或删除（第 2 步）",
    ),
    "wz.items.list_sep": (", ", "、"),
    # the render's warnings about item lines, in the app's words (by the engine's code)
    "wz.w.item.total": (
        "{label} {how} {stated}, but the item lines add up to {total}: the case states {total}.",
        "{label}{how} {stated}，但商品明细合计为 {total}：Case 中写 {total}。",
    ),
    "wz.w.item.no_quantity": (
        "{n} {kind}s without a quantity for each: the case cannot say how many units of each. "
        "Give each item line its quantity (step 2).",
        "{n} 个{kind}没有各自的数量：Case 无法说明每个各有多少件。请为每行商品明细填写数量（第 2 步）。",
    ),
    "wz.w.item.date": (
        "{label} is {given}, but an item line is dated {earliest}: the window runs from the "
        "earliest, {earliest}.",
        "{label}为 {given}，但有一行商品明细的日期是 {earliest}：时限从最早的 {earliest} 起算。",
    ),
    # the paste box
    "wz.items.pasted": ("Item lines ← {items}", "商品明细 ← {items}"),
}
