"""Values that used to overflow (an internal error, or a 300-digit subject): dates like
9999-12-31 in a case file, ``--as-of`` or a report cell (date + claim window is past year 9999),
``max_days = 99999999999`` in config.toml or a user case type, ``1e308`` as a whole number,
negative or absurd ``[limits]``. Each is refused where it enters (``casewriter.bounds``), in one
line with exit 2, and naming the field; a bad report cell skips its row with a warning."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES, CliResult

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
CASE_TYPE = REPO / "templates" / "case_types" / "inbound-missing-units.toml"


def _one_line_error(res: CliResult, code: int = 2) -> None:
    assert res.code == code, res
    assert res.err.startswith("casewriter: error: ") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err


def _case_with(tmp_path: Path, old: str, new: str, name: str = "case.toml") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    case = tmp_path / name
    case.write_text(text.replace(old, new, 1), encoding="utf-8")
    return case


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        '"9999-12-31"',
        "9999-12-31",  # a TOML date
        '"12/31/9999"',
        '"9999年12月31日"',
        '"Dec 31, 9999"',
        '"0001-01-01"',
        "0226-05-01",
        '"1969-12-31"',
        '"2101-01-01"',
    ],
)
def test_case_file_dates_out_of_range(cli, tmp_path: Path, value: str) -> None:  # type: ignore[no-untyped-def]
    case = _case_with(tmp_path, 'delivered_date = "2026-04-02"', f"delivered_date = {value}")
    res = cli("render", str(case))
    _one_line_error(res)
    assert "facts.delivered_date" in res.err and "out of range" in res.err
    assert "1970-01-01 to 2100-12-31" in res.err


def test_case_file_dates_at_the_edges_render(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for value in ("1970-01-01", "2100-12-31"):
        case = _case_with(tmp_path, 'delivered_date = "2026-04-02"', f'delivered_date = "{value}"')
        res = cli("render", str(case), "--as-of", value, "--json")
        assert res.code == 0, res
        deadline = json.loads(res.out)["deadline"]
        assert deadline["opens"] == value and deadline["closes"] > value


def test_json_case_file_date_out_of_range(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps({"case_type": "warehouse-lost", "facts": {"ledger_date": "9999-12-31"}})
    )
    res = cli("render", str(case))
    _one_line_error(res)
    assert "out of range" in res.err


@pytest.mark.parametrize("command", ["render", "scan"])
def test_as_of_out_of_range(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    target = str(EXAMPLE) if command == "render" else str(SAMPLES)
    res = cli(command, target, "--as-of", "9999-12-31")
    _one_line_error(res)
    assert "--as-of: 9999-12-31 is out of range" in res.err


def test_report_cells_far_in_the_future_skip_their_rows(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    shutil.copytree(SAMPLES, folder)
    ledger = folder / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    text = ledger.read_text(encoding="utf-8")
    assert "06/24/2026" in text
    ledger.write_text(text.replace("06/24/2026", "12/31/9999").replace("05/18/2026", "01/01/0001"))
    res = cli("scan", str(folder), "--as-of", "2026-06-30")
    assert res.code == 0, res
    assert "internal error" not in res.err and "Traceback" not in res.err
    assert re.search(
        r"GET_LEDGER_DETAIL_VIEW_DATA\.tsv:\d+: date '12/31/9999' is out of range", res.err
    )
    assert "'01/01/0001' is out of range" in res.err
    assert "Scan as of 2026-06-30" in res.out


def test_report_cells_with_absurd_numbers_skip_their_rows(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("GET_LEDGER_DETAIL_VIEW_DATA.tsv", "GET_FBA_REIMBURSEMENTS_DATA.tsv"):
        shutil.copy(SAMPLES / name, folder / name)
    ledger = folder / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    lines = ledger.read_text(encoding="utf-8").splitlines()
    cells = lines[-1].split("\t")
    cells[7] = "1e308"  # Quantity
    lines.append("\t".join(cells))
    cells[7] = "9" * 5000
    lines.append("\t".join(cells))
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli("scan", str(folder), "--as-of", "2026-06-30", "--json")
    assert res.code == 0, res
    assert "internal error" not in res.err
    data = json.loads(res.out)
    assert all(abs(f["quantity"]) <= 10**9 for f in data["findings"])


# --- claim windows --------------------------------------------------------------------------

OVERRIDE = """
[[deadline_overrides]]
case_type = "inbound-missing-units"
marketplaces = ["US"]
clock = "shipment delivery"
clock_fact = "delivered_date"
{field} = {value}
source = "test"
as_of = 2026-10-02
"""


@pytest.mark.parametrize(
    ("field", "value"),
    [("max_days", "99999999999"), ("max_months", "99999999999"), ("max_days", "3661"),
     ("max_months", "121"), ("max_days", "-1")],
)  # fmt: skip
def test_config_windows_are_bounded(cli, home: Path, field: str, value: str) -> None:  # type: ignore[no-untyped-def]
    text = OVERRIDE.format(field=field, value=value)
    if field == "max_months":
        text = text.replace("max_months", "max_days = 60\nmax_months", 0)
    (home / "config.toml").write_text(text)
    res = cli("render", str(EXAMPLE))
    _one_line_error(res)
    assert f"deadline_overrides[0].{field}" in res.err


def test_config_min_days_is_bounded(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    text = OVERRIDE.format(field="max_days", value="60") + "min_days = 99999999999\n"
    (home / "config.toml").write_text(text)
    res = cli("render", str(EXAMPLE))
    _one_line_error(res)
    assert "min_days: at most 3660" in res.err


def test_config_windows_at_the_bound_render(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text(OVERRIDE.format(field="max_days", value="3660"))
    late = EXAMPLE.read_text().replace(
        'delivered_date = "2026-04-02"', 'delivered_date = "2100-12-31"'
    )
    res = cli("render", "-", "--as-of", "2100-12-31", "--json", stdin=late)
    assert res.code == 0, res
    closes = date(2100, 12, 31) + timedelta(days=3660)
    assert json.loads(res.out)["deadline"]["closes"] == closes.isoformat()


@pytest.mark.parametrize(("field", "value"), [("max_days", 99999999999), ("max_months", 99999999999),
                                              ("min_days", 99999999999)])  # fmt: skip
def test_user_case_type_windows_are_bounded(cli, home: Path, field: str, value: int) -> None:  # type: ignore[no-untyped-def]
    folder = home / "templates" / "case_types"
    folder.mkdir(parents=True)
    text = CASE_TYPE.read_text(encoding="utf-8")
    key = "min_days" if field == "min_days" else "max_days"
    text, count = re.subn(rf"(?m)^{key} = \d+$", f"{field} = {value}", text, count=1)
    assert count == 1
    (folder / "inbound-missing-units.toml").write_text(text, encoding="utf-8")
    res = cli("render", str(EXAMPLE))
    _one_line_error(res)
    assert "inbound-missing-units.toml" in res.err and field in res.err


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1e308", "too large"),
        ("1.0e20", "too large"),
        ("9223372036854775807", "too large"),
        ('"1e308"', "is not a whole number"),
        ("inf", "expected a whole number"),
        ("nan", "expected a whole number"),
    ],
)
def test_quantity_far_too_large(cli, tmp_path: Path, value: str, message: str) -> None:  # type: ignore[no-untyped-def]
    case = _case_with(tmp_path, "units_shipped = 100", f"units_shipped = {value}")
    res = cli("render", str(case))
    _one_line_error(res)
    assert "facts.units_shipped" in res.err and message in res.err


def test_quantity_in_json_with_thousands_of_digits(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "case.json"
    case.write_text(
        '{"case_type": "inbound-missing-units", "facts": {"units_shipped": ' + "9" * 4000 + "}}"
    )
    res = cli("render", str(case))
    _one_line_error(res)
    assert "facts.units_shipped: a number that long is too large" in res.err
    assert len(res.err) < 300


def test_largest_quantity_still_renders(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = _case_with(tmp_path, "units_shipped = 100", "units_shipped = 999999999999")
    res = cli("render", str(case), "--json")
    assert res.code == 0, res


# --- [limits] -------------------------------------------------------------------------------


SUBJECT = "limits.subject_max: expected a whole number of characters from 1 to 1,000,000"
BODY = "limits.body_max: expected a whole number of characters from 1 to 1,000,000"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("subject_max = -5", f"{SUBJECT}, got -5"),
        ("body_max = -1", f"{BODY}, got -1"),
        ("subject_max = 0", f"{SUBJECT}, got 0"),
        ("body_max = 99999999999", f"{BODY}, got 99999999999"),
        ("subject_max = 1e308", f"{SUBJECT}, got 1e+308"),
        ("subject_max = true", f"{SUBJECT}, got True"),
        ("subjet_max = 100", "limits: unknown field 'subjet_max' (did you mean 'subject_max'?)"),
    ],
)
def test_limits_are_refused_when_absurd(cli, home: Path, line: str, message: str) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text(f"[limits]\n{line}\n")
    res = cli("render", str(EXAMPLE))
    _one_line_error(res)
    assert f"config.toml: {message}" in res.err


def test_sane_limits_still_apply(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text("[limits]\nsubject_max = 10\nbody_max = 1000000\n")
    res = cli("render", str(EXAMPLE), "--json")
    assert res.code == 0, res
    assert any("over the 10 limit" in w for w in json.loads(res.out)["warnings"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "list", "--limit", "99999999999999999999"), "at most 10,000,000"),
        (("log", "list", "--offset", "99999999999999999999"), "at most 10,000,000"),
        (("log", "search", "x", "--limit", "1" + "0" * 30), "at most 10,000,000"),
        (("log", "due", "--days", "99999999999"), "at most 3,660"),
    ],
)
def test_log_counts_are_bounded(cli, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    res: CliResult = cli(*args)
    assert res.code == 2, res.err
    assert message in res.err and res.err.count("\n") == 1 and "internal error" not in res.err
    assert cli("log", "due", "--days", "3660").code == 0
