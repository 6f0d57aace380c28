"""``config.toml`` is checked against the settings' declarations alone (casewriter/config/model.py):
every mistake is one line naming the file, the key path (an unknown key with "did you mean")
and what the key accepts, and the command stops with exit 2 before doing anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casewriter.bounds import MAX_FOLLOW_UP_HOURS, MAX_TEXT_LIMIT
from casewriter.config import Settings, settings_from_dict
from casewriter.config.schema import Spec, read_table, setting
from casewriter.errors import UsageError
from tests.conftest import REPO, CliResult

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
CODES = "US, CA, MX, UK, DE, FR, IT, ES, NL, SE, PL, JP, AU, AE, IN, SG"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"lang": "fr"}, "lang: expected one of en, zh, got 'fr'"),
        ({"lang": 3}, "lang: expected one of en, zh, got 3"),
        ({"default_marketplace": "usa"},
         f"default_marketplace: expected a marketplace code ({CODES}), got 'usa' (did you mean 'US'?)"),
        ({"follow_up_hours": 0},
         f"follow_up_hours: expected a whole number of hours from 1 to {MAX_FOLLOW_UP_HOURS:,}, got 0"),
        ({"follow_up_hours": "48"}, "follow_up_hours: expected a whole number of hours"),
        ({"folow_up_hours": 3},
         "unknown setting 'folow_up_hours' (did you mean 'follow_up_hours'?) (known: lang, "
         "default_marketplace, default_profile, follow_up_hours, limits, profiles, deadline_overrides, health_targets)"),
        ({"limits": 5}, "limits: expected a [limits] table, got 5"),
        ({"limits": {"body_max": MAX_TEXT_LIMIT + 1}},
         f"limits.body_max: expected a whole number of characters from 1 to {MAX_TEXT_LIMIT:,}"),
        ({"limits": {"subject": 100}},
         "limits: unknown field 'subject' (did you mean 'subject_max'?) (known: subject_max, body_max)"),
        ({"profiles": {"id": "a"}}, "profiles: expected a list of [[profiles]] tables, got {'id': 'a'}"),
        ({"profiles": ["main"]}, "profiles[0]: expected a [[profiles]] table, got 'main'"),
        ({"profiles": [{"id": "a"}]},
         "profiles[0].name: missing (required: store or company name as Amazon knows it"),
        ({"profiles": [{"id": "a", "name": "A", "default_marketplace": "GB"}]},
         f"profiles[0].default_marketplace: expected a marketplace code ({CODES}), got 'GB'"),
        ({"profiles": [{"id": "a", "name": "A", "signiture": "x"}]},
         "profiles[0]: unknown field 'signiture' (did you mean 'signature'?)"),
        ({"deadline_overrides": [3]}, "deadline_overrides[0]: expected a [[deadline_overrides]] table"),
        ({"deadline_overrides": [{"case_type": "x", "marketplaces": ["US"], "clock": "c",
                                  "clock_fact": "d", "as_of": "2026-01-01", "max_days": 3}]},
         "deadline_overrides[0].source: missing (required: where the rule comes from"),
    ],
)  # fmt: skip
def test_each_mistake_is_one_line_with_key_and_what_is_accepted(
    data: dict[str, Any], message: str
) -> None:
    with pytest.raises(UsageError) as err:
        settings_from_dict(data, "/home/me/config.toml")
    assert err.value.message.startswith(f"/home/me/config.toml: {message}"), err.value.message
    assert "\n" not in err.value.message and err.value.exit_code == 2


def test_a_huge_value_is_quoted_short() -> None:
    with pytest.raises(UsageError) as err:
        settings_from_dict({"lang": "x" * 100_000, "default_marketplace": "US"})
    assert len(err.value.message) < 200 and err.value.message.endswith("...")
    with pytest.raises(UsageError) as err:
        settings_from_dict(
            {"deadline_overrides": [{"case_type": "x", "marketplaces": "US" * 9999}]}
        )
    assert "marketplaces: expected a list, got 'USUS" in err.value.message
    assert len(err.value.message) < 200 and err.value.message.endswith("...")


def test_values_are_normalised_as_declared() -> None:
    settings = settings_from_dict(
        {"default_marketplace": " uk ", "profiles": [{"id": "a", "name": "A",
                                                      "default_marketplace": "jp"}]}
    )  # fmt: skip
    assert settings.default_marketplace == "UK"
    assert settings.profiles[0].default_marketplace == "JP"
    assert settings_from_dict({}) == Settings(lang="en")  # LANG=C.UTF-8 in the tests


def test_language_default_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert settings_from_dict({}).lang == "zh"
    assert settings_from_dict({"lang": "en"}).lang == "en"


def test_the_schema_reads_any_declared_dataclass() -> None:
    """A new setting is a declaration, not new checking code."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Reminder:
        days: int = setting(3, doc="days before", between=(1, 30), unit="days")
        channel: str = setting("mail", doc="how", choices=("mail", "sms"))

    assert read_table(Reminder, {"days": 7}, "x.toml") == Reminder(days=7)
    with pytest.raises(UsageError, match=r"x\.toml: r\.days: expected a whole number of days "
                                         r"from 1 to 30, got 31"):  # fmt: skip
        read_table(Reminder, {"days": 31}, "x.toml", "r")
    with pytest.raises(UsageError, match=r"channel: expected one of mail, sms, got 'fax'"):
        read_table(Reminder, {"channel": "fax"}, "x.toml")
    assert isinstance(Reminder.__dataclass_fields__["days"].metadata["casewriter.setting"], Spec)


@pytest.mark.parametrize("command", [("render", str(EXAMPLE)), ("log", "list"), ("types",)])
def test_a_bad_config_stops_any_command_in_one_line(
    cli, home: Path, command: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text('lang = "en"\nfollow_up_hour = 24\n', encoding="utf-8")
    result: CliResult = cli(*command)
    assert result.code == 2 and result.out == ""
    assert result.err == (
        f"casewriter: error: {home / 'config.toml'}: unknown setting 'follow_up_hour' "
        "(did you mean 'follow_up_hours'?) (known: lang, default_marketplace, default_profile, "
        "follow_up_hours, limits, profiles, deadline_overrides, health_targets)\n"
    )
    assert not (home / "cases.db").exists()
