"""The cast list: a Line API widget that renders the rows on screen and nothing else, so a
cast of 100,000 costs the same per frame as a cast of 28. Search narrows a list of indices;
no row widget is ever built."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from lvtui.text.clean import shorten
from lvtui.text.folding import match_spans
from lvtui.ui.widgets.cast_columns import CastColumns, fit
from lvtui.ui.widgets.copying import copy_text
from lvtui.ui.widgets.internals import resize_scroll_area

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.reading.cast import CastRow


def _position(rows: Sequence[int], index: int | None) -> int | None:
    """Where member *index* is among *rows*, if it is shown."""
    if index is None:
        return None
    if isinstance(rows, range):
        return index if index in rows else None
    try:
        return rows.index(index)
    except ValueError:
        return None


class CastTable(ScrollView, can_focus=True):
    """The cast members whose indices are in ``rows``, drawn line by line."""

    DEFAULT_CSS = """
    CastTable {
        height: 1fr;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 2;  /* SCROLLBAR */
        & > .cast-table--cursor { background: $boost; }
        &:focus > .cast-table--cursor { background: $block-cursor-background;
                                        color: auto 90%;
                                        text-style: bold; }
        & > .cast-table--match { background: $warning 40%; color: auto 95%;
                                 text-style: bold underline; }
        & > .cast-table--dim { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cast-table--cursor", "cast-table--match", "cast-table--dim"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_member", "Card", tooltip="Open this person's card"),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("g,home", "first", "First", tooltip="First cast member", show=False),
        Binding("G,end", "last", "Last", tooltip="Last cast member", show=False),
        Binding("y", "copy", "Copy", tooltip="Copy this row: actor, role, credited name"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)  # see watch_cursor

    class MemberSelected(Message):
        """A cast member was chosen with enter or a second click."""

        def __init__(self, table: CastTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

        @property
        def control(self) -> CastTable:
            return self.table

    def __init__(self, cast: Sequence[CastRow], columns: CastColumns, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.cast = cast
        self.columns = columns
        self.rows: Sequence[int] = range(len(cast))
        self.highlight = ""
        self._styles: tuple[Style, Style, Style, Style] | None = None

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.rows))

    def show(self, rows: Sequence[int], query: str) -> None:
        """Show these member indices, in this order, highlighting *query* (already folded).

        The cursor stays on the member it was on when that member is still shown: clearing
        a filter does not lose your place.
        """
        kept = self.current_index
        before = [self._line_key(y) for y in range(self.size.height)]
        top = self.scroll_offset.y
        self.rows, self.highlight = rows, query
        size = Size(0, len(rows))
        if size != self.virtual_size:
            resize_scroll_area(self, size)
        position = _position(rows, kept)
        if position is not None:
            self.cursor = position  # scrolls to it when it is out of view
        else:
            self.scroll_to(y=0, animate=False, immediate=True)
            self.cursor = 0
        if self.scroll_offset.y != 0 or top != 0:
            self.refresh()
        else:  # repaint only the lines that change: a narrow search leaves most blank
            for y, key in enumerate(before):
                if key != self._line_key(y):
                    self.refresh_line(y)

    def _line_key(self, y: int) -> tuple[int, str] | str | None:
        """What line *y* (at scroll 0) shows: a member and the highlight, a notice, or nothing."""
        if y < len(self.rows):
            return (self.rows[y], self.highlight)
        return "no match" if y == 0 else None

    def show_member(self, index: int | None) -> None:
        """Put the cursor on the member at *index* of the film, if the list shows them."""
        position = _position(self.rows, index)
        if position is not None:
            self.cursor = position

    @property
    def current_index(self) -> int | None:
        """The film's index of the member under the cursor, if any."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)
        if self.scroll_offset.y != top:
            self.refresh()  # everything moved
        else:  # the cursor left one line and arrived on another
            self.refresh_line(old)
            self.refresh_line(new)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None  # theme, CSS or focus changed

    def _table_styles(self) -> tuple[Style, Style, Style, Style]:
        """(base, cursor, match, dim), computed once per style change, not once per line."""
        if self._styles is None:
            get = self.get_component_rich_style
            self._styles = (self.rich_style, get("cast-table--cursor"),
                            get("cast-table--match"), get("cast-table--dim"))
        return self._styles

    def render_line(self, y: int) -> Strip:
        # Segments are built directly: no Text, no console render. This runs for every
        # visible row on every keystroke of a search.
        width = self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        base, cursor, match, dim = self._table_styles()
        if row >= len(self.rows):
            if row == 0:
                message, _ = fit("No cast member matches.", width)
                return Strip([Segment(message, base + dim)], width)
            return Strip.blank(width, base)
        index = self.rows[row]
        member = self.cast[index]
        line = base + cursor if row == self.cursor else base  # the cursor style wins
        widths = self.columns.widths(width)
        number = str(index + 1).rjust(widths[0])[: widths[0]]
        on_cursor = row == self.cursor
        segments = [Segment(number, base + dim + cursor if on_cursor else base + dim)]
        cells = (member.actor, member.role, member.credited_as or "")[: len(widths) - 1]
        for cell, cell_width in zip(cells, widths[1:], strict=True):
            shown, kept = fit(cell, cell_width)
            segments.append(Segment(" ", line))
            at = 0
            for start, end in match_spans(cell, self.highlight, within=kept):
                end = min(end, kept)
                segments.append(Segment(shown[at:start], line))
                segments.append(Segment(shown[start:end],
                                        base + match + cursor if on_cursor else base + match))
                at = end
            segments.append(Segment(shown[at:], line))
        return Strip([segment for segment in segments if segment.text], width).adjust_cell_length(
            width, base)

    def on_resize(self) -> None:
        self.refresh()

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_copy(self) -> None:
        index = self.current_index
        if index is not None:
            member = self.cast[index]
            copy_text(self, member.line(), f"{shorten(member.actor, 30)}'s row")

    def action_open_member(self) -> None:
        if self.current_index is not None:
            self.post_message(self.MemberSelected(self, self.current_index))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor and self.has_focus:
            self.action_open_member()
        self.cursor = row
