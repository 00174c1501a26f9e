"""Section 3: the cast, with a live search box over a table that draws only what is visible.

The table is a Line API widget: it renders the rows on screen and nothing else, so a cast
of 100,000 costs the same per frame as a cast of 28. Search narrows a list of indices;
no row widget is ever built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
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
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from lvtui.search import CastSearch, fold, match_spans
from lvtui.text import shorten
from lvtui.widgets.boxes import LineBox
from lvtui.widgets.copying import copy_text
from lvtui.widgets.internals import forward_key, repaint_only_virtual_size, resize_scroll_area

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.people import CastRow

HEADERS = ("#", "Actor", "Role", "Credited as")
MAX_COLUMN = 40  # cells a name column asks for at most; longer names are cut


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


def column_widths(total: int, count: int, longest: tuple[int, int, int]) -> tuple[int, ...]:
    """Widths of (number, actor, role[, credited]) in *total* cells, for *count* rows whose
    longest actor, role and credited names take *longest* cells.

    Names are shown whole where they fit. The credited-as column, rarely filled, gets a
    place only when the actor and role columns keep theirs (the card always shows it).
    """
    number = max(2, len(str(count)))
    wanted = [min(max(cells, len(title)), MAX_COLUMN)
              for cells, title in zip(longest, HEADERS[1:], strict=True)]
    room = max(0, total - number - 2)  # one-cell gaps before actor and role
    credited = longest[2] > 0 and room - 1 - wanted[0] - wanted[1] >= min(wanted[2], 12)
    if credited:
        room -= 1
        actor, role = wanted[0], wanted[1]
        return number, actor, role, room - actor - role
    if wanted[0] + wanted[1] <= room:
        return number, wanted[0], room - wanted[0]
    actor = min(wanted[0], max(room // 2, room - wanted[1]))  # names before roles
    return number, actor, room - actor


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


class CastColumns:
    """The cast's columns at a width, for the list and its header alike: the pane gives both
    the same one. The names are measured once, when first needed (100,000 names take a
    while, and a cast pane not shown yet needs none)."""

    def __init__(self, cast: Sequence[CastRow]) -> None:
        self.cast = cast

    @cached_property
    def longest(self) -> tuple[int, int, int]:
        """The cells the longest actor, role and credited names take (up to a column)."""
        def cells(names: Iterable[str]) -> int:
            return max((cell_len(name[: MAX_COLUMN * 2]) for name in names), default=0)
        return (cells(m.actor for m in self.cast), cells(m.role for m in self.cast),
                cells(m.credited_as or "" for m in self.cast))

    def widths(self, width: int) -> tuple[int, ...]:
        """The columns for a row *width* cells wide."""
        return column_widths(width, len(self.cast), self.longest)


# The list keeps a stable gutter this wide for its scrollbar (CastTable's CSS says so
# too); its header leaves the same room, so that each title sits over its column.
SCROLLBAR = 2


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

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

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
            self.post_message(self.MemberSelected(self.current_index))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor and self.has_focus:
            self.action_open_member()
        self.cursor = row


class CastHeader(Widget):
    """The column titles, measured at draw time from the table's own columns.

    Drawn, not set once on a resize: a pane hidden while the terminal is resized gets no
    resize event, and titles laid out for the old width would sit over the new rows.
    """

    DEFAULT_CSS = """
    CastHeader { height: 1; text-style: bold; color: $text-accent; }
    """

    sorted_by: reactive[int] = reactive(0)  # the column the rows are sorted by; 0: billing

    class Clicked(Message):
        """A column title was clicked: sort by that column."""

        def __init__(self, column: int) -> None:
            super().__init__()
            self.column = column

    def __init__(self, columns: CastColumns, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns

    def _widths(self) -> tuple[int, ...]:
        return self.columns.widths(self.size.width - SCROLLBAR)

    def render(self) -> Content:
        widths = self._widths()
        titles = [title + (" ▲" if column == self.sorted_by and column else "")
                  for column, title in enumerate(HEADERS[: len(widths)])]
        # No credited-as title when its column is left out.
        return Content(" ".join(fit(title, w)[0] for title, w in zip(titles, widths, strict=True)))

    def on_click(self, event: events.Click) -> None:
        start = 0
        for column, width in enumerate(self._widths()):
            if start <= event.x < start + width + 1:  # the gap after a column is its own
                self.post_message(self.Clicked(column))
                return
            start += width + 1


class SearchBox(LineBox):
    """The cast search. Escape, enter and down leave it for the list, as in less or k9s."""

    virtual_size = repaint_only_virtual_size()
    # The keys that leave the box, handled as they arrive (see early_key); the bindings below
    # name the same actions for the footer, the help and a click.
    LEAVING: ClassVar[dict[str, str]] = {"enter": "first", "down": "keep", "escape": "clear"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "leave('first')", "Results", tooltip="Go to the first result"),
        Binding("down", "leave('keep')", "To list", show=False,
                tooltip="Move into the list, keeping the search"),
        Binding("escape", "leave('clear')", "Cancel",
                tooltip="Clear the search and go back to the list"),
    ]

    def early_key(self, event: events.Key) -> bool:
        # Keys are handled in the order they were typed, by whoever had focus when they
        # were read. Two cases keep a fast burst ("/shue⏎⏎", "xyz␛q") intact:
        focused = self.screen.focused
        if focused is not self and focused is not None:
            # Focus left the box while this key was on its way: it belongs to the list.
            forward_key(event, focused)
            return True
        if event.key in self.LEAVING:
            # Leave now, before the next key of the burst is handled here.
            self.action_leave(self.LEAVING[event.key])
            return True
        return False

    def action_leave(self, how: str) -> None:
        pane = self.query_ancestor(CastPane)
        if how == "clear":
            self.value = ""  # the list keeps the member under its cursor
        elif how == "first":
            pane.table.cursor = 0
        # Synchronously, not with focus(): the rest of the burst must find the list focused.
        self.screen.set_focus(pane.table)


class CastPane(Vertical):
    """Search box, match count, column headers and the table."""

    DEFAULT_CSS = """
    CastPane {
        padding: 0 1;
        & > #cast-bar { height: 3; }
        & > #cast-bar > SearchBox { width: 1fr; }
        & > #cast-bar > #cast-count { min-width: 10; padding: 1 1 0 1; content-align: right top;
                                      color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear",
                tooltip="Show the whole cast again, keeping your place"),
        Binding("s", "cycle_sort", "Sort",
                tooltip="Sort by the next column: actor, role, credited as, then billing"),
    ]

    def __init__(self, cast: Sequence[CastRow], *, id: str | None = None,
                 filing: Callable[[CastRow], str] | None = None) -> None:
        """*filing*: how an actor is filed when the list is sorted by actor (their surname
        first); without it, by the name as shown."""
        super().__init__(id=id)
        self.cast = cast
        self._filing = filing
        self.search = CastSearch(cast)
        self._filtered = False
        self._sort_keys: dict[int, list[str]] = {}  # folded once per column, when first used

    def compose(self) -> ComposeResult:
        with Horizontal(id="cast-bar"):
            yield SearchBox(placeholder="Search the cast  (/)",
                            id="cast-search")
            # As wide as the widest count it will show ("100,000 of 100,000"), so updating
            # it as the person types repaints it alone instead of laying out the screen.
            count = Static(self._count_text(len(self.cast)), id="cast-count")
            count.styles.width = len(self._count_text(len(self.cast)).plain) + 2  # + padding
            yield count
        columns = CastColumns(self.cast)
        yield CastHeader(columns, id="cast-header")
        yield CastTable(self.cast, columns, id="cast-table")

    @property
    def table(self) -> CastTable:
        return self.query_one(CastTable)

    @property
    def search_box(self) -> SearchBox:
        return self.query_one(SearchBox)

    def _count_text(self, shown: int) -> Content:
        return Content(f"{shown:,} of {len(self.cast):,}")

    def apply_search(self, text: str) -> None:
        """Filter the table to the members matching *text*; the same path typing takes."""
        matches = self.search.update(text)
        rows: Sequence[int] = range(len(self.cast)) if matches is None else matches
        self.table.show(self._ordered(rows), self.search.query)
        self.query_one("#cast-count", Static).update(self._count_text(len(rows)), layout=False)
        if (matches is not None) != self._filtered:  # not on every key: only when it flips
            self._filtered = matches is not None
            self.refresh_bindings()  # "Clear" is offered only while there is a filter

    def on_mount(self) -> None:
        if not self.query(SearchBox):
            return  # the app closed while this pane was being mounted: it is being removed
        # Watched, not left to Input.Changed: the message arrives after the box has been
        # repainted, so every key would cost two frames; a watcher runs as the value
        # changes, and the box, the count and the table change in one frame.
        self.watch(self.search_box, "value", self.apply_search, init=False)
        # Fold the names in a thread, so that no key waits for it (100,000 names: a second).
        self.run_worker(self.search.prepare, thread=True, name="fold the cast's names")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_search":
            return bool(self.search_box.value)
        return True

    def action_clear_search(self) -> None:
        self.search_box.value = ""

    def folded_names(self) -> list[str]:
        """Every member's names, folded for searching: a find shares them."""
        return self.search.haystacks

    def mark_found(self, query: str) -> None:
        """Mark the words of a find (folded) in the rows; with no find, the search's own
        words again (a find over a searched list marks what it found, not the search)."""
        highlight = query or self.search.query
        if self.table.highlight != highlight:
            self.table.highlight = highlight
            self.table.refresh()

    def reveal_member(self, member: int) -> None:
        """Put the cursor on the member at *member* of the film, clearing a search that
        hides them."""
        if member not in self.table.rows:
            highlight = self.table.highlight
            self.search_box.value = ""  # the whole cast again, as escape shows it
            self.mark_found(highlight)
        self.table.show_member(member)

    @property
    def sorted_by(self) -> int:
        """The column the rows are sorted by (0: billing order), as its title shows it."""
        return self.query_one(CastHeader).sorted_by

    def action_cycle_sort(self) -> None:
        self.sort_by((self.sorted_by + 1) % len(HEADERS))

    @on(CastHeader.Clicked)
    def _header_clicked(self, event: CastHeader.Clicked) -> None:
        # A click on the sorted column goes back to billing order, as a second click would.
        self.sort_by(0 if event.column == self.sorted_by else event.column)

    def sort_by(self, column: int) -> None:
        """Order the rows by a column (0: billing), keeping the search and the member under
        the cursor."""
        self.query_one(CastHeader).sorted_by = column
        self.apply_search(self.search_box.value)

    def _ordered(self, rows: Sequence[int]) -> Sequence[int]:
        column = self.sorted_by
        if not column:
            return rows
        keys = self._sort_keys.get(column)
        if keys is None:
            if column == 1 and self._filing is not None:
                keys = [fold(self._filing(member)) for member in self.cast]
            else:
                keys = [fold(member[column - 1] or "") for member in self.cast]  # role...
            self._sort_keys[column] = keys
        # Stable: equal names keep their billing order. Empty credits go last.
        return sorted(rows, key=lambda index: (not keys[index], keys[index]))
