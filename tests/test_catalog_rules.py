"""The catalog's new rules (issue 12) are checked like the rest of a case type: item lines,
readiness, duplicate and urgency rules naming fields, facts and kinds that do not exist (or of
the wrong type) are one-line errors naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

CASES = [
    ('[items]\nfields = ["fnsku", "qty"]\n', "items: Value error, unknown item field 'qty'"),
    ('[items]\nfields = ["quantity"]\n', "fields must include a product: fnsku, asin, sku"),
    ('[items]\nfacts = { quantity = "ledger_date" }\n',
     "items.facts.quantity: fact 'ledger_date' is a date, expected a quantity"),
    ('duplicate_keys = [["fnsku", "refrence_id"]]\n',
     "duplicate_keys.0: 'refrence_id' is not an identifier kind (did you mean 'reference_id'?)"),
    ('ready_requires_one_of = [[]]\n', "each group lists at least one key"),
    ('[[urgency.when]]\nfact = "reason_code"\nvalue = "X"\nlevel = "urgent"\n',
     "urgency.when.0.value: 'X' is not one of reason_code's choices (M, 5)"),
    ('[urgency]\nunits = ["unit_cost"]\n', "urgency.units: fact 'unit_cost' is a money, expected a quantity"),
    ('[[counts]]\ntotal = "ledger_date"\nequals = ["units_lost"]\n',
     "counts.0.total: fact 'ledger_date' is a date, expected a quantity"),
    ('[[counts]]\ntotal = "units_lost"\nequals = ["-units_shiped"]\n',
     "counts.0.equals: 'units_shiped' is not a fact key"),
    ('[[counts]]\ntotal = "units_lost"\nequals = []\n', "counts.0.equals: List should have at least 1 item"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), CASES)
def test_bad_rules_are_one_line_errors(cli, home: Path, text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    folder = home / "templates" / "overrides"
    folder.mkdir(parents=True)
    (folder / "warehouse-lost.toml").write_text('extends = "builtin"\n' + text, encoding="utf-8")
    res = cli("types")
    assert res.code == 2 and res.err.count("\n") == 1, res.err
    assert "overrides/warehouse-lost.toml" in res.err and message in res.err, res.err
