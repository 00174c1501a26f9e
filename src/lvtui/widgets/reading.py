"""A scrolling pane of text, and the small blocks the text panes are built from.

Every string from the film is wrapped in :class:`Content` before it reaches a widget,
so it is shown as literal text: brackets stay brackets and nothing in it can click.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from lvtui.widgets.copying import copy_text, plain_text


class ReadingPane(VerticalScroll, can_focus=True):
    """A section that scrolls like a pager: arrows, j/k, g/G, page keys."""

    DEFAULT_CSS = """
    ReadingPane {
        padding: 0 2 0 1;
        scrollbar-gutter: stable;
        /* Where focus is, as Textual's own widgets show it: a bar in the border colour. */
        border-left: blank;
        &:focus { border-left: tall $border; }
        & > .heading { text-style: bold; color: $text-primary; margin-top: 1; }
        & > .paragraph { margin-bottom: 1; }
        & > .quote {
            border-left: outer $secondary;
            padding: 0 1;
            margin: 0 0 1 2;
            color: $text-muted;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g,home", "top", "Top", tooltip="Scroll to the top"),
        Binding("G,end", "bottom", "Bottom", tooltip="Scroll to the bottom"),
        Binding("y", "copy", "Copy", tooltip="Copy the paragraph at the top of the view"),
    ]

    def action_copy(self) -> None:
        # The first block whose last line is still in view: what the reader is reading.
        # A heading alone is not what anyone wants to paste: the block under it is.
        top = self.scroll_offset.y
        for block in self.children:
            if block.display and not block.has_class("heading") \
                    and block.virtual_region.bottom > top:
                text = plain_text(block).strip()
                if text:
                    copy_text(self, text, "the paragraph")
                    return

    # Textual's scroll_home/scroll_end actions skip a pane that is not laid out yet, so "6G"
    # typed as one burst would lose its G: these wait for the layout instead.
    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)


def heading(text: str) -> Static:
    return Static(Content(text), classes="heading")


def paragraph(text: str) -> Static:
    return Static(Content(text), classes="paragraph")


def nothing(what: str) -> Static:
    """The one line a section shows when the film file holds nothing for it."""
    return Static(Content(f"This film file has no {what}."), classes="paragraph nothing")


def quote(text: str, speaker: str, context: str | None = None) -> Static:
    attribution = f"— {speaker}" + (f", {context}" if context else "")
    body = Content.assemble(
        (f"“{text}”", "italic"), "\n", (attribution, "bold"),
    )
    return Static(body, classes="quote")


class Facts(Widget):
    """Label/value rows with a hanging indent: labels are ours, values come from the film.

    One widget drawing a table, not a grid of two widgets a row: the overview alone has
    thirty rows, and every widget costs start-up time in styling and layout.
    """

    DEFAULT_CSS = """
    Facts {
        height: auto;
        margin-bottom: 1;
        & > .facts--label { text-style: bold; color: $text-secondary; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts--label"}

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = [(label, value) for label, value in rows if value]

    def plain_text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in self.rows)

    def render(self) -> Table:
        table = Table.grid(padding=(0, 2, 0, 0), expand=True)  # two cells between columns
        table.add_column(no_wrap=True, style=self.get_component_rich_style("facts--label",
                                                                           partial=True))
        table.add_column(ratio=1)
        previous = None
        for label, value in self.rows:
            # A label repeated on consecutive rows is written once: the rows read as a group.
            # Text, never a markup string: the values come from the film file.
            table.add_row(Text(label if label != previous else ""), Text(value))
            previous = label
        return table


def facts(rows: list[tuple[str, str]]) -> Facts:
    return Facts(rows)
