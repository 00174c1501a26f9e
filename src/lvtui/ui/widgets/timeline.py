"""Section 5: the dated events drawn to scale on a time axis, a list beside it, and details.

A date is drawn at its real precision: a year as a bracket across that year, a month as a
short bar, a day as a dot. "April 1994" is never pinned to the first of the month.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from lvtui.reading.wording import Event, edition_title, events, spelled_date, undated_home_media
from lvtui.ui.widgets.copying import copy_text
from lvtui.ui.widgets.linked import Prose
from lvtui.ui.widgets.reading import ReadingPane, nothing

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.film.fields import PartialDate
    from lvtui.film.model import Film


DATE_WIDTH = len("30 Sep 2000")  # the longest a short date is
MARKS = {"year": "year ├─┤", "month": "month ▬", "day": "day ●"}


def axis_span(events: list[Event]) -> tuple[int, int]:
    """First and last year on the axis: whole years around every event."""
    if not events:
        return (0, 1)
    return (min(e.date.year for e in events), max(e.date.year for e in events) + 1)


def extent(date: PartialDate) -> tuple[float, float]:
    """The stretch of time a date names, in fractional years."""
    if date.month is None:
        return (date.year, date.year + 1)
    start = date.year + (date.month - 1) / 12
    if date.day is None:
        return (start, start + 1 / 12)
    middle = date.as_year_fraction()
    return (middle, middle)


def chart_label(event: Event, room: int) -> str:
    """" Title · date ", in at most *room* cells: the title is cut before the date is."""
    date = spelled_date(event.date)
    label = f" {event.title} · {date} "
    if cell_len(label) <= room:
        return label
    title_room = room - cell_len(f"  · {date} ")
    if title_room >= 4:
        return f" {set_cell_size(event.title, title_room - 1).rstrip()}… · {date} "
    if cell_len(f" {date} ") <= room:
        return f" {date} "
    return set_cell_size(f" {date}", room - 1) + "…" if room > 1 else ""


class TimelineChart(Widget):
    """One row per event on a shared time axis, then the axis and its year labels."""

    DEFAULT_CSS = """
    TimelineChart {
        height: auto;
        padding: 0 1;
        & > .timeline-chart--mark { color: $accent; text-style: bold; }
        & > .timeline-chart--selected { background: $boost; color: $foreground; text-style: bold; }
        & > .timeline-chart--axis { color: $foreground; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline-chart--mark", "timeline-chart--selected", "timeline-chart--axis"}

    selected: reactive[int] = reactive(0)

    def __init__(self, events: list[Event], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events = events
        self.first_year, self.end_year = axis_span(events)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.events) + 2

    def column(self, when: float, width: int) -> int:
        share = (when - self.first_year) / (self.end_year - self.first_year)
        return max(0, min(width - 1, int(share * (width - 1) + 0.5)))

    def render(self) -> Content:
        width = self.size.width
        if width < 10:
            return Content("")
        lines = [self._event_line(number, event, width)
                 for number, event in enumerate(self.events)]
        lines += self._axis_lines(width)
        return Content("\n").join(lines)

    def _event_line(self, number: int, event: Event, width: int) -> Content:
        start, end = extent(event.date)
        left, right = self.column(start, width), self.column(end, width)
        if event.date.precision == "year" and right - left >= 2:
            mark = "├" + "─" * (right - left - 1) + "┤"
        elif event.date.precision == "month" or (right > left):
            mark = "▬" * max(1, right - left)
        else:
            mark = "●"
        after = left + len(mark)
        room_after, room_before = width - after, left
        label = chart_label(event, max(room_after, room_before))
        mark_part = (mark, self.get_visual_style("timeline-chart--mark", partial=True))
        label_part: tuple[str, Style] | str = label
        if number == self.selected:
            label_part = (label, self.get_visual_style("timeline-chart--selected", partial=True))
        if cell_len(label) <= room_after:  # the label follows its mark where it fits
            return Content.assemble(" " * left, mark_part, label_part)
        return Content.assemble(" " * (left - cell_len(label)), label_part, mark_part)

    def _axis_lines(self, width: int) -> list[Content]:
        axis = ["─"] * width
        labels = [" "] * width
        free_from = 0  # the first label cell not yet taken: year labels never run together
        for year in range(self.first_year, self.end_year + 1):
            x = self.column(year, width)
            axis[x] = "┼" if 0 < x < width - 1 else ("├" if x == 0 else "┤")
            text = str(year) if year < self.end_year else ""
            if text and x >= free_from and x + len(text) <= width:
                labels[x:x + len(text)] = text
                free_from = x + len(text) + 1
        style = self.get_visual_style("timeline-chart--axis", partial=True)
        return [Content("".join(axis)).stylize(style), Content("".join(labels)).stylize(style)]

    def watch_selected(self) -> None:
        self.refresh()


class ChartBox(VerticalScroll, can_focus=False):
    """The chart's frame: as tall as the chart, up to where the pane limits it; the event
    chosen in the list is kept in sight (the list has the keys and the focus)."""

    def show_row(self, row: int) -> None:
        self.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)


class EventList(OptionList):
    """The events as a list; moving through it selects the event on the chart."""

    class Marked(Message):
        """A find marked the list's events (or cleared its marks): see *found*."""

        def __init__(self, event_list: EventList) -> None:
            super().__init__()
            self.event_list = event_list

        @property
        def control(self) -> EventList:
            return self.event_list

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", tooltip="First event"),
        Binding("G", "last", "Last", tooltip="Last event"),
        Binding("y", "copy", "Copy", tooltip="Copy this event: date, title and details"),
    ]

    def __init__(self, events: list[Event], *, id: str | None = None) -> None:
        super().__init__(*[Option(_list_entry(event)) for event in events], id=id)
        self.events = events
        # What a find marked: its words (folded), the events that match, the one shown.
        self.found: tuple[str, frozenset[int], int | None] = ("", frozenset(), None)

    def action_copy(self) -> None:
        if self.highlighted is not None:
            event = self.events[self.highlighted]
            text = f"{spelled_date(event.date)}: {event.title}\n{event.detail}".strip()
            copy_text(self, text, "the event")

    def on_resize(self) -> None:
        # Smaller, the list would keep its scroll and lose the chosen event from sight.
        self.call_after_refresh(self.scroll_to_highlight)

    # -- find: see lvtui.ui.widgets.linked.Findable; an event is its title, date and details --

    findable = True

    def find_texts(self) -> list[str]:
        return [f"{event.title}\n{spelled_date(event.date)}\n{event.detail}"
                for event in self.events]

    def mark_found(self, query: str, rows: Sequence[int], current: int | None,
                   occurrence: int = 0,
                   spans: Sequence[Sequence[tuple[int, int]]] | None = None) -> None:
        # An event is one row of the list: its details show every match of it marked.
        found = (query, frozenset(rows), current)
        if found != self.found:  # the find marks every widget at every key
            self.found = found
            self.post_message(self.Marked(self))

    def reveal_found(self, row: int) -> None:
        self.highlighted = row


