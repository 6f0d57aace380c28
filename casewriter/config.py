"""User settings: profiles (seller accounts), default marketplace, UI language, follow-up hours,
text-length limits, deadline-rule overrides and health-review target overrides, read from and
written to ``config.toml``.

Plain dataclasses and ``tomllib`` so loading settings costs nothing heavy. A malformed file is
reported with its path and the offending key; a missing file means defaults.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from casewriter.bounds import MAX_WINDOW_DAYS, MAX_WINDOW_MONTHS
from casewriter.errors import UsageError
from casewriter.marketplaces import codes
from casewriter.paths import AppPaths

MARKETPLACE_CODES = codes()  # the marketplace table's (casewriter/marketplaces.py)
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Profile:
    """A seller account: how the case introduces the seller and signs off."""

    id: str
    """Short key used on the command line and in case files (``--profile``)."""
    name: str
    """Store or company name as Amazon knows it, e.g. ``Northbay Goods``."""
    merchant_token: str = ""
    """Seller Central merchant token (optional, shown in the case opening)."""
    default_marketplace: str = "US"
    signature: str = ""
    """Sign-off lines; defaults to the store name."""


@dataclass(frozen=True)
class Limits:
    """Soft limits: rendering warns above them, never truncates."""

    subject_max: int = 120
    """Seller Central shows about 120 characters of a subject in the case log."""
    body_max: int = 2000
    """About 2,000 characters per box is often reported (domain.md §5, unverified)."""


@dataclass(frozen=True)
class DeadlineOverride:
    """A user's claim-window rule for one case type in some marketplaces; it replaces the
    catalog's rules for those marketplaces (``["*"]``: all of them). Same fields as a case
    type's ``[[deadlines]]`` rule, plus ``case_type``."""

    case_type: str
    marketplaces: tuple[str, ...]
    clock: str
    clock_fact: str
    source: str
    as_of: date
    min_days: int = 0
    max_days: int | None = None
    max_months: int | None = None
    effective_from: date | None = None
    until: date | None = None
    note: str = ""

    def rule_data(self) -> dict[str, Any]:
        """The fields of a case type's deadline rule (everything but ``case_type``)."""
        data = asdict(self)
        del data["case_type"]
        data["marketplaces"] = list(self.marketplaces)
        return data


@dataclass(frozen=True)
class Settings:
    """Everything a user can configure; defaults when ``config.toml`` is absent."""

    lang: str = "en"
    default_marketplace: str = "US"
    default_profile: str = ""
    follow_up_hours: int = 48
    limits: Limits = field(default_factory=Limits)
    profiles: tuple[Profile, ...] = ()
    deadline_overrides: tuple[DeadlineOverride, ...] = ()
    health_targets: tuple[dict[str, Any], ...] = ()
    """``[[health_targets]]``: the user's targets for the health review in place of the
    built-in ones (``casewriter/health/targets.toml``); each table's fields are checked by
    ``casewriter.health.targets.check_overrides`` when a review runs."""

    def profile(self, profile_id: str | None) -> Profile | None:
        """The profile with this id, else the default one, else the first, else None."""
        wanted = profile_id or self.default_profile
        for p in self.profiles:
            if p.id == wanted:
                return p
        return self.profiles[0] if self.profiles and not profile_id else None

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    value = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    return "zh" if value.lower().startswith("zh") else "en"


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise UsageError(f"{where}: expected {names}, got {value!r}")
    return value


_CASE_TYPE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FACT_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_OVERRIDE_FIELDS = tuple(f.name for f in fields(DeadlineOverride))
_LIMIT_FIELDS = tuple(f.name for f in fields(Limits))
#: The largest ``[limits]`` value: a box longer than this is not a Seller Central case.
MAX_LIMIT = 1_000_000
#: config.toml is a few hundred bytes; a megabyte stops /dev/zero or a 2 GB sparse file.
MAX_CONFIG_FILE = 1024 * 1024


def _date(value: Any, where: str) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UsageError(f"{where}: expected a date YYYY-MM-DD, got {value!r}")


def _days(value: Any, where: str, most: int) -> int:
    number: int = _expect(value, int, where)
    if number < 0:
        raise UsageError(f"{where}: must be 0 or more, got {number}")
    if number > most:
        raise UsageError(
            f"{where}: at most {most} (a claim window longer than ten years is a typo), got {number}"
        )
    return number


