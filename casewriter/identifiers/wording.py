"""What the identifier checks say, in both UI languages: every reason and suggestion of the
Amazon and product rules (``amazon``, ``kinds`` and the front; the carriers' and near misses'
are in ``carrier_wording``) is built here from one code
and its parameters, as a ``casewriter.messages.Said`` whose ``str`` is the English that
``check --json``, ``extract`` and the case file's warnings print (unchanged), and whose Chinese
the app shows (``i18n.local``). Identifiers, prefixes and examples stay as typed in both.

``w(code, **params)`` builds one message; ``pair`` gives a piece said differently in each
language (a kind's label); ``count_chars`` says "9 characters" / "9 个字符".
"""

from __future__ import annotations

from casewriter.identifiers.carrier_wording import CARRIER_WORDS
from casewriter.messages import Said, join, pair, said_from

__all__ = ["Said", "WORDS", "count_chars", "join", "pair", "w"]


def w(code: str, **params: object) -> Said:
    """The message ``code`` of ``WORDS`` (or of the carriers' table, which holds the shared
    ``id.did_you_mean``) with ``params``, in both languages."""
    return said_from(WORDS if code in WORDS else CARRIER_WORDS, code, params)


def count_chars(n: int) -> Said:
    """``n`` characters, singular for one."""
    return w("id.char_one" if n == 1 else "id.chars", n=n)


