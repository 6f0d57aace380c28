"""Deadline-rule overrides in config.toml: parsed and validated (errors name config.toml and the
field), saved and read back unchanged, applied by the catalog so rendering and the scanner both
use them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from casewriter.config import (
    DeadlineOverride,
    Settings,
    load_settings,
    save_settings,
    settings_from_dict,
)
from casewriter.engine.catalog import Catalog
from casewriter.errors import CatalogError, UsageError
from casewriter.paths import AppPaths
from casewriter.reports.scan import scan
from tests.conftest import SAMPLES, CliResult

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"

OVERRIDE = """
[[deadline_overrides]]
case_type = "inbound-missing-units"
marketplaces = ["US"]
clock = "shipment delivery"
clock_fact = "delivered_date"
min_days = 0
max_days = 60
source = "My account manager's email, 2026-10-02"
as_of = "2026-10-02"
"""


def write_config(paths: AppPaths, text: str) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")


def test_override_parsed_from_config(paths: AppPaths) -> None:
    write_config(paths, 'lang = "en"\n' + OVERRIDE)
    (o,) = load_settings(paths).deadline_overrides
    assert o == DeadlineOverride(
        case_type="inbound-missing-units",
        marketplaces=("US",),
        clock="shipment delivery",
        clock_fact="delivered_date",
        source="My account manager's email, 2026-10-02",
        as_of=date(2026, 10, 2),
        min_days=0,
        max_days=60,
    )


def test_overrides_round_trip_through_save(paths: AppPaths) -> None:
    settings = Settings(
        deadline_overrides=(
            DeadlineOverride("inbound-missing-units", ("US", "CA"), "shipment delivery",
                             "delivered_date", 'Email "AM", 2026-10-02', date(2026, 10, 2),
                             max_days=60),
            DeadlineOverride("warehouse-lost", ("*",), "loss", "event_date", "my rule",
                             date(2026, 1, 5), min_days=5, max_months=3,
                             effective_from=date(2025, 1, 1), until=date(2027, 1, 1),
                             note="line one\nline two"),
        )
    )  # fmt: skip
    save_settings(paths, settings)
    assert load_settings(paths) == settings
    assert "[[deadline_overrides]]" in paths.config_file.read_text("utf-8")


@pytest.mark.parametrize(
    ("line", "replacement", "field", "message"),
    [
        ('marketplaces = ["US"]', 'marketplaces = ["XX"]', ".marketplaces", "unknown marketplace 'XX' (known: US, CA"),
        ('marketplaces = ["US"]', "marketplaces = []", ".marketplaces", "at least one"),
        ('marketplaces = ["US"]', 'marketplaces = "US"', ".marketplaces", "expected a list"),
        ("max_days = 60", "max_days = -1", ".max_days", "0 or more"),
        ("max_days = 60", "max_days = 3661", ".max_days", "at most 3660"),
        ("max_days = 60", "max_days = 6.5", ".max_days", "expected a whole number, got 6.5"),
        ("max_days = 60", 'max_days = "60"', ".max_days", "expected a whole number, got '60'"),
        ("max_days = 60", "max_days = true", ".max_days", "expected a whole number, got True"),
        # Neither max_days nor max_months: the table as a whole says too little.
        ("max_days = 60", "", ": give max_days or max_months", "the latest day to file"),
        ('as_of = "2026-10-02"', 'as_of = "2 Oct"', ".as_of", "expected a date"),
        ('as_of = "2026-10-02"', "as_of = 1900-01-01", ".as_of", "out of range"),
        ('source = "My account manager\'s email, 2026-10-02"', "", ".source", "missing"),
        ('source = "My account manager\'s email, 2026-10-02"', 'source = " "', ".source", "empty"),
        ('clock_fact = "delivered_date"', 'clock_fact = "Delivered Date"', ".clock_fact", "not a fact key"),
        ('case_type = "inbound-missing-units"', "case_type = 3", ".case_type", "expected text, not empty, got 3"),
        ('case_type = "inbound-missing-units"', 'case_type = ""', ".case_type", "expected text, not empty"),
    ],
)  # fmt: skip
def test_bad_override_names_config_and_field(
    paths: AppPaths, line: str, replacement: str, field: str, message: str
) -> None:
    assert line in OVERRIDE
    write_config(paths, OVERRIDE.replace(line, replacement))
    with pytest.raises(UsageError) as err:
        load_settings(paths)
    text = err.value.message
    assert text.startswith(f"{paths.config_file}: deadline_overrides[0]{field}"), text
    assert message in text, text
    assert "\n" not in text


def test_unknown_override_field_is_named() -> None:
    with pytest.raises(
        UsageError,
        match=r"config.toml: deadline_overrides\[0\]: unknown field 'max_day' "
        r"\(did you mean 'max_days'\?\) \(known: case_type, marketplaces, clock, ",
    ):
        settings_from_dict({"deadline_overrides": [{"case_type": "x", "max_day": 3}]})


def test_catalog_replaces_the_rules_for_the_overridden_marketplaces(paths: AppPaths) -> None:
    plain = Catalog.load(paths)
    settings = settings_from_dict({"deadline_overrides": [
        {"case_type": "inbound-missing-units", "marketplaces": ["us"], "clock": "delivery",
         "clock_fact": "delivered_date", "max_days": 60, "source": "AM email",
         "as_of": "2026-10-02"},
    ]})  # fmt: skip
    catalog = Catalog.load(paths, settings=settings)
    (rule,) = catalog.deadline_rules("inbound-missing-units", "US")
    assert (rule.max_days, rule.max_months, rule.source) == (60, None, "AM email")
    # the built-in US rule (help GEYPWTSQRTXXXMVB, 9 months; one reading per source) is replaced
    (built_in,) = plain.deadline_rules("inbound-missing-units", "US")
    assert built_in.max_months == 9 and "GEYPWTSQRTXXXMVB" in built_in.source
    assert catalog.deadline_rules("inbound-missing-units", "UK") == plain.deadline_rules(
        "inbound-missing-units", "UK"
    )
    assert catalog.deadline_rules("warehouse-lost", "US") == plain.deadline_rules(
        "warehouse-lost", "US"
    )
    everywhere = replace(settings.deadline_overrides[0], marketplaces=("*",))
    star = Catalog.load(paths, settings=Settings(deadline_overrides=(everywhere,)))
    for code in ("US", "UK", "JP", "IN"):
        assert [r.source for r in star.deadline_rules("inbound-missing-units", code)] == [
            "AM email"
        ]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"case_type": "inbound-missing-unit"}, "case_type", "did you mean 'inbound-missing-units'"),
        ({"clock_fact": "delivery_date"}, "clock_fact", "is not a fact of inbound-missing-units"),
        ({"clock_fact": "units_shipped"}, "clock_fact", "is not a date fact"),
    ],
)  # fmt: skip
def test_override_that_does_not_fit_the_catalog_is_named(
    paths: AppPaths, change: dict[str, str], field: str, message: str
) -> None:
    base = load_override(paths)
    settings = Settings(deadline_overrides=(replace(base, **change),))  # type: ignore[arg-type]
    with pytest.raises(CatalogError) as err:
        Catalog.load(paths, settings=settings)
    text = err.value.message
    assert text.startswith(f"{paths.config_file}: deadline_overrides[0].{field}"), text
    assert message in text, text
    lenient = Catalog.load(paths, settings=settings, strict=False)
    assert lenient.problems == [text] and "inbound-missing-units" in lenient


def load_override(paths: AppPaths) -> DeadlineOverride:
    write_config(paths, OVERRIDE)
    (o,) = load_settings(paths).deadline_overrides
    return o


def test_render_json_deadline_follows_the_override(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    args = ("render", str(EXAMPLE), "--format", "json", "--as-of", "2026-04-20")
    before = json.loads(cli(*args).out)["deadline"]
    assert before["closes"] == "2027-01-02" and before["safe_by"] is None
    write_config(paths, OVERRIDE)
    res: CliResult = cli(*args)
    assert res.code == 0, res.err
    after = json.loads(res.out)["deadline"]
    assert after == {
        "opens": "2026-04-02",
        "closes": "2026-06-01",
        "safe_by": None,
        "days_left": 42,
        "source": "My account manager's email, 2026-10-02 (as of 2026-10-02)",
    }


def test_render_with_a_bad_override_is_one_line_exit_2(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    write_config(paths, OVERRIDE.replace("inbound-missing-units", "inbound-missing"))
    res = cli("render", str(EXAMPLE), "--format", "json")
    assert res.code == 2 and "Traceback" not in res.err and res.err.count("\n") == 1
    assert "config.toml: deadline_overrides[0].case_type: unknown case type" in res.err


def test_scan_finding_window_follows_the_override(paths: AppPaths) -> None:
    reports = sorted(SAMPLES.glob("*.tsv"))
    as_of = date(2026, 6, 30)

    def shortfall(catalog: Catalog) -> object:
        result = scan(reports, as_of=as_of, marketplace="US", catalog=catalog)
        return next(
            f
            for f in result.findings
            if f.rule == "inbound-shortfall" and f.ids.get("shipment_id") == "FBA17XKQ9M2Z"
        )

    before = shortfall(Catalog.load(paths))
    assert before.status == "claimable"  # type: ignore[attr-defined]
    write_config(paths, OVERRIDE)
    after = shortfall(Catalog.load(paths, settings=load_settings(paths)))
    window = after.window  # type: ignore[attr-defined]
    assert (window.opens, window.closes, window.safe_by) == (
        date(2026, 4, 2),
        date(2026, 6, 1),
        None,
    )
    assert after.status == "expired"  # type: ignore[attr-defined]
    assert window.source == "My account manager's email, 2026-10-02"


def test_scan_and_types_commands_honour_a_config_override(paths: AppPaths, cli) -> None:  # type: ignore[no-untyped-def]
    write_config(
        paths,
        """