def _limit(data: Mapping[str, Any], key: str, default: int, where: str) -> int:
    """One ``[limits]`` length: a whole number of characters, at least 1."""
    number: int = _expect(data.get(key, default), int, where)
    if not 1 <= number <= MAX_LIMIT:
        raise UsageError(f"{where}: must be between 1 and {MAX_LIMIT:,} characters, got {number}")
    return number


def deadline_override_from_dict(raw: Any, where: str) -> DeadlineOverride:
    """One ``[[deadline_overrides]]`` table; errors name ``where`` (file and index) and the field."""
    _expect(raw, dict, where)
    for key in raw:
        if key not in _OVERRIDE_FIELDS:
            raise UsageError(
                f"{where}: unknown field '{key}' (known: {', '.join(_OVERRIDE_FIELDS)})"
            )
    for key in ("case_type", "marketplaces", "clock", "clock_fact", "source", "as_of"):
        if key not in raw:
            raise UsageError(f"{where}.{key}: missing (required)")
    case_type = _expect(raw["case_type"], str, f"{where}.case_type").strip()
    if not _CASE_TYPE_ID.match(case_type):
        raise UsageError(f"{where}.case_type: {case_type!r} is not a case-type id (kebab-case)")
    markets = _expect(raw["marketplaces"], list, f"{where}.marketplaces")
    codes = [_expect(m, str, f"{where}.marketplaces").strip().upper() for m in markets]
    if not codes:
        raise UsageError(f"{where}.marketplaces: list at least one marketplace code, or '*'")
    for code in codes:
        if code != "*" and code not in MARKETPLACE_CODES:
            raise UsageError(f"{where}.marketplaces: {code!r} is not a known marketplace")
    clock_fact = _expect(raw["clock_fact"], str, f"{where}.clock_fact").strip()
    if not _FACT_KEY.match(clock_fact):
        raise UsageError(f"{where}.clock_fact: {clock_fact!r} is not a fact key (snake_case)")
    texts = {}
    for key in ("clock", "source"):
        texts[key] = _expect(raw[key], str, f"{where}.{key}").strip()
        if not texts[key]:
            raise UsageError(f"{where}.{key}: must not be empty")

    def given(key: str) -> bool:
        return bool(raw.get(key, "") != "")

    max_days = (
        _days(raw["max_days"], f"{where}.max_days", MAX_WINDOW_DAYS) if given("max_days") else None
    )
    max_months = (
        _days(raw["max_months"], f"{where}.max_months", MAX_WINDOW_MONTHS)
        if given("max_months")
        else None
    )
    if max_days is None and max_months is None:
        raise UsageError(f"{where}.max_days: give max_days or max_months (the latest day to file)")
    return DeadlineOverride(
        case_type=case_type,
        marketplaces=tuple(dict.fromkeys(codes)),
        clock=texts["clock"],
        clock_fact=clock_fact,
        source=texts["source"],
        as_of=_date(raw["as_of"], f"{where}.as_of"),
        min_days=_days(raw.get("min_days", 0), f"{where}.min_days", MAX_WINDOW_DAYS),
        max_days=max_days,
        max_months=max_months,
        effective_from=_date(raw["effective_from"], f"{where}.effective_from")
        if given("effective_from")
        else None,
        until=_date(raw["until"], f"{where}.until") if given("until") else None,
        note=_expect(raw.get("note", ""), str, f"{where}.note"),
    )


