"""A scrolling pane of text, and the small blocks the text panes are built from.

Every string from the film is wrapped in :class:`Content` before it reaches a widget,
so it is shown as literal text: brackets stay brackets and nothing in it can click.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Static


class ReadingPane(VerticalScroll, can_focus=True):
    """A section that scrolls like a pager: arrows, j/k, g/G, page keys."""

    DEFAULT_CSS = """
    ReadingPane {
        padding: 0 2;
        scrollbar-gutter: stable;
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
        Binding("g", "scroll_home", "Top", tooltip="Scroll to the top"),
        Binding("G", "scroll_end", "Bottom", tooltip="Scroll to the bottom"),
    ]


def heading(text: str) -> Static:
    return Static(Content(text), classes="heading")


def paragraph(text: str) -> Static:
    return Static(Content(text), classes="paragraph")


def quote(text: str, speaker: str, context: str | None = None) -> Static:
    attribution = f"— {speaker}" + (f", {context}" if context else "")
    body = Content.assemble(
        (f"“{text}”", "italic"), "\n", (attribution, "bold"),
    )
    return Static(body, classes="quote")


class Facts(Grid):
    """Label/value rows with a hanging indent: labels are ours, values come from the film."""

    DEFAULT_CSS = """
    Facts {
        grid-size: 2;
        grid-columns: auto 1fr;
        grid-rows: auto;
        grid-gutter: 0 2;
        height: auto;
        margin-bottom: 1;
        & > .label { text-style: bold; color: $text-secondary; }
    }
    """

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = [(label, value) for label, value in rows if value]

    def compose(self) -> ComposeResult:
        previous = None
        for label, value in self.rows:
            # A label repeated on consecutive rows is written once: the rows read as a group.
            yield Static(Content(label if label != previous else ""), classes="label")
            yield Static(Content(value))
            previous = label


def facts(rows: list[tuple[str, str]]) -> Facts:
    return Facts(rows)
