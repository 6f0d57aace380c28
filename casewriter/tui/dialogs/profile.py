"""``ProfileDialog``: add or edit one seller account (id, store name as Amazon knows
it, an optional local name for casewriter's screens, merchant token, default marketplace,
signature); returns the new ``Profile`` or None when cancelled.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Select

from casewriter.config import MARKETPLACE_CODES, Profile
from casewriter.tui.dialogs.base import Dialog
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input, Static
from casewriter.tui.widgets.parts import FieldError, FormLabel, FormRow

_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def check_profile(profile: Profile, taken: set[str]) -> str | None:
    """Why ``profile`` cannot be saved, or None."""
    if not _ID.match(profile.id):
        return t("profile.bad_id")
    if profile.id in taken:
        return t("profile.dup_id")
    if not profile.name.strip():
        return t("profile.no_name")
    return None


class ProfileDialog(Dialog[Profile | None]):
    """Edit a profile; ``taken`` are the ids of the other profiles."""

    DEFAULT_CSS = """
    ProfileDialog .dialog-box {
        width: 90;
    }
    ProfileDialog FormRow Input, ProfileDialog FormRow Select {
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, profile: Profile | None, taken: set[str], default_marketplace: str) -> None:
        super().__init__(id="profile-dialog")
        self.profile = profile or Profile(id="", name="", default_marketplace=default_marketplace)
        self.taken = taken

    def compose(self) -> ComposeResult:
        p = self.profile
        with Vertical(classes="dialog-box"):
            yield Static(
                t("act.edit_profile" if p.id else "act.add_profile"), classes="dialog-title"
            )
            for label, widget in (
                ("profile.id", Input(p.id, id="profile-id")),
                ("profile.name", Input(p.name, id="profile-name")),
                ("profile.local_name", Input(p.local_name, id="profile-local-name")),
                ("profile.token", Input(p.merchant_token, id="profile-token")),
                (
                    "profile.marketplace",
                    Select(
                        [(code, code) for code in MARKETPLACE_CODES],
                        value=p.default_marketplace
                        if p.default_marketplace in MARKETPLACE_CODES
                        else "US",
                        allow_blank=False,
                        id="profile-marketplace",
                    ),
                ),
                ("profile.signature", Input(p.signature, id="profile-signature")),
            ):
                with FormRow():
                    yield FormLabel(t(label))
                    yield widget
            yield FieldError("", id="profile-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dlg.ok"), variant="primary", id="ok")
                yield Button(t("dlg.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#profile-id", Input).focus()

    def current(self) -> Profile:
        def value(selector: str) -> str:
            return self.query_one(selector, Input).value.strip()

        return Profile(
            id=value("#profile-id"),
            name=value("#profile-name"),
            merchant_token=value("#profile-token").upper(),
            default_marketplace=str(self.query_one("#profile-marketplace", Select).value),
            signature=value("#profile-signature"),
            local_name=value("#profile-local-name"),
        )

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def _ok(self) -> None:
        profile = self.current()
        error = check_profile(profile, self.taken)
        if error:
            self.query_one("#profile-error", Static).update(error)
            return
        self.dismiss(profile)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
