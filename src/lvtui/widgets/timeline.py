"""Section 5: the dated events drawn to scale on a time axis, a list beside it, and details.

A date is drawn at its real precision: a year as a bracket across that year, a month as a
short bar, a day as a dot. "April 1994" is never pinned to the first of the month.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the UI never needs pydantic at import time
    from lvtui.model import Event, Film, PartialDate


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


class TimelineChart(Widget):
    """One row per event on a shared time axis, then the axis and its year labels."""

    DEFAULT_CSS = """
    TimelineChart {
        height: auto;
        padding: 0 1;
        & > .timeline-chart--mark { color: $accent; text-style: bold; }
        & > .timeline-chart--selected { background: $boost; color: $text; text-style: bold; }
        & > .timeline-chart--axis { color: $text-muted; }
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
        label = f" {event.title} · {event.date.display()} "
        after = left + len(mark)
        room_after, room_before = width - after, left
        if len(label) > max(room_after, room_before):
            # Fits on neither side: cut it, on the side with more room, rather than overwrite.
            room = max(room_after, room_before)
            label = label[: max(0, room - 1)] + "…" if room else ""
        label_at = after if len(label) <= room_after else left - len(label)
        cells = [" "] * width
        cells[left:left + len(mark)] = mark
        cells[label_at:label_at + len(label)] = label
        text = "".join(cells)[:width]
        mark_style = self.get_visual_style("timeline-chart--mark", partial=True)
        line = Content(text[:width]).stylize(mark_style, left, left + len(mark))
        if number == self.selected:
            selected = self.get_visual_style("timeline-chart--selected", partial=True)
            line = line.stylize(selected, label_at, label_at + len(label))
        return line

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


class EventList(OptionList):
    """The events as a list; moving through it selects the event on the chart."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", tooltip="First event"),
        Binding("G", "last", "Last", tooltip="Last event"),
    ]


class TimelinePane(Vertical):
    DEFAULT_CSS = """
    TimelinePane {
        & > TimelineChart { margin-bottom: 1; }
        & > #timeline-lower { height: 1fr; }
        & #timeline-list { width: 3fr; max-width: 64; height: 1fr; }
        & #timeline-side { width: 2fr; padding: 0 1; }
        & #timeline-detail { height: auto; margin-bottom: 1; }
        & #timeline-undated { height: auto; color: $text-muted; }
        & #timeline-legend { height: 1; color: $text-muted; padding: 0 1; }
    }
    """

    def __init__(self, film: Film, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.film = film
        self.events = film.events()

    def compose(self) -> ComposeResult:
        first, end = axis_span(self.events)
        yield Static(Content(f"Timeline {first}–{end - 1}   ·   " + "   ".join(MARKS.values())),
                     id="timeline-legend")
        yield TimelineChart(self.events, id="timeline-chart")
        with Horizontal(id="timeline-lower"):
            yield EventList(
                *[Option(Content.assemble((f"{e.date.display():<17}", "bold"), e.title))
                  for e in self.events],
                id="timeline-list",
            )
            with Vertical(id="timeline-side"):
                yield Static(id="timeline-detail")
                undated = self.film.undated_home_media()
                if undated:
                    yield Static(Content("Undated: " + ", ".join(u.format for u in undated)),
                                 id="timeline-undated")

    def on_mount(self) -> None:
        if self.events:
            self.query_one(EventList).highlighted = 0
            self._show_detail(0)

    @on(OptionList.OptionHighlighted, "#timeline-list")
    def _event_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option_index)

    def _show_detail(self, number: int) -> None:
        self.query_one(TimelineChart).selected = number
        event = self.events[number]
        precision = {"year": "known to the year", "month": "known to the month",
                     "day": "known to the day"}[event.date.precision]
        detail = Content.assemble(
            (event.title, "bold"), "\n",
            (f"{event.date.display()} ({precision})", "italic"), "\n\n",
            event.detail,
        )
        self.query_one("#timeline-detail", Static).update(detail)