#: code → (English, 简体中文). The English is what the CLI has always printed.
WORDS: dict[str, tuple[str, str]] = {
    # shared
    "id.chars": ("{n} characters", "{n} 个字符"),
    "id.char_one": ("1 character", "1 个字符"),
    "id.use_as": ("use it as {label}", "请作为{label}填写"),
    "id.looks_like": ("this looks like {label}, not {kind}", "这看起来是{label}，不是{kind}"),
    "id.with_mistake": ("{label} with a mistake ({reason})", "有误的{label}（{reason}）"),
    "id.is_it_really": (
        "this looks like {label}: is it really {kind}?",
        "这看起来是{label}：确定是{kind}吗？",
    ),
    "id.or": ("{a} or {b}", "{a} 或 {b}"),
    # the front (casewriter.identifiers)
    "id.non_ascii_digits": (
        "contains digits that are not 0–9 (e.g. Arabic-Indic digits)",
        "含有 0–9 以外的数字（例如阿拉伯-印度数字）",
    ),
    "id.odd_char": (
        "contains '{char}', which can't be part of {label}",
        "含有“{char}”，{label}中不能有这个字符",
    ),
    "id.lookalike": (
        "{letters} in a numeric part: did you mean {hint}?",
        "数字部分有{letters}：是否应为 {hint}？",
    ),
    "id.letter": ("letter {c}", "字母 {c}"),
    "id.two_ids": (
        "two identifiers in one field: which one did you mean?",
        "一个栏位里有两个编号：要用哪一个？",
    ),
    "id.extra_text": ("extra text around {label}", "{label}前后有多余的文字"),
    "id.unknown_kind": ("unknown kind '{kind}'", "未知的编号类型“{kind}”"),
    "id.empty": ("empty: nothing to check", "为空：没有可检查的内容"),
    "id.bare_placeholder": (
        "this looks like a placeholder (repeated or sequential digits), not a real number",
        "这看起来是占位号码（重复或连续的数字），不是真实号码",
    ),
    "id.placeholder": (
        "looks like a placeholder or test number (repeated or sequential digits): double-check it",
        "看起来像占位或测试号码（重复或连续的数字）：请再核对",
    ),
    "id.unknown": (
        "not an identifier casewriter knows (order ID, ASIN, FNSKU, FBA…, tracking number…)",
        "不是 casewriter 认识的编号（订单编号、ASIN、FNSKU、FBA…、追踪号…）",
    ),
    "id.not_text": ("not text", "不是文字"),
    "id.crashed": ("could not check this value ({name})", "无法检查此值（{name}）"),
    # Amazon and product identifiers (amazon.py)
    "id.punct": (
        "contains {what}: only letters and digits belong in it",
        "含有{what}：只能有字母和数字",
    ),
    "id.underscore": ("an underscore", "下划线"),
    "id.space": ("a space", "空格"),
    "id.quoted": ("'{c}'", "“{c}”"),
    "id.a_letter": ("a letter ({chars})", "字母（{chars}）"),
    "id.letters": ("letters ({chars})", "字母（{chars}）"),
    "id.for": ("{c} for {d}", "{c} 应为 {d}"),
    "id.only_digits": ("{shown} where only digits belong{note}", "只能是数字的位置有{shown}{note}"),
    "id.alike_note": (" ({alike}?)", "（{alike}？）"),
    "id.part_first": ("first", "第一段"),
    "id.part_middle": ("middle", "中间一段"),
    "id.part_last": ("last", "最后一段"),
    "id.part_size": ("{n} {unit}, {want} expected", "{n} {unit}（应为 {want} {unit}）"),
    "id.unit_digits": ("digits", "位数字"),
    "id.unit_chars": ("characters", "个字符"),
    "id.part_has": ("the {name} part has {problems}", "{name}：{problems}"),
    "id.last_missing": ("the last part (7 digits) is missing", "缺少最后一段（7 位数字）"),
    "id.first_missing": ("the first part (3 digits) is missing", "缺少第一段（3 位数字）"),
    "id.order_lost": (
        "{which}: an order ID has 17 digits in 3-7-7 groups (123-1234567-1234567); this is {a}-7",
        "{which}：订单编号共 17 位数字，按 3-7-7 分段（123-1234567-1234567）；这个是 {a}-7",
    ),
    "id.order_extra": (
        "an order ID has 3 parts (123-1234567-1234567); this has {n}: "
        "'{extra}' is not part of the order ID {inside}",
        "订单编号分 3 段（123-1234567-1234567）；这个有 {n} 段：“{extra}”不属于订单编号 {inside}",
    ),
    "id.order_parts": (
        "an order ID has 3 parts (123-1234567-1234567); this has {n}",
        "订单编号分 3 段（123-1234567-1234567）；这个有 {n} 段",
    ),
    "id.order_punct": (
        "{punct} (order IDs look like 123-1234567-1234567)",
        "{punct}（订单编号形如 123-1234567-1234567）",
    ),
    "id.order_digits": (
        "an order ID has 17 digits in 3-7-7 groups (123-1234567-1234567); this has {n}",
        "订单编号共 17 位数字，按 3-7-7 分段（123-1234567-1234567）；这个有 {n} 位",
    ),
    "id.order_not": (
        "not an order ID: it should look like 123-1234567-1234567",
        "不是订单编号：应形如 123-1234567-1234567",
    ),
    "id.isbn_is": ("its ISBN-10 is {value}", "其 ISBN-10 为 {value}"),
    "id.isbn13": ("this is an ISBN-13, not an ISBN-10", "这是 ISBN-13，不是 ISBN-10"),
    "id.isbn_len": (
        "an ISBN-10 has 10 characters (digits, last may be X); this has {count}",
        "ISBN-10 有 10 个字符（数字，最后一位可为 X）；这个有 {count}",
    ),
    "id.isbn_check": (
        "the ISBN-10 check digit doesn't match: a digit is probably mistyped",
        "ISBN-10 校验位不符：可能有一位数字输错",
    ),
    "id.asin_fnsku": (
        "this looks like an FNSKU (X0…), not an ASIN",
        "这看起来是 FNSKU（X0…），不是 ASIN",
    ),
    "id.asin_use_fnsku": (
        "use it as the FNSKU; the ASIN starts with B0",
        "请填到 FNSKU；ASIN 以 B0 开头",
    ),
    "id.asin_isbn": (
        "a numeric ASIN is a book's ISBN-10 and this one's check digit doesn't match: probably a typo",
        "纯数字的 ASIN 是图书的 ISBN-10，而这个的校验位不符：可能输错了",
    ),
    "id.asin_shape": (
        "an ASIN is B + 9 letters/digits (or a book's ISBN-10)",
        "ASIN 为 B + 9 位字母/数字（图书则为 ISBN-10）",
    ),
    "id.asin_len": (
        "an ASIN has 10 characters (B0… or a book's ISBN-10); this has {count}",
        "ASIN 有 10 个字符（B0…，图书则为 ISBN-10）；这个有 {count}",
    ),
    "id.fnsku_asin": (
        "same as an ASIN: fine for stickerless (commingled) inventory",
        "与 ASIN 相同：无贴标（混合）库存可以这样填",
    ),
    "id.fnsku_lpn": (
        "this is an LPN (return license plate), not an FNSKU",
        "这是 LPN（退货牌照号），不是 FNSKU",
    ),
    "id.fnsku_o": (
        "the second character is the letter O: an FNSKU starts with X0 (zero)",
        "第二个字符是字母 O：FNSKU 以 X0（数字零）开头",
    ),
    "id.fnsku_prefix": (
        "an FNSKU starts with X0 (X, zero); this starts with {start}",
        "FNSKU 以 X0（X 和数字零）开头；这个以 {start} 开头",
    ),
    "id.fnsku_len": (
        "an FNSKU is X0 + 8 letters/digits (or the ASIN for stickerless stock); this has {count}",
        "FNSKU 为 X0 + 8 位字母/数字（无贴标库存则为 ASIN）；这个有 {count}",
    ),
    "id.box_label": (
        "this is a box label ID (shipment ID + U + box number)",
        "这是箱标编号（货件编号 + U + 箱号）",
    ),
    "id.shipment_is": ("the shipment ID is {value}", "货件编号为 {value}"),
    "id.plan_sh": ("shipment (sh…)", "货件（sh…）"),
    "id.plan_wf": ("inbound plan (wf…)", "入库计划（wf…）"),
    "id.long_id": (
        "this is the long {which} ID, not the FBA shipment ID",
        "这是较长的{which}编号，不是 FBA货件编号",
    ),
    "id.use_box_label": (
        "use the FBA… ID printed on your box labels",
        "请使用箱标上印的 FBA… 编号",
    ),
    "id.shipment_len": (
        "an FBA shipment ID is FBA + 8–10 letters/digits; this has {n} after FBA",
        "FBA货件编号为 FBA + 8–10 位字母/数字；这个 FBA 后有 {n} 位",
    ),
    "id.shipment_prefix": (
        "an FBA shipment ID starts with FBA; {how}",
        "FBA货件编号以 FBA 开头；{how}",
    ),
    "id.shipment_shape": (
        "an FBA shipment ID starts with FBA (like FBA15DJ9S3J5)",
        "FBA货件编号以 FBA 开头（如 FBA15DJ9S3J5）",
    ),
    "id.gtin_digits": ("a GTIN (UPC/EAN) has only digits", "GTIN（UPC/EAN）只有数字"),
    "id.gtin_len": (
        "a GTIN (UPC/EAN) has 8, 12, 13 or 14 digits; this has {n}",
        "GTIN（UPC/EAN）有 8、12、13 或 14 位数字；这个有 {n} 位",
    ),
    "id.gtin_check": (
        "the GTIN check digit doesn't match: a digit is probably mistyped",
        "GTIN 校验位不符：可能有一位数字输错",
    ),
    "id.case_digits": (
        "a Seller Central case ID has only digits (usually 10)",
        "卖家后台的 Case 编号只有数字（通常 10 位）",
    ),
    "id.case_11": (
        "case IDs are usually 10 digits; 11-digit ones are reported, double-check it",
        "Case 编号通常为 10 位；也有 11 位的，请再核对",
    ),
    "id.case_usually": (
        "case IDs are usually 10 digits; this has {n}: double-check it",
        "Case 编号通常为 10 位；这个有 {n} 位：请再核对",
    ),
    "id.case_len": (
        "a Seller Central case ID has 10 digits; this has {n}",
        "卖家后台的 Case 编号为 10 位数字；这个有 {n} 位",
    ),
    "id.reimb_digits": (
        "a reimbursement ID has only digits (11 in current reports)",
        "赔偿编号只有数字（目前报告中为 11 位）",
    ),
    "id.reimb_usually": (
        "reimbursement IDs are usually 11 digits; this has {n}: double-check it",
        "赔偿编号通常为 11 位；这个有 {n} 位：请再核对",
    ),
    "id.reimb_len": (
        "a reimbursement ID has about 11 digits; this has {n}",
        "赔偿编号约为 11 位数字；这个有 {n} 位",
    ),
    "id.ref_shipment": (
        "an FBA shipment ID (the reference of a Receipts row)",
        "FBA货件编号（库存分类账 Receipts 记录的参考编号）",
    ),
    "id.ref_shape": (
        "a reference ID is digits (14 in the ledger, 11 for older transaction item IDs) or an FBA shipment ID",
        "参考编号为数字（库存分类账中为 14 位，较早的交易商品编号为 11 位）或 FBA货件编号",
    ),
    "id.ref_len": (
        "a reference ID has 8–20 digits (14 in the ledger); this has {n}",
        "参考编号为 8–20 位数字（库存分类账中为 14 位）；这个有 {n} 位",
    ),
    "id.lpn_len": (
        "an LPN is LPN + 10 letters/digits; this has {n} after LPN",
        "LPN 为 LPN + 10 位字母/数字；这个 LPN 后有 {n} 位",
    ),
    "id.lpn_prefix": ("an LPN starts with LPN; {how}", "LPN 以 LPN 开头；{how}"),
    "id.lpn_shape": (
        "an LPN (license plate number) starts with LPN, like LPNRR9K2X7Q4T",
        "LPN（牌照号）以 LPN 开头，如 LPNRR9K2X7Q4T",
    ),
    "id.free_empty": ("empty: paste the {what}", "为空：请粘贴{what}"),
    "id.free_control": (
        "the {what} contains an invisible or control character",
        "{what}含有不可见字符或控制字符",
    ),
    "id.free_long": (
        "a {what} has at most {limit} characters; this has {n}",
        "{what}最多 {limit} 个字符；这个有 {n} 个",
    ),
    "id.sku_long": (
        "Seller Central SKUs have at most 40 characters; this has {n}",
        "卖家后台的 SKU 最多 40 个字符；这个有 {n} 个",
    ),
}
