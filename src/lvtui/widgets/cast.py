"""Section 3: the cast, with a live search box over a table that draws only what is visible.

The table is a Line API widget: it renders the rows on screen and nothing else, so a cast
of 100,000 costs the same per frame as a cast of 28. Search narrows a list of indices;
no row widget is ever built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from lvtui.search import CastSearch, match_spans
from lvtui.text import clean

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import CastMember

HEADERS = ("#", "Actor", "Role", "Credited as")


def column_widths(total: int, count: int) -> tuple[int, int, int, int]:
    """Widths of (number, actor, role, credited) for *total* cells and *count* rows."""
    number = max(2, len(str(count)))
    rest = max(0, total - number - 3)  # three one-cell gaps
    actor = rest * 35 // 100
    role = rest * 35 // 100
    return number, actor, role, rest - actor - role


def fit(text: str, width: int) -> tuple[str, int]:
    """*text* in exactly *width* cells, cut with "…" when longer; and how many of its
    characters are shown. A name may be 100,000 characters long: only its head is measured,
    four characters a cell (a letter and its marks); more marks than that only cut earlier.
    """
    head = text[: width * 4 + 1]
    if len(head) <= width * 4 and cell_len(head) <= width:
        return head + " " * (width - cell_len(head)), len(head)
    if width <= 0:
        return "", 0
    cut = set_cell_size(head, width - 1)
    kept = min(len(cut.rstrip(" ")), len(head))
    return cut + "…", kept


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

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)  # see watch_cursor

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
        self._styles: tuple[Style, Style, Style, Style] | None = None

    def on_mount(self) -> None:
        self.virtual_size = Size(0, len(self.rows))

    def show(self, rows: Sequence[int], query: str) -> None:
        """Show these member indices, highlighting *query* (already folded)."""
        before = [self._line_key(y) for y in range(self.size.height)]
        scrolled = self.scroll_offset.y != 0
        self.rows, self.highlight = rows, query
        size = Size(0, len(rows))
        if size != self.virtual_size:
            # Only the scrollbar depends on the number of rows: update it without the
            # layout of the whole screen that assigning virtual_size would start.
            self.set_reactive(CastTable.virtual_size, size)
            self._scroll_update(size)
        self.scroll_to(y=0, animate=False)
        self.cursor = 0
        if scrolled:
            self.refresh()
        else:  # repaint only the lines that change: a narrow search leaves most blank
            self._refresh_lines(y for y, key in enumerate(before) if key != self._line_key(y))

    def _line_key(self, y: int) -> tuple[int, str] | str | None:
        """What line *y* (at scroll 0) shows: a member and the highlight, a notice, or nothing."""
        if y < len(self.rows):
            return (self.rows[y], self.highlight)
        return "no match" if y == 0 else None

    def _refresh_lines(self, lines: Iterable[int]) -> None:
        width = self.size.width
        for y in lines:
            self.refresh(Region(0, y, width, 1))

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
            self._refresh_lines((old - top, new - top))

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
        widths = column_widths(width, len(self.cast))
        number = str(index + 1).rjust(widths[0])[: widths[0]]
        on_cursor = row == self.cursor
        segments = [Segment(number, base + dim + cursor if on_cursor else base + dim)]
        cells = (member.actor, member.role, member.credited_as or "")
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

    # Input widens its virtual size with every letter, and by default that lays out the
    # whole screen: three times the work of the search itself. The box's own size never
    # depends on it (it is as wide as its bar), so a repaint is enough.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

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
        & > #cast-bar > #cast-count { min-width: 10; padding: 1 1 0 1; content-align: right top;
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
            # As wide as the widest count it will show ("100,000 of 100,000"), so updating
            # it as the person types repaints it alone instead of laying out the screen.
            count = Static(self._count_text(len(self.cast)), id="cast-count")
            count.styles.width = len(self._count_text(len(self.cast)).plain) + 2  # + padding
            yield count
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
        self.query_one("#cast-count", Static).update(self._count_text(len(rows)), layout=False)

    def on_mount(self) -> None:
        # Watched, not left to Input.Changed: the message arrives after the box has been
        # repainted, so every key would cost two frames; a watcher runs as the value
        # changes, and the box, the count and the table change in one frame.
        self.watch(self.search_box, "value", self.apply_search, init=False)
        # Fold the names once the pane is on screen, so the first key does not wait for it.
        self.call_after_refresh(self.search.prepare)

    @on(Input.Submitted, "#cast-search")
    def _search_submitted(self) -> None:
        self.table.focus()
        self.table.cursor = 0

    def action_clear_search(self) -> None:
        self.search_box.value = ""

    def focus_search(self) -> None:
        self.search_box.focus()
