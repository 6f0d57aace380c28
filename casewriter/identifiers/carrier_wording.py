"""What the tracking-number checks and the near-miss rules say, in both UI languages
(``carriers``, ``nearmiss``), and where to copy each kind again (``hint``); the same scheme
as ``wording`` (the Amazon identifiers' messages): ``wc(code, **params)`` is a
``casewriter.messages.Said`` whose ``str`` is the English the CLI prints.
"""

from __future__ import annotations

from casewriter.messages import Said, pair, said_from


def wc(code: str, **params: object) -> Said:
    """The message ``code`` of ``CARRIER_WORDS`` with ``params``, in both languages."""
    return said_from(CARRIER_WORDS, code, params)


def hint(kind: str) -> Said:
    """Where to copy a value of ``kind`` again, and its shape."""
    return wc("hint." + kind)


def shape(kind: str) -> Said:
    """What a carrier's numbers look like."""
    return wc("shape." + kind)


#: Carriers' own names in Chinese where sellers use one (others keep their English name).
CARRIERS_ZH = {
    "YunExpress": "云途",
    "Amazon Logistics": "亚马逊物流",
    "China Post": "中国邮政",
    "Hongkong Post": "香港邮政",
    "Japan Post": "日本邮政",
    "Korea Post": "韩国邮政",
    "Singapore Post": "新加坡邮政",
    "Chunghwa Post": "中华邮政",
    "Macau Post": "澳门邮政",
    "Royal Mail": "英国皇家邮政",
    "Deutsche Post": "德国邮政",
    "Canada Post": "加拿大邮政",
    "Australia Post": "澳大利亚邮政",
    "Yanwen": "燕文",
    "Cainiao": "菜鸟",
    "4PX": "递四方（4PX）",
    "Postal (UPU S10)": "邮政（UPU S10）",
}


def carrier_name(name: str | None) -> Said:
    """A carrier's name, in Chinese where it has one."""
    text = name or ""
    zh = CARRIERS_ZH.get(text)
    if zh is None and text.startswith("Post (") and text.endswith(")"):  # countries.post_name
        zh = f"邮政（{text[6:-1]}）"
    return pair(text, zh or text)


