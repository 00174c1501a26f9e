"""Text whose names are links, and whose find matches are marked.

A :class:`Linked` widget draws *units*: a paragraph, a quote, the value of a fact, a line of
a card. Each unit is film text wrapped in :class:`Content`, so it is drawn as literal text.
Its links are found by lvtui (:mod:`lvtui.mentions`) and become spans whose only action is
``follow(N)``, N an index into the widget's own list: film text never makes a link or an
action. Links are added after the first frame (`set_mentions`), so start-up never waits for
them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Protocol

from rich.cells import cell_len
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.message import Message
from textual.style import Style
from textual.widget import Widget

from lvtui.mentions import Mention, Mentions
from lvtui.search import match_spans

# The link the keyboard is on: it stands out in any theme, since it swaps the link's own
# colours.
CURRENT_LINK = Style(reverse=True, bold=True)


class Findable(Protocol):
    """A widget whose text a find looks in, row by row (a unit, a table row, an event)."""

    def find_texts(self) -> list[str]:
        """Each row as plain text."""

    def mark_found(self, query: str, rows: Sequence[int], current: int | None) -> None:
        """Mark the words of *query* (folded) in *rows*, the rows that match; the row
        *current* stands out. An empty query clears the marks."""

    def reveal_found(self, row: int) -> None:
        """Bring *row* into view (the widget's section is already shown)."""


def line_top(widget: Widget, line: int) -> int:
    """Where *line* of *widget* is in its container's scrolling space."""
    return widget.virtual_region.y + widget.styles.padding.top + line


def show_line(widget: Widget, line: int, *, center: bool = False) -> None:
    """Scroll *widget*'s container so that *line* of it is in view: moving as little as
    possible (stepping through links), or to the middle (a find's match, as browsers do)."""
    container = widget.parent
    if isinstance(container, Widget):
        container.scroll_to_region(Region(0, line_top(widget, line), 1, 1), animate=False,
                                   immediate=True, center=center)


def _follow(number: int) -> Style:
    return Style.from_meta({"@click": f"follow({number})"})


class Linked(Widget):
    """Units of film text with their links and find marks; subclasses lay the units out."""

    DEFAULT_CSS = """
    Linked {
        height: auto;
        & > .linked--match { background: $warning 40%; color: auto 95%; }
        & > .linked--current-match { background: $warning; color: auto 95%; text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"linked--match", "linked--current-match"}
    # The theme's link style is put on the links here, not by Textual after drawing, so a
    # find's mark on a name is drawn over it and keeps its own, readable colours.
    auto_links = False

    class Followed(Message):
        """A link was followed (enter on it, or a click)."""

        def __init__(self, link: Mention) -> None:
            super().__init__()
            self.link = link

    def __init__(self, units: Sequence[Content], *, links: Sequence[Sequence[Mention]] = (),
                 own: str | None = None, findable: bool = True, classes: str | None = None,
                 id: str | None = None) -> None:
        super().__init__(classes=classes, id=id)
        self.own = own  # the record a card is about: no link to where you already are
        # False where another widget stands for this text in a find (an event's details:
        # the event list).
        self.findable = findable
        self._mentions: Mentions | None = None
        self.links: list[tuple[int, Mention]] = []  # (unit, mention), in reading order
        self.current_link: int | None = None
        self.marks: dict[int, list[tuple[int, int]]] = {}  # unit: spans of its plain text
        self.current_unit: int | None = None  # the find match that stands out
        self.update(units, links)

    def update(self, units: Sequence[Content], links: Sequence[Sequence[Mention]] = ()) -> None:
        """Show other units (the timeline's details of another event), linked alike."""
        self.units = list(units)
        # Height per width: the text alone decides it (links and marks only restyle), and
        # Textual asks several times a layout. Laying out a long text is not free.
        self._heights: dict[int, int] = {}
        # Links lvtui makes itself (a card's entries), kept when mentions are added.
        self._fixed = [list(unit) for unit in links] or [[] for _ in self.units]
        self.marks, self.current_unit = {}, None
        if self._mentions is not None:
            self.set_mentions(self._mentions)
        else:
            self._set_links(self._fixed)
            self.current_link = None
        self.refresh(layout=True)

    @property
    def texts(self) -> list[str]:
        """Each unit as plain text: what a find looks in."""
        return [unit.plain for unit in self.units]

    def plain_text(self) -> str:
        return "\n".join(self.texts)

    def _set_links(self, per_unit: Sequence[Sequence[Mention]]) -> None:
        self.links = [(unit, link) for unit, links in enumerate(per_unit) for link in links]

    def set_mentions(self, mentions: Mentions) -> None:
        """Make a link of every name in the text (except where lvtui placed a link)."""
        self._mentions = mentions
        found = []
        for unit, fixed in zip(self.units, self._fixed, strict=True):
            links = list(fixed)
            for mention in mentions.find(unit.plain):
                if mention.target != self.own and not any(
                        mention.start < f.end and f.start < mention.end for f in fixed):
                    links.append(mention)
            found.append(sorted(links))
        self._set_links(found)
        self.current_link = None
        self.refresh(layout=False)

    def set_current_link(self, number: int | None) -> None:
        if number != self.current_link:
            self.current_link = number
            self.refresh()

    # -- find: see Findable ----------------------------------------------------------------

    def find_texts(self) -> list[str]:
        return self.texts

    def mark_found(self, query: str, rows: Sequence[int], current: int | None) -> None:
        texts = self.texts
        marks = {row: match_spans(texts[row], query) for row in rows}
        if marks != self.marks or current != self.current_unit:
            self.marks, self.current_unit = marks, current
            self.refresh()

    def reveal_found(self, row: int) -> None:
        show_line(self, self.mark_line() or 0, center=True)

    def action_follow(self, number: int) -> None:
        if 0 <= number < len(self.links):
            self.post_message(self.Followed(self.links[number][1]))

    # -- drawing ------------------------------------------------------------------------------

    def styled_units(self) -> list[Content]:
        """Each unit with its links and marks."""
        units = list(self.units)
        link_style = Style.from_rich_style(self.link_style)
        for number, (unit, link) in enumerate(self.links):
            style = link_style + _follow(number)
            if number == self.current_link:
                style = style + CURRENT_LINK
            units[unit] = units[unit].stylize(style, link.start, link.end)
        if self.marks:
            match = self.get_visual_style("linked--match")
            current = self.get_visual_style("linked--current-match")
            for unit, spans in self.marks.items():
                for start, end in spans:
                    units[unit] = units[unit].stylize(
                        current if unit == self.current_unit else match, start, end)
        return units

    def lay_out_units(self, units: list[Content], width: int) -> Content:
        """The units as one text: one after another, a line each, by default."""
        return Content("\n").join(units)

    def render(self) -> Content:
        return self.lay_out_units(self.styled_units(), self.content_size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Laid out for the width asked about, not the width of the last layout (none yet,
        # the first time: a layout that wraps by itself would fold a letter a line).
        if width not in self._heights:
            self._heights[width] = len(self.lay_out_units(self.units, width).wrap(max(1, width)))
        return self._heights[width]

    def _drawn_lines(self) -> list[Content]:
        """The lines as drawn at the widget's width."""
        return self.render().wrap(max(1, self.content_size.width))

    def line_of(self, found: Callable[[Span], bool]) -> int | None:
        """The first line, as drawn, holding a span *found* picks out."""
        for y, line in enumerate(self._drawn_lines()):
            if any(found(span) for span in line.spans):
                return y
        return None

    def link_line(self, number: int) -> int | None:
        return self.link_lines().get(number)

    def link_lines(self) -> dict[int, int]:
        """The line each link starts on, as drawn."""
        found: dict[int, int] = {}
        for y, line in enumerate(self._drawn_lines()):
            for span in line.spans:
                if isinstance(span.style, Style):
                    action = span.style.meta.get("@click", "")
                    if action.startswith("follow("):
                        found.setdefault(int(action[7:-1]), y)
        return found

    def mark_line(self) -> int | None:
        """The first line of the current find match, as drawn."""
        if self.current_unit is None:
            return None
        current = self.get_visual_style("linked--current-match")
        return self.line_of(lambda span: span.style == current)


class Prose(Linked):
    """A paragraph, a quote, a card: units one after another."""


class FactList(Linked):
    """Label/value rows with a hanging indent: labels are ours, the values (the units) come
    from the film. A label repeated on consecutive rows is written once: they read as a
    group. Narrower than a label and a short value, each label goes above its value."""

    DEFAULT_CSS = """
    FactList {
        margin-bottom: 1;
        & > .facts--label { text-style: bold; color: $text-secondary; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts--label"}
    GAP = 2  # cells between the columns
    NARROWEST_VALUE = 16  # cells: below this, labels go above their values

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        rows = [(label, value) for label, value in rows if value]
        super().__init__([Content(value) for _, value in rows])
        self.labels = [label for label, _ in rows]

    def plain_text(self) -> str:
        return "\n".join(f"{label}: {value}" for label, value in zip(self.labels, self.texts,
                                                                     strict=True))

    def lay_out_units(self, units: list[Content], width: int) -> Content:
        style = self.get_visual_style("facts--label", partial=True)
        label_width = max((cell_len(label) for label in self.labels), default=0)
        value_width = width - label_width - self.GAP
        stacked = value_width < self.NARROWEST_VALUE
        lines: list[Content] = []
        previous = None
        for label, value in zip(self.labels, units, strict=True):
            shown = label if label != previous else ""
            previous = label
            if stacked:
                if shown:
                    lines.append(Content(shown).stylize(style))
                lines += [Content("  ") + line for line in value.wrap(max(1, width - 2))]
                continue
            for number, line in enumerate(value.wrap(max(1, value_width))):
                head = shown if number == 0 else ""
                # The gap is part of the label's text: an SVG viewer may drop spaces that
                # open a text of their own.
                gap = " " * (label_width - cell_len(head) + self.GAP)
                lines.append(Content.assemble((head + gap, style), line))
        return Content("\n").join(lines)