[[deadline_overrides]]
case_type = "warehouse-damaged"
marketplaces = ["US"]
clock = "ledger date"
clock_fact = "ledger_date"
min_days = 0
max_days = 10
source = "Account manager email"
as_of = "2026-06-01"
""",
    )
    result = cli(
        "scan",
        str(SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"),
        str(SAMPLES / "GET_FBA_REIMBURSEMENTS_DATA.tsv"),
        "--as-of",
        "2026-06-30",
        "--json",
    )
    assert result.code == 0, result.err
    (damaged,) = [
        f for f in json.loads(result.out)["findings"]
        if f["ids"].get("reference_id") == "20081126439781"
    ]  # fmt: skip
    assert damaged["window"]["closes"] == "2026-05-28"  # 2026-05-18 + 10 days, not + 60
    assert damaged["status"] == "expired"
    types = json.loads(cli("types", "--json").out)
    (wd,) = [t for t in types if t["id"] == "warehouse-damaged"]
    assert "Account manager email" in json.dumps(wd)


STRANDED = REPO / "templates" / "examples" / "stranded-inventory.toml"
PERIOD_TO_ACT = """
[[deadline_overrides]]
case_type = "stranded-inventory"
marketplaces = ["US"]
clock = "stranded notice"
clock_fact = "stranded_date"
max_days = 14
source = "Account manager email"
as_of = "2026-06-01"
claim_window = false
"""


def test_an_override_can_be_a_period_to_act_like_the_rule_it_replaces(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    """The override has every field of the catalog's rule: ``claim_window = false`` (a period to
    relist or remove, as stranded-inventory's own rule says) is kept, read back after a save,
    and worded as a period to act; left out, the user's rule is a claim window."""
    args = ("render", str(STRANDED), "--format", "json", "--as-of", "2026-07-01")
    write_config(paths, PERIOD_TO_ACT)
    (o,) = load_settings(paths).deadline_overrides
    assert o.claim_window is False
    (rule,) = Catalog.load(paths, settings=load_settings(paths)).deadline_rules(
        "stranded-inventory", "US"
    )
    assert (rule.max_days, rule.claim_window) == (14, False)
    save_settings(paths, load_settings(paths))
    assert load_settings(paths).deadline_overrides == (o,)
    act = json.loads(cli(*args).out)
    assert act["deadline"]["closes"] == "2026-07-02"  # 2026-06-18 + 14 days: the user's rule
    assert act["warnings"][0].startswith("1 day left: a period that starts at the stranded")
    # urgency from structured facts: the period's days left, and the stranded units at stake
    assert act["urgency_reasons"] == ["only 1 day left to act", "320 units at stake"]
    assert "claim window" not in json.dumps(act)
    write_config(paths, PERIOD_TO_ACT.replace("claim_window = false\n", ""))
    claim = json.loads(cli(*args).out)
    assert claim["warnings"][0].startswith("1 day left: the claim window closes on 2026-07-02")
    write_config(paths, PERIOD_TO_ACT.replace("claim_window = false", 'claim_window = "no"'))
    res = cli(*args)
    assert res.code == 2 and res.err == (
        f"casewriter: error: {paths.config_file}: deadline_overrides[0].claim_window: "
        "expected true or false, got 'no'\n"
    )
