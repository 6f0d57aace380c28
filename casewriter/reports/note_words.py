"""What a scan says about its findings and files, in both UI languages: a finding's notes (why
it is too early, what to check first, what was already reimbursed), the scan's own notes, and
why a file was not read or read only in part. Each is a ``casewriter.messages.Said``
(``wn(code, **params)``): its ``str`` is the English that ``scan`` and ``scan --json`` print,
unchanged; the app's scan screen (the finding's details) and health screen (its sources) show
the Chinese. Values from the reports (SKUs, Amazon's own codes and wording) stay as they are.
"""

from __future__ import annotations

from casewriter.messages import Said, said_from


def wn(key: str, **params: object) -> Said:
    """The message ``key`` of ``WORDS`` with ``params``, in both languages."""
    return said_from(WORDS, key, params)


WORDS: dict[str, tuple[str, str]] = {
    # a finding's notes
    "note.auto_reimburse": (
        "under {days} days old: Amazon usually finds or reimburses it by itself; check again on "
        "{day}",
        "不足 {days} 天：亚马逊通常会自行找回或赔偿；请于 {day} 再查看",
    ),
    "note.receiving": (
        "shipment status {status}: still receiving, wait until it is closed",
        "货件状态为 {status}：仍在接收中，请等货件关闭后再处理",
    ),
    "note.reimbursed": ("{n} unit(s) already reimbursed", "已有 {n} 件获得赔偿"),
    "note.read_in_part": (
        "a report this finding depends on was read only in part: check it before filing",
        "此发现所依据的某个报告只读取了一部分：提交前请先核对",
    ),
    "note.bad_id": (
        "the {name} {value} in the report fails its check ({reason}): check it in Seller "
        "Central; not drafted as a claim",
        "报告中的{name}“{raw}”未通过校验（{reason}）：请在卖家后台核对；不会起草索赔",
    ),
    "note.own_marketplace": (
        "its report row names {name} ({code}), but --marketplace {flag} was given: {flag}'s "
        "window is used; scan without --marketplace to use {code}'s",
        "其报告行注明 {name}（{code}），但指定了 --marketplace {flag}：使用的是 {flag} 的索赔期；"
        "不加 --marketplace 扫描即按 {code} 的索赔期计算",
    ),
    "note.not_valid": ("not a valid {name}", "不是有效的{name}"),
    "note.removal_reimbursed": (
        "{n} unit(s) already reimbursed for this removal order",
        "此移除订单已有 {n} 件获得赔偿",
    ),
    "note.removal_no_delivery": (
        "no report gives the delivery date: the window is counted from {start} (delivery is "
        "later, so the real window closes no earlier); enter the delivery date in the case",
        "没有报告给出送达日期：索赔期按{start}起算（实际送达更晚，所以真正的截止日期不会更早）；"
        "请在 Case 中填写送达日期",
    ),
    "note.last_ship": ("the last ship date {day}", "最后发货日期 {day} "),
    "note.unknown_day": ("an unknown date", "未知日期"),
    "note.removal_unconfirmed": (
        "no report shows whether this package arrived: if it never did, confirm it with "
        "--confirm-removal-lost {tracking} (or the removal order id) to draft the claim",
        "没有报告显示此包裹是否已送达：如确实从未收到，可在命令行扫描时加上 "
        "--confirm-removal-lost {tracking}（或移除订单编号）确认，再起草索赔",
    ),
    "note.researching": (
        "Manage FBA Inventory shows {n} unit(s) of {fnsku} still researching {waited} days after "
        "shipment {shipment} closed ({day}), and the ledger shows none found since",
        "“管理亚马逊库存”显示 {fnsku} 有 {n} 件在货件 {shipment} 关闭（{day}）{waited} 天后仍在"
        "调查中，库存分类账也没有显示之后找回",
    ),
    "note.researching_lead": (
        "{text} (Amazon may research for up to {days} days: {source}). Ask Amazon to finish "
        "researching them; when the ledger records them lost, file a warehouse-lost claim",
        "{text}（亚马逊调查最长可能需要 {days} 天：{source}）。请亚马逊尽快完成调查；库存分类账"
        "记为丢失后，再提交仓库丢失索赔",
    ),
    "note.no_window": (
        "{no_window} for {what} in {where}: no claim window is known for this marketplace, so "
        "{advice}",
        "{where} 站点没有公开的索赔期：{advice}",
    ),
    "note.advice_lead": (
        "check Seller Central help for the current rule before acting on it",
        "行动前请在卖家后台帮助页面核实现行规定",
    ),
    "note.advice_claim": (
        "file soon and check Seller Central help for the current rule",
        "请尽早提交，并在卖家后台帮助页面核实现行规定",
    ),
    "note.this_marketplace": ("this marketplace", "此"),
    "note.stranded": (
        "{act}: Amazon's fix: {fix} (reason: {reason})",
        "{act}：亚马逊建议：{fix}（原因：{reason}）",
    ),
    "note.act_by": ("act by {day}", "请于 {day} 前处理"),
    "note.act_soon": ("act soon", "请尽快处理"),
    "note.see_fix_page": ("see the Fix stranded inventory page", "见“修复无在售信息的库存”页面"),
    "note.not_given": ("not given", "未给出"),
    "note.auto_removal_passed": (
        "the auto-removal date has passed: check whether Amazon removed or disposed of the units",
        "自动移除日期已过：请核实亚马逊是否已移除或弃置这些商品",
    ),
    "note.storage_estimate": (
        "Amazon's estimate {charged} {currency} is above volume x average quantity x rate less "
        "incentives ({expected}): check the storage fee report and your Fee Preview before "
        "asking Amazon about it",
        "亚马逊估算的 {charged} {currency} 高于“体积 × 平均数量 × 费率 − 激励”（{expected}）："
        "联系亚马逊前请先核对仓储费报告和费用预览",
    ),
    "note.storage_tier_wrong": (
        "the storage fees report charged {month} at Amazon's tier {tier}; your measurements give "
        "{mine}: the tier is wrong, ask Amazon to re-measure (add {reports} to see the "
        "fulfilment fees charged at it)",
        "仓储费报告按亚马逊的分段 {tier} 收取了 {month} 的仓储费；按您的测量应为 {mine}："
        "分段有误，请要求亚马逊重新测量（加入{reports}可查看按该分段收取的配送费）",
    ),
    "note.fee_no_charge": (
        "Amazon's tier is above the one your measurements give, but the settlements given show "
        "no fee charge to claim: add {reports}",
        "亚马逊的尺寸分段高于按您的测量得出的分段，但所给结算报告中没有可索赔的费用：请加入{reports}",
    ),
    # the settlements that hold the charges still inside the window in force (the catalog's,
    # or the seller's own deadline override), or any recent ones when no window is documented
    "note.fee_reports_days": (
        "the settlement reports of the last {days} days",
        "最近 {days} 天的结算报告",
    ),
    "note.fee_reports_recent": ("your recent settlement reports", "最近的结算报告"),
    "note.fee_expired": (
        "{n} older charge(s), {units} unit(s), are past {window} and can no longer be claimed",
        "有 {n} 笔较早的收费（{units} 件）已超过{window}，无法再索赔",
    ),
    "note.fee_window_days": ("the {days}-day window", " {days} 天期限"),
    "note.fee_windows": ("their claim windows", "各自的索赔期"),
    "note.fee_unknown": (
        "{reason}{when}: the amount is unknown; the finding names both tiers, the fee charged "
        "and the units",
        "{reason}{when}：金额未知；此发现列出了两个尺寸分段、所收费用和件数",
    ),
    "note.fee_when": (" (charges of {days})", "（收费日期 {days}）"),
    # what a finding of unknown amount names instead (issue 14 §2)
    "note.fee_named": (
        "Amazon's tier: {theirs}; your tier: {mine}; fee charged: {charged}",
        "亚马逊的尺寸分段：{theirs}；您的尺寸分段：{mine}；所收费用：{charged}",
    ),
    "note.fee_paid": (
        "{fee} {currency} per unit on {units} unit(s)",
        "每件 {fee} {currency}，共 {units} 件",
    ),
    "note.price_from_preview": (
        "unit price {price} {currency} taken from the Fee Preview (today's price: the settlement "
        "has no item price for the charges of {days}); it chose the fee table's price band",
        "单价 {price} {currency} 取自费用预览（当前价格：结算报告中没有 {days} 这些收费的商品价格）；"
        "费用表的价格区间按此选择",
    ),
    "note.fee_from": (
        "fee for your tier from {name}{flag}",
        "按 {name} 计算的您所在分段的费用{flag}",
    ),
    "note.fee_belief": (
        " [belief: check it against your Fee Preview]",
        "［推测：请与费用预览核对］",
    ),
    "note.no_fee_table": (
        "no fee table held for {code} on the date of the charge",
        "没有 {code} 站点收费当日适用的费用表",
    ),
    "note.no_unit_price": (
        "the unit price is unknown, and it decides which fee table applies: {names}",
        "单价未知，而适用哪张费用表取决于单价：{names}",
    ),
    "note.price_range": (
        "the unit price ({price}) is outside the price range of {names}",
        "单价（{price}）超出 {names} 的价格范围",
    ),
    "note.no_rate": (
        "{name} holds no fee for your tier, {tier}",
        "{name} 中没有您所在分段 {tier} 的费用",
    ),
    "note.no_rate_weight": (
        "{name} holds no fee for your tier, {tier}, at a shipping weight of {weight}",
        "{name} 中没有您所在分段 {tier} 在发货重量 {weight} 时的费用",
    ),
    "note.settlement_unclear": (
        "a settlement payment ({kind}, {amount} {currency}{posted}, settlement {settlement}) "
        "for SKU {sku} may pay for these units; it gives no unit count: check before filing",
        "结算中有一笔款项（{kind}，{amount} {currency}{posted}，结算 {settlement}）可能已支付"
        "SKU {sku} 的这些商品；其中没有件数：提交前请核对",
    ),
    "note.posted": (", posted {day}", "，入账 {day}"),
    # what a unit is worth (valuation, underpaid)
    "note.value_unknown": (
        "value unknown: no manufacturing cost (cost CSV), reimbursement or selling price for "
        "{what} in the reports",
        "价值未知：报告中没有{what}的生产成本（成本 CSV）、赔偿或售价",
    ),
    "note.this_item": ("this item", "该商品"),
    "note.removal_order": ("removal order {order}", "移除订单 {order} "),
    "note.below_price": (
        "paid {pct}%+ below the average selling price: check how Amazon valued it before "
        "disputing (basis: {source})",
        "赔偿比平均售价低 {pct}% 以上：提出异议前请先核实亚马逊的估价方式（依据：{source}）",
    ),
    "note.before_cost_basis": (
        "approved before the manufacturing-cost valuation was certainly in force ({certain}; "
        "sources give {start} or {certain}): compared with the selling price, the older basis",
        "批准时按生产成本估价的规定尚未确定生效（{certain}；各来源给出的日期为 {start} 或 "
        "{certain}）：按旧的依据（售价）比较",
    ),
    # the scan's own notes
    "scan.unknown_code": (
        "ledger reason code {code} seen {n} time(s): not a known code, never claimed; check those "
        "rows by hand",
        "库存分类账原因代码 {code} 出现 {n} 次：不是已知代码，不会索赔；请手动核对这些行",
    ),
    "scan.removal_confirmed_paid": (
        "--confirm-removal-lost {tracking}: not made a claim, because a reimbursement names "
        "removal order {order} ({n} unit(s) beyond those it never shipped): check in Seller "
        "Central what it paid for before filing",
        "--confirm-removal-lost {tracking}：未列为索赔，因为有一笔赔偿注明了移除订单 {order}"
        "（比从未发货的件数多 {n} 件）：提交前请在卖家后台核对这笔赔偿赔的是什么",
    ),
    "scan.no_measurements": (
        "fee reports read, but no measurements of your own: add a CSV "
        "(sku,length,width,height,dimension_unit,weight,weight_unit) to the folder or give it "
        "with --measurements FILE to check Amazon's size tiers",
        "已读取费用报告，但没有您自己的测量数据：请把 CSV 文件（sku,length,width,height,"
        "dimension_unit,weight,weight_unit）放进文件夹，以核对亚马逊的尺寸分段",
    ),
    "scan.not_used": (
        "{path}: {type} recognised and read, not used by the scan rules yet",
        "{path}：已识别并读取 {type}，扫描规则暂不使用",
    ),
    "scan.legacy_rows": (
        "{n} lost/damaged row(s) in the retired Inventory Adjustments report (before 2023) not "
        "flagged: that report has no Unreconciled Quantity, so nothing shows the units are still "
        "unpaid, and their claim windows closed long ago",
        "已停用的库存调整报告（2023 年前）中有 {n} 行丢失/损坏记录未标出：该报告没有未对账数量，"
        "无法说明这些商品仍未获赔，而且索赔期早已结束",
    ),
    "scan.ledger_rows": (
        "{n} lost/damaged ledger row(s) with no Unreconciled Quantity not flagged; download the "
        "ledger detail with its reconciliation columns to check them",
        "库存分类账中有 {n} 行丢失/损坏记录没有未对账数量，未标出；请下载带对账列的库存分类账"
        "详细视图来核对",
    ),
    "scan.refunds_unknown": (
        "{n} refund(s) not compared with the amount charged: the order's charge is in none of "
        "the settlements or All Orders files given",
        "有 {n} 笔退款未与收款金额比较：所给结算报告和所有订单报告中都没有该订单的收款",
    ),
    "scan.no_tiers": (
        "size tiers not checked for {mp}: no tier table is held for that marketplace "
        "(casewriter/reports/data/size_tiers.toml)",
        "未核对 {mp} 站点的尺寸分段：没有该站点的分段表（casewriter/reports/data/size_tiers.toml）",
    ),
    "scan.no_cost": (
        "{n} SKU(s) reimbursed at manufacturing cost with no cost to compare ({shown}): give "
        "your costs (--costs FILE, a CSV sku,cost,currency) to check them",
        "有 {n} 个 SKU 按生产成本获赔，但没有成本可比较（{shown}）：请提供您的成本"
        "（CSV 文件：sku,cost,currency）以便核对",
    ),
    "scan.other_currency": (
        "{n} SKU(s) have a manufacturing cost in another currency than the reimbursement: not "
        "compared",
        "有 {n} 个 SKU 的生产成本与赔偿币种不同：未比较",
    ),
    "scan.no_price": (
        "{n} reimbursement(s) not compared with a selling price: no sale of the SKU in the "
        "settlements given",
        "有 {n} 笔赔偿未与售价比较：所给结算报告中没有该 SKU 的销售",
    ),
    "scan.settlement_layouts": (
        "{path}: settlement {ids} is also in {other}, the same settlement downloaded as {kept}: "
        "counted once, from {other} ({path}, its {layout} copy, not counted again)",
        "{path}：结算 {ids} 也在 {other} 中，是同一结算以 {kept} 格式下载的副本：只计算一次，"
        "按 {other} 计算（{path} 是其 {layout} 副本，不重复计算）",
    ),
    # why a file was not read, or read only in part (sniff, readers)
    "file.none_readable": (
        "none of the {n} files is a readable Seller Central report: {reasons}",
        "{n} 个文件都不是可读取的卖家后台报告：{reasons}",
    ),
    "file.skipped": ("skipped {reason}", "已跳过 {reason}"),
    "file.subfolder": (
        "{folder}: a folder inside {parent} (name it to read its reports)",
        "{folder}：{parent} 中的子文件夹（未读取；要读取其中的报告，请直接指定它）",
    ),
    "file.cannot_read": ("{path}: cannot read: {why}", "{path}：无法读取：{why}"),
    "file.empty_report": (
        "{path}: empty file, not a Seller Central report",
        "{path}：空文件，不是卖家后台报告",
    ),
    "file.unknown_report": (
        "{path}: not a known Seller Central report (header starts: {shown})",
        "{path}：不是已知的卖家后台报告（表头开头：{shown}）",
    ),
    "file.excel_xlsx": (
        "{path}: an Excel workbook (.xlsx), not a report file: open it in Excel, save it as "
        '"Text (Tab delimited)" or "CSV UTF-8", and scan that file',
        "{path}：这是 Excel 工作簿（.xlsx），不是报告文件：请在 Excel 中打开，另存为“文本文件"
        "（制表符分隔）”或“CSV UTF-8（逗号分隔）”，再扫描该文件",
    ),
    "file.excel_xls": (
        "{path}: an Excel 97-2003 workbook (.xls), not a report file: open it in Excel, save it "
        'as "Text (Tab delimited)" or "CSV UTF-8", and scan that file',
        "{path}：这是 Excel 97-2003 工作簿（.xls），不是报告文件：请在 Excel 中打开，另存为"
        "“文本文件（制表符分隔）”或“CSV UTF-8（逗号分隔）”，再扫描该文件",
    ),
    "file.spreadsheet": (
        "{path}: a spreadsheet (OpenDocument .ods), not a report file: save it as tab-delimited "
        "text or CSV (UTF-8) and scan that file",
        "{path}：这是电子表格（OpenDocument .ods），不是报告文件：请另存为制表符分隔的文本或 "
        "CSV（UTF-8），再扫描该文件",
    ),
    "file.zip": (
        "{path}: a zip archive, not a report file: extract it and scan the files inside",
        "{path}：这是 zip 压缩文件，不是报告文件：请先解压，再扫描其中的文件",
    ),
    "file.nothing": ("nothing", "无"),
    "file.bad_rows": (
        "{where}: too many unreadable rows; is this file a Seller Central report?",
        "{where}：无法读取的行太多；这是卖家后台报告吗？",
    ),
    "file.bad_text": ("{path}: not valid {encoding} text", "{path}：不是有效的 {encoding} 文本"),
    "file.cut_short": (
        "{where}: the file ends in the middle of this row (no line end after it): the download "
        "stopped short: download the report again",
        "{where}：文件在此行中间结束（其后没有换行）：下载不完整：请重新下载该报告",
    ),
    "file.row_skipped": ("{where}: {problem} (row skipped)", "{where}：{problem}（已跳过此行）"),
    "file.more_rows": ("... and {n} more row warnings", "……另有 {n} 条行警告"),
    "file.joined": (
        "{where}: the header of another report ({other}) starts here (its rows were read as "
        "{other}); split the joined file and scan each part",
        "{where}：这里开始是另一个报告（{other}）的表头（其后各行已按 {other} 读取）；"
        "请把合并的文件拆开，分别扫描",
    ),
    # a scan that read nothing (``commands.scan``): the closing error line
    "none.only_folders": (
        "no Seller Central report found in {where}: only folders in it ({names}{more}); "
        "name a folder to read its reports",
        "在 {where} 中没有找到卖家后台报告：其中只有文件夹（{names}{more}）；"
        "要读取文件夹中的报告，请直接指定该文件夹",
    ),
    "none.more_folders": (" and {n} more", " 等，另有 {n} 个"),
    "none.no_files": (
        "no Seller Central report found in {where}: no files in it",
        "在 {where} 中没有找到卖家后台报告：其中没有文件",
    ),
    "none.none_readable": (
        "no Seller Central report found in {where}: {n} file(s), none readable (why: above)",
        "在 {where} 中没有找到卖家后台报告：共 {n} 个文件，均无法读取（原因见上）",
    ),
    "none.more_not_read": ("... and {n} more files not read", "……另有 {n} 个文件未读取"),
}


__all__ = ["Said", "WORDS", "wn"]
