"""A scrolling pane of text, and the small blocks the text panes are built from.

Every string from the film is wrapped in :class:`Content` before it reaches a widget,
so it is shown as literal text: brackets stay brackets and nothing in it can click.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Blur
from textual.widget import Widget
from textual.widgets import Static

from lvtui.ui.widgets.copying import copy_text, plain_text
from lvtui.ui.widgets.fact_list import FactList
from lvtui.ui.widgets.internals import restyle_alone
from lvtui.ui.widgets.linked import Linked, Prose, line_top, show_line


class ReadingPane(VerticalScroll, can_focus=True):
    """A section that scrolls like a pager: arrows, j/k, g/G, page keys. Tab and shift+tab
    step through its links in reading order, then on to the next widget, as in a web
    browser; enter follows the link the keyboard is on."""

    DEFAULT_CSS = """
    ReadingPane {
        padding: 0 2 0 1;
        scrollbar-gutter: stable;
        /* Where focus is, as Textual's own widgets show it: a bar in the border colour. */
        border-left: blank;
        &:focus { border-left: tall $border; }
        & > .heading { text-style: bold; color: $text-primary; margin-top: 1; }
        & > .subheading { text-style: bold; }
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
        Binding("y", "copy", "Copy",
                tooltip="Copy the find result shown, or the paragraph at the top of the view"),
        Binding("tab", "step_link(1)", "Next link", tooltip="The next link, then on"),
        Binding("shift+tab", "step_link(-1)", "Previous link", show=False,
                tooltip="The previous link, then back"),
        Binding("enter", "follow", "Follow", tooltip="Follow the link: open the card"),
    ]

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self.current: tuple[Linked, int] | None = None  # the link the keyboard is on

    def watch_has_focus(self, has_focus: bool) -> None:
        # Only the pane's own look follows its focus (the bar on its left). Textual restyles
        # the focused widget with every block in it, much of a section switch in a long
        # section; nothing in lvtui's CSS styles a block by its pane's focus.
        restyle_alone(self)

    def link_stops(self) -> list[tuple[Linked, int]]:
        """Every link shown in the pane, in reading order."""
        return [(block, number) for block in self.query(Linked) if block.display
                for number in range(len(block.links))]

    def first_stop_to(self, target: str) -> tuple[Linked, int] | None:
        """The first link shown that leads to the record *target*."""
        return next(((block, number) for block, number in self.link_stops()
                     if block.links[number][1].target == target), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step_link":
            # With no links, tab is the screen's own: it moves the focus.
            return any(block.links for block in self.query(Linked))
        if action == "follow":
            return self.current is not None
        return True

    def set_current(self, stop: tuple[Linked, int] | None) -> None:
        """Put the keyboard on a link (None: on none), and scroll it into view."""
        if self.current is not None and self.current != stop:
            self.current[0].set_current_link(None)
        self.current = stop
        if stop is not None:
            block, number = stop
            block.set_current_link(number)
            show_line(block, block.link_line(number) or 0)
        self.refresh_bindings()

    def action_step_link(self, step: int) -> None:
        stops = self.link_stops()
        if self.current in stops:
            position = stops.index(self.current) + step
        else:  # from the first link in view (or the last, going backwards)
            position = self._first_in_view(stops, step)
        if 0 <= position < len(stops):
            self.set_current(stops[position])
            return
        self.set_current(None)  # past the last link: on to the next widget
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def _first_in_view(self, stops: list[tuple[Linked, int]], step: int) -> int:
        """Going forwards, the first link at or below the top of the view; backwards, the
        last one above its bottom. Tab never jumps back to the top of a long section."""
        top = self.scroll_offset.y
        bottom = top + self.scrollable_content_region.height
        lines: dict[Linked, dict[int, int]] = {}
        ys = []
        for block, number in stops:
            if block not in lines:
                lines[block] = block.link_lines()
            ys.append(line_top(block, lines[block].get(number, 0)))
        if step > 0:
            return next((i for i, y in enumerate(ys) if y >= top), len(stops))
        return next((i for i in range(len(ys) - 1, -1, -1) if ys[i] < bottom), -1)

    def action_follow(self) -> None:
        if self.current is not None:
            block, number = self.current
            block.action_follow(number)

    def on_blur(self, event: Blur) -> None:
        # Focus moved elsewhere on this screen: the link is no longer where the keys go.
        # (A card opened over it keeps it, so going back finds the link where it was.)
        if self.current is not None and self.screen is self.app.screen:
            self.set_current(None)

    def action_copy(self) -> None:
        # The match a find is showing, if any: what the reader went there for.
        for linked in self.query(Linked):
            if linked.current_unit is not None:
                copy_text(self, linked.texts[linked.current_unit], "the find result")
                return
        # Else the first block whose last line is still in view: what the reader is reading.
        # A heading (or an introduction) alone is not what anyone wants to paste: the block
        # under it is.
        top = self.scroll_offset.y
        for block in self.children:
            if block.display and not (block.has_class("heading") or block.has_class("intro")) \
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


def heading(text: str) -> Prose:
    return Prose([Content(text)], classes="heading")


def subheading(text: str) -> Prose:
    """A heading within a heading's part: a crew's department."""
    return Prose([Content(text)], classes="subheading")


def paragraph(text: str) -> Prose:
    return Prose([Content(text)], classes="paragraph")


def nothing(what: str) -> Static:
    """The one line a section shows when the film file holds nothing for it."""
    return Static(Content(f"This film file has no {what}."), classes="paragraph nothing")


def quote(text: str, speaker: str, context: str | None = None) -> Prose:
    attribution = f"— {speaker}" + (f", {context}" if context else "")
    body = Content.assemble(
        (f"“{text}”", "italic"), "\n", (attribution, "bold"),
    )
    return Prose([body], classes="quote")


def facts(rows: list[tuple[str, str]]) -> FactList:
    return FactList(rows)
