"""The weekly account review and the monthly inventory health (issue 15): no textual here.

What a screen (the TUI's Health screen) or a command may call; everything is loaded on first use
(PEP 562), so importing the package costs nothing:

- ``run_review(store, files, *, catalog, settings, as_of=None, marketplace=None,
  record=True) -> HealthReview`` (``session.py``): read the inventory reports in ``files``
  (paths or folders; any subset), the account records of the log, build the review and, with
  ``record``, remember the run in the log (its date and sources: what makes the monthly
  inventory review no longer due). Blocking: call it from a worker thread.
- ``review_last(store, *, catalog, settings, as_of=None) -> HealthReview | None``: the review
  of the last run's sources (what the Health screen opens on), not recorded again; None when
  no review was ever run.
- ``build_review(...)`` (``review.py``): the same without the log (records passed in).
- The model (``model.py``): ``HealthReview`` and its parts — ``AccountReview`` /
  ``AccountMetric`` (``trend`` for the charts, ``target``, ``status``, ``alerts``),
  ``InventoryReview`` / ``Figure`` (``value`` or ``absent``, ``source``, ``parts``, ``items``),
  ``Action`` (ordered; ``case`` a ``CaseProposal`` whose ``draft`` the wizard opens),
  ``SourceFile``, ``Text`` (``.get(lang)``), ``Target``.
- ``Targets`` (``targets.py``): the targets in force (built-in ``targets.toml`` with the user's
  ``[[health_targets]]`` of ``config.toml``); ``targets_for(settings)`` builds it.
- Outputs: ``format_text(review, lang)`` (``text.py``), ``format_markdown(review, lang)``
  (``markdown.py``), ``format_html(review, lang)`` (``html.py``: one self-contained page, charts
  as inline SVG).

The account records themselves are the log's: ``CaseStore.health_records(marketplace)``,
``record_health`` / ``delete_health_record`` (``casewriter.store.health``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~10 ms to import; mypy honours this name all the same
if TYPE_CHECKING:
    from casewriter.health.model import (
        METRIC_KEYS,
        AccountMetric,
        AccountRecord,
        AccountReview,
        Action,
        CaseProposal,
        Figure,
        HealthReview,
        InventoryReview,
        Item,
        Part,
        Point,
        Source,
        SourceFile,
        Target,
        Text,
        TrendPoint,
    )
    from casewriter.health.targets import Targets, targets_for

#: Exported name -> module of this package.
_EXPORTS: dict[str, str] = {
    "format_html": "html",
    "format_markdown": "markdown",
    "format_text": "text",
    "build_review": "review",
    "review_last": "session",
    "run_review": "session",
    "Targets": "targets",
    "targets_for": "targets",
    **{
        name: "model"
        for name in (
            "METRIC_KEYS", "AccountMetric", "AccountRecord", "AccountReview", "Action",
            "CaseProposal", "Figure", "HealthReview", "InventoryReview", "Item", "Part",
            "Point", "Source", "SourceFile", "Target", "Text", "TrendPoint",
        )
    },
}  # fmt: skip

__all__ = [
    "AccountMetric",
    "AccountRecord",
    "AccountReview",
    "Action",
    "CaseProposal",
    "Figure",
    "HealthReview",
    "InventoryReview",
    "Item",
    "METRIC_KEYS",
    "Part",
    "Point",
    "Source",
    "SourceFile",
    "Target",
    "Targets",
    "Text",
    "TrendPoint",
    "build_review",
    "format_html",
    "format_markdown",
    "format_text",
    "review_last",
    "run_review",
    "targets_for",
]

if not TYPE_CHECKING:
    from casewriter.lazy import lazy_getattr

    __getattr__ = lazy_getattr(
        __name__, {name: (module, name) for name, module in _EXPORTS.items()}, globals()
    )
