"""The Textual app: home (case log), wizard, case detail, settings and scan screens.

The only package that imports textual. Importing ``casewriter.tui`` itself imports nothing
heavy; ``casewriter.tui.launch.launch`` starts the app, ``casewriter.tui.app.make_app``
builds it (tests). ``services`` and ``i18n`` are shared by every screen.
"""

from __future__ import annotations
