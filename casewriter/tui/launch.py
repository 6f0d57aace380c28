"""``launch(ctx, case_type)``: what ``casewriter`` / ``casewriter new [TYPE]`` run.

Builds ``Services`` from the CLI context (``--home``, ``--lang``, config), opens the case log
*before* the app starts so a corrupt or newer log is the CLI's one-line error (``StoreError``,
exit 1) rather than a broken screen, then runs the app. A log that is fine but cannot be
written here opens read-only: the home screen says why and write actions are refused.

On a first start (no log file yet) nothing can be damaged: the home screen draws its first
frame, then creates the log; if that fails the app closes and the error is the CLI's one line,
as before.
"""

from __future__ import annotations

from typing import Protocol

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui.services import Services


class LaunchContext(Protocol):
    """What the app needs of the CLI's ``casewriter.commands.Context`` (the TUI sits below the
    commands and does not import them)."""

    @property
    def paths(self) -> AppPaths: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def lang(self) -> str | None: ...


def build_services(ctx: LaunchContext) -> Services:
    """Services for the CLI context; ``--lang`` overrides the configured language."""
    import gc

    # Everything imported so far (Textual, casewriter) lives as long as the process: move it
    # out of the cyclic collector's sight, so the collections that opening the log and
    # building the app trigger walk only what is new (a full one walks ~300k objects).
    gc.freeze()
    settings = ctx.settings
    return Services(paths=ctx.paths, settings=settings, lang=ctx.lang or settings.lang)


def launch(ctx: LaunchContext, case_type: str | None = None) -> int:
    """Run the TUI; returns the process exit code."""
    services = build_services(ctx)
    if services.log_exists():
        services.store  # noqa: B018 - open now: StoreError surfaces as the CLI's one-line error
    # else a first start: nothing there can be damaged, and the home screen creates the log
    # right after its first frame (a failure then closes the app and is reported below).
    if case_type is not None:
        services.engine.catalog.get(case_type)  # NotFoundError (exit 2) for an unknown type
    from casewriter.tui.app import make_app

    app = make_app(services, start_case_type=case_type)
    try:
        result = app.run()
    finally:
        services.close()
    if services.open_error is not None:
        raise services.open_error
    return int(result or 0)
