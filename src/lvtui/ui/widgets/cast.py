"""Section 3: the cast, with a live search box over a table that draws only what is visible.

The pane holds the search box, the count, the column titles (cast_columns.py) and the
list (cast_table.py), and runs the search; the list narrows to the indices found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from lvtui.reading.cast import CastSearch
from lvtui.text.folding import fold
from lvtui.ui.widgets.boxes import LineBox
from lvtui.ui.widgets.cast_columns import HEADERS, CastColumns, CastHeader
from lvtui.ui.widgets.cast_table import CastTable
from lvtui.ui.widgets.internals import repaint_only_virtual_size

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.reading.cast import CastRow


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
        if super().early_key(event):
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
