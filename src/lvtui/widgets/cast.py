"""Section 3: the cast, with a live search box over a table that draws only what is visible.

The table is a Line API widget: it renders the rows on screen and nothing else, so a cast
of 100,000 costs the same per frame as a cast of 28. Search narrows a list of indices;
no row widget is ever built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from lvtui.model import CastMember
from lvtui.search import CastSearch, match_spans
from lvtui.text import clean

HEADERS = ("#", "Actor", "Role", "Credited as")


def column_widths(total: int, count: int) -> tuple[int, int, int, int]:
    """Widths of (number, actor, role, credited) for *total* cells and *count* rows."""
    number = max(2, len(str(count)))
    rest = max(0, total - number - 3)  # three one-cell gaps
    actor = rest * 35 // 100
    role = rest * 35 // 100
    return number, actor, role, rest - actor - role


class CastTable(ScrollView, can_focus=True):
    """The cast members whose indices are in ``rows``, drawn line by line."""

    DEFAULT_CSS = """
    CastTable {
        height: 1fr;
        scrollbar-gutter: stable;
        & > .cast-table--cursor { background: $boost; }
        &:focus > .cast-table--cursor { background: $block-cursor-background;
                                        color: $block-cursor-foreground;
                                        text-style: bold; }
        & > .cast-table--match { background: $warning 40%; text-style: bold underline; }
        & > .cast-table--dim { color: $text-muted; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cast-table--cursor", "cast-table--match", "cast-table--dim"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_member", "Open card", tooltip="Open this person's card"),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", tooltip="First cast member"),
        Binding("end,G", "last", "Last", tooltip="Last cast member"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class MemberSelected(Message):
        """A cast member was chosen with enter or a second click."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, cast: Sequence[CastMember], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cast = cast
        self.rows: Sequence[int] = range(len(cast))
        self.highlight = ""

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.rows))

    def show(self, rows: Sequence[int], query: str) -> None:
        """Show these member indices, highlighting *query* (already folded)."""
        self.rows, self.highlight = rows, query
        self.virtual_size = Size(0, len(rows))
        self.scroll_to(y=0, animate=False)
        self.cursor = 0
        self.refresh()

    @property
    def current_index(self) -> int | None:
        """The film's index of the member under the cursor, if any."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, value: int) -> None:
        self.scroll_to_region(Region(0, value, 1, 1), animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        base = self.rich_style
        if row >= len(self.rows):
            if row == 0:
                dim = self.get_component_rich_style("cast-table--dim")
                return self._strip(Text("No cast member matches.", style=dim), width, base)
            return Strip.blank(width, base)
        index = self.rows[row]
        line = self._row_text(index, width)
        if row == self.cursor:
            line.stylize(self.get_component_rich_style("cast-table--cursor"))
        return self._strip(line, width, base)

    def _row_text(self, index: int, width: int) -> Text:
        member = self.cast[index]
        widths = column_widths(width, len(self.cast))
        match = self.get_component_rich_style("cast-table--match")
        dim = self.get_component_rich_style("cast-table--dim")
        line = Text(str(index + 1).rjust(widths[0]), style=dim, end="")
        cells = (member.actor, member.role, member.credited_as or "")
        for cell, cell_width in zip(cells, widths[1:], strict=True):
            text = Text(cell, end="")
            for start, end in match_spans(cell, self.highlight, within=cell_width):
                text.stylize(match, start, end)
            text.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append_text(text)
        return line

    def _strip(self, line: Text, width: int, base: Style) -> Strip:
        line.truncate(width, pad=True)
        segments = [Segment(s.text, base + s.style if s.style else base)
                    for s in line.render(self.app.console)]
        return Strip(segments, width)

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

    def action_open_member(self) -> None:
        if self.current_index is not None:
            self.post_message(self.MemberSelected(self.current_index))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor and self.has_focus:
            self.action_open_member()
        self.cursor = row


class SearchBox(Input):
    """The cast search; escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear search", tooltip="Clear the search"),
    ]

    def action_clear(self) -> None:
        self.value = ""

    def _on_paste(self, event: events.Paste) -> None:
        # A clipboard can hold anything, escape sequences included, and Input would draw
        # them as they are: only the cleaned first line becomes part of the query.
        event.prevent_default()
        event.stop()
        line = clean(event.text).partition("\n")[0]
        if line:
            self.replace(line, *self.selection)


class CastPane(Vertical):
    """Search box, match count, column headers and the table."""

    DEFAULT_CSS = """
    CastPane {
        padding: 0 1;
        & > #cast-bar { height: 3; }
        & > #cast-bar > SearchBox { width: 1fr; }
        & > #cast-bar > #cast-count { width: auto; min-width: 10; padding: 1 1 0 1;
                                      color: $text-muted; }
        & > #cast-header { height: 1; text-style: bold; color: $text-accent; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear search", tooltip="Clear the search"),
    ]

    def __init__(self, cast: Sequence[CastMember], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cast = cast
        self.search = CastSearch(cast)

    def compose(self) -> ComposeResult:
        with Horizontal(id="cast-bar"):
            yield SearchBox(placeholder="Search actor, role or credited name  (/)",
                            id="cast-search")
            yield Static(self._count_text(len(self.cast)), id="cast-count")
        yield Static(id="cast-header")
        yield CastTable(self.cast, id="cast-table")

    @property
    def table(self) -> CastTable:
        return self.query_one(CastTable)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    def _count_text(self, shown: int) -> Content:
        return Content(f"{shown:,} of {len(self.cast):,}")

    def on_resize(self) -> None:
        widths = column_widths(self.table.scrollable_content_region.width, len(self.cast))
        header = " ".join(title[:w].ljust(w) for title, w in zip(HEADERS, widths, strict=True))
        self.query_one("#cast-header", Static).update(Content(header))

    def apply_search(self, text: str) -> None:
        """Filter the table to the members matching *text*; the same path typing takes."""
        matches = self.search.update(text)
        rows: Sequence[int] = range(len(self.cast)) if matches is None else matches
        self.table.show(rows, self.search.query)
        self.query_one("#cast-count", Static).update(self._count_text(len(rows)))

    @on(Input.Changed, "#cast-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.apply_search(event.value)

    @on(Input.Submitted, "#cast-search")
    def _search_submitted(self) -> None:
        self.table.focus()
        self.table.cursor = 0

    def action_clear_search(self) -> None:
        self.search_box.value = ""

    def focus_search(self) -> None:
        self.search_box.focus()
