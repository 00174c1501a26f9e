"""The base of the modal screens: a box of text over the browser that scrolls like a section,
with a footer of its own; escape, or a click beside the box, closes it."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import ModalScreen

from lvtui.ui.widgets.footer import KeyFooter
from lvtui.ui.widgets.reading import ReadingPane


class Sheet(ModalScreen[None]):
    """Subclasses give a title and the body; the box, its focus and the footer are here."""

    DEFAULT_CSS = """
    Sheet {
        align: center middle;
        /* The app stays in sight around the box, as under a popup in lazygit or k9s; not
           dimmed, as Textual's modal screens are: dimmed, its letters would read at
           less than 3:1 (measured: 2.1-2.9 at 25%, in every theme). */
        background: $background 0%;
        & > ReadingPane {
            width: 72; max-width: 100%; height: auto; max-height: 100%;
            border: round $accent; background: $surface; padding: 1 2;
            border-title-color: $foreground; border-title-style: bold;
            border-subtitle-color: $foreground;
            &:focus { border: round $accent; }
        }
    }
    """
    SHEET_TITLE: ClassVar[str] = ""
    CLOSE: ClassVar[str] = "dismiss"  # the action escape is bound to; a click beside runs it

    def sheet_title(self) -> str:
        """The title on the box's border: the class's, unless a sheet words its own."""
        return self.SHEET_TITLE

    def sheet_subtitle(self) -> str:
        """The words at the foot of the box's border (a card names its film there)."""
        return ""

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with ReadingPane(id="sheet-body") as body:
            # Content, never a string: a string there is read as markup, and a card's
            # words come from the film file.
            body.border_title = Content(self.sheet_title())
            body.border_subtitle = Content(self.sheet_subtitle())
            yield from self.compose_body()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(ReadingPane).focus()

    async def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # beside the box and its footer: as a web page's dialog
            await self.run_action(self.CLOSE)
