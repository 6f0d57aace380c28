"""The settings screen: seller accounts (profiles), default marketplace and profile, UI
language (switches every screen at once, through the app's ``language_changed``) and
follow-up hours; saved to ``config.toml`` with ``casewriter.config.save_settings`` (through
``Services.save_settings``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Select

from casewriter.config import MARKETPLACE_CODES, Profile, Settings
from casewriter.errors import CasewriterError
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.dialogs.confirm import ConfirmDialog
from casewriter.tui.dialogs.profile import ProfileDialog
from casewriter.tui.host import host
from casewriter.tui.i18n import local, t
from casewriter.tui.safe import Input, Static, plain
from casewriter.tui.services import Services
from casewriter.tui.widgets.choice import OneLineSelect
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import (
    ButtonBar,
    FieldError,
    FormLabel,
    FormRow,
    ScreenTitle,
    SectionTitle,
)

SETTINGS_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("escape", "back", "act.back", "tip.back", "back"),
    ActionSpec("ctrl+s", "save", "act.save", "tip.save", "save-settings"),
    # Letters, not insert/delete (many laptops have no Insert key); a field being typed in
    # takes its letters first, the profiles table and the buttons leave them to these keys.
    ActionSpec("a", "add_profile", "act.add_profile", "tip.add_profile", "add-profile"),
    ActionSpec("e", "edit_profile", "act.edit_profile", "tip.edit_profile", "edit-profile"),
    ActionSpec(
        "enter",
        "edit_profile",
        "act.edit_profile",
        "tip.edit_profile",
        "edit-profile-enter",
        show=False,
        palette=False,
    ),
    ActionSpec("d", "remove_profile", "act.remove_profile", "tip.remove_profile", "remove-profile"),
    ActionSpec(
        "delete",
        "remove_profile",
        "act.remove_profile",
        "tip.remove_profile",
        "remove-profile-delete",
        show=False,
        palette=False,
    ),
)
LABELS = (
    ("#lbl-lang", "settings.language"),
    ("#lbl-market", "settings.marketplace"),
    ("#lbl-profile", "settings.default_profile"),
    ("#lbl-hours", "settings.follow_up"),
    ("#profiles-title", "settings.profiles"),
    ("#settings-title", "settings.title"),
)
BUTTONS = (
    ("#btn-add", "act.add_profile"),
    ("#btn-edit", "act.edit_profile"),
    ("#btn-remove", "act.remove_profile"),
    ("#btn-save", "act.save"),
)


class SettingsScreen(Screen[None]):
    """Edit ``Settings``; nothing is written until Save (except the language switch)."""

    DEFAULT_CSS = """
    #settings-form {
        height: auto;
        padding: 0 1;
    }
    #profiles {
        height: 1fr;
    }
    #default-profile {
        width: 44;
    }
    """

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = SETTINGS_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(SETTINGS_ACTIONS)

    def __init__(self, services: Services) -> None:
        super().__init__(id="settings")
        self.services = services
        self.profiles: list[Profile] = list(services.settings.profiles)

    def compose(self) -> ComposeResult:
        s = self.services.settings
        yield ScreenTitle(t("settings.title"), id="settings-title")
        with Vertical(id="settings-form"):
            with FormRow():
                yield FormLabel(t("settings.language"), id="lbl-lang")
                yield OneLineSelect(
                    [("English", "en"), ("简体中文", "zh")],
                    value=self.services.lang,
                    allow_blank=False,
                    id="lang",
                )
            with FormRow():
                yield FormLabel(t("settings.marketplace"), id="lbl-market")
                yield OneLineSelect(
                    [(c, c) for c in MARKETPLACE_CODES],
                    value=s.default_marketplace,
                    allow_blank=False,
                    id="marketplace",
                )
            with FormRow():
                yield FormLabel(t("settings.default_profile"), id="lbl-profile")
                yield OneLineSelect(
                    self._profile_options(),
                    value=s.default_profile,
                    allow_blank=False,
                    id="default-profile",
                )
            with FormRow():
                yield FormLabel(t("settings.follow_up"), id="lbl-hours")
                yield Input(str(s.follow_up_hours), id="hours", type="integer")
        yield SectionTitle(t("settings.profiles"), id="profiles-title")
        yield DataTable(id="profiles", cursor_type="row")
        with ButtonBar(id="settings-buttons"):
            yield Button(t("act.add_profile"), id="btn-add")
            yield Button(t("act.edit_profile"), id="btn-edit")
            yield Button(t("act.remove_profile"), id="btn-remove", variant="error")
            yield Button(t("act.save"), id="btn-save", variant="primary")
        yield FieldError("", id="settings-error")
        yield KeyFooter()

    def _profile_options(self) -> list[tuple[Text, str]]:
        return [(plain("—"), "")] + [
            (plain(f"{p.id} ({p.shown_name})"), p.id) for p in self.profiles
        ]

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel)
        relabel(self, SETTINGS_ACTIONS)
        self._fill_profiles()

    def _fill_profiles(self) -> None:
        table = self.query_one("#profiles", DataTable)
        table.clear(columns=True)
        for key, label in (
            ("id", "col.id"),
            ("name", "col.name"),
            ("token", "col.token"),
            ("mp", "col.marketplace"),
        ):
            table.add_column(t(label), key=key)
        for p in self.profiles:
            name = f"{p.name} ({p.local_name})" if p.local_name else p.name
            cells = (p.id, name, p.merchant_token, p.default_marketplace)
            table.add_row(*(plain(c) for c in cells), key=p.id)  # text, never markup
        select = self.query_one("#default-profile", Select)
        value = select.value
        select.set_options(self._profile_options())
        ids = {p.id for p in self.profiles}
        select.value = value if value in ids else ""

    # -- language ---------------------------------------------------------------------------

    @on(Select.Changed, "#lang")
    def _language_chosen(self, event: Select.Changed) -> None:
        lang = str(event.value)
        if lang != self.services.lang:
            host(self).set_language(lang)

    def _relabel(self, lang: str) -> None:
        relabel(self, SETTINGS_ACTIONS)
        self.query_one("#lang", Select).value = lang  # also when switched with F4 here
        for selector, key in LABELS:
            self.query_one(selector, Static).update(t(key))
        for selector, key in BUTTONS:
            self.query_one(selector, Button).label = t(key)
        self._fill_profiles()

    # -- profiles ---------------------------------------------------------------------------

    def _selected(self) -> Profile | None:
        table = self.query_one("#profiles", DataTable)
        if not self.profiles or table.cursor_row >= len(self.profiles):
            return None
        return self.profiles[table.cursor_row]

    def _edit(self, profile: Profile | None) -> None:
        taken = {p.id for p in self.profiles if profile is None or p.id != profile.id}
        market = str(self.query_one("#marketplace", Select).value)

        def done(result: Profile | None) -> None:
            if result is None:
                return
            if profile is None:
                self.profiles.append(result)
            else:
                self.profiles[self.profiles.index(profile)] = result
            self._fill_profiles()

        self.app.push_screen(ProfileDialog(profile, taken, market), done)

    @on(Button.Pressed, "#btn-add")
    def action_add_profile(self) -> None:
        self._edit(None)

    @on(Button.Pressed, "#btn-edit")
    @on(DataTable.RowSelected, "#profiles")
    def action_edit_profile(self) -> None:
        profile = self._selected()
        if profile is not None:
            self._edit(profile)

    @on(Button.Pressed, "#btn-remove")
    def action_remove_profile(self) -> None:
        profile = self._selected()
        if profile is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.profiles.remove(profile)
                self._fill_profiles()

        self.app.push_screen(ConfirmDialog(t("profile.remove_q", id=profile.id)), answered)

    # -- save -------------------------------------------------------------------------------

    def collect(self) -> Settings | str:
        """The edited settings, or an error message."""
        text = self.query_one("#hours", Input).value.strip()
        # isdecimal, not isdigit: "²" is a digit that int() refuses; 4 digits bound the number
        if not (text.isdecimal() and len(text) <= 4) or not 1 <= int(text) <= 24 * 60:
            return t("settings.bad_hours")
        return replace(
            self.services.settings,
            lang=self.services.lang,
            default_marketplace=str(self.query_one("#marketplace", Select).value),
            default_profile=str(self.query_one("#default-profile", Select).value or ""),
            follow_up_hours=int(text),
            profiles=tuple(self.profiles),
        )

    @on(Button.Pressed, "#btn-save")
    def action_save(self) -> None:
        result = self.collect()
        error = self.query_one("#settings-error", Static)
        if isinstance(result, str):
            error.update(result)
            return
        try:
            self.services.save_settings(result)
        except (CasewriterError, OSError) as exc:
            error.update(t("settings.save_failed", error=local(exc)))
            return
        error.update("")
        self.notify(t("settings.saved", path=str(self.services.paths.config_file)))

    def action_back(self) -> None:
        self.dismiss(None)