#: code → (English, 简体中文). The English is what the CLI has always printed.
CARRIER_WORDS: dict[str, tuple[str, str]] = {
    "id.did_you_mean": ("did you mean {value}?", "是否应为 {value}？"),
    # where to copy a value again (nearmiss.HINTS)
    "hint.order_id": (
        "copy it again from Orders → Manage Orders: an order ID is 3-7-7 digits, "
        "like 123-1234567-1234567",
        "请从“订单 → 管理订单”重新复制：订单编号为 3-7-7 位数字，如 123-1234567-1234567",
    ),
    "hint.shipment_id": (
        "copy the FBA… ID again from Shipments or the box label: FBA + 8–10 letters/digits, "
        "like FBA15DJ9S3J5",
        "请从“货件”页面或箱标重新复制 FBA… 编号：FBA + 8–10 位字母/数字，如 FBA15DJ9S3J5",
    ),
    "hint.fnsku": (
        "copy the FNSKU again from Manage Inventory or the product label: X0 + 8 letters/digits, "
        "like X00000E5TX",
        "请从“管理库存”或商品标签重新复制 FNSKU：X0 + 8 位字母/数字，如 X00000E5TX",
    ),
    "hint.asin": (
        "copy the ASIN again from the product page or Manage Inventory: B0 + 8 letters/digits, "
        "like B0000COYXD",
        "请从商品详情页或“管理库存”重新复制 ASIN：B0 + 8 位字母/数字，如 B0000COYXD",
    ),
    "hint.isbn10": (
        "copy the ISBN-10 again from the book: 9 digits and a last digit or X",
        "请从图书上重新抄写 ISBN-10：9 位数字，最后一位为数字或 X",
    ),
    "hint.lpn": (
        "copy the LPN again from the returns report: LPN + 10 letters/digits",
        "请从退货报告重新复制 LPN：LPN + 10 位字母/数字",
    ),
    "hint.ups": (
        "copy the number again from the UPS label or email: 1Z + 16 letters/digits",
        "请从 UPS 面单或邮件重新复制单号：1Z + 16 位字母/数字",
    ),
    "hint.amazon_logistics": (
        "copy the tracking ID again from the order or shipment page: TBA + 12 digits",
        "请从订单或货件页面重新复制追踪号：TBA + 12 位数字",
    ),
    "hint.s10": (
        "copy the number again from the postal receipt: 2 letters, 9 digits and a country code, "
        "like RR123456785CN",
        "请从邮局收据重新抄写单号：2 个字母、9 位数字和国家代码，如 RR123456785CN",
    ),
    "hint.yunexpress": (
        "copy the number again from YunExpress: YT + 16 digits",
        "请从云途重新复制单号：YT + 16 位数字",
    ),
    "hint.case_id": (
        "copy the case ID again from Case Log: usually 10 digits",
        "请从卖家后台的“问题日志”重新复制 Case 编号：通常为 10 位数字",
    ),
    "hint.reimbursement_id": (
        "copy the reimbursement ID again from the Reimbursements report",
        "请从“赔偿”报告重新复制赔偿编号",
    ),
    # what each carrier's numbers look like (carriers.SHAPES)
    "shape.ups": (
        "UPS numbers are 1Z + 16 letters/digits, or a waybill letter + 10 digits",
        "UPS 单号为 1Z + 16 位字母/数字，或运单字母 + 10 位数字",
    ),
    "shape.usps": (
        "USPS numbers are 20, 22 or 26 digits (or S10 ending in US)",
        "USPS 单号为 20、22 或 26 位数字（或以 US 结尾的 S10 单号）",
    ),
    "shape.fedex": (
        "FedEx numbers are 12, 15, 20, 22 (96…) or 34 digits, SSCC 00… (18) or DT + 12",
        "FedEx 单号为 12、15、20、22（96…）或 34 位数字，SSCC 00…（18 位）或 DT + 12 位",
    ),
    "shape.dhl": (
        "DHL Express waybills are 10 or 11 digits",
        "DHL Express 运单号为 10 或 11 位数字",
    ),
    "shape.s10": (
        "postal numbers are 2 letters + 9 digits + a 2-letter country code (RR123456785CN)",
        "邮政单号为 2 个字母 + 9 位数字 + 2 个字母的国家代码（RR123456785CN）",
    ),
    "shape.amazon_logistics": (
        "Amazon Logistics numbers are TBA, TBC or TBM + 12 digits",
        "亚马逊物流单号为 TBA、TBC 或 TBM + 12 位数字",
    ),
    "shape.yunexpress": ("YunExpress numbers are YT + 16 digits", "云途单号为 YT + 16 位数字"),
    # carrier rules (carriers.py)
    "tr.wrong_check": (
        "{what}: the check digit doesn't match: a digit is probably mistyped or two are swapped",
        "{what}：校验位不符：可能有一位数字输错或两位颠倒",
    ),
    "tr.retype": (
        "check each character against the label, or copy the number again from the carrier's email",
        "请对照面单逐个字符核对，或从承运人的邮件中重新复制单号",
    ),
    "tr.ups_1z": ("UPS 1Z number", "UPS 1Z 单号"),
    "tr.ups_waybill": ("UPS waybill number", "UPS 运单号"),
    "tr.usps_n": ("USPS {n}-digit number", "USPS {n} 位单号"),
    "tr.usps_420": ("USPS number with 420+ZIP prefix", "带 420+邮编前缀的 USPS 单号"),
    "tr.usps_s10": ("USPS international (S10) number", "USPS 国际（S10）单号"),
    "tr.fedex_12": ("FedEx Express 12-digit number", "FedEx Express 12 位单号"),
    "tr.fedex_15": ("FedEx Ground 15-digit number", "FedEx Ground 15 位单号"),
    "tr.fedex_96": ("FedEx Ground 96 number", "FedEx Ground 96 开头的单号"),
    "tr.sscc": ("SSCC-18 number", "SSCC-18 编号"),
    "tr.fedex_34": ("FedEx 34-digit barcode number", "FedEx 34 位条码号"),
    "tr.smartpost_20": ("FedEx SmartPost 20-digit number", "FedEx SmartPost 20 位单号"),
    "tr.smartpost_22": ("FedEx SmartPost 22-digit number", "FedEx SmartPost 22 位单号"),
    "tr.dhl_n": ("DHL Express {n}-digit waybill", "DHL Express {n} 位运单号"),
    "tr.post_s10": ("{post} (S10) number", "{post}（S10）单号"),
    "tr.ups_len": (
        "a UPS 1Z number has 18 characters; this has {n}",
        "UPS 1Z 单号有 18 个字符；这个有 {n} 个",
    ),
    "tr.ups_alnum": ("a UPS 1Z number has only letters and digits", "UPS 1Z 单号只有字母和数字"),
    "tr.usps_prefix": (
        "a {n}-digit USPS number starts with 91–95 (like 9400 1112 …)",
        "{n} 位的 USPS 单号以 91–95 开头（如 9400 1112 …）",
    ),
    "tr.tba_after": ("this has {n} characters after {p}", "{p} 后有 {n} 个字符"),
    "tr.tba_letter": (
        "this has a letter among the 12 digits after {p}",
        "{p} 后的 12 位数字中有字母",
    ),
    "tr.tba_shape": (
        "an Amazon Logistics number is {p} + 12 digits; {problem}",
        "亚马逊物流单号为 {p} + 12 位数字；{problem}",
    ),
    "tr.yt_has": ("this has {n}", "这个有 {n} 位"),
    "tr.yt_letters": (
        "this has {n} characters, {k} of them not digits",
        "这个有 {n} 个字符，其中 {k} 个不是数字",
    ),
    "tr.yt_shape": (
        "a YunExpress number is YT + 16 digits; {problem}",
        "云途单号为 YT + 16 位数字；{problem}",
    ),
    "tr.yanwen": (
        "Yanwen number: Yanwen publishes no format or check digit",
        "燕文单号：燕文未公布格式或校验位",
    ),
    "tr.uk": (
        "'UK' is not a postal country code: the United Kingdom is GB",
        "“UK”不是邮政国家代码：英国是 GB",
    ),
    "tr.not_country": (
        "'{c}' is not a country code, so this is not an international postal (S10) number",
        "“{c}”不是国家代码，所以这不是国际邮政（S10）单号",
    ),
    "tr.cainiao": (
        "Cainiao number: Cainiao publishes no check digit",
        "菜鸟单号：菜鸟未公布校验位",
    ),
    "tr.4px": (
        "4PX number: 4PX publishes no format or check digit",
        "递四方（4PX）单号：递四方未公布格式或校验位",
    ),
    "tr.parcelforce": (
        "Parcelforce number: no public check digit",
        "Parcelforce 单号：没有公开的校验位",
    ),
    "tr.unknown": (
        "not a format we know: check it on the carrier's website",
        "不是已知的格式：请在承运人网站上核对",
    ),
    "tr.empty": ("empty: paste the tracking number", "为空：请粘贴追踪号"),
    "tr.not_tracking": (
        "not a tracking number: expected 8–40 letters and digits, with at least 4 digits",
        "不是追踪号：应为 8–40 位字母和数字，至少含 4 位数字",
    ),
    "tr.dhl_paket": (
        "DHL Paket number: its check digit is not public",
        "DHL Paket 单号：校验位未公开",
    ),
    "tr.other_carrier": (
        "this looks like {article} {carrier} tracking number, not {name}",
        "这看起来是{carrier}追踪号，不是{name}追踪号",
    ),
    "tr.use_carrier": ("use it as {article} {carrier} number", "请作为{carrier}单号填写"),
    "tr.not_carrier": ("not a {name} tracking number: {shape}", "不是{name}追踪号：{shape}"),
    # near misses (nearmiss.py)
    "nm.starts": ("this starts with {start}", "这个以 {start} 开头"),
    "nm.missing": ("the {c} of {prefix} is missing", "{prefix} 少了 {c}"),
    "nm.extra": (
        "this starts with {start}: one character too many",
        "这个以 {start} 开头：多了一个字符",
    ),
    "nm.s10": (
        "an international postal (S10) number is 2 letters, 9 digits and a country code; {problem}",
        "国际邮政（S10）单号为 2 个字母、9 位数字和国家代码；{problem}",
    ),
    "nm.s10_letters": ("the 9 digits hold {what} ({shown}?)", "9 位数字中有字母（{shown}？）"),
    "nm.a_letter": ("a letter", "字母"),
    "nm.letters": ("letters", "字母"),
    "nm.for": ("{c} for {d}", "{c} 应为 {d}"),
    "nm.s10_head": ("it starts with {n} {letters}, 2 expected", "开头有 {n} 个字母，应为 2 个"),
    "nm.letter": ("letter", "个字母"),
    "nm.letter_s": ("letters", "个字母"),
    "nm.s10_digits": (
        "it has {n} digits between the letters, 9 expected",
        "字母之间有 {n} 位数字，应为 9 位",
    ),
    "nm.s10_tail": (
        "it ends with {tail}, a 2-letter country code expected (CN, US, GB…)",
        "以 {tail} 结尾，应为 2 个字母的国家代码（CN、US、GB…）",
    ),
    "nm.tba_start": (
        "an Amazon Logistics number is TBA (or TBC, TBM) + 12 digits; this starts with {start}",
        "亚马逊物流单号为 TBA（或 TBC、TBM）+ 12 位数字；这个以 {start} 开头",
    ),
    "nm.ups_z": (
        "UPS numbers start with 1Z (one, Z); this starts with Z",
        "UPS 单号以 1Z（数字 1 和字母 Z）开头；这个以 Z 开头",
    ),
    "nm.yt_alone": (
        "a YunExpress number is YT + 16 digits; this starts with {c} alone",
        "云途单号为 YT + 16 位数字；这个只以 {c} 开头",
    ),
    "nm.tba_prefix": (
        "'{start}' is not an Amazon Logistics prefix (TBA, TBC or TBM)",
        "“{start}”不是亚马逊物流单号的前缀（TBA、TBC 或 TBM）",
    ),
    "nm.ups_1z": (
        "UPS numbers start with 1Z (one, Z) followed by 16 letters and digits",
        "UPS 单号以 1Z（数字 1 和字母 Z）开头，后接 16 位字母和数字",
    ),
}
