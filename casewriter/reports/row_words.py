"""Why a report row or cell was not read, in both UI languages: the problem inside each
"(row skipped)" warning (``readers.Warnings.row``) and the cell errors the report readers raise.

Each is a ``casewriter.messages.Said`` (``rw(code, **params)``): its ``str`` is the English that
``scan`` prints, unchanged; the app's scan screen and health review show the Chinese. A reader
raises ``ValueError(rw(...))`` for a bad cell; ``problem(exc)`` gives that ``Said`` back (``str``
of an exception would keep only the English). Column names are the report's own and stay as
the file spells them; a cell's value is quoted as in English (``'abc'``) and as “abc” in Chinese.
"""

from __future__ import annotations

from functools import lru_cache

from casewriter.messages import Said, said_from


def rw(key: str, **params: object) -> Said:
    """The message ``key`` of ``WORDS`` with ``params``, in both languages."""
    return said_from(WORDS, key, params)


def cell(key: str, text: str, **params: object) -> Said:
    """A cell error naming the cell's ``text`` (cut at 40 characters): ``{value}`` quoted the
    English way, ``{raw}`` as it is. A column of one bad value (a date format not understood)
    words it once."""
    if params:
        cut = text[:40]
        return rw(key, value=repr(cut), raw=cut, **params)
    return _cell(key, text[:40])


@lru_cache(maxsize=1024)
def _cell(key: str, cut: str) -> Said:
    return rw(key, value=repr(cut), raw=cut)


def problem(exc: BaseException) -> str:
    """What a reader's exception says: its ``Said`` when it carries one, else its text."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, Said) else str(exc)


def in_column(column: str, exc: BaseException) -> Said:
    """``column: <the problem>`` (a bad cell named by its column)."""
    return rw("cell.in_column", column=column, problem=problem(exc))


WORDS: dict[str, tuple[str, str]] = {
    # a cell that does not hold what its column holds (values.py, units.py, fields.py)
    "cell.not_date": ("not a date: {value}", "不是日期：“{raw}”"),
    "cell.date_range": ("date {value} is out of range ({range})", "日期“{raw}”超出范围（{range}）"),
    "cell.not_month": ("not a month: {value}", "不是月份：“{raw}”"),
    "cell.month_range": (
        "month {value} is out of range ({range})",
        "月份“{raw}”超出范围（{range}）",
    ),
    "cell.not_amount": ("not an amount: {value}", "不是金额：“{raw}”"),
    "cell.amount_large": ("amount too large: {value}", "金额太大：“{raw}”"),
    "cell.not_number": ("not a number: {value}", "不是数字：“{raw}”"),
    "cell.number_large": ("number too large: {value}", "数字太大：“{raw}”"),
    "cell.not_whole": ("not a whole number: {value}", "不是整数：“{raw}”"),
    "cell.quantity_large": ("quantity too large: {value}", "数量太大：“{raw}”"),
    "cell.negative": (
        "{number} is negative (a count of units cannot be)",
        "{number} 是负数（件数不能为负）",
    ),
    "cell.negative_value": ("{number} is negative", "{number} 是负数"),
    "cell.in_column": ("{column}: {problem}", "{column}：{problem}"),
    "cell.not_valid": ("{column}: not a valid value", "{column}：不是有效值"),
    "cell.not_length_unit": (
        "{column}: not a length unit: {value}",
        "{column}：不是长度单位：“{raw}”",
    ),
    "cell.not_weight_unit": (
        "{column}: not a weight unit: {value}",
        "{column}：不是重量单位：“{raw}”",
    ),
    "cell.not_currency": (
        "currency {value} is not a three-letter code such as USD",
        "币种“{raw}”不是三个字母的代码（例如 USD）",
    ),
    # a row that cannot be read as a whole
    "row.unreadable": ("unreadable row: {why}", "无法读取的行：{why}"),
    "row.columns": ("only {n} columns", "只有 {n} 列"),
    "row.more_columns": ("{n} columns, the header has {width}", "有 {n} 列，表头只有 {width} 列"),
    "row.cut_short": (
        "row cut short: {n} of {width} cells",
        "行不完整：{width} 个单元格只有 {n} 个",
    ),
    "row.not_utf8": (
        "{where}: not UTF-8 text from this line on: the rest of the file was read as {encoding} "
        "(Windows); check its non-English text",
        "{where}：从这一行起不是 UTF-8 文本：文件其余部分已按 {encoding}（Windows）读取；"
        "请核对其中的非英文文字",
    ),
    "row.sku_twice": (
        "{where}: SKU {sku} is also on line {first}: the later cost is used",
        "{where}：SKU {sku} 在第 {first} 行也出现过：使用较后的成本",
    ),
    "row.no_cost": (
        "no cost, or a cost that is not above zero",
        "没有成本，或成本不大于零",
    ),
    "row.sides": (
        "length, width, height and weight must be positive numbers",
        "长、宽、高和重量都必须是正数",
    ),
    # a row missing what a reader needs (the report's own column names where it names them)
    "row.no": ("no {columns}", "缺少 {columns}"),
    "row.no_date_quantity": ("no date or quantity", "缺少日期或数量"),
    "row.no_date_quantity_reason": ("no date, quantity or reason", "缺少日期、数量或原因"),
    "row.no_shipment_quantity": ("no shipment id or shipped quantity", "缺少货件编号或发货数量"),
    "row.no_quantity": ("no quantity", "缺少数量"),
}

#: How the columns a row lacks are joined: ``no a, b or c`` / ``缺少 a、b 或 c``.
OR = (" or ", " 或 ")


def missing(*columns: str) -> Said:
    """``no a, b or c``: a row without any of the report's ``columns`` (named as the file
    names them)."""
    if len(columns) == 1:
        en = zh = columns[0]
    else:
        en = ", ".join(columns[:-1]) + OR[0] + columns[-1]
        zh = "、".join(columns[:-1]) + OR[1] + columns[-1]
    return rw("row.no", columns=Said(en, zh))


__all__ = ["WORDS", "cell", "in_column", "missing", "problem", "rw"]
