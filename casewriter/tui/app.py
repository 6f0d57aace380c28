"""The Textual application: builds the screen stack, owns the UI language switch, the
app-wide actions (new case, settings, scan reports, language, quit) and the announcements
screens subscribe to (``language_changed``, ``cases_changed``: see ``casewriter.tui.host``).

``make_app(services)`` is the one factory used by ``launch`` and by tests. The home screen is
the default screen; ``start_case_type`` (``casewriter new TYPE``) pushes the wizard on top of it.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from casewriter.tui import i18n
from casewriter.tui.bindings import ActionSpec, bindings, relabel, relabel_palette
from casewriter.tui.i18n import local, t
from casewriter.tui.services import Services

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import SystemCommand

    from casewriter.tui.host import Host

APP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("f2", "app.open_settings", "act.settings", "tip.settings", "open-settings"),
    ActionSpec("f3", "app.open_scan", "act.scan", "tip.scan", "open-scan"),
    ActionSpec("f4", "app.toggle_language", "act.language", "tip.language", "toggle-language"),
    ActionSpec("ctrl+q", "app.quit", "act.quit", "tip.quit", "quit", show=False),
)


def _palette_provider() -> Any:
    """The palette provider, imported only when the palette opens (keeps start-up cheap)."""
    from casewriter.tui.palette import ActionPalette

    return ActionPalette


class CasewriterApp(App[int]):
    """casewriter's TUI."""

    TITLE = "casewriter"
    COMMANDS: ClassVar[set[Any]] = App.COMMANDS | {_palette_provider}
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = APP_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(APP_ACTIONS)
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, services: Services, *, start_case_type: str | None = None) -> None:
        self._gc_paused = False
        i18n.set_language(services.lang)
        super().__init__()
        self.services = services
        self.start_case_type = start_case_type
        self.language_changed: Signal[str] = Signal(self, "language-changed")
        """Published with the new UI language once ``set_language`` switched it."""
        self.cases_changed: Signal[str] = Signal(self, "cases-changed")
        """Published by whatever wrote to the case log, with the case id ("" for several)."""
        self.title = t("app.title")
        relabel_palette(self)
        relabel(self, APP_ACTIONS)

    def get_default_screen(self) -> Screen[Any]:
        """The home screen is the bottom of the stack (no extra blank screen)."""
        from casewriter.tui.screens.home import HomeScreen

        return HomeScreen(self.services)

    def on_load(self) -> None:
        # Start-up allocates a lot and frees almost nothing: the cyclic garbage collector would
        # run dozens of times before the first frame for nothing. It is paused from here (the
        # app is running) until then (``_startup_done``, or unmount if the app stops first);
        # reference counting still frees everything meanwhile.
        self._gc_paused = gc.isenabled()
        gc.disable()

    def on_mount(self) -> None:
        self.call_after_refresh(self._startup_done)
        if self.start_case_type is not None:
            self.open_wizard(case_type=self.start_case_type)

    def _startup_done(self) -> None:
        """After the first frame: move everything built at start-up (Textual, CSS, widgets) out
        of the garbage collector's sight (a full collection otherwise walks it all and stalls a
        keypress by 50-90 ms; objects are still freed by reference counting), then resume it."""
        gc.freeze()
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every toast (screens' and widgets' ``notify`` come here) shows its text as data:
        markup off, controls and bidi overrides as visible escapes (messages quote user text)."""
        from casewriter.safetext import escape_controls

        super().notify(
            escape_controls(str(message)),
            title=escape_controls(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_command_palette(self) -> None:
        """``ctrl+p``: Textual's palette, with a query box that draws controls safely and a
        placeholder in the UI language."""
        from textual.command import CommandPalette

        from casewriter.tui.palette import SafeCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                SafeCommandPalette(placeholder=t("palette.placeholder"), id="--command-palette")
            )

    # -- language ---------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the UI language at run time; every screen that subscribed to
        ``language_changed`` re-labels itself."""
        i18n.set_language(lang)
        self.services.lang = lang
        self.title = t("app.title")
        relabel_palette(self)
        relabel(self, APP_ACTIONS)
        self.language_changed.publish(lang)

    def action_toggle_language(self) -> None:
        lang = "zh" if self.services.lang == "en" else "en"
        self.set_language(lang)
        try:
            self.services.save_settings(self.services.settings.with_changes(lang=lang))
        except Exception as exc:  # noqa: BLE001 - a read-only config must not stop the switch
            self.notify(local(exc), severity="warning")

    # -- app-wide actions -------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the UI language."""
        from casewriter.tui.palette import system_commands

        return system_commands(self, screen)

    def action_open_settings(self) -> None:
        from casewriter.tui.screens.settings import SettingsScreen

        if not isinstance(self.screen, SettingsScreen):
            self.push_screen(SettingsScreen(self.services))

    def action_open_scan(self) -> None:
        from casewriter.tui.screens.scan import ScanScreen

        if not isinstance(self.screen, ScanScreen):
            self.push_screen(ScanScreen(self.services))

    def open_wizard(
        self,
        *,
        case_type: str | None = None,
        draft: dict[str, Any] | None = None,
        autosave_path: Path | None = None,
        case_id: str | None = None,
    ) -> None:
        """Push the wizard (it announces the case it saves: ``cases_changed``)."""
        from casewriter.tui.wizard import WizardScreen

        def done(saved: str | None) -> None:
            if saved:
                self.notify(t("msg.case_saved", case_id=saved))

        self.push_screen(
            WizardScreen(
                self.services,
                case_type=case_type,
                draft=draft,
                autosave_path=autosave_path,
                case_id=case_id,
            ),
            done,
        )

    def on_unmount(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()
        self.services.close()


def make_app(services: Services, *, start_case_type: str | None = None) -> CasewriterApp:
    """Build the app (``launch`` and tests)."""
    return CasewriterApp(services, start_case_type=start_case_type)


if TYPE_CHECKING:

    def _is_host(app: CasewriterApp) -> Host:
        """mypy checks here that the app gives screens all that ``Host`` promises."""
        return app
