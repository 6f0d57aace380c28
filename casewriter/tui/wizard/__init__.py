"""The case wizard: ``WizardScreen`` (case type → facts and evidence → urgency → review) over a
pure ``WizardState``; autosaved at every step through ``casewriter.tui.autosave``.
"""

from __future__ import annotations

from casewriter.tui.wizard.screen import WizardScreen

__all__ = ["WizardScreen"]
