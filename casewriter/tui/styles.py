"""Where the TUI's stylesheets live. ``app.tcss`` (the app's ``CSS_PATH``) holds only what the
home screen needs at start-up; ``SCREENS_CSS`` is the ``CSS_PATH`` of every other screen and
dialog, so Textual parses it when the first of them opens rather than before the first frame.
"""

from __future__ import annotations

from pathlib import Path

APP_CSS = Path(__file__).with_name("app.tcss")
SCREENS_CSS = Path(__file__).with_name("screens.tcss")
