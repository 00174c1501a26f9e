"""The cast list's columns: their widths, measured once from the names, and the titles over
them (CastHeader), which the table and the header share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.reading.cast import CastRow

HEADERS = ("#", "Actor", "Role", "Credited as")
MAX_COLUMN = 40  # cells a name column asks for at most; longer names are cut


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