class TimelinePane(Vertical):
    """Legend and chart on top; the event list and the chosen event's details below.

    The chart is drawn only where there is height for it; the list and the details are
    what a small terminal keeps. Details scroll, and undated releases stand apart from them.
    """

    DEFAULT_CSS = """
    TimelinePane {
        & > #timeline-legend { height: 1; color: $text-muted; padding: 0 1; }
        & > .nothing { padding: 0 1; }
        /* The list below keeps half the height, however many events the chart has
           (Fight Club's 68 took it all): the chart scrolls to the one chosen. */
        & > #timeline-chart-box { height: auto; max-height: 50%; }
        & > #timeline-undated { height: auto; color: $text-muted; padding: 0 1;
                                margin-bottom: 1; }
        & > #timeline-lower { height: 1fr; }
        & #timeline-list { width: 3fr; max-width: 64; height: 1fr; }
        & #timeline-detail { width: 2fr; height: 1fr; }
    }
    """

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film
        self.events = events(film)

    def compose(self) -> ComposeResult:
        undated = undated_home_media(self.film)
        if self.events:
            first, end = axis_span(self.events)
            years = f"{first}–{end - 1}" if end - 1 > first else f"{first}"  # not "2020–2020"
            yield Static(Content(f"Timeline {years}   ·   "
                                 + "   ".join(MARKS.values())), id="timeline-legend")
            with ChartBox(id="timeline-chart-box"):
                yield TimelineChart(self.events, id="timeline-chart")
        else:
            yield nothing("dated events")
        if undated:
            yield Static(Content("Not on the timeline, no date known: "
                                 + ", ".join(edition_title(u) for u in undated)),
                         id="timeline-undated")
        if not self.events:
            return
        with Horizontal(id="timeline-lower"):
            yield EventList(self.events, id="timeline-list")
            with ReadingPane(id="timeline-detail"):
                yield Prose([], findable=False, id="timeline-detail-text")

    def on_mount(self) -> None:
        if self.events:
            self.query_one(EventList).highlighted = 0
            self._show_detail(0)  # now, in the first frame: the highlight's message comes later

    @on(OptionList.OptionHighlighted, "#timeline-list")
    def _event_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.query_one(TimelineChart).selected:  # not shown yet
            self._show_detail(event.option_index)

    def _show_detail(self, number: int) -> None:
        self.query_one(TimelineChart).selected = number
        self.query_one(ChartBox).show_row(number)
        event = self.events[number]
        # Said only where the date is not to the day: "1990 (known to the year)".
        precision = {"year": " (known to the year)", "month": " (known to the month)",
                     "day": ""}[event.date.precision]
        detail = Content.assemble(
            (event.title, "bold"), "\n",
            (f"{spelled_date(event.date)}{precision}", "italic"), "\n\n",
            event.detail,
        )
        self.query_one("#timeline-detail-text", Prose).update([detail])
        self.mark_detail(number)
        self.query_one("#timeline-detail", ReadingPane).scroll_home(animate=False)

    @on(EventList.Marked)
    def _marked(self, message: EventList.Marked) -> None:
        if message.event_list.highlighted is not None:
            self.mark_detail(message.event_list.highlighted)

    def mark_detail(self, number: int) -> None:
        """Mark a find's words in the details of event *number*, if it is a match."""
        query, rows, current = self.query_one(EventList).found
        self.query_one("#timeline-detail-text", Prose).mark_found(
            query, [0] if number in rows else [], 0 if number == current else None)


def _list_entry(event: Event) -> Table:
    """Date, then title; a title too long for its line wraps under itself, not the date."""
    row = Table.grid(padding=(0, 1, 0, 0))
    row.add_column(width=DATE_WIDTH, no_wrap=True, style="bold")
    row.add_column(ratio=1)
    row.add_row(Text(short_date(event.date)), Text(event.title))
    return row


def short_date(date: PartialDate) -> str:
    """"27 Oct 1995", "Apr 1994", "1990": the list's date column; the details spell it out."""
    if date.month is None:
        return str(date.year)
    month = calendar.month_abbr[date.month]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"
