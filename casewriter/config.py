"""User settings: profiles (seller accounts), default marketplace, UI language, follow-up hours
and text-length limits, read from and written to ``config.toml``.

Plain dataclasses and ``tomllib`` so loading settings costs nothing heavy. A malformed file is
reported with its path and the offending key; a missing file means defaults.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from casewriter.errors import UsageError
from casewriter.paths import AppPaths

MARKETPLACE_CODES = (
    "US", "CA", "MX", "UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL", "JP", "AU", "AE", "IN", "SG",
)  # fmt: skip
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
class Settings:
    """Everything a user can configure; defaults when ``config.toml`` is absent."""

    lang: str = "en"
    default_marketplace: str = "US"
    default_profile: str = ""
    follow_up_hours: int = 48
    limits: Limits = field(default_factory=Limits)
    profiles: tuple[Profile, ...] = ()

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


def settings_from_dict(data: Mapping[str, Any], source: str = "config.toml") -> Settings:
    """Validate a parsed config; errors name the file and the key."""
    known = {"lang", "default_marketplace", "default_profile", "follow_up_hours", "limits", "profiles"}
    for key in data:
        if key not in known:
            raise UsageError(f"{source}: unknown setting '{key}' (known: {', '.join(sorted(known))})")
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
    limits = Limits(
        subject_max=_expect(raw_limits.get("subject_max", 120), int, f"{source}: limits.subject_max"),
        body_max=_expect(raw_limits.get("body_max", 2000), int, f"{source}: limits.body_max"),
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
    return Settings(
        lang=lang,
        default_marketplace=market.upper(),
        default_profile=_expect(data.get("default_profile", ""), str, f"{source}: default_profile"),
        follow_up_hours=hours,
        limits=limits,
        profiles=tuple(profiles),
    )


def load_settings(paths: AppPaths) -> Settings:
    """Read ``config.toml`` (defaults when it does not exist)."""
    path = paths.config_file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(lang=language_from_env())
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    return settings_from_dict(data, str(path))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
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
    return "\n".join(lines) + "\n"


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write ``config.toml`` atomically (a crash leaves the old file or the new one)."""
    paths.ensure()
    target = paths.config_file
    tmp = target.with_suffix(".toml.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(dump_settings(settings))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
