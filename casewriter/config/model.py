"""The settings a user can configure, declared once: each field's type, default, range or
choices and help (``casewriter.config.schema.setting``). Reading (``settings_from_dict``),
error wording and writing (``casewriter.config.save``) all follow these declarations.

Plain frozen dataclasses: building ``Settings`` imports nothing heavy (the TUI's start-up).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from casewriter.bounds import (
    MAX_FOLLOW_UP_HOURS,
    MAX_TEXT_LIMIT,
    MAX_WINDOW_DAYS,
    MAX_WINDOW_MONTHS,
    MIN_FOLLOW_UP_HOURS,
)
from casewriter.config.schema import setting
from casewriter.marketplaces import codes

MARKETPLACE_CODES: tuple[str, ...] = codes()  # the table in casewriter/marketplaces.py
LANGUAGES = ("en", "zh")
_CODES: dict[str, Any] = {
    "choices": MARKETPLACE_CODES,
    "choices_are": "a marketplace code",
    "upper": True,
}


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) is Chinese, else ``en``."""
    env = os.environ if environ is None else environ
    value = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    return "zh" if value.lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Profile:
    """A seller account: how the case introduces the seller and signs off."""

    id: str = setting(doc="short key used on the command line and in case files (--profile)")
    name: str = setting(doc="store or company name as Amazon knows it, e.g. Northbay Goods")
    merchant_token: str = setting("", doc="Seller Central merchant token (optional)")
    default_marketplace: str = setting("US", doc="marketplace this account sells in", **_CODES)
    signature: str = setting("", doc="sign-off lines; defaults to the store name")
    local_name: str = setting(
        "",
        doc="optional name for this account in casewriter's own screens (e.g. the company's "
        "Chinese name); never written into the case text, which uses name",
    )

    @property
    def shown_name(self) -> str:
        """The name casewriter's screens show: the local name when there is one."""
        return self.local_name or self.name


@dataclass(frozen=True)
class Limits:
    """Soft limits: rendering warns above them, never truncates."""

    subject_max: int = setting(
        120,
        doc="Seller Central shows about 120 characters of a subject in the case log",
        between=(1, MAX_TEXT_LIMIT),
        unit="characters",
    )
    body_max: int = setting(
        2000,
        doc="about 2,000 characters per box is often reported (unverified)",
        between=(1, MAX_TEXT_LIMIT),
        unit="characters",
    )


_DAYS = f"whole days, 0 to {MAX_WINDOW_DAYS}"


@dataclass(frozen=True)
class DeadlineOverride:
    """A user's claim-window rule for one case type in some marketplaces; it replaces the
    catalog's rules for those marketplaces (``["*"]``: all of them). The fields of a case
    type's ``[[deadlines]]`` rule, checked by the same model (``rule=True``), plus
    ``case_type``."""

    case_type: str = setting(doc="the case type whose rule this replaces (its id)", not_empty=True)
    marketplaces: tuple[str, ...] = setting(doc="marketplace codes, or ['*'] for all", rule=True)
    clock: str = setting(doc="what starts the clock, in words", rule=True)
    clock_fact: str = setting(doc="the date fact that starts the clock", rule=True)
    source: str = setting(doc="where the rule comes from (a page, an e-mail)", rule=True)
    as_of: date = setting(doc="when the source said so", rule=True)
    clock_zh: str = setting("", doc="the clock in Chinese (the app's 简体中文 mode)", rule=True)
    min_days: int = setting(0, doc=f"earliest day to file ({_DAYS})", rule=True)
    max_days: int | None = setting(None, doc=f"latest day to file ({_DAYS})", rule=True)
    max_months: int | None = setting(
        None, doc=f"latest month to file (0 to {MAX_WINDOW_MONTHS})", rule=True
    )
    effective_from: date | None = setting(None, doc="in force for events from", rule=True)
    until: date | None = setting(None, doc="in force for events until", rule=True)
    note: str = setting("", doc="anything to remember about it", rule=True)
    note_zh: str = setting("", doc="the note in Chinese", rule=True)
    claim_window: bool = setting(
        True, doc="false: a period to act (relist, remove), not a window to file a claim", rule=True
    )

    def rule_data(self) -> dict[str, Any]:
        """The fields of a case type's deadline rule (everything but ``case_type``)."""
        data = asdict(self)
        del data["case_type"]
        data["marketplaces"] = list(self.marketplaces)
        return data


_COMPARISONS = ("below", "at_most", "above", "at_least")


@dataclass(frozen=True)
class HealthTarget:
    """Your target for one figure of the health review in place of the built-in one
    (``casewriter/health/targets.toml`` lists the keys, units and sources)."""

    key: str = setting(
        doc="the target's key (odr, lsr_10, vtr, ahr, sell_through …)", not_empty=True
    )
    value: float = setting(doc="the target, in the target's unit (1.0 means 1 % for a rate)")
    source: str = setting(doc="where your figure comes from", not_empty=True)
    as_of: date = setting(doc="when the source said so")
    marketplaces: tuple[str, ...] = setting(("*",), doc="marketplace codes, or ['*'] for all")
    comparison: str = setting(
        "", doc="below, at_most, above or at_least (default: the built-in one's)",
        choices=("", *_COMPARISONS),
    )  # fmt: skip


@dataclass(frozen=True)
class Settings:
    """Everything a user can configure; defaults when ``config.toml`` is absent."""

    lang: str = setting(
        "en",
        doc="language of the app and of CLI messages: en or zh (default: from LANG)",
        choices=LANGUAGES,
        default_from=language_from_env,
    )
    default_marketplace: str = setting(
        "US", doc="marketplace of a new case when none is given", **_CODES
    )
    default_profile: str = setting("", doc="id of the profile a new case uses (else the first)")
    follow_up_hours: int = setting(
        48,
        doc="hours after filing or a reply before a case is due for a follow-up",
        between=(MIN_FOLLOW_UP_HOURS, MAX_FOLLOW_UP_HOURS),
        unit="hours",
    )
    limits: Limits = setting(doc="soft text-length limits (warnings only)", factory=Limits)
    profiles: tuple[Profile, ...] = setting(
        (), doc="seller accounts: how a case introduces you and signs off", key="id"
    )
    deadline_overrides: tuple[DeadlineOverride, ...] = setting(
        (), doc="your claim-window rules in place of a case type's own"
    )
    health_targets: tuple[HealthTarget, ...] = setting(
        (), doc="your targets for the health review in place of the built-in ones"
    )

    def profile(self, profile_id: str | None) -> Profile | None:
        """The profile with this id, else the default one, else the first, else None."""
        wanted = profile_id or self.default_profile
        for p in self.profiles:
            if p.id == wanted:
                return p
        return self.profiles[0] if self.profiles and not profile_id else None

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)
