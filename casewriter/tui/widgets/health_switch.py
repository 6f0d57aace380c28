"""``ReviewPanes``: the Health screen's four tab panes in a ``ContentSwitcher`` — Account and
Inventory (``health_panes``: chart boards and figures), Actions (an ``OptionList``, one option
an action) and Sources — each pane mounted and filled the first time it is drawn, once per
review and language (``forget`` starts again: a new review, the other language).

Only the Account pane is built with the screen (the one its first frame shows); the others wait
until the screen draws them after that frame, or until their tab is chosen.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList
from textual.widgets.option_list import Option

from casewriter.health.model import HealthReview
from casewriter.tui.i18n import t
from casewriter.tui.safe import Static
from casewriter.tui.widgets.health_board import ChartBoard
from casewriter.tui.widgets.health_panes import account_cards, inventory_cards
from casewriter.tui.widgets.health_view import action_text, sources_text

TABS = ("account", "inventory", "actions", "sources")
PANES = {"account": "pane-account", "inventory": "pane-inventory", "actions": "health-actions",
         "sources": "pane-sources"}  # fmt: skip
"""Each tab's pane: its id in the switcher."""


class ReviewPanes(ContentSwitcher):
    """The panes of the review's tabs; ``review`` (None: no review yet) fills the Account pane
    it is built with."""

    DEFAULT_CSS = """
    ReviewPanes {
        height: 1fr;
    }
    ReviewPanes .health-pane {
        height: 1fr;
        padding: 0 1;
        scrollbar-gutter: stable;
    }
    ReviewPanes .health-pane Static {
        height: auto;
    }
    ReviewPanes .figure {
        margin-bottom: 1;
    }
    ReviewPanes #health-actions {
        height: 1fr;
        border: none;
    }
    """

    def __init__(
        self,
        review: HealthReview | None,
        lang: str,
        *,
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        cards = account_cards(review, lang) if review is not None else []
        first = VerticalScroll(*cards, id=PANES["account"], classes="health-pane")
        super().__init__(first, id=id, initial=PANES["account"])
        self.drawn: set[str] = {"account"} if review is not None else set()
        """The tabs drawn for the review and language shown."""

    def forget(self) -> None:
        """Draw every pane again the next time it is asked for."""
        self.drawn = set()

    def pane(self, name: str) -> Widget:
        """Tab ``name``'s pane, mounted (hidden unless it is the tab shown) on first use."""
        try:
            return self.get_child_by_id(PANES[name])
        except NoMatches:
            pane: Widget = (OptionList(id=PANES[name]) if name == "actions"
                            else VerticalScroll(id=PANES[name], classes="health-pane"))  # fmt: skip
            pane.display = self.current == PANES[name]
            self.mount(pane)
            return pane

    async def draw(self, name: str, review: HealthReview, lang: str) -> None:
        """Fill tab ``name``'s pane from ``review`` (nothing if it is drawn already); a list of
        actions keeps the action highlighted."""
        if name in self.drawn:
            return
        self.drawn.add(name)
        pane = self.pane(name)
        if isinstance(pane, OptionList):
            highlighted = pane.highlighted
            pane.clear_options()
            if review.actions:
                pane.add_options([Option(action_text(n, a, lang), id=a.key)
                                  for n, a in enumerate(review.actions, 1)])  # fmt: skip
                pane.highlighted = min(highlighted or 0, len(review.actions) - 1)
            else:
                pane.add_option(Option(Text(t("health.actions.none")), disabled=True))
            return
        widgets = (account_cards(review, lang) if name == "account"
                   else inventory_cards(review, lang) if name == "inventory"
                   else [Static(sources_text(review, lang), id="health-sources")])  # fmt: skip
        with self.app.batch_update():
            await pane.remove_children()
            await pane.mount_all(widgets)
        self.call_after_refresh(self.show_charts)

    async def show(self, name: str, review: HealthReview, lang: str) -> None:
        """Show tab ``name``'s pane, drawn first if it is not yet."""
        await self.draw(name, review, lang)
        self.current = PANES[name]

    def show_charts(self) -> None:
        """Let the charts of every board in (each drawn once it is in view)."""
        for board in self.query(ChartBoard):
            board.show_charts()