def settings_from_dict(data: Mapping[str, Any], source: str = "config.toml") -> Settings:
    """Validate a parsed config; errors name the file and the key."""
    known = {
        "lang", "default_marketplace", "default_profile", "follow_up_hours", "limits", "profiles",
        "deadline_overrides", "health_targets",
    }  # fmt: skip
    for key in data:
        if key not in known:
            raise UsageError(
                f"{source}: unknown setting '{key}' (known: {', '.join(sorted(known))})"
            )
    lang = _expect(data.get("lang", language_from_env()), str, f"{source}: lang")
    if lang not in LANGUAGES:
        raise UsageError(f"{source}: lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    market = _expect(data.get("default_marketplace", "US"), str, f"{source}: default_marketplace")
    if market.upper() not in MARKETPLACE_CODES:
        raise UsageError(f"{source}: default_marketplace {market!r} is not a known marketplace")
    hours = _expect(data.get("follow_up_hours", 48), int, f"{source}: follow_up_hours")
    if not 1 <= hours <= 24 * 60:
        raise UsageError(f"{source}: follow_up_hours must be between 1 and 1440, got {hours}")
    raw_limits = _expect(data.get("limits", {}), dict, f"{source}: limits")
    for key in raw_limits:
        if key not in _LIMIT_FIELDS:
            raise UsageError(
                f"{source}: limits.{key}: unknown limit (known: {', '.join(_LIMIT_FIELDS)})"
            )
    limits = Limits(
        subject_max=_limit(raw_limits, "subject_max", 120, f"{source}: limits.subject_max"),
        body_max=_limit(raw_limits, "body_max", 2000, f"{source}: limits.body_max"),
    )
    profiles = []
    for i, raw in enumerate(_expect(data.get("profiles", []), list, f"{source}: profiles")):
        where = f"{source}: profiles[{i}]"
        _expect(raw, dict, where)
        try:
            profile = Profile(**{k: _expect(v, str, f"{where}.{k}") for k, v in raw.items()})
        except TypeError as exc:
            raise UsageError(f"{where}: {exc}") from None
        profiles.append(replace(profile, default_marketplace=profile.default_marketplace.upper()))
    raw_overrides = _expect(
        data.get("deadline_overrides", []), list, f"{source}: deadline_overrides"
    )
    overrides = tuple(
        deadline_override_from_dict(raw, f"{source}: deadline_overrides[{i}]")
        for i, raw in enumerate(raw_overrides)
    )
    raw_targets = _expect(data.get("health_targets", []), list, f"{source}: health_targets")
    health_targets = tuple(
        dict(_expect(raw, dict, f"{source}: health_targets[{i}]"))
        for i, raw in enumerate(raw_targets)
    )
    return Settings(
        deadline_overrides=overrides,
        health_targets=health_targets,
        lang=lang,
        default_marketplace=market.upper(),
        default_profile=_expect(data.get("default_profile", ""), str, f"{source}: default_profile"),
        follow_up_hours=hours,
        limits=limits,
        profiles=tuple(profiles),
    )


def load_settings(paths: AppPaths) -> Settings:
    """Read ``config.toml`` (defaults when it does not exist). Only a regular file of at most
    ``MAX_CONFIG_FILE`` is read (a FIFO would block, ``/dev/zero`` never ends); every problem is
    one UsageError naming the file."""
    path = paths.config_file
    if not os.path.lexists(path):
        return Settings(lang=language_from_env())
    # Imported only when there is a file to read: this is on the TUI's start-up path.
    from casewriter.documents import decode_text, parse_toml
    from casewriter.files import read_user_file

    raw = read_user_file(path, "config file", max_bytes=MAX_CONFIG_FILE)
    where = str(path)
    data = parse_toml(decode_text(raw, where), where)
    return settings_from_dict(data, where)


_TOML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _toml_char(c: str) -> str:
    """One character of a TOML basic string: quotes, backslashes and controls escaped."""
    if c in _TOML_ESCAPES:
        return _TOML_ESCAPES[c]
    if ord(c) < 0x20 or ord(c) == 0x7F:
        return f"\\u{ord(c):04X}"
    return c


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # a TOML float ([[health_targets]] values)
    if isinstance(value, date):
        return value.isoformat()  # a TOML local date
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = "".join(_toml_char(c) for c in str(value))
    return f'"{escaped}"'


def dump_settings(settings: Settings) -> str:
    """Settings as TOML text (only the shapes this file uses)."""
    lines = [
        "# casewriter settings. Edit here or in the app (Settings).",
        f"lang = {_toml_value(settings.lang)}",
        f"default_marketplace = {_toml_value(settings.default_marketplace)}",
        f"default_profile = {_toml_value(settings.default_profile)}",
        f"follow_up_hours = {_toml_value(settings.follow_up_hours)}",
        "",
        "[limits]",
    ]
    lines += [f"{k} = {_toml_value(v)}" for k, v in asdict(settings.limits).items()]
    for profile in settings.profiles:
        lines += ["", "[[profiles]]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in asdict(profile).items()]
    for override in settings.deadline_overrides:
        lines += ["", "[[deadline_overrides]]"]
        lines += [
            f"{k} = {_toml_value(v)}"
            for k, v in asdict(override).items()
            if v is not None and not (k == "note" and v == "")
        ]
    for table in settings.health_targets:
        lines += ["", "[[health_targets]]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write ``config.toml`` atomically (a crash leaves the old file or the new one)."""
    paths.ensure()
    from casewriter.files import write_atomic

    write_atomic(paths.config_file, dump_settings(settings))
